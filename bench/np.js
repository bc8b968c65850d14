// tsdl's np against numpy on the workloads of bench/np-workloads.json: medians of repeated runs, one process
// each, and the ratio tsdl / numpy (below 1: tsdl is faster). Run through `npm run bench`.
const { execFileSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const np = require("../dist/lib/np");

const COMPOSITES = {
  sigmoid: (z) => np.divide(1, np.add(1, np.exp(np.negative(z)))),
  column0: (x) => x.get(":, 0"),
};

function perCall(fn, reps, minTime) {
  let loops = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < loops; i++) fn();
    if ((performance.now() - start) / 1000 >= minTime) break;
    loops *= 2;
  }
  const times = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    for (let i = 0; i < loops; i++) fn();
    times.push((performance.now() - start) / 1000 / loops);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function python() {
  const venv = join(__dirname, "..", ".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

function numpyTimes(reps, minTime) {
  try {
    const out = execFileSync(python(), [join(__dirname, "np_numpy.py"), String(reps), String(minTime)], { encoding: "utf8" });
    return JSON.parse(out);
  } catch (error) {
    console.warn(`numpy is not available (${error.message.split("\n")[0]}): timing tsdl only.`);
    return null;
  }
}

/** Runs the np benchmark and returns rows of { workload, numpy, tsdl, ratio } (seconds per call). */
function run({ reps = 7, minTime = 0.05 } = {}) {
  const spec = require("./np-workloads.json");
  const reference = numpyTimes(reps, minTime);
  np.random.seed(0);
  const rows = [];
  for (const w of spec.workloads) {
    const inputs = w.inputs.map((shape) => np.random.randn(...shape));
    const [name, args, kwargs] = w.call;
    const fn = COMPOSITES[name] ?? np[name];
    const values = args.map((a) => (typeof a === "string" && a.startsWith("$") ? inputs[Number(a.slice(1))] : a));
    const call = Object.keys(kwargs).length ? () => fn(...values, kwargs) : () => fn(...values);
    const tsdl = perCall(call, reps, minTime);
    const numpy = reference ? reference.seconds[w.name] : null;
    rows.push({ workload: w.name, numpy, tsdl, ratio: numpy ? tsdl / numpy : null });
  }
  return { suite: "np", numpy: reference?.numpy ?? null, node: process.version, rows };
}

module.exports = { run };
