/**
 * Comparisons within a tolerance and of whole arrays (numpy's `isclose`, `allclose`, `array_equal`), composed
 * of ufuncs in numpy's order so that every intermediate has numpy's dtype.
 */
import { resultType } from "./dtype";
import { NDArray, asarray, sameShape, type ArrayLike } from "./ndarray";
import { all } from "./reduce";
import { abs, add, equal, isfinite, isnan, less_equal, logical_and, logical_or, multiply, subtract } from "./ufunc";

export interface CloseOptions {
  /** Relative tolerance, a fraction of |b|: 1e-5 by default. */
  rtol?: number;
  /** Absolute tolerance: 1e-8 by default. */
  atol?: number;
  /** Whether NaN counts as close to NaN (false by default). */
  equal_nan?: boolean;
}

/**
 * Elementwise `|a − b| <= atol + rtol·|b|`, with broadcasting; infinities are close only to themselves
 * (numpy's `np.isclose`). Not symmetric: the tolerance scales with `b`.
 * @example
 * np.isclose(np.array([1, 1.001]), 1, { rtol: 1e-4 })  // array([ True, False])
 * np.isclose(np.nan, np.nan, { equal_nan: true })       // array(True)
 */
export function isclose(a: ArrayLike, b: ArrayLike, options: CloseOptions = {}): NDArray {
  const { rtol = 1e-5, atol = 1e-8, equal_nan = false } = options;
  const x = typeof a === "number" || typeof a === "boolean" ? a : asarray(a);
  // numpy makes b inexact first (abs of an integer minimum would overflow); a Python scalar b becomes a float,
  // and its tolerance a Python float too.
  let tolerance: ArrayLike;
  let y: ArrayLike;
  if (typeof b === "number" || typeof b === "boolean") {
    y = Number(b);
    tolerance = atol + rtol * Math.abs(y);
  } else {
    const array = asarray(b);
    y = asarray(array, { dtype: resultType(array, 0.5) });
    tolerance = add(atol, multiply(rtol, abs(y)));
  }
  const close = logical_or(logical_and(less_equal(abs(subtract(x, y)), tolerance), isfinite(y)), equal(x, y));
  return equal_nan ? logical_or(close, logical_and(isnan(x), isnan(y))) : close;
}

/**
 * Whether every element of `a` is close to `b`, as `isclose` decides (numpy's `np.allclose`).
 * @example np.allclose(np.dot(A, np.linalg.inv(A)), np.eye(3)) // true
 */
export function allclose(a: ArrayLike, b: ArrayLike, options: CloseOptions = {}): boolean {
  return all(isclose(a, b, options)) as boolean;
}

/**
 * Whether two arrays have the same shape and elements (numpy's `np.array_equal`); NaN equals NaN only with
 * `equal_nan`. Values that do not make an array are unequal to everything.
 * @example np.array_equal(np.array([1, 2]), [1, 2]) // true
 */
export function array_equal(a1: ArrayLike, a2: ArrayLike, options: { equal_nan?: boolean } = {}): boolean {
  let x: NDArray;
  let y: NDArray;
  try {
    x = asarray(a1);
    y = asarray(a2);
  } catch {
    return false;
  }
  if (!sameShape(x.shape, y.shape)) return false;
  if (!options.equal_nan) return all(equal(x, y)) as boolean;
  const nan = isnan(x);
  // NaNs in the same places, and equal elements everywhere else.
  return (all(equal(nan, isnan(y))) as boolean) && (all(logical_or(equal(x, y), nan)) as boolean);
}
