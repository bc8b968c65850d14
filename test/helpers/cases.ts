/** Runs golden cases (test/golden/core.py): decodes arguments, calls np, compares with numpy's outcome. */
import { expect } from "vitest";
import * as np from "../../lib/np";
import { NDArray } from "../../lib/np/ndarray";
import { decodeScalar, expectGolden, expectNumpyError, type GoldenCase, type GoldenValue, type Tolerance } from "./golden";

type Encoded = { array: GoldenValue } | Encoded[] | number | boolean | string | null;

/** An NDArray from numpy's encoding (dtype, shape, flat data). */
export function decodeArray(value: GoldenValue): NDArray {
  const data = value.data.map(decodeScalar) as (number | boolean)[];
  return np.array(data, { dtype: value.dtype as np.DType }).reshape(value.shape ?? []);
}

export function decodeArg(arg: Encoded): unknown {
  if (Array.isArray(arg)) return arg.map(decodeArg);
  if (arg !== null && typeof arg === "object") return decodeArray(arg.array);
  if (arg === "inf" || arg === "-inf" || arg === "nan") return decodeScalar(arg);
  return arg;
}

function resolve(op: string): (...args: unknown[]) => unknown {
  if (op === "get") return (a, ...items) => (a as NDArray).get(...(items as np.IndexItem[]));
  if (op === "set") return (a, ...rest) => (a as NDArray).set(...(rest as [np.IndexItem, np.ArrayLike]));
  if (op === "astype") return (a, dtype) => (a as NDArray).astype(dtype as np.DType);
  const fn = op.split(".").reduce<any>((scope, key) => scope[key], np);
  if (typeof fn !== "function") throw new Error(`np has no ${op}`);
  return fn;
}

/** Calls the case's np function with the decoded arguments, keyword options last; returns both. */
function call(c: GoldenCase): { args: unknown[]; result: unknown } {
  const args = (c.args as Encoded[]).map(decodeArg);
  const kwargs = Object.fromEntries(Object.entries(c.kwargs as Record<string, Encoded>).map(([k, v]) => [k, decodeArg(v)]));
  return { args, result: resolve(c.op as string)(...args, ...(Object.keys(kwargs).length ? [kwargs] : [])) };
}

/** Calls the case's np function with the decoded arguments, keyword options last when there are any. */
export function callCase(c: GoldenCase): unknown {
  return call(c).result;
}

/** Asserts np reproduces the case: the same error (type and message) or the same result within `tol`. */
export function checkCase(c: GoldenCase, tol: Tolerance = {}): void {
  if (c.error) return expectNumpyError(() => callCase(c), c.error, c.message, c.name);
  expectGolden(callCase(c), c.result!, tol, c.name);
}

/**
 * `checkCase` for the cases of test/golden/common.py's `parts_case`: a tuple result (`results`) is compared part
 * by part; an in-place function (`inplace`) must return nothing, and its result is its first argument after the call.
 */
export function checkCaseParts(c: GoldenCase, tol: Tolerance = {}): void {
  if (c.error || (!c.results && !c.inplace)) return checkCase(c, tol);
  const { args, result } = call(c);
  if (c.inplace) {
    expect(result, `${c.name} returns nothing`).toBeUndefined();
    return expectGolden(args[0], c.result!, tol, c.name);
  }
  const parts = result as unknown[];
  const golden = c.results as GoldenValue[];
  expect(parts.length, c.name).toBe(golden.length);
  golden.forEach((g, i) => expectGolden(parts[i], g, tol, `${c.name} [${i}]`));
}

// Arithmetic and comparisons are exact; transcendental functions may differ from numpy's libm by a few ulp.
const TRANSCENDENTAL = /^(exp|log|log1p|tanh|sin|cos|power|log2|log10|exp2|expm1|tan|arcsin|arccos|arctan|sinh|cosh|arctan2|hypot|logaddexp|logaddexp2|cbrt|float_power|logspace|geomspace) /;

/** The tolerance a ufunc golden case is checked with, by its name. */
export function ufuncTolerance(name: string): Tolerance {
  return TRANSCENDENTAL.test(name) ? { ulp: 4 } : {};
}

/**
 * numpy's BLAS and LAPACK sum in their own order: products, inverses and solutions agree to rounding, not to
 * the bit; float32 results are float64 ones rounded, where a difference of rounding can move the last bit.
 */
export function linalgTolerance(c: GoldenCase): Tolerance {
  return c.result?.dtype === "float32" ? { ulp: 1 } : { rtol: 1e-12, atol: 1e-12 };
}
