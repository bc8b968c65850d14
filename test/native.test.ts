/**
 * The native backend against the TypeScript reference path, in one process (setBackend switches between
 * them): arithmetic and sums to the bit, transcendental functions within 4 ulp, products to rounding; and
 * numpy's golden cases again with every call routed to the native backend.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { NDArray } from "../lib/np/ndarray";
import { nativeBackend, setBackend } from "../lib/np/native";
import { checkCase, linalgTolerance, ufuncTolerance } from "./helpers/cases";
import { loadGolden } from "./helpers/golden";

const cpuHasAvx2 = process.arch === "x64" && process.platform === "linux" && /\bavx2\b/.test(readFileSync("/proc/cpuinfo", "utf8")) && /\bfma\b/.test(readFileSync("/proc/cpuinfo", "utf8"));
const forcedTypescript = process.env.TSDL_BACKEND === "typescript";
const native = cpuHasAvx2 && !forcedTypescript;

test("np.backend() names the active path: native on an AVX2 machine after npm install, else typescript", () => {
  expect(np.backend()).toBe(native ? "native-avx2" : "typescript");
});

/** Runs `f` on the TypeScript path, then on the native one with every size routed to it. */
function both<T>(f: () => T): { reference: T; fast: T } {
  setBackend("typescript");
  const reference = f();
  setBackend("native-avx2", { minElements: 0 });
  try {
    return { reference, fast: f() };
  } finally {
    setBackend("native-avx2");
  }
}

/** Distance in units in the last place between two doubles (0 for equal, NaN = NaN, -0 = +0). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b) || a === b || (a !== a && b !== b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  const ordered = (x: bigint) => (x < 0n ? -(x & 0x7fffffffffffffffn) : x);
  const d = ordered(bits[0]) - ordered(bits[1]);
  return Number(d < 0n ? -d : d);
}

function expectUlps(fast: NDArray, reference: NDArray, limit: number): void {
  expect(fast.shape).toEqual(reference.shape);
  expect(fast.dtype).toBe(reference.dtype);
  const f = fast.flatten().data, r = reference.flatten().data;
  let worst = 0;
  for (let i = 0; i < f.length; i++) worst = Math.max(worst, ulps(f[i], r[i]));
  expect(worst).toBeLessThanOrEqual(limit);
}

function expectBitwise(fast: NDArray | number, reference: NDArray | number): void {
  if (typeof fast === "number" || typeof reference === "number") {
    expect(Object.is(fast, reference) || fast === reference).toBe(true);
    return;
  }
  expectUlps(fast, reference, 0);
  expect(Array.from(fast.flatten().data).map((v) => Object.is(v, -0))).toEqual(Array.from(reference.flatten().data).map((v) => Object.is(v, -0)));
}

/** float64 inputs in several layouts: contiguous (with a tail that is not a multiple of 4), transposed, stepped, offset. */
function layouts(): [string, NDArray][] {
  np.random.seed(7);
  const base = np.random.randn(37, 29).mul(3);
  const special = np.array([NaN, Infinity, -Infinity, 0, -0, 1e-310, -1e-310, 709.8, -745.2, 1e300, -1e300, 20, -20, 1e-8, 0.5, -0.5, 1, -1]);
  return [
    ["contiguous", base],
    ["transposed", base.T],
    ["stepped", base.get("1::3, ::-2")],
    ["offset row", base.get("5")],
    ["special values", special],
    ["0-d", np.array(0.75)],
  ];
}

