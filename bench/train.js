// End to end: the course's L-layer model [784, 20, 7, 5, 1] trained on 2,000 MNIST images ("3" against the
// rest) for 300 iterations, in numpy (bench/train_numpy.py) and in tsdl (bench/train_tsdl.js, on its active
// backend and on the TypeScript path), each in its own process, from the same data and initial parameters
// (written as .npy by tsdl). Reports the training time, the final cost (which must agree) and memory.
const { execFileSync } = require("node:child_process");
const { mkdtempSync, rmSync, writeFileSync, existsSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const np = require("../dist/lib/np");
const { loadMnist } = require("../dist/lib/data");

const LAYERS = [784, 20, 7, 5, 1];
const ITERATIONS = 300;
const LEARNING_RATE = 0.0075;

function python() {
  const venv = join(__dirname, "..", ".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

/** Data and the course's initialisation (seed 1, randn / sqrt(fan-in), zero biases) as .npy files. */
function prepare(dir) {
  const { trainX, trainY } = loadMnist({ digit: 3, train: 2000, test: 10 });
  np.save(join(dir, "X.npy"), trainX);
  np.save(join(dir, "Y.npy"), trainY);
  np.random.seed(1);
  for (let l = 1; l < LAYERS.length; l++) {
    np.save(join(dir, `W${l}.npy`), np.random.randn(LAYERS[l], LAYERS[l - 1]).div(Math.sqrt(LAYERS[l - 1])));
    np.save(join(dir, `b${l}.npy`), np.zeros([LAYERS[l], 1]));
  }
  writeFileSync(join(dir, "layers.json"), JSON.stringify(LAYERS));
}

function train(command, args, env = {}) {
  const out = execFileSync(command, [...args, String(ITERATIONS), String(LEARNING_RATE)], { encoding: "utf8", env: { ...process.env, ...env } });
  return JSON.parse(out);
}

function median(runs, key) {
  const values = runs.map((r) => r[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

/** Runs the end-to-end benchmark: `runs` alternating runs of numpy and tsdl (medians), one on the TypeScript path. */
function run({ runs = 3 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tsdl-train-"));
  try {
    prepare(dir);
    const numpyRuns = [];
    const tsdlRuns = [];
    const tsdl = [process.execPath, [join(__dirname, "train_tsdl.js"), dir]];
    for (let r = 0; r < runs; r++) {
      try {
        numpyRuns.push(train(python(), [join(__dirname, "train_numpy.py"), dir]));
      } catch (error) {
        if (r === 0) console.warn(`numpy is not available (${error.message.split("\n")[0]}): timing tsdl only.`);
      }
      tsdlRuns.push(train(...tsdl));
    }
    const typescript = np.backend() === "typescript" ? null : train(...tsdl, { TSDL_BACKEND: "typescript" });
    const numpy = numpyRuns.length ? numpyRuns : null;
    const row = (workload, unit, key) => {
      const n = numpy ? median(numpy, key) : null;
      const t = median(tsdlRuns, key);
      return { workload, unit, numpy: n, tsdl: t, ratio: n ? t / n : null, typescript: typescript ? typescript[key] : null };
    };
    const rows = [
      row(`train [${LAYERS}] 2000 images × ${ITERATIONS} iterations`, "s", "seconds"),
      row("final cost", "value", "cost"),
      row("peak resident memory (whole process)", "bytes", "peakBytes"),
      row("resident memory before training", "bytes", "startBytes"),
    ];
    const growth = (r) => r.peakBytes - r.startBytes;
    const n = numpy ? median(numpy.map((r) => ({ g: growth(r) })), "g") : null;
    const t = median(tsdlRuns.map((r) => ({ g: growth(r) })), "g");
    rows.push({ workload: "memory growth during training (peak − before)", unit: "bytes", numpy: n, tsdl: t, ratio: n ? t / n : null, typescript: typescript ? growth(typescript) : null });
    const costs = { numpy: numpy?.[0].costs ?? null, tsdl: tsdlRuns[0].costs, typescript: typescript?.costs ?? null };
    return { suite: "train", numpy: numpy?.[0].numpy ?? null, node: process.version, backend: tsdlRuns[0].backend, costs, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
