// tsdl's np against numpy on the workloads of bench/np-workloads.json: medians of repeated runs, and the ratio
// tsdl / numpy (below 1: tsdl is faster). tsdl runs on its active backend (np.backend()) and on the TypeScript
// reference path; tfjs-core's CPU backend (float32) is the JavaScript peer. Run through `npm run bench`.
const { execFileSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const np = require("../dist/lib/np");
const { setBackend } = require("../dist/lib/np/native");
const { perCall } = require("./timing");

const COMPOSITES = {
  sigmoid: (z) => np.divide(1, np.add(1, np.exp(np.negative(z)))),
  logabs: (z) => np.log(np.abs(z)),
  column0: (x) => x.get(":, 0"),
};

/** Work that would take minutes on a slow path is not timed there (more multiply-adds than this). */
const SLOW_PATH_LIMIT = 4e9;

function python() {
  const venv = join(__dirname, "..", ".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

/** numpy's { numpy: version, seconds: { [workload]: seconds per call } } for one workload, or null without numpy. */
function numpyTimes(workload, reps, minTime) {
  try {
    const out = execFileSync(python(), [join(__dirname, "np_numpy.py"), String(reps), String(minTime), workload], { encoding: "utf8" });
    return JSON.parse(out);
  } catch (error) {
    console.warn(`numpy is not available (${error.message.split("\n")[0]}): timing tsdl only.`);
    return null;
  }
}

/** Floating-point operations of a matrix product workload (2·m·n·k), else null. */
function productFlops(w) {
  if (w.call[0] !== "dot") return null;
  const shapeOf = (arg) => {
    const shape = w.inputs[Number(arg.slice(1, 2))];
    return arg.endsWith(".T") ? [...shape].reverse() : shape;
  };
  const [a, b] = w.call[1].map(shapeOf);
  const m = a.length === 2 ? a[0] : 1;
  const n = b.length === 2 ? b[1] : 1;
  return 2 * m * n * a[a.length - 1];
}

/** tfjs-core with its CPU backend, where it is installed. */
function loadTfjs() {
  try {
    const tf = require("@tensorflow/tfjs-core");
    require("@tensorflow/tfjs-backend-cpu");
    tf.setBackend("cpu");
    return tf;
  } catch {
    return null;
  }
}

/** The workload as a tfjs call on float32 tensors (transposed operands as matMul's flags), or null. */
function tfjsCall(tf, w, inputs) {
  const tensors = inputs.map((x) => tf.tensor(Float32Array.from(x.data), x.shape));
  const arg = (a) => (typeof a === "string" ? tensors[Number(a.slice(1, 2))] : a);
  const [name, args, kwargs] = w.call;
  const axis = kwargs.axis;
  const calls = {
    dot: () => {
      const [x, y] = args.map(arg);
      if (y.rank === 1) return tf.dot(x, y);
      return tf.matMul(x, y, args[0].endsWith(".T"), args[1].endsWith(".T"));
    },
    exp: () => tf.exp(arg(args[0])),
    tanh: () => tf.tanh(arg(args[0])),
    logabs: () => tf.log(tf.abs(arg(args[0]))),
    maximum: () => tf.maximum(tf.scalar(args[0]), arg(args[1])),
    sigmoid: () => tf.div(1, tf.add(1, tf.exp(tf.neg(arg(args[0]))))),
    add: () => tf.add(arg(args[0]), arg(args[1])),
    multiply: () => tf.mul(arg(args[0]), arg(args[1])),
    divide: () => tf.div(arg(args[0]), arg(args[1])),
    sum: () => tf.sum(arg(args[0]), axis, kwargs.keepdims),
    mean: () => tf.mean(arg(args[0]), axis, kwargs.keepdims),
    column0: () => tf.reshape(tf.slice(arg(args[0]), [0, 0], [-1, 1]), [-1]),
  };
  const f = calls[name];
  return f ? () => tf.dispose(tf.tidy(f)) : null;
}

/** Runs the np benchmark and returns rows of { workload, numpy, tsdl, ratio, typescript, tfjs, … } (seconds per call). */
function run({ reps = 7, minTime = 0.05 } = {}) {
  const spec = require("./np-workloads.json");
  let numpyVersion = null;
  let numpyMissing = false;
  const tf = loadTfjs();
  const active = np.backend();
  np.random.seed(0);
  const rows = [];
  // BENCH_WORKLOADS=<regular expression> times only the workloads whose names match.
  const only = new RegExp(process.env.BENCH_WORKLOADS ?? "");
  for (const w of spec.workloads.filter((w) => only.test(w.name))) {
    const inputs = w.inputs.map((shape) => np.random.randn(...shape));
    const [name, args, kwargs] = w.call;
    const fn = COMPOSITES[name] ?? np[name];
    const values = args.map((a) => (typeof a !== "string" ? a : a.endsWith(".T") ? inputs[Number(a[1])].T : inputs[Number(a[1])]));
    const call = Object.keys(kwargs).length ? () => fn(...values, kwargs) : () => fn(...values);
    const flops = productFlops(w);
    const reference = numpyMissing ? null : numpyTimes(w.name, reps, minTime);
    numpyMissing = !reference;
    numpyVersion = reference?.numpy ?? numpyVersion;
    const tsdl = perCall(call, reps, minTime);
    let typescript = null;
    if (active !== "typescript" && !(flops > SLOW_PATH_LIMIT)) {
      setBackend("typescript");
      typescript = perCall(call, reps, minTime);
      setBackend(active);
    }
    const tfCall = tf && !(flops > SLOW_PATH_LIMIT) ? tfjsCall(tf, w, inputs) : null;
    const tfjs = tfCall ? perCall(tfCall, reps, minTime) : null;
    const numpy = reference ? reference.seconds[w.name] : null;
    rows.push({
      workload: w.name,
      numpy,
      tsdl,
      ratio: numpy ? tsdl / numpy : null,
      typescript,
      tfjs,
      tfjsRatio: numpy && tfjs ? tfjs / numpy : null,
      gflops: flops ? { numpy: numpy ? flops / numpy / 1e9 : null, tsdl: flops / tsdl / 1e9 } : undefined,
    });
  }
  return { suite: "np", numpy: numpyVersion, node: process.version, backend: active, tfjs: tf ? `${tf.version_core} cpu, float32` : null, rows };
}

module.exports = { run };