describe.runIf(native)("native backend equals the TypeScript path", () => {
  const transcendental = ["exp", "log", "log1p", "tanh", "sin", "cos"] as const;
  const exact = ["sqrt", "negative", "abs", "square"] as const;

  for (const [layout, x] of layouts()) {
    for (const name of transcendental) {
      test(`${name}, ${layout}: within 4 ulp`, () => {
        const input = name === "log" || name === "log1p" ? np.abs(x) : x;
        const { reference, fast } = both(() => np[name](input));
        expectUlps(fast, reference, 4);
      });
    }
    for (const name of exact) {
      test(`${name}, ${layout}: to the bit`, () => {
        const { reference, fast } = both(() => np[name](x));
        expectBitwise(fast, reference);
      });
    }
  }

  const binaries = ["add", "subtract", "multiply", "divide", "maximum", "minimum"] as const;
  for (const name of binaries) {
    test(`${name}: same shape, broadcast row and column, scalar, transposed, NaN and signed zeros, to the bit`, () => {
      np.random.seed(3);
      const a = np.random.randn(33, 21);
      const withSpecials = np.array([[NaN, 0, -0, Infinity], [1, NaN, -0, -Infinity]]);
      const cases: [np.ArrayLike, np.ArrayLike][] = [
        [a, np.random.randn(33, 21)],
        [a, np.random.randn(33, 1)],
        [np.random.randn(1, 21), a],
        [a, 0.5],
        [0, a],
        [a.T, np.random.randn(21, 33)],
        [a.get("1::2, :7"), a.get(":32:2, ::3")],
        [withSpecials, withSpecials.get("::-1")],
        [withSpecials, 0],
      ];
      for (const [x, y] of cases) {
        const { reference, fast } = both(() => np[name](x, y));
        expectBitwise(fast, reference);
      }
    });
  }

  test("operations large enough to be split over the cores: every layout equals the TypeScript path", () => {
    const threaded = nativeBackend()!.threadedElements;
    np.random.seed(13);
    // One-dimensional with a length that is no multiple of 8; rows with an odd width; fewer rows than threads.
    const flat = np.random.randn(threaded + 5).mul(3);
    const rows = np.random.randn(Math.ceil(threaded / 457) + 1, 457);
    const wide = np.random.randn(1, threaded + 3);
    const layouts: [string, NDArray][] = [["1-d", flat], ["rows", rows], ["transposed", rows.T], ["stepped", np.random.randn(2 * threaded + 9).get("::2")], ["one row", wide]];
    for (const [layout, x] of layouts) {
      expect(x.size, layout).toBeGreaterThanOrEqual(threaded);
      for (const name of ["exp", "tanh", "log", "sin"] as const) {
        const { reference, fast } = both(() => np[name](name === "log" ? np.abs(x) : x));
        expectUlps(fast, reference, 4);
      }
      const { reference, fast } = both(() => [np.negative(x), np.add(x, x.get("::-1")), np.multiply(x, 0.5), np.maximum(0, x)]);
      fast.forEach((f, i) => expectBitwise(f, reference[i]));
    }
    // Reductions accumulate into a result that is broadcast along the reduced axes: parts must not share it.
    const cube = np.random.randn(6, Math.ceil(threaded / 300), 50);
    const { reference, fast } = both(() => [
      np.add(rows, rows.get(":, :1")),
      np.divide(rows.get(":1"), rows),
      np.sum(rows, { axis: 0 }),
      np.mean(rows.T, { axis: 1, keepdims: true }),
      np.sum(cube, { axis: [0, 2] }),
      np.sum(cube, { axis: 0 }),
      np.sum(cube.transpose([2, 1, 0]), { axis: 2 }),
      // Accumulated into one element: no dimension to cut along.
      np.sum(cube.transpose([2, 1, 0])),
      np.mean(rows.T),
    ]);
    fast.forEach((f, i) => expectBitwise(f, reference[i]));
  });

  test("matrix·vector products large enough to be split over the cores: rows, columns, strided; within rounding", () => {
    np.random.seed(17);
    const matrix = np.random.randn(1003, 301);
    const vector = np.random.randn(301);
    const other = np.random.randn(1003);
    for (const f of [() => np.dot(matrix, vector), () => np.dot(other, matrix), () => np.dot(matrix.T, other), () => np.dot(matrix.get("::2"), vector.get("::-1"))]) {
      const { reference, fast } = both(f);
      expect(fast.shape).toEqual(reference.shape);
      expect(np.max(np.abs(fast.sub(reference)))).toBeLessThan(1e-11);
    }
  });

  test("out= and in-place views: exact overlap runs natively, a shifted overlap falls back and stays correct", () => {
    const { reference, fast } = both(() => {
      const a = np.arange(40).astype("float64");
      np.exp(a.get(":20"), { out: a.get(":20") });
      np.add(a.get("1:"), a.get(":-1"), { out: a.get("1:") });
      return a;
    });
    expectUlps(fast, reference, 4);
  });

  test("other dtypes stay on the TypeScript path with their own semantics", () => {
    const { reference, fast } = both(() => [np.add(np.arange(2000), 3), np.divide(np.arange(2000, undefined, undefined, { dtype: "int32" }), 7), np.exp(np.ones([2000], { dtype: "float32" }))]);
    fast.forEach((f, i) => expectBitwise(f, reference[i]));
  });

  test("sums and means over every axis combination, to the bit (numpy's pairwise order)", () => {
    np.random.seed(11);
    const inputs = [np.random.randn(300, 257), np.random.randn(300, 257).T, np.random.randn(6, 70, 33), np.random.randn(5000), np.random.randn(8, 9).get("::2")];
    for (const x of inputs) {
      const axes: (number | number[] | undefined)[] = [undefined, ...x.shape.map((_, d) => d), x.ndim > 2 ? [1, 2] : undefined, x.ndim > 2 ? [0, 2] : undefined];
      for (const axis of axes) {
        for (const keepdims of [false, true]) {
          const { reference, fast } = both(() => [np.sum(x, { axis, keepdims }), np.mean(x, { axis, keepdims })]);
          fast.forEach((f, i) => expectBitwise(f as NDArray | number, reference[i] as NDArray | number));
        }
      }
    }
  });

  test("matrix products: edge sizes, transposed and strided operands, matrix·vector, batches; within rounding", () => {
    np.random.seed(5);
    const shapes: [number, number, number][] = [[1, 1, 1], [5, 7, 3], [6, 8, 256], [7, 9, 257], [20, 209, 300], [73, 11, 130], [1, 40, 33], [40, 1, 33], [130, 70, 0]];
    for (const [m, n, k] of shapes) {
      const a = np.random.randn(m, k);
      const b = np.random.randn(k, n);
      const bt = np.random.randn(n, k);
      const at = np.random.randn(k, m);
      const pairs: [NDArray, NDArray][] = [[a, b], [at.T, b], [a, bt.T], [at.T, bt.T]];
      for (const [x, y] of pairs) {
        const { reference, fast } = both(() => np.dot(x, y));
        const scale = np.dot(np.abs(x), np.abs(y));
        expect(fast.shape).toEqual(reference.shape);
        const err = np.abs(fast.sub(reference)).sub(scale.mul(k * 2 ** -52));
        expect(k === 0 || np.max(err) <= 0).toBe(true);
      }
    }
    const stacked = np.random.randn(3, 17, 19);
    const vector = np.random.randn(19);
    for (const f of [() => np.matmul(stacked, stacked.transpose([0, 2, 1])), () => np.dot(stacked.get("0"), vector), () => np.dot(vector, stacked.get("1").T), () => np.dot(stacked.get("0, ::2"), stacked.get("1, :, ::-1").T)]) {
      const { reference, fast } = both(f);
      expect(np.max(np.abs(fast.sub(reference)))).toBeLessThan(1e-12);
    }
  });
});

