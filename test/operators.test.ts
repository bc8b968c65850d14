/**
 * NumPy-style operators in cells (kernel/operators.ts, lib/ops): cells run through the kernel's Evaluator (tslab's
 * converter and executor with the prelude, in this process), results compared with the np functions, which are
 * checked against numpy elsewhere. The rewrite itself (what tslab is given) and its position mapping are tested
 * on the OperatorRewriter and RewrittenCell.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Evaluator } from "../kernel/evaluator";
import { HELPERS_GLOBAL, OperatorRewriter, RewrittenCell, mayUseOperators } from "../kernel/operators";
import { preludeSource, resolveGlobals } from "../kernel/prelude";
import { REPO } from "./clients/harness";

// The values cells compute are arrays of the built np (the kernel's globals come from dist/).
const npModule = require(join(REPO, "dist", "lib", "np", "index.js"));
const np = npModule.np ?? npModule;
type Array = { dtype: string; shape: number[]; tolist(): unknown };

let evaluator: Evaluator;
beforeAll(() => {
  evaluator = new Evaluator(REPO);
});
afterAll(() => evaluator?.close());

let cellNumber = 0;
async function value(code: string): Promise<unknown> {
  const outcome = await evaluator.run(code, `cell-${++cellNumber}`);
  if (!outcome.ok) throw new Error(`${outcome.error.ename}: ${outcome.error.evalue}`);
  return outcome.value;
}
async function failure(code: string) {
  const outcome = await evaluator.run(code, `cell-${++cellNumber}`);
  if (outcome.ok) throw new Error(`expected the cell to fail: ${code}`);
  return outcome.error;
}
/** Same dtype, shape and values (NaN equal to NaN, as tolist() gives them). */
function expectSameArray(actual: unknown, expected: Array) {
  const got = actual as Array;
  expect(got?.dtype).toBe(expected.dtype);
  expect(got.shape).toEqual(expected.shape);
  expect(got.tolist()).toEqual(expected.tolist());
}

const A = () => np.array([[1.5, -2, 3], [4, 0.5, -6]]);
const B = () => np.array([2, 3, 1]);
const DEFINE_OPERANDS = "const A = np.array([[1.5, -2, 3], [4, 0.5, -6]]); const B = np.array([2, 3, 1]);";

const TABLE: [string, string][] = [
  ["+", "add"],
  ["-", "subtract"],
  ["*", "multiply"],
  ["/", "divide"],
  ["%", "mod"],
  ["**", "power"],
  ["<", "less"],
  ["<=", "less_equal"],
  [">", "greater"],
  [">=", "greater_equal"],
];

describe("every operator × operand kinds × broadcasting, as the np function", () => {
  beforeAll(async () => {
    await value(DEFINE_OPERANDS);
  });
  it.each(TABLE)("%s is np.%s", async (operator, ufunc) => {
    // NDArray with NDArray (broadcast (2,3) with (3,)), with a number and a boolean, on either side.
    const results = (await value(`[A ${operator} B, B ${operator} A, A ${operator} 2, 3 ${operator} B, A ${operator} true, false ${operator} A]`)) as unknown[];
    const expected = [np[ufunc](A(), B()), np[ufunc](B(), A()), np[ufunc](A(), 2), np[ufunc](3, B()), np[ufunc](A(), true), np[ufunc](false, A())];
    expect(results).toHaveLength(expected.length);
    results.forEach((result, i) => expectSameArray(result, expected[i]));
  });

  it("unary minus is np.negative; on a boolean array it is numpy's error", async () => {
    expectSameArray(await value("-A"), np.negative(A()));
    expect((await failure("-(A > 0)")).evalue).toMatch(/boolean negative/);
  });

  it("== and === keep JavaScript's meaning (identity); np.equal is the elementwise form", async () => {
    expect(await value("[A == A, A === B, A == A.copy()]")).toEqual([true, false, false]);
    expectSameArray(await value("np.equal(A, A.copy())"), np.equal(A(), A()));
  });
});

