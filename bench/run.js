// `npm run bench`: runs every suite in bench/ (np, and the kernel and plot suites where present), prints a
// table of times and ratios against the reference, and writes bench/results/<suite>.json.
const { spawnSync } = require("node:child_process");
const { mkdirSync, writeFileSync, existsSync } = require("node:fs");
const { join } = require("node:path");
const { MALLOC_ENV } = require("../dist/kernel/malloc-env");

function format(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(2)} µs`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(2)} ms`;
  return `${seconds.toFixed(2)} s`;
}

function printTable(result) {
  console.log(`\n${result.suite} (node ${result.node}${result.numpy ? `, numpy ${result.numpy}` : ""})`);
  const header = ["workload", "reference", "tsdl", "tsdl / reference"];
  const lines = result.rows.map((r) => [r.workload, format(r.numpy ?? r.reference), format(r.tsdl), r.ratio ? r.ratio.toFixed(2) : "—"]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
}

async function main() {
  const only = process.argv.slice(2);
  const suites = ["np", "kernel", "plot"].filter((s) => (only.length === 0 || only.includes(s)) && existsSync(join(__dirname, `${s}.js`)));
  const outDir = join(__dirname, "results");
  mkdirSync(outDir, { recursive: true });
  for (const suite of suites) {
    const result = await require(`./${suite}.js`).run();
    printTable(result);
    writeFileSync(join(outDir, `${suite}.json`), JSON.stringify(result, null, 2));
  }
}

// tsdl is measured under the allocator settings its kernel runs with: re-run this script with them.
if (Object.entries(MALLOC_ENV).every(([key, value]) => process.env[key] === value)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  const child = spawnSync(process.execPath, [__filename, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, ...MALLOC_ENV } });
  process.exit(child.status ?? 1);
}