describe.runIf(native)("numpy's golden cases with every call on the native backend", () => {
  beforeAll(() => setBackend("native-avx2", { minElements: 0 }));
  afterAll(() => setBackend("native-avx2"));
  for (const c of loadGolden("ufunc")) {
    if (c.result && c.result.dtype === "int8") continue;
    if (c.result?.dtype === "float16") c.result.dtype = "float32";
    test(`ufunc ${c.name}`, () => checkCase(c, ufuncTolerance(c.name)));
  }
  for (const c of loadGolden("reduce")) {
    if (c.result?.dtype === "uint64") c.result.dtype = "int64";
    const tol = c.name.includes("float32") ? { rtol: 2e-6, atol: 1e-6 } : /^(std|var|mean)/.test(c.name) ? { ulp: 4 } : {};
    test(`reduce ${c.name}`, () => checkCase(c, tol));
  }
  for (const c of loadGolden("linalg")) test(`linalg ${c.name}`, () => checkCase(c, linalgTolerance(c)));
});

describe.runIf(native)("long lanes sort by the native radix sort exactly as by the TypeScript sorts", () => {
  // Ties, both zeros, NaN of both signs, infinities, subnormals, integers and wide magnitudes, in lanes long
  // enough for the radix path; the TypeScript merge and typed-array sorts are checked against numpy elsewhere.
  const rng = np.random.default_rng(5);
  const special = [0, -0, NaN, -NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e308, -1e308, 1, -1];
  const lanes: [string, NDArray][] = [
    ["floats with specials", np.array(Array.from((rng.standard_normal(9000) as NDArray).toArray(), (v, i) => (i % 7 === 0 ? special[i % special.length] : v)))],
    ["few distinct integers", (rng.integers(-3, 4, 9000) as NDArray).astype("float64")],
    ["int64 beyond 2^32", rng.integers(-(2 ** 40), 2 ** 40, 5000) as NDArray],
    ["rows of a matrix", (rng.standard_normal([3, 5000]) as NDArray).mul(1e3).round()],
  ];
  test.each(lanes)("%s", (_, x) => {
    const { reference, fast } = both(() => [np.argsort(x), np.argsort(x, { axis: 0 }), np.sort(x), np.unique(x)]);
    fast.forEach((result, i) => {
      expect(result.shape).toEqual(reference[i].shape);
      // Object.is: the sorted zeros keep their signs in input order, as a stable sort does.
      expect(Array.from(result.flatten().data).every((v, k) => Object.is(v, reference[i].flatten().data[k]))).toBe(true);
    });
  });
});

