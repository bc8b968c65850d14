// tsdl's side of the end-to-end benchmark (bench/train.js): the L-layer model of notebook 1.4, written as the
// notebook writes it, trained on the data and initial parameters in the .npy files of a directory.
// Prints JSON: seconds, the cost every 100 iterations and the last, peak and starting resident memory.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const np = require("../dist/lib/np");

function forward(X, p, L) {
  const caches = [];
  let A = X;
  for (let l = 1; l <= L; l++) {
    const APrev = A;
    const Z = p[`W${l}`].dot(APrev).add(p[`b${l}`]);
    A = l < L ? np.maximum(0, Z) : np.divide(1, np.add(1, np.exp(Z.neg())));
    caches.push({ APrev, W: p[`W${l}`], Z });
  }
  return { AL: A, caches };
}

function cost(AL, Y) {
  const logProbabilities = Y.mul(np.log(AL)).add(np.subtract(1, Y).mul(np.log(np.subtract(1, AL))));
  return -logProbabilities.sum() / Y.shape[1];
}

function backward(AL, Y, caches) {
  const grads = {};
  const L = caches.length;
  let dA = np.negative(Y.div(AL)).add(np.subtract(1, Y).div(np.subtract(1, AL)));
  for (let l = L; l >= 1; l--) {
    const { APrev, W, Z } = caches[l - 1];
    let dZ;
    if (l === L) {
      const s = np.divide(1, np.add(1, np.exp(Z.neg())));
      dZ = dA.mul(s).mul(np.subtract(1, s));
    } else {
      dZ = dA.copy().set(Z.le(0), 0);
    }
    const m = APrev.shape[1];
    grads[`dW${l}`] = dZ.dot(APrev.T).div(m);
    grads[`db${l}`] = np.divide(dZ.sum({ axis: 1, keepdims: true }), m);
    dA = W.T.dot(dZ);
  }
  return grads;
}

/** This process's peak resident memory (VmHWM: ru_maxrss would include the parent's, from before exec). */
function peakResidentBytes() {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))[1]) * 1024;
}

function main() {
  const [dir, iterationsArg, rateArg] = process.argv.slice(2);
  const iterations = Number(iterationsArg);
  const learningRate = Number(rateArg);
  const X = np.load(join(dir, "X.npy"));
  const Y = np.load(join(dir, "Y.npy"));
  const L = Number(require(join(dir, "layers.json")).length - 1);
  let p = {};
  for (let l = 1; l <= L; l++) {
    p[`W${l}`] = np.load(join(dir, `W${l}.npy`));
    p[`b${l}`] = np.load(join(dir, `b${l}.npy`));
  }
  const rssBefore = process.memoryUsage().rss;
  const costs = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const { AL, caches } = forward(X, p, L);
    if (i % 100 === 0 || i === iterations - 1) costs.push(cost(AL, Y));
    const grads = backward(AL, Y, caches);
    const updated = {};
    for (const name of Object.keys(p)) updated[name] = p[name].sub(grads[`d${name}`].mul(learningRate));
    p = updated;
  }
  const seconds = (performance.now() - start) / 1000;
  const peak = peakResidentBytes();
  console.log(JSON.stringify({ seconds, costs, cost: costs[costs.length - 1], peakBytes: peak, startBytes: rssBefore, backend: np.backend() }));
}

main();