describe("precedence and associativity come from the syntax tree", () => {
  it("a - b - c is (a - b) - c; a * b + c / d; ** is right-associative", async () => {
    expectSameArray(await value("A - B - A"), np.subtract(np.subtract(A(), B()), A()));
    expectSameArray(await value("A * B + A / B"), np.add(np.multiply(A(), B()), np.divide(A(), B())));
    expectSameArray(await value("2 ** B ** 2"), np.power(2, np.power(B(), 2)));
    expectSameArray(await value("100 * A / B"), np.divide(np.multiply(100, A()), B()));
  });

  it("-a ** 2 stays TypeScript's syntax error; (-a) ** 2 is allowed", async () => {
    const error = await failure("const C = A;\n-C ** 2");
    expect(error.ename).toBe("TSError");
    expect(error.evalue).toMatch(/^cell:2:1 - .*unary expression/);
    expectSameArray(await value("(-A) ** 2"), np.power(np.negative(A()), 2));
  });

  it("an operator result is an NDArray for the next operator, in the same cell and in later cells", async () => {
    expectSameArray(await value("const C = A * 2; const D = C + 1; D.sum({ axis: 0 }) - 1"), np.subtract(np.add(np.multiply(A(), 2), 1).sum({ axis: 0 }), 1));
    expectSameArray(await value("D / 2"), np.divide(np.add(np.multiply(A(), 2), 1), 2));
    expect(await value("(A * 0 + 1).sum() + 1")).toBe(7);
  });
});

describe("wherever an expression is", () => {
  it("in methods, arrow functions, templates, chained assignments, after top-level await, on properties", async () => {
    expect(await value("class Layer { w = np.ones([3]); forward(x: typeof B) { return this.w * x + 1; } }\nnew Layer().forward(B).tolist()")).toEqual([3, 4, 2]);
    expect(await value("const square = (x: typeof B) => x ** 2; `${(square(B) - 1).tolist()}`")).toBe("3,8,0");
    expect(await value("let y, z; y = z = B * 2; [y === z, y.tolist()]")).toEqual([true, [4, 6, 2]]);
    expect(await value("const r = await Promise.resolve(B); (r * 2).tolist()")).toEqual([4, 6, 2]);
    expect(await value("const holder = { v: B.copy() }; holder.v += 1; holder.v.tolist()")).toEqual([3, 4, 2]);
    expect(await value("[B, B].map((b) => b * 3)[1].tolist()")).toEqual([6, 9, 3]);
  });
});

describe("compound assignment", () => {
  it("updates an NDArray in place (a const too: the same object, as numpy's +=)", async () => {
    const [same, updated] = (await value("const W = np.ones([2, 3]); const W0 = W; W += B; W -= 0.5; W *= 2; W /= 4; W **= 2; W %= 2; [W0 === W, W]")) as [boolean, Array];
    expect(same).toBe(true);
    let expected = np.add(np.ones([2, 3]), B());
    for (const [ufunc, operand] of [["subtract", 0.5], ["multiply", 2], ["divide", 4], ["power", 2], ["mod", 2]] as const) expected = np[ufunc](expected, operand);
    expectSameArray(updated, expected);
  });

  it("updates in place a variable the same cell computed with operators", async () => {
    const [same, updated] = (await value("const G = A * 1; const G0 = G; G += 1; [G0 === G, G]")) as [boolean, Array];
    expect(same).toBe(true);
    expectSameArray(updated, np.add(np.multiply(A(), 1), 1));
  });

  it("follows numpy's casting and shape rules for the target", async () => {
    expect((await failure("const I = np.arange(3); I += 0.5")).evalue).toBe("Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'");
    expect((await failure("const I2 = np.arange(3); I2 /= 2")).evalue).toMatch(/Cannot cast ufunc 'divide' output from dtype\('float64'\)/);
    expect((await failure("const S = np.ones([3]); S += np.ones([2, 3])")).evalue).toMatch(/non-broadcastable output operand with shape \(3,\)/);
    expectSameArray(await value("const J = np.arange(3); J += 2; J"), np.add(np.arange(3), 2));
  });

  it("assigns back when the target may hold something else", async () => {
    expectSameArray(await value("let total: typeof A | number = 0; for (const row of [A, A]) total += row; total"), np.multiply(A(), 2));
    expect(await value("let n = 1; n += 2; n")).toBe(3);
  });
});

