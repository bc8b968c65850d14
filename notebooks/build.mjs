#!/usr/bin/env node
/**
 * Builds the course notebooks from their sources: notebooks/src/<name>.nb → notebooks/<name>.ipynb, without
 * outputs (execute them afterwards: `npx tsdl run notebooks/*.ipynb --inplace`).
 *
 * A source is a list of cells, each opened by a line `%% md` (markdown) or `%% ts` (code).
 * @example node notebooks/build.mjs            # every source
 * @example node notebooks/build.mjs 1.2-logistic-regression
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const sources = join(here, "src");

/** Splits a source into cells: `[{ type: "md" | "ts", text }]`. */
function parse(text, name) {
  const cells = [];
  for (const line of text.split("\n")) {
    const marker = /^%% (md|ts)\s*$/.exec(line);
    if (marker) cells.push({ type: marker[1], lines: [] });
    else if (cells.length) cells[cells.length - 1].lines.push(line);
    else if (line.trim()) throw new Error(`${name}: text before the first "%% md" or "%% ts" line`);
  }
  return cells.map(({ type, lines }) => ({ type, text: lines.join("\n").trim() }));
}

/** The nbformat 4.5 cell; ids derive from the notebook name and position, so rebuilding changes nothing else. */
function toCell({ type, text }, name, index) {
  const id = createHash("sha1").update(`${name}/${index}`).digest("hex").slice(0, 8);
  const source = text.split(/(?<=\n)/);
  if (type === "md") return { cell_type: "markdown", id, metadata: {}, source };
  return { cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source };
}

function build(name) {
  const cells = parse(readFileSync(join(sources, `${name}.nb`), "utf8"), name).map((cell, i) => toCell(cell, name, i));
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: "TypeScript (tsdl)", language: "typescript", name: "tsdl" },
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(join(here, `${name}.ipynb`), JSON.stringify(notebook, null, 1) + "\n");
  console.log(`built notebooks/${name}.ipynb (${cells.length} cells)`);
}

const names = process.argv.slice(2);
for (const name of names.length ? names : readdirSync(sources).filter((f) => f.endsWith(".nb")).map((f) => basename(f, ".nb"))) build(name);