const cpuHasAvx512 = native && /\bavx512f\b/.test(readFileSync("/proc/cpuinfo", "utf8"));

test.runIf(cpuHasAvx512)("TSDL_AVX512=0 runs libmvec's AVX2 routines (what CPUs without AVX-512 get): within 4 ulp of the TypeScript path", () => {
  const names = ["exp", "log", "log1p", "tanh", "sin", "cos"] as const;
  const script = `const np = require("./dist/lib/np"); np.random.seed(3); const x = np.random.randn(20000).mul(5);
    console.log(JSON.stringify(${JSON.stringify(names)}.map((f) => Array.from(np[f](f.startsWith("log") ? np.abs(x) : x).data))));`;
  const run = (env: Record<string, string>) =>
    JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: join(__dirname, ".."), env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 26 })) as number[][];
  const avx2 = run({ TSDL_AVX512: "0" });
  const avx512 = run({});
  np.random.seed(3);
  const x = np.random.randn(20000).mul(5);
  setBackend("typescript");
  try {
    names.forEach((name, i) => {
      const reference = np[name](name.startsWith("log") ? np.abs(x) : x);
      expectUlps(np.array(avx2[i]), reference, 4);
      expectUlps(np.array(avx512[i]), reference, 4);
    });
  } finally {
    setBackend("native-avx2");
  }
  // The two widths are different routines: somewhere their last bits differ, so the switch took effect.
  expect(avx2.some((values, i) => values.some((v, k) => v !== avx512[i][k]))).toBe(true);
});

test("TSDL_BACKEND=typescript forces the reference path in a process started with it", () => {
  const reported = execFileSync(process.execPath, ["-e", 'console.log(require("./dist/lib/np").backend())'], {
    cwd: join(__dirname, ".."),
    env: { ...process.env, TSDL_BACKEND: "typescript" },
    encoding: "utf8",
  });
  expect(reported.trim()).toBe("typescript");
});