describe("temporaries: an operator's result used only by the next operator holds that operator's result", () => {
  it("computes what the np functions compute, and never writes into a named array", async () => {
    const [cost, Y, A2] = (await value("const Y = np.array([[1, 0, 1]]); const A2 = np.array([[0.9, 0.2, 0.6]]); const Y0 = Y.copy(), A0 = A2.copy(); [-(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)).sum() / 3, Y0, A0]")) as [number, Array, Array];
    const y = np.array([[1, 0, 1]]);
    const a = np.array([[0.9, 0.2, 0.6]]);
    expect(cost).toBe(-np.add(np.multiply(y, np.log(a)), np.multiply(np.subtract(1, y), np.log(np.subtract(1, a)))).sum() / 3);
    expectSameArray(await value("Y"), Y);
    expectSameArray(await value("A2"), A2);
    const sigmoid = np.divide(1, np.add(1, np.exp(np.negative(A()))));
    expectSameArray(await value("const Z3 = np.array([[1.5, -2, 3], [4, 0.5, -6]]); 1 / (1 + np.exp(-Z3))"), sigmoid);
    const product = np.add(np.dot(np.array([[0.5, -1], [2, 0.25]]), A()), np.array([[1], [2]]));
    expectSameArray(await value("const W3 = np.array([[0.5, -1], [2, 0.25]]); np.dot(W3, Z3) + np.array([[1], [2]])"), product);
    expectSameArray(await value("Z3"), A());
  });

  it("reuses a temporary of the result's dtype and shape, and only then", async () => {
    const ops = require(join(REPO, "dist", "lib", "ops", "index.js")).ops as Record<string, (...args: unknown[]) => any>;
    const temporary = ops.mul(A(), 2);
    const result = ops.add(ops.temp(temporary), B());
    expect(result).toBe(temporary);
    expectSameArray(result, np.add(np.multiply(A(), 2), B()));
    // The mark is used up: the same array passed again is not written.
    const again = ops.add(temporary, 1);
    // (Compared as booleans: vitest's not.toBe walks NDArrays with their iterator, which 0-d elements refuse.)
    expect(again === temporary).toBe(false);
    // Another dtype (int64 → float64 division), or a shape the result outgrows, gets a new array.
    const ints = ops.mul(np.arange(3), 2);
    expect(ops.div(ops.temp(ints), 4) === ints).toBe(false);
    expectSameArray(ints, np.multiply(np.arange(3), 2));
    const row = ops.mul(B(), 1.5);
    const grown = ops.add(ops.temp(row), A());
    expect(grown === row).toBe(false);
    expectSameArray(grown, np.add(np.multiply(B(), 1.5), A()));
    const negated = ops.mul(A(), 1);
    expect(ops.neg(ops.temp(negated))).toBe(negated);
    // A unary ufunc writes into a temporary argument of its result's dtype, and uses the mark up.
    const scaled = ops.mul(A(), 0.5);
    expect(np.exp(ops.temp(scaled)) === scaled).toBe(true);
    expectSameArray(scaled, np.exp(np.multiply(A(), 0.5)));
    expect(np.exp(scaled) === scaled).toBe(false);
    const counts = ops.mul(np.arange(3), 1);
    expect(np.exp(ops.temp(counts)) === counts).toBe(false);
    expectSameArray(counts, np.arange(3));
  });
});

describe("strings, numbers, generics and any", () => {
  it("leaves plain number and string arithmetic to JavaScript", async () => {
    expect(await value('"n=" + 1 + 2')).toBe("n=12");
    expect(await value("1 + 2 * 3 - -1")).toBe(8);
    expect(await value('"size " + A.size')).toBe("size 6");
  });

  it("generic parameters constrained to NDArray count as NDArrays", async () => {
    expectSameArray(await value("function twice<T extends typeof A>(x: T) { return x * 2; }\ntwice(A).neg()"), np.negative(np.multiply(A(), 2)));
  });

  it("an any operand with an NDArray is decided at run time; any with a number stays JavaScript", async () => {
    expectSameArray(await value("const k: any = 3; k * A"), np.multiply(3, A()));
    expect(await value("k * 2")).toBe(6);
    expectSameArray(await value("const maybe: typeof A | number = A; maybe - 1"), np.subtract(A(), 1));
    expect(await value("const notArray: typeof A | number = 4; notArray - 1")).toBe(3);
  });
});

