// plt's budgets (issue 4): a 10,000-point line figure's MIME bundle built in ≤ 100 ms, and a 2,500-point cost
// curve's bundle ≤ 200 kB. Times are medians of repeated builds in one warm process. Run through `npm run bench`.
const { DISPLAY } = require("../dist/lib/display");
const { plt } = require("../dist/lib/plot");

const BUDGET_SECONDS = 0.1;
const BUDGET_BYTES = 200_000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A training-run-like curve: decaying cost with noise, deterministic. */
function costCurve(n) {
  return Array.from({ length: n }, (_, i) => 0.693 * Math.exp(-i / (n / 8)) + 0.05 + 0.01 * Math.sin(i * 12.9898));
}

/** Builds the bundle of a figure drawn by `draw`, returning seconds and JSON bytes. */
function buildBundle(draw) {
  plt.close("all");
  draw();
  const figure = plt.gcf();
  const start = performance.now();
  const bundle = figure[DISPLAY]();
  const seconds = (performance.now() - start) / 1000;
  plt.close("all");
  return { seconds, bytes: Buffer.byteLength(JSON.stringify(bundle)) };
}

const WORKLOADS = {
  "line 10,000 points": () => plt.plot(costCurve(10_000)),
  "cost curve 2,500 points": () => {
    plt.plot(costCurve(2_500));
    plt.ylabel("cost");
    plt.xlabel("iterations (per hundreds)");
    plt.title("Learning rate = 0.005");
  },
  "scatter 400 points + contourf 300x300": () => {
    const grid = Array.from({ length: 300 }, (_, i) => -1.5 + i * 0.01);
    plt.contourf(grid, grid, grid.map((y) => grid.map((x) => (x * x + y * y < 1 ? 1 : 0))), { cmap: plt.cm.Spectral });
    const t = Array.from({ length: 400 }, (_, i) => i);
    plt.scatter(t.map((i) => Math.cos(i) * (i % 2 ? 0.5 : 1.2)), t.map((i) => Math.sin(i) * (i % 2 ? 0.5 : 1.2)), { c: t.map((i) => i % 2), cmap: plt.cm.Spectral });
  },
  "imshow 64x64x3": () => plt.imshow(Array.from({ length: 64 }, (_, r) => Array.from({ length: 64 }, (_, c) => [r * 4, c * 4, 128]))),
};

/** Runs the plot benchmark: rows of { workload, reference (the time budget), tsdl, ratio, bytes }. */
function run({ reps = 9 } = {}) {
  const rows = [];
  for (const [workload, draw] of Object.entries(WORKLOADS)) {
    buildBundle(draw); // warm-up: the first build pays for JIT compilation
    const runs = Array.from({ length: reps }, () => buildBundle(draw));
    const tsdl = median(runs.map((r) => r.seconds));
    const bytes = runs[0].bytes;
    rows.push({ workload, reference: BUDGET_SECONDS, tsdl, ratio: tsdl / BUDGET_SECONDS, bytes });
    console.log(`${workload}: bundle ${(bytes / 1000).toFixed(0)} kB${workload.startsWith("cost curve") ? ` (budget ${BUDGET_BYTES / 1000} kB)` : ""}`);
  }
  return { suite: "plot (reference = 100 ms budget)", node: process.version, rows };
}

module.exports = { run };
