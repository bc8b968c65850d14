/** Reads the fixtures that test/golden/*.py wrote with numpy and compares NDArrays against them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { DType } from "../../lib/np/dtype";
import { NDArray, array, type NestedArray } from "../../lib/np/ndarray";

export type GoldenScalar = number | boolean | "nan" | "inf" | "-inf";
export interface GoldenValue {
  dtype: string | null;
  shape: number[] | null;
  data: GoldenScalar[];
}
export interface GoldenCase {
  name: string;
  result?: GoldenValue;
  error?: string;
  message?: string;
  [extra: string]: unknown;
}

export function loadGolden(family: string): GoldenCase[] {
  const text = readFileSync(join(__dirname, "..", "fixtures", `${family}.json`), "utf8");
  return JSON.parse(text).cases as GoldenCase[];
}

export function decodeScalar(x: GoldenScalar): number | boolean {
  if (x === "nan") return NaN;
  if (x === "inf") return Infinity;
  if (x === "-inf") return -Infinity;
  return x;
}

/**
 * An argument of the np.random fixtures (test/golden/random_state.py, generator.py): {"array": nested list,
 * "dtype": name} stands for np.array(list, dtype); "nan", "inf", "-inf" for those floats.
 */
export function decodeRandomArgument(arg: unknown): unknown {
  if (arg !== null && typeof arg === "object" && "array" in arg) {
    const { array: values, dtype } = arg as { array: NestedArray; dtype: DType };
    return array(values, { dtype });
  }
  if (Array.isArray(arg)) return arg.map(decodeRandomArgument);
  return arg === "nan" || arg === "inf" || arg === "-inf" ? decodeScalar(arg) : arg;
}

/** Asserts that `run` throws numpy's error: its type (numpy's UFuncTypeError is tsdl's plain TypeError) and message. */
export function expectNumpyError(run: () => unknown, error: string, message: string | undefined, label: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `${label} should throw numpy's ${error}`).toBeInstanceOf(Error);
  expect((thrown as Error).name, label).toBe(error === "UFuncTypeError" ? "TypeError" : error);
  expect((thrown as Error).message, label).toBe(message);
}

/** Distance in units in the last place between two floats (float64, or float32 when `single`); NaN = NaN. */
export function ulpDistance(a: number, b: number, single = false): number {
  if (Object.is(a, b) || a === b || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const view = new DataView(new ArrayBuffer(8));
  const ordered = (x: number) => {
    if (single) {
      view.setFloat32(0, x);
      const bits = view.getInt32(0);
      return BigInt(bits < 0 ? -(bits & 0x7fffffff) : bits);
    }
    view.setFloat64(0, x);
    const bits = view.getBigInt64(0);
    return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  };
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

export interface Tolerance {
  /** Largest ulp distance allowed per element (0: exact). */
  ulp?: number;
  /** Or an absolute+relative tolerance, for results whose summation order legitimately differs. */
  rtol?: number;
  atol?: number;
}

/** Asserts that `actual` (an NDArray or a JS scalar) matches numpy's golden value: dtype, shape, elements. */
export function expectGolden(actual: unknown, golden: GoldenValue, tol: Tolerance = {}, label = ""): void {
  const expected = golden.data.map(decodeScalar);
  let values: (number | boolean)[];
  if (golden.shape !== null) {
    expect(actual, label).toBeInstanceOf(NDArray);
    const a = actual as NDArray;
    expect(a.dtype, `${label} dtype`).toBe(golden.dtype);
    expect([...a.shape], `${label} shape`).toEqual(golden.shape);
    values = a.dtype === "bool" ? a.toArray().map((x) => x !== 0) : a.toArray();
  } else if (actual instanceof NDArray) {
    // Where numpy returns a NumPy scalar from an array function (dot of vectors), tsdl returns a 0-d array.
    expect(actual.ndim, `${label} ndim`).toBe(0);
    if (golden.dtype) expect(actual.dtype, `${label} dtype`).toBe(golden.dtype);
    values = actual.dtype === "bool" ? [actual.item() !== 0] : [actual.item()];
  } else {
    expect(typeof actual === "number" || typeof actual === "boolean", `${label} should be a JS scalar`).toBe(true);
    values = [actual as number | boolean];
  }
  expect(values.length, `${label} size`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const v = values[i];
    if (typeof e === "boolean" || tol.ulp === undefined && tol.rtol === undefined) {
      if (typeof e === "number" && typeof v === "number" && Number.isNaN(e)) expect(Number.isNaN(v), `${label}[${i}]`).toBe(true);
      else expect(v, `${label}[${i}]`).toBe(e);
    } else if (tol.rtol !== undefined || tol.atol !== undefined) {
      // Equal infinities agree (their difference is NaN); NaN matches only NaN.
      const ok = Number.isNaN(e as number) ? Number.isNaN(v as number) : v === e || Math.abs((v as number) - (e as number)) <= (tol.atol ?? 0) + (tol.rtol ?? 0) * Math.abs(e as number);
      expect(ok, `${label}[${i}]: ${v} vs numpy ${e}`).toBe(true);
    } else {
      expect(ulpDistance(v as number, e as number, golden.dtype === "float32"), `${label}[${i}]: ${v} vs numpy ${e}`).toBeLessThanOrEqual(tol.ulp!);
    }
  }
}