describe("type errors point at what the user typed", () => {
  it("an NDArray with a string or an object is an error at the operand", async () => {
    const error = await failure('const q = 1;\nconst r = A + "x"');
    expect(error.ename).toBe("TSError");
    expect(error.evalue).toBe(`cell:2:15 - Operator '+' cannot be applied to types 'NDArray' and '"x"'.`);
    expect((await failure("A * {}")).evalue).toBe("cell:1:5 - Operator '*' cannot be applied to types 'NDArray' and '{}'.");
  });

  it("tslab's errors in rewritten code are mapped back to the line and column typed", async () => {
    const code = "const p = A * 2 + B * 3;   const wrong: string = A / B;";
    const error = await failure(code);
    expect(error.evalue).toBe(`cell:1:${code.indexOf("wrong") + 1} - Type 'NDArray' is not assignable to type 'string'.`);
    const secondLine = "  * B; const y: number = 'y'";
    const later = await failure(`const x2 = -A\n${secondLine}`);
    expect(later.evalue).toBe(`cell:2:${secondLine.indexOf("y:") + 1} - Type 'string' is not assignable to type 'number'.`);
  });
});

describe("hover and completion", () => {
  it("hovering a variable holding 100 * A / B shows NDArray", async () => {
    await value("const P = 100 * A / B");
    const code = "P.sum() + (100 * A / B).max()";
    expect(evaluator.inspect(code, 1)?.plain).toMatch(/const P: NDArray/);
    expect(evaluator.inspect(code, code.indexOf("max") + 1)?.plain).toMatch(/^\(method\) NDArray\.max/);
  });

  it("hovering an operator shows its expression's type", async () => {
    const code = "const Q = 100 * A / B - 1";
    expect(evaluator.inspect(code, code.indexOf("/") + 1)?.plain).toBe("100 * A / B: NDArray");
    expect(evaluator.inspect(code, code.indexOf("*"))?.plain).toBe("100 * A: NDArray");
    expect(evaluator.inspect(code, code.indexOf("-"))?.plain).toBe("100 * A / B - 1: NDArray");
    expect(evaluator.inspect("-B", 0)?.plain).toBe("-B: NDArray");
  });

  it("completes members after (A + b). and hides the helpers", async () => {
    const code = "const b = 2;\n(A + b).su";
    const completion = evaluator.complete(code, code.length);
    expect(completion.matches).toContain("sum");
    expect([completion.cursorStart, completion.cursorEnd]).toEqual([code.length - 2, code.length]);
    expect(evaluator.complete("__tsdl", 6).matches).not.toContain(HELPERS_GLOBAL);
  });
});

