/**
 * Interpolation, differences, integrals and sliding products (numpy's `interp`, `gradient`, `trapezoid`,
 * `convolve`, `correlate`, `cumulative_sum`, `cumulative_prod`). numpy's formulas are composed from tsdl's
 * ufuncs on views, so dtypes follow the same promotion rules (a JS number is a weak Python scalar).
 */
import { castScalar, isFloat, isInteger, promoteTypes } from "./dtype";
import { IndexError, ValueError, normalizeAxisTuple } from "./errors";
import { NDArray, asarray, empty, ravelData, type ArrayLike, type IndexItem } from "./ndarray";
import { cumprod, cumsum, diff, sum } from "./reduce";
import { argsort } from "./sorting";
import { atleast_1d, concatenate, reshape, take } from "./shape";
import { add, divide, mod, multiply, negative, subtract } from "./ufunc";
import { full } from "./creation";

// ---------------------------------------------------------------------------------------------------------
// interp
// ---------------------------------------------------------------------------------------------------------

export interface InterpOptions {
  /** The value for `x < xp[0]`; `fp[0]` by default. */
  left?: number | null;
  /** The value for `x > xp[-1]`; `fp[-1]` by default. */
  right?: number | null;
  /** The period of the x-coordinates: `xp` is taken modulo it and `left`/`right` are ignored. */
  period?: number | null;
}

/** An argument numpy converts to a 1-D float64 array, with its depth errors. */
function oneDimensional(value: ArrayLike): Float64Array {
  const x = asarray(value);
  if (x.ndim === 0) throw new ValueError("object of too small depth for desired array");
  if (x.ndim > 1) throw new ValueError("object too deep for desired array");
  return Float64Array.from(ravelData(x));
}

const LIKELY_IN_CACHE_SIZE = 8;

/**
 * numpy's `binary_search_with_guess`: i with `xp[i] <= key < xp[i + 1]`, -1 below, `len` above, `len - 1` at
 * the last point. Which of several equal points is found depends on the guess, so it is numpy's search exactly.
 */
