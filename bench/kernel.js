// Kernel speed: start → first result and a trivial cell's round trip for tsdl, plain tslab and ipykernel,
// all driven by the same jupyter_client harness (bench/kernel_bench.py) in the same run; reported as ratios.
// Run with `npm run bench kernel` (or `node bench/kernel.js` for this suite alone). Not a timed test.
const { execFileSync } = require("node:child_process");
const { mkdirSync, mkdtempSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const REPO = join(__dirname, "..");
const PYTHON = join(REPO, ".venv", "bin", "python");
const ROUNDS = Number(process.env.KERNEL_BENCH_ROUNDS ?? 3);
const CELLS = Number(process.env.KERNEL_BENCH_CELLS ?? 50);

/** Kernelspecs for the three kernels in a fresh JUPYTER_PATH: tsdl from its own installer, the others by hand. */
function writeKernelspecs() {
  const prefix = mkdtempSync(join(tmpdir(), "tsdl-bench-"));
  execFileSync(process.execPath, [join(REPO, "bin", "tsdl.js"), "install", "--prefix", prefix]);
  const kernels = join(prefix, "share", "jupyter", "kernels");
  const others = {
    "bench-tslab": [process.execPath, join(REPO, "node_modules", "tslab", "bin", "tslab"), "kernel", "--config-path", "{connection_file}"],
    "bench-ipykernel": [PYTHON, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
  };
  for (const [name, argv] of Object.entries(others)) {
    mkdirSync(join(kernels, name), { recursive: true });
    writeFileSync(join(kernels, name, "kernel.json"), JSON.stringify({ argv, display_name: name, language: name }));
  }
  return join(prefix, "share", "jupyter");
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run() {
  const jupyterPath = writeKernelspecs();
  const names = ["tsdl", "bench-tslab", "bench-ipykernel"];
  // The kernels start in an empty folder, as for a new notebook.
  const cwd = mkdtempSync(join(tmpdir(), "tsdl-bench-notebook-"));
  const out = execFileSync(PYTHON, [join(__dirname, "kernel_bench.py"), String(ROUNDS), String(CELLS), ...names], {
    cwd,
    env: { ...process.env, JUPYTER_PATH: jupyterPath },
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const raw = JSON.parse(out);
  const m = (name, key) => median(raw[name][key]);
  const rows = [];
  for (const [key, label] of [["start_to_first_result", "start → first result"], ["cell_round_trip", "trivial cell round trip"]]) {
    for (const [reference, refLabel] of [["bench-tslab", "tslab"], ["bench-ipykernel", "ipykernel"]]) {
      rows.push({ workload: `${label} (vs ${refLabel})`, reference: m(reference, key), tsdl: m("tsdl", key), ratio: m("tsdl", key) / m(reference, key) });
    }
  }
  return { suite: "kernel", node: process.version, rounds: ROUNDS, cells: CELLS, rows, raw };
}

module.exports = { run };

if (require.main === module) {
  run().then(
    (result) => {
      for (const row of result.rows) console.log(`${row.workload.padEnd(40)} tsdl ${(row.tsdl * 1e3).toFixed(1)} ms, reference ${(row.reference * 1e3).toFixed(1)} ms, ratio ${row.ratio.toFixed(2)}`);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
