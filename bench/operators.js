// What NumPy-style operators cost a cell (kernel/operators.ts): the same cell written with operators and with
// NDArray methods, run through the kernel's Evaluator (tslab's compile + run, in this process) on small arrays, so
// that the difference is the rewrite (type check and position mapping). The budget (issue 8) is ≤ 50 ms added for a
// cell with 20 operators. Each form runs in blocks of cells that differ only in a comment, as when a cell is edited
// and re-run: alternating the two forms cell by cell would instead measure both compilers' incremental parsing
// losing to large edits (about +15 ms for either form, measured here). Blocks of the two forms alternate.
// Run with `npm run bench operators` or `node bench/operators.js`.
const { join } = require("node:path");
const { Evaluator } = require("../dist/kernel/evaluator");
const { OperatorRewriter } = require("../dist/kernel/operators");
const { preludeSource, resolveGlobals } = require("../dist/kernel/prelude");

const BLOCKS = Number(process.env.OPERATORS_BENCH_BLOCKS ?? 6);
const CELLS_PER_BLOCK = 8;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const SETUP = "const A = np.array([[1.5, -2, 3], [4, 0.5, -6]]); const B = np.array([2, 3, 1]);";

/** The same computation twice, 20 operators / 20 method calls; `-D` is np.negative, `B > 0` np.greater. */
const WITH_OPERATORS = `const C = A * 2 + B / 3 - A * B;
const D = (C - 1) ** 2 / (A + 4) + C * 0.5;
const E = -D + A % 3 - (B > 0) * 1;
D + E * C - 1`;
const WITH_METHODS = `const C = A.mul(2).add(B.div(3)).sub(A.mul(B));
const D = C.sub(1).pow(2).div(A.add(4)).add(C.mul(0.5));
const E = D.neg().add(A.mod(3)).sub(B.gt(0).mul(1));
D.add(E.mul(C)).sub(1)`;
/** Plain number arithmetic: one type check finds no NDArray, the cell goes to tslab unchanged. */
const PLAIN_ARITHMETIC = "let s = 0; for (let i = 0; i < 10; i++) s += i * 2 - 1; s";
/** No operator token at all: no type check. */
const NO_OPERATORS = "const n = np.ones([3]).sum(); Math.max(n, 1)";

/** Median seconds the rewriter alone spends on cells tslab then gets unchanged: all it adds to them. */
function rewriteOnly(code) {
  const repo = join(__dirname, "..");
  const rewriter = new OperatorRewriter(repo);
  rewriter.addModule("__tsdl_prelude__", preludeSource(resolveGlobals().sources, repo));
  const times = [];
  for (let i = 0; i < BLOCKS * CELLS_PER_BLOCK; i++) {
    const start = performance.now();
    if (rewriter.rewrite("", `${code}\n// run ${i}`) !== undefined) throw new Error(`expected no rewrite of ${code}`);
    times.push((performance.now() - start) / 1000);
  }
  return median(times.slice(1)); // the first builds the program: part of the kernel's start
}

async function run() {
  const evaluator = new Evaluator(join(__dirname, ".."));
  let cell = 0;
  /** Seconds to run `code`; a comment with a counter makes every cell new text, as a notebook's edits are. */
  const time = async (code) => {
    const start = performance.now();
    const outcome = await evaluator.run(`${code}\n// run ${cell}`, `cell-${++cell}`);
    const seconds = (performance.now() - start) / 1000;
    if (!outcome.ok) throw new Error(`${outcome.error.ename}: ${outcome.error.evalue}`);
    return seconds;
  };
  await time(SETUP);
  const rows = [];
  for (const [workload, measured, reference] of [["cell with 20 operators (reference: with methods)", WITH_OPERATORS, WITH_METHODS]]) {
    const measuredTimes = [];
    const referenceTimes = [];
    for (let block = 0; block < BLOCKS; block++) {
      for (const [code, times] of [[measured, measuredTimes], [reference, referenceTimes]]) {
        await time(code); // the first cell after a switch of form pays for the large edit
        for (let i = 0; i < CELLS_PER_BLOCK; i++) times.push(await time(code));
      }
    }
    const tsdl = median(measuredTimes);
    const ref = median(referenceTimes);
    rows.push({ workload, reference: ref, tsdl, ratio: tsdl / ref, addedMs: (tsdl - ref) * 1000 });
  }
  evaluator.close();
  for (const [workload, code] of [["rewrite of plain number arithmetic", PLAIN_ARITHMETIC], ["rewrite of a cell without operator tokens", NO_OPERATORS]]) {
    const tsdl = rewriteOnly(code);
    rows.push({ workload, reference: null, tsdl, ratio: null, addedMs: tsdl * 1000 });
  }
  return { suite: "operators", node: process.version, cells: BLOCKS * CELLS_PER_BLOCK, budgetMs: 50, rows };
}

module.exports = { run };

if (require.main === module) {
  run().then(
    (result) => {
      for (const row of result.rows) {
        const reference = row.reference === null ? "" : ` vs ${(row.reference * 1000).toFixed(1)} ms`;
        console.log(`${row.workload.padEnd(50)} ${(row.tsdl * 1000).toFixed(1).padStart(7)} ms${reference}  (+${row.addedMs.toFixed(1)} ms)`);
      }
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