function searchWithGuess(key: number, xp: Float64Array, guess: number): number {
  const len = xp.length;
  if (key > xp[len - 1]) return len;
  if (key < xp[0]) return -1;
  if (len <= 4) {
    let i = 1;
    while (i < len && key >= xp[i]) i++;
    return i - 1;
  }
  let lo = 0;
  let hi = len;
  const g = Math.max(Math.min(guess, len - 3), 1);
  if (key < xp[g]) {
    if (key >= xp[g - 1]) return g - 1;
    hi = g - 1;
    if (g > LIKELY_IN_CACHE_SIZE && key >= xp[g - LIKELY_IN_CACHE_SIZE]) lo = g - LIKELY_IN_CACHE_SIZE;
  } else {
    if (key < xp[g + 1]) return g;
    if (key < xp[g + 2]) return g + 1;
    lo = g + 2;
    if (g < len - LIKELY_IN_CACHE_SIZE - 1 && key < xp[g + LIKELY_IN_CACHE_SIZE]) hi = g + LIKELY_IN_CACHE_SIZE;
  }
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (key >= xp[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** numpy's compiled `interp` on float64 data. */
function interpolate(x: NDArray, xp: Float64Array, fp: Float64Array, left: number | null | undefined, right: number | null | undefined): NDArray {
  if (xp.length === 0) throw new ValueError("array of sample points is empty");
  if (fp.length !== xp.length) throw new ValueError("fp and xp are not of the same length.");
  const n = xp.length;
  const low = left ?? fp[0];
  const high = right ?? fp[n - 1];
  const values = ravelData(x);
  const out = empty(x.shape, "float64", "unspecified");
  const res = out.data;
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (n === 1) {
      res[i] = v < xp[0] ? low : v > xp[0] ? high : fp[0];
      continue;
    }
    if (v !== v) {
      res[i] = v;
      continue;
    }
    j = searchWithGuess(v, xp, j);
    if (j === -1) res[i] = low;
    else if (j === n) res[i] = high;
    else if (j === n - 1 || xp[j] === v) res[i] = fp[j];
    else {
      const slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
      // numpy retries from the right end when the left one gives NaN (an infinite slope or point).
      res[i] = slope * (v - xp[j]) + fp[j];
      if (res[i] !== res[i]) {
        res[i] = slope * (v - xp[j + 1]) + fp[j + 1];
        if (res[i] !== res[i] && fp[j] === fp[j + 1]) res[i] = fp[j];
      }
    }
  }
  return out;
}

/**
 * Linear interpolation of the points (`xp`, `fp`) at `x` (numpy's `np.interp`); `xp` must increase (unless
 * `period` is given). float64 of `x`'s shape; outside `xp` the result is `left`/`right` (the end values).
 * @example
 * np.interp([0.5, 2.5, 9], [0, 1, 3], [0, 10, 30])   // array([ 5., 25., 30.])
 * np.interp(370, [350, 10], [1, 3], { period: 360 })  // array(3.)
 */
export function interp(x: ArrayLike, xp: ArrayLike, fp: ArrayLike, options: InterpOptions = {}): NDArray {
  const period = options.period ?? null;
  if (period === null) {
    const f = oneDimensional(fp);
    const points = oneDimensional(xp);
    return interpolate(asarray(x, { dtype: "float64" }), points, f, options.left, options.right);
  }
  if (period === 0) throw new ValueError("period must be a non-zero value");
  const length = Math.abs(period);
  const xs = asarray(xp, { dtype: "float64" });
  const fs = asarray(fp, { dtype: "float64" });
  if (xs.ndim !== 1 || fs.ndim !== 1) throw new ValueError("Data points must be 1-D sequences");
  if (xs.shape[0] !== fs.shape[0]) throw new ValueError("fp and xp are not of the same length");
  const wrapped = mod(xs, length);
  const order = argsort(wrapped);
  const sortedX = take(wrapped, order);
  const sortedF = take(fs, order);
  const n = sortedX.size;
  const points = concatenate([subtract(sortedX.get(`${n - 1}:`), length), sortedX, add(sortedX.get("0:1"), length)]);
  const values = concatenate([sortedF.get(`${n - 1}:`), sortedF, sortedF.get("0:1")]);
  return interpolate(mod(asarray(x, { dtype: "float64" }), length), Float64Array.from(ravelData(points)), Float64Array.from(ravelData(values)), null, null);
}

// ---------------------------------------------------------------------------------------------------------
// gradient
// ---------------------------------------------------------------------------------------------------------

export interface GradientOptions {
  /** The axis or axes to differentiate along; all by default. */
  axis?: number | readonly number[] | null;
  /** 1 or 2: the order of the one-sided differences at the boundaries. */
  edge_order?: number;
}

/** A spacing: a JS number (a weak Python float), a 0-d array (a numpy scalar), or the steps between coordinates. */
type Spacing = number | NDArray;

function isOptions(value: unknown): value is GradientOptions {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof NDArray) && !ArrayBuffer.isView(value);
}

/** `k * dx` and `k / dx`, as numpy computes them from a Python float and a spacing. */
const times = (k: number, dx: Spacing): Spacing => (typeof dx === "number" ? k * dx : multiply(k, dx));
const over = (k: number, dx: Spacing): Spacing => (typeof dx === "number" ? k / dx : divide(k, dx));

/** numpy's reading of gradient's varargs: one spacing per axis. */
function spacings(varargs: readonly (number | ArrayLike)[], f: NDArray, axes: readonly number[]): Spacing[] {
  if (varargs.length === 0) return axes.map(() => 1);
  const zeroDimensional = (v: number | ArrayLike) => typeof v === "number" || asarray(v).ndim === 0;
  const scalar = (v: number | ArrayLike): Spacing => (typeof v === "number" ? v : asarray(v));
  if (varargs.length === 1 && zeroDimensional(varargs[0])) return axes.map(() => scalar(varargs[0]));
  if (varargs.length !== axes.length) throw new TypeError("invalid number of arguments");
  return varargs.map((v, i) => {
    if (zeroDimensional(v)) return scalar(v);
    let distances = asarray(v as ArrayLike);
    if (distances.ndim !== 1) throw new ValueError("distances must be either scalars or 1d");
    if (distances.shape[0] !== f.shape[axes[i]]) throw new ValueError("when 1d, distances must match the length of the corresponding dimension");
    if (isInteger(distances.dtype)) distances = distances.astype("float64");
    const steps = diff(distances);
    const first = steps.get(0);
    const uniform = ravelData(steps).every((s) => s === first.data[first.offset]);
    return uniform ? first : steps;
  });
}

/**
 * The gradient of `f` by central differences inside and one-sided differences (of `edge_order` 1 or 2) at the
 * boundaries (numpy's `np.gradient`). Spacings follow `f`: none (1), one scalar for all axes, or one per axis
 * (a scalar or the coordinates along it); the options object comes last. One array per axis, or the array
 * when there is one axis.
 * @example
 * np.gradient(np.array([1, 2, 4, 7, 11]))                     // array([1. , 1.5, 2.5, 3.5, 4. ])
 * np.gradient(np.array([1, 2, 4, 7, 11]), 2)                  // the same halved
 * np.gradient(np.array([[1, 2, 6], [3, 4, 5]]), { axis: 0 })  // array([[2., 2., -1.], [2., 2., -1.]])
 * np.gradient(y, x, { edge_order: 2 })                        // along coordinates x
 */
export function gradient(f: ArrayLike, ...rest: (number | ArrayLike | GradientOptions)[]): NDArray | NDArray[] {
  const options = rest.length > 0 && isOptions(rest[rest.length - 1]) ? (rest.pop() as GradientOptions) : {};
  const varargs = rest as (number | ArrayLike)[];
  let y = asarray(f);
  const n = y.ndim;
  const axes = options.axis == null ? y.shape.map((_, d) => d) : normalizeAxisTuple(options.axis, n);
  const steps = spacings(varargs, y, axes);
  const edgeOrder = options.edge_order ?? 1;
  if (edgeOrder > 2) throw new ValueError("'edge_order' greater than 2 not supported");
  if (isInteger(y.dtype)) y = y.astype("float64");
  const outDType = isFloat(y.dtype) ? y.dtype : "float64";
  const outputs = axes.map((axis, k) => {
    const dx = steps[k];
    if (y.shape[axis] < edgeOrder + 1) {
      throw new ValueError("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.");
    }
    const at = (item: number | string): IndexItem[] => y.shape.map((_, d) => (d === axis ? item : ":"));
    const part = (item: number | string) => y.get(...at(item));
    const out = empty(y.shape, outDType);
    const write = (item: number | string, value: NDArray) => out.get(...at(item)).assign(value);
    // a * f[i] + b * f[j] + c * f[k], numpy's three-point formula.
    const combine = (a: Spacing, b: Spacing, c: Spacing, i: number | string, j: number | string, l: number | string) =>
      add(add(multiply(a, part(i)), multiply(b, part(j))), multiply(c, part(l)));
    const uniform = typeof dx === "number" || dx.ndim === 0;
    if (uniform) {
      write("1:-1", divide(subtract(part("2:"), part(":-2")), times(2, dx)));
    } else {
      const shape = y.shape.map((_, d) => (d === axis ? -1 : 1));
      const dx1 = dx.get(":-1");
      const dx2 = dx.get("1:");
      const a = reshape(divide(negative(dx2), multiply(dx1, add(dx1, dx2))), shape);
      const b = reshape(divide(subtract(dx2, dx1), multiply(dx1, dx2)), shape);
      const c = reshape(divide(dx1, multiply(dx2, add(dx1, dx2))), shape);
      write("1:-1", combine(a, b, c, ":-2", "1:-1", "2:"));
    }
    if (edgeOrder === 1) {
      write(0, divide(subtract(part(1), part(0)), uniform ? dx : dx.get(0)));
      write(-1, divide(subtract(part(-1), part(-2)), uniform ? dx : dx.get(-1)));
    } else if (uniform) {
      write(0, combine(over(-1.5, dx), over(2, dx), over(-0.5, dx), 0, 1, 2));
      write(-1, combine(over(0.5, dx), over(-2, dx), over(1.5, dx), -3, -2, -1));
    } else {
      let [dx1, dx2] = [dx.get(0), dx.get(1)];
      const sum12 = add(dx1, dx2);
      write(0, combine(divide(negative(add(multiply(2, dx1), dx2)), multiply(dx1, sum12)), divide(sum12, multiply(dx1, dx2)), divide(negative(dx1), multiply(dx2, sum12)), 0, 1, 2));
      [dx1, dx2] = [dx.get(-2), dx.get(-1)];
      const sum21 = add(dx1, dx2);
      write(-1, combine(divide(dx2, multiply(dx1, sum21)), divide(negative(add(dx2, dx1)), multiply(dx1, dx2)), divide(add(multiply(2, dx2), dx1), multiply(dx2, sum21)), -3, -2, -1));
    }
    return out;
  });
  return outputs.length === 1 ? outputs[0] : outputs;
}

// ---------------------------------------------------------------------------------------------------------
// trapezoid
// ---------------------------------------------------------------------------------------------------------

export interface TrapezoidOptions {
  /** The sample points of `y` (1-D along `axis`, or of `y`'s shape); spacing `dx` when omitted. */
  x?: ArrayLike | null;
  /** The spacing between samples when `x` is not given; 1 by default. */
  dx?: number;
  /** The axis to integrate along; the last by default. */
  axis?: number;
}

/**
 * The integral of `y` along `axis` by the trapezoidal rule (numpy 2's `np.trapezoid`; numpy removed the old
 * name `trapz`). A number for 1-D `y`, an array of the other axes otherwise.
 * @example
 * np.trapezoid([1, 2, 3])                        // 4
 * np.trapezoid([1, 2, 3], { x: [4, 6, 8] })      // 8
 * np.trapezoid(np.ones([2, 3]), { axis: 0 })     // array([1., 1., 1.])
 */
export function trapezoid(y: ArrayLike, options: TrapezoidOptions = {}): NDArray | number {
  const values = asarray(y);
  const axis = options.axis ?? -1;
  // numpy puts the slices into a Python list of length ndim, which an axis outside it cannot index.
  const along = axis < 0 ? axis + values.ndim : axis;
  const checkAxis = () => {
    if (along < 0 || along >= values.ndim) throw new IndexError("list assignment index out of range");
  };
  let d: number | NDArray = options.dx ?? 1;
  if (options.x != null) {
    const x = asarray(options.x);
    if (x.ndim === 1) {
      const steps = diff(x);
      checkAxis();
      d = reshape(steps, values.shape.map((_, k) => (k === along ? steps.shape[0] : 1)));
    } else {
      d = diff(x, { axis });
    }
  }
  checkAxis();
  const at = (item: string): IndexItem[] => values.shape.map((_, k) => (k === along ? item : ":"));
  const total = sum(divide(multiply(d, add(values.get(...at("1:")), values.get(...at(":-1")))), 2), { axis });
  return total.ndim === 0 ? total.item() : total;
}

// ---------------------------------------------------------------------------------------------------------
// convolve / correlate
// ---------------------------------------------------------------------------------------------------------

export type ConvolveMode = "full" | "same" | "valid";

function checkMode(mode: string): ConvolveMode {
  if (mode === "full" || mode === "same" || mode === "valid") return mode;
  throw new ValueError(`mode must be one of 'valid', 'same', or 'full' (got '${mode}')`);
}

/**
 * numpy's `_pyarray_correlate`: sliding dot products of `a` with `v` (the longer first), zero-padded by the
 * mode, in the dtype both promote to (integers accumulate exactly and wrap to it, booleans give any(a & v)).
 */
function slidingDot(a: NDArray, v: NDArray, mode: ConvolveMode): NDArray {
  let [x, y] = [ravelData(a), ravelData(v)];
  const inverted = x.length < y.length;
  if (inverted) [x, y] = [y, x];
  const dtype = promoteTypes(a.dtype, v.dtype);
  const n1 = x.length;
  const n2 = y.length;
  const padLeft = mode === "valid" ? 0 : mode === "same" ? Math.floor(n2 / 2) : n2 - 1;
  const padRight = mode === "valid" ? 0 : mode === "same" ? n2 - padLeft - 1 : n2 - 1;
  const length = n1 - n2 + 1 + padLeft + padRight;
  const out = empty([length], dtype);
  // float32 products and sums round to float32 at each step, as numpy's float32 dot does.
  const round = dtype === "float32" ? Math.fround : (v: number) => v;
  for (let k = 0; k < length; k++) {
    // Output k lines v up with x shifted by k - padLeft.
    const shift = k - padLeft;
    let total = 0;
    for (let j = Math.max(0, -shift); j < n2 && shift + j < n1; j++) total = round(total + (dtype === "bool" ? (x[shift + j] && y[j] ? 1 : 0) : round(x[shift + j] * y[j])));
    out.data[inverted ? length - 1 - k : k] = castScalar(dtype, total);
  }
  return out;
}

/** The inputs of correlate and convolve: 1-D, as numpy's depth checks require. */
function vector(value: ArrayLike, atLeast1d: boolean): NDArray {
  const x = asarray(value);
  if (x.ndim === 0 && !atLeast1d) throw new ValueError("object of too small depth for desired array");
  if (x.ndim > 1) throw new ValueError("object too deep for desired array");
  return x.ndim === 0 ? reshape(x, [1]) : x;
}

/**
 * The cross-correlation of two 1-D sequences, `c[k] = sum_n a[n + k] * v[n]` over the overlaps the mode keeps
 * (numpy's `np.correlate`, "valid" by default).
 * @example
 * np.correlate([1, 2, 3], [0, 1, 0.5])                    // array([3.5])
 * np.correlate([1, 2, 3], [0, 1, 0.5], { mode: "full" })  // array([0.5, 2. , 3.5, 3. , 0. ])
 */
export function correlate(a: ArrayLike, v: ArrayLike, options: { mode?: ConvolveMode } = {}): NDArray {
  const mode = checkMode(options.mode ?? "valid");
  const [x, y] = [vector(a, false), vector(v, false)];
  if (x.size === 0) throw new ValueError("first array argument cannot be empty");
  if (y.size === 0) throw new ValueError("second array argument cannot be empty");
  return slidingDot(x, y, mode);
}

/**
 * The discrete linear convolution of two 1-D sequences (numpy's `np.convolve`, "full" by default): the
 * correlation with `v` reversed.
 * @example
 * np.convolve([1, 2, 3], [0, 1, 0.5])                    // array([0. , 1. , 2.5, 4. , 1.5])
 * np.convolve([1, 2, 3], [0, 1, 0.5], { mode: "same" })  // array([1. , 2.5, 4. ])
 */
export function convolve(a: ArrayLike, v: ArrayLike, options: { mode?: ConvolveMode } = {}): NDArray {
  const mode = checkMode(options.mode ?? "full");
  let [x, y] = [vector(a, true), vector(v, true)];
  if (x.size === 0) throw new ValueError("a cannot be empty");
  if (y.size === 0) throw new ValueError("v cannot be empty");
  if (y.size > x.size) [x, y] = [y, x];
  return slidingDot(x, y.get("::-1"), mode);
}

// ---------------------------------------------------------------------------------------------------------
// cumulative_sum / cumulative_prod
// ---------------------------------------------------------------------------------------------------------

export interface CumulativeFunctionOptions {
  /** The axis to accumulate along; required when `x` has more than one dimension. */
  axis?: number | null;
  /** Start with the identity (0 for sums, 1 for products), so the result is one longer along `axis`. */
  include_initial?: boolean;
}

function cumulative(scan: typeof cumsum, identity: number) {
  return (x: ArrayLike, options: CumulativeFunctionOptions = {}): NDArray => {
    const values = atleast_1d(x);
    if (options.axis == null && values.ndim >= 2) throw new ValueError("For arrays which have more than one dimension ``axis`` argument is required.");
    const axis = options.axis ?? 0;
    const result = scan(values, { axis });
    if (!options.include_initial) return result;
    const shape = result.shape.map((len, d) => (d === (axis < 0 ? axis + result.ndim : axis) ? 1 : len));
    return concatenate([full(shape, identity, { dtype: result.dtype }), result], { axis });
  };
}

/**
 * Running sums along `axis` (numpy 2's array-API `np.cumulative_sum`): like `cumsum`, but the axis is required
 * beyond 1-D and `include_initial` prepends a 0.
 * @example np.cumulative_sum([1, 2, 3], { include_initial: true }) // array([0, 1, 3, 6])
 */
export const cumulative_sum = cumulative(cumsum, 0);

/**
 * Running products along `axis` (numpy 2's array-API `np.cumulative_prod`); `include_initial` prepends a 1.
 * @example np.cumulative_prod(np.array([[1, 2], [3, 4]]), { axis: 1 }) // array([[ 1,  2], [ 3, 12]])
 */
export const cumulative_prod = cumulative(cumprod, 1);
