// `npm run bench`: runs every suite in bench/ (np, train, and the kernel, plot and operators suites where present), prints a
// table of times and ratios against the reference, and writes bench/results/<suite>.json.
const { spawnSync } = require("node:child_process");
const { mkdirSync, writeFileSync, existsSync } = require("node:fs");
const { join } = require("node:path");
const { MALLOC_ENV } = require("../dist/kernel/malloc-env");

function formatSeconds(seconds) {
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(2)} µs`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(2)} ms`;
  return `${seconds.toFixed(2)} s`;
}

/** A measurement as a cell: seconds unless the row says otherwise (bytes, a plain value). */
function format(value, unit = "s") {
  if (value === null || value === undefined) return "—";
  if (unit === "bytes") return `${(value / 2 ** 20).toFixed(0)} MiB`;
  if (unit === "value") return value.toPrecision(12);
  return formatSeconds(value);
}

const ratio = (r) => (r === null || r === undefined ? "—" : r.toFixed(2));

/** Prints a suite's rows; columns a suite does not fill (TypeScript path, JavaScript peer, GFLOP/s) are left out. */
function printTable(result) {
  const peer = result.tfjs ? `tfjs ${result.tfjs}` : null;
  console.log(`\n${result.suite} (node ${result.node}${result.numpy ? `, numpy ${result.numpy}` : ""}${result.backend ? `, tsdl backend ${result.backend}` : ""}${peer ? `, ${peer}` : ""})`);
  const columns = [
    ["workload", (r) => r.workload],
    ["reference", (r) => format(r.numpy ?? r.reference, r.unit)],
    ["tsdl", (r) => format(r.tsdl, r.unit)],
    ["tsdl / reference", (r) => ratio(r.ratio)],
    ["typescript path", (r) => format(r.typescript, r.unit), (rows) => rows.some((r) => "typescript" in r)],
    ["tfjs-cpu", (r) => format(r.tfjs, r.unit), (rows) => rows.some((r) => r.tfjs)],
    ["tfjs / reference", (r) => ratio(r.tfjsRatio), (rows) => rows.some((r) => r.tfjs)],
    ["GFLOP/s numpy | tsdl", (r) => (r.gflops ? `${r.gflops.numpy?.toFixed(1) ?? "—"} | ${r.gflops.tsdl.toFixed(1)}` : ""), (rows) => rows.some((r) => r.gflops)],
  ].filter(([, , shown]) => !shown || shown(result.rows));
  const header = columns.map(([title]) => title);
  const lines = result.rows.map((r) => columns.map(([, cell]) => cell(r)));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
}

async function main() {
  const only = process.argv.slice(2);
  const suites = ["np", "train", "kernel", "plot", "operators"].filter((s) => (only.length === 0 || only.includes(s)) && existsSync(join(__dirname, `${s}.js`)));
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
