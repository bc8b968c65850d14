/**
 * The globals every notebook starts with — `np`, `plt`, the display helpers and the kernel's own `input`,
 * `prompt` and `comms` — as runtime values on globalThis and as `declare global` types in a virtual module
 * the type checker sees, pointing at the built .d.ts files in dist/.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * dist/ of this package: this file is dist/kernel/prelude.js once built; run from source (vitest) it is
 * kernel/prelude.ts, and the globals still come from the built dist/.
 */
const PACKAGE_ROOT = join(__dirname, "..", basename(join(__dirname, "..")) === "dist" ? ".." : "");
const DIST = join(PACKAGE_ROOT, "dist");

/** One preloaded global: which built module holds it and under which export. */
export interface GlobalSource {
  name: string;
  /** Module path relative to dist/, without extension. */
  module: string;
  /** The export that holds the value; `"*"` for the whole module. */
  exportName: string;
}

/** np's types, reachable in cells as `np.NDArray`, `np.DType`, … */
const NP_TYPES = ["NDArray", "ArrayLike", "DType", "Scalar", "NestedArray", "NestedList", "IndexItem", "AxisOptions", "VarianceOptions"];

/** Display helpers, all exported by lib/display. */
const DISPLAY_HELPERS = ["display", "html", "md", "latex", "svg", "image", "progress", "timeit"];

/**
 * The globals and where they come from. `np` and `plt` are their modules' `np`/`plt` export when there
 * is one, else the module itself (`resolveGlobals` decides by loading it).
 */
const WANTED: GlobalSource[] = [
  { name: "np", module: "lib/np/index", exportName: "np" },
  { name: "plt", module: "lib/plot/index", exportName: "plt" },
  ...DISPLAY_HELPERS.map((name) => ({ name, module: "lib/display/index", exportName: name })),
  { name: "input", module: "kernel/user-api", exportName: "input" },
  { name: "prompt", module: "kernel/user-api", exportName: "prompt" },
  { name: "comms", module: "kernel/user-api", exportName: "comms" },
];

export interface ResolvedGlobals {
  sources: GlobalSource[];
  values: Record<string, unknown>;
  /** Globals whose module is not built (yet) or fails to load, with the reason: the kernel logs them and starts without. */
  missing: string[];
}

/**
 * Loads the modules behind the globals. A module that is not built or fails to load only drops its
 * globals (the kernel logs why), so a notebook still starts.
 * @example const { values } = resolveGlobals(); values.np.zeros([2])
 */
export function resolveGlobals(wanted: GlobalSource[] = WANTED): ResolvedGlobals {
  const sources: GlobalSource[] = [];
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const source of wanted) {
    const file = join(DIST, `${source.module}.js`);
    if (!existsSync(file)) {
      missing.push(`${source.name} (${source.module} is not built)`);
      continue;
    }
    let mod;
    try {
      mod = require(file);
    } catch (error) {
      missing.push(`${source.name} (${source.module} fails to load: ${error instanceof Error ? error.message.split("\n")[0] : error})`);
      continue;
    }
    const exportName = source.exportName in mod ? source.exportName : "*";
    if (exportName === "*" && source.name !== "np" && source.name !== "plt") {
      missing.push(`${source.name} (${source.module} has no such export)`);
      continue;
    }
    sources.push({ ...source, exportName });
    values[source.name] = exportName === "*" ? mod : mod[exportName];
  }
  return { sources, values, missing };
}

/**
 * The virtual module that declares the globals for the type checker (tslab wraps it in a module, so
 * `declare global` is allowed there while it is not inside a cell).
 * @example preludeSource(resolveGlobals().sources, "/home/me/nb")
 */
export function preludeSource(sources: GlobalSource[], notebookDir: string): string {
  const lines = sources.map(({ name, module, exportName }) => {
    const target = JSON.stringify(join(DIST, module));
    const declaration = `  var ${name}: typeof import(${target})${exportName === "*" ? "" : `[${JSON.stringify(exportName)}]`};`;
    if (name !== "np") return declaration;
    // A types-only namespace merges with the variable: cells can annotate with np.NDArray as numpy code does with np.ndarray.
    const types = NP_TYPES.map((type) => `export type ${type} = import(${target}).${type};`).join(" ");
    return `${declaration}\n  namespace np { ${types} }`;
  });
  const reference = nodeTypesReference(notebookDir);
  return `${reference}declare global {\n${lines.join("\n")}\n}\n`;
}

/**
 * tslab looks for @types/node above the notebook and then inside its own folder; when neither has it (npm
 * hoisted it next to tsdl), the prelude points at ours, so `console`, `process` and `Buffer` are always known.
 * @example nodeTypesReference("/tmp/nb", "/opt/tsdl/node_modules/tslab") // "" or "/// <reference path=… />"
 */
export function nodeTypesReference(notebookDir: string, tslabDir = dirname(require.resolve("tslab/package.json"))): string {
  const candidates = [...ancestors(notebookDir).map((dir) => join(dir, "node_modules")), join(tslabDir, "node_modules")];
  if (candidates.some((dir) => existsSync(join(dir, "@types", "node", "package.json")))) return "";
  const ours = dirname(require.resolve("@types/node/package.json"));
  return `/// <reference path=${JSON.stringify(join(ours, "index.d.ts"))} />\n`;
}

function ancestors(dir: string): string[] {
  const out = [dir];
  while (dirname(out[out.length - 1]) !== out[out.length - 1]) out.push(dirname(out[out.length - 1]));
  return out;
}