describe("the rewrite", () => {
  const rewriter = new OperatorRewriter(REPO);
  rewriter.addModule("__tsdl_prelude__", preludeSource(resolveGlobals().sources, REPO));
  const prevDecl = `declare const A: import(${JSON.stringify(join(REPO, "dist/lib/np/ndarray"))}).NDArray;`;

  it("replaces only operator tokens and adds calls' parentheses, keeping lines and comments", () => {
    expect(rewriter.rewrite(prevDecl, "A /* scale */ * 2\n  + 1")?.cell.code).toBe(`${HELPERS_GLOBAL}.add(${HELPERS_GLOBAL}.temp(${HELPERS_GLOBAL}.mul(A /* scale */ , 2))\n  , 1)`);
    expect(rewriter.rewrite(prevDecl, "-A * A")?.cell.code).toBe(`${HELPERS_GLOBAL}.mul(${HELPERS_GLOBAL}.temp(${HELPERS_GLOBAL}.neg(A)) , A)`);
    expect(rewriter.rewrite(prevDecl, "const G = A * 2; G -= A * 2")?.cell.code).toBe(`const G = ${HELPERS_GLOBAL}.mul(A , 2); ${HELPERS_GLOBAL}.isub(G , ${HELPERS_GLOBAL}.mul(A , 2))`);
  });

  it("marks new arrays from np calls and operators as temporaries for the operator or unary ufunc they feed, never a view, an input or `out`", () => {
    const temp = (code: string) => `${HELPERS_GLOBAL}.temp(${code})`;
    const code = (src: string) => rewriter.rewrite(prevDecl, src)?.cell.code;
    expect(code("1 / (1 + np.exp(-A))")).toBe(`${HELPERS_GLOBAL}.div(1 , ${temp(`(${HELPERS_GLOBAL}.add(1 , ${temp(`np.exp(${temp(`${HELPERS_GLOBAL}.neg(A)`)})`)}))`)})`);
    // A unary ufunc writes into a new-array argument; a named one is never marked.
    expect(code("np.tanh(A * 2) + np.log(A)")).toBe(`${HELPERS_GLOBAL}.add(${temp(`np.tanh(${temp(`${HELPERS_GLOBAL}.mul(A , 2)`)})`)} , ${temp("np.log(A)")})`);
    expect(code("np.dot(A, A) + A.dot(A)")).toBe(`${HELPERS_GLOBAL}.add(${temp("np.dot(A, A)")} , ${temp("A.dot(A)")})`);
    expect(code("A.mul(2) - np.maximum(0, A)")).toBe(`${HELPERS_GLOBAL}.sub(${temp("A.mul(2)")} , ${temp("np.maximum(0, A)")})`);
    // `out` given, a view, the array itself: never written by the operator.
    expect(code("np.exp(A, { out: A }) * 2")).toBe(`${HELPERS_GLOBAL}.mul(np.exp(A, { out: A }) , 2)`);
    expect(code("A.reshape(-1) * 2")).toBe(`${HELPERS_GLOBAL}.mul(A.reshape(-1) , 2)`);
    expect(code("np.asarray(A) * 2")).toBe(`${HELPERS_GLOBAL}.mul(np.asarray(A) , 2)`);
    // A call on a call's result starts where that call starts: only the inner one is a ufunc's new array.
    expect(code("np.exp(A).reshape(-1) * 2")).toBe(`${HELPERS_GLOBAL}.mul(np.exp(A).reshape(-1) , 2)`);
    expect(code("np.exp(A).sum() * A")).toBe(`${HELPERS_GLOBAL}.mul(np.exp(A).sum() , A)`);
  });

  it("leaves cells without NDArray operators alone, and skips the type check without operator tokens", () => {
    expect(rewriter.rewrite(prevDecl, "const s = 'a' + 1; 2 ** 3 < 4")).toBeUndefined();
    expect(mayUseOperators("np.zeros([2]).sum() // a - b, 'c * d'")).toBe(false);
    expect(mayUseOperators("x-1")).toBe(true);
  });

  it("does not type-check operators between literals alone (a kernel's first `1 + 1` needs no second program)", () => {
    const fresh = new OperatorRewriter(tmpdir());
    const check = vi.spyOn(fresh as unknown as { check: () => unknown }, "check");
    expect(fresh.rewrite("", "1 + 1;\n-2 * (3 - 1) < 4 === true;\n'a' + 'b'")).toBeUndefined();
    expect(check).not.toHaveBeenCalled();
  });

  it("maps offsets both ways: a cursor after an operand stays after it", () => {
    const cell = rewriter.rewrite(prevDecl, "(A + b).")!.cell;
    expect(cell.code).toBe(`(${HELPERS_GLOBAL}.add(A , b)).`);
    const rewrittenEnd = cell.code.length;
    expect(cell.toRewritten(8)).toBe(rewrittenEnd);
    expect(cell.toOriginal(rewrittenEnd)).toBe(8);
    expect(cell.code.slice(cell.toRewritten(6) - 1)).toBe("b)).");
    expect(cell.toOriginal(cell.code.indexOf("add"))).toBe(1);
    expect(cell.toRewritten(3)).toBe(cell.code.indexOf(","));
  });

  it("RewrittenCell applies edits in order at one offset: closing, opening (outermost first), replacement", () => {
    const cell = new RewrittenCell("-A*B", [
      { start: 0, end: 0, text: "mul(", order: 1 },
      { start: 0, end: 1, text: "neg(", order: 2 },
      { start: 2, end: 2, text: ")", order: 0 },
      { start: 2, end: 3, text: ",", order: 2 },
      { start: 4, end: 4, text: ")", order: 0 },
    ]);
    expect(cell.code).toBe("mul(neg(A),B)");
    expect(cell.position(3)).toEqual({ offset: 3, line: 0, character: 3 });
  });
});

describe("outside the kernel", () => {
  it("tsc still rejects operators on NDArray: methods are the API there", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsdl-operators-"));
    const source = `import * as np from ${JSON.stringify(join(REPO, "dist", "lib", "np", "index"))};\nconst A = np.ones([2]);\nexport const B = A * 2;\nexport const C = A.mul(2);\n`;
    writeFileSync(join(dir, "plain.ts"), source);
    const options = ["--noEmit", "--strict", "--target", "es2022", "--module", "commonjs", "--types", "node", "--typeRoots", join(REPO, "node_modules", "@types")];
    let output = "";
    try {
      execFileSync(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), ...options, "plain.ts"], { cwd: dir, encoding: "utf8" });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    expect(output.trim()).toMatch(/^plain\.ts\(3,18\): error TS2362: The left-hand side of an arithmetic operation[^\n]*$/);
  }, 60_000);
});
