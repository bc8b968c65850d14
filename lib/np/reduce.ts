/**
 * Reductions over axes (numpy's `sum`, `mean`, `max`, `median`, …) and cumulative scans along one axis
 * (`cumsum`, `cumprod`). Summation follows numpy's order so results agree to the bit: pairwise over a
 * contiguous innermost block, in index order otherwise.
 */
import { castScalar, isFloat, type DType, type TypedArray } from "./dtype";
import { ValueError, normalizeAxis } from "./errors";
import { elementwise, nativeElementwise } from "./kernels";
import { NATIVE_MAX_DIMS, nativeBackend } from "./native";
import { NDArray, alongAxis, asarray, empty, laneOffsets, ravelData, type ArrayLike, type AxisOptions, type Reduced, type VarianceOptions } from "./ndarray";
import { sort } from "./sorting";
import { divide, multiply, not_equal, subtract, sqrt } from "./ufunc";

interface Plan {
  /** Axes reduced, ascending. */
  axes: number[];
  /** Shape of the result with keepdims (reduced axes of length 1). */
  keptShape: number[];
  /** Shape of the result as returned. */
  shape: number[];
  /** Elements folded into each result element. */
  count: number;
  /** No axis and no keepdims: the result is a JS value, as numpy's is a scalar. */
  scalar: boolean;
}

function plan(a: NDArray, options: AxisOptions = {}): Plan {
  const axisOption = options.axis ?? null;
  const requested = axisOption === null ? a.shape.map((_, d) => d) : typeof axisOption === "number" ? [axisOption] : [...axisOption];
  const axes = requested.map((axis) => normalizeAxis(axis, a.ndim)).sort((x, y) => x - y);
  if (axes.some((axis, i) => i > 0 && axes[i - 1] === axis)) throw new ValueError("duplicate value in 'axis'");
  const keptShape = a.shape.map((n, d) => (axes.includes(d) ? 1 : n));
  const shape = options.keepdims ? keptShape : a.shape.filter((_, d) => !axes.includes(d));
  const count = axes.reduce((n, d) => n * a.shape[d], 1);
  return { axes, keptShape, shape, count, scalar: axisOption === null && !options.keepdims };
}

/** numpy's pairwise summation (npy_pairwise_sum): 8 partial sums in blocks of up to 128, halves above. */
function pairwiseSum(data: TypedArray, start: number, n: number, stride: number): number {
  if (n < 8) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data[start + i * stride];
    return sum;
  }
  if (n <= 128) {
    let r0 = data[start], r1 = data[start + stride], r2 = data[start + 2 * stride], r3 = data[start + 3 * stride];
    let r4 = data[start + 4 * stride], r5 = data[start + 5 * stride], r6 = data[start + 6 * stride], r7 = data[start + 7 * stride];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const at = start + i * stride;
      r0 += data[at]; r1 += data[at + stride]; r2 += data[at + 2 * stride]; r3 += data[at + 3 * stride];
      r4 += data[at + 4 * stride]; r5 += data[at + 5 * stride]; r6 += data[at + 6 * stride]; r7 += data[at + 7 * stride];
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) sum += data[start + i * stride];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(data, start, half, stride) + pairwiseSum(data, start + half * stride, n - half, stride);
}

/**
 * Folds the reduced axes of `a` into a float64 accumulator of the kept shape with `expression` over `w`
 * (the accumulator) and `x` (an element), visiting elements in C order as numpy does. `ufunc` names the
 * same step as numpy's binary ufunc of (w, x), which the native backend may run instead.
 */
function accumulate(a: NDArray, p: Plan, initial: number, expression: string, ufunc?: string): NDArray {
  const acc = empty(p.keptShape, "float64").fill(initial);
  const strides = acc.strides.map((s, d) => (p.axes.includes(d) ? 0 : s));
  const target = acc.view(a.shape, strides, 0);
  if (!(ufunc && nativeElementwise(ufunc, a.shape, [target, target, a]))) elementwise(expression, a.shape, [target, a]);
  return acc;
}

/** The accumulator as the reduction's result: a JS value for a full reduction, else an array of `dtype`. */
function finish<R>(acc: NDArray, p: Plan, dtype: DType): R {
  if (p.scalar) {
    const value = castScalar(dtype, acc.data[acc.offset]);
    return (dtype === "bool" ? value !== 0 : value) as R;
  }
  const shaped = acc.reshape(p.shape);
  return (dtype === "float64" ? shaped : shaped.astype(dtype)) as R;
}

/** numpy sums small integers and booleans in int64 (uint8 in uint64, which tsdl does not have). */
function sumDType(dtype: DType): DType {
  return dtype === "bool" || dtype === "int32" || dtype === "uint8" ? "int64" : dtype;
}

/**
 * How many trailing axes form numpy's inner loop of a reduction: reduced, consecutive up to the last axis,
 * and contiguous in memory. numpy sums each such run pairwise, then adds the runs in order.
 */
function innerRun(a: NDArray, p: Plan): number {
  let run = 0;
  let step = 1;
  for (let d = a.ndim - 1; d >= 0 && p.axes.includes(d); d--) {
    if (a.shape[d] !== 1 && a.strides[d] !== step) break;
    step *= a.shape[d];
    run++;
  }
  return run;
}

function sumAccumulator(a: NDArray, p: Plan): NDArray {
  const run = innerRun(a, p);
  if (run === 0 || p.count === 0) return accumulate(a, p, 0, "w + x", "add");
  const outerShape = a.shape.slice(0, a.ndim - run);
  const runLength = a.shape.slice(a.ndim - run).reduce((n, len) => n * len, 1);
  const partial = empty([...outerShape, ...new Array<number>(run).fill(1)], "float64");
  const native = nativeBackend();
  if (native && a.dtype === "float64" && a.size >= native.minElements && outerShape.length < NATIVE_MAX_DIMS) {
    const runs = { data: a.data, offset: a.offset, strides: [...a.strides.slice(0, outerShape.length), 1] };
    native.sumRuns([...outerShape, runLength], runs, partial.data as Float64Array);
  } else {
    const index = new Array<number>(outerShape.length).fill(0);
    for (let k = 0; k < partial.size; k++) {
      partial.data[k] = pairwiseSum(a.data, a.offsetOf(index), runLength, 1);
      for (let d = outerShape.length - 1; d >= 0 && ++index[d] === outerShape[d]; d--) index[d] = 0;
    }
  }
  return run === p.axes.length ? partial : accumulate(partial, p, 0, "w + x", "add");
}

/**
 * Sum of elements over `axis` (numpy's `np.sum`); a full reduction returns a number.
 * @example
 * np.sum(A)                                  // a number
 * np.sum(A, { axis: 0, keepdims: true })     // shape (1, n)
 */
export function sum<const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const x = asarray(a);
  const p = plan(x, options);
  return finish<Reduced<O>>(sumAccumulator(x, p), p, sumDType(x.dtype));
}

/**
 * Arithmetic mean over `axis` (numpy's `np.mean`); integers average in float64.
 * @example np.mean(np.array([[1, 2], [3, 4]]), { axis: 0 }) // array([2., 3.])
 */
export function mean<const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const x = asarray(a);
  const p = plan(x, options);
  const acc = sumAccumulator(x, p);
  divide(acc, p.count, { out: acc });
  return finish<Reduced<O>>(acc, p, isFloat(x.dtype) ? x.dtype : "float64");
}

/**
 * Variance over `axis`: mean of squared deviations, divided by `N - ddof` (numpy's `np.var`).
 * @example np.var(np.array([1, 2, 3, 4])) // 1.25
 */
export function variance<const O extends VarianceOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const x = asarray(a);
  const p = plan(x, options);
  const deviation = subtract(x, mean(x, { axis: p.axes, keepdims: true }));
  const acc = sumAccumulator(multiply(deviation, deviation), p);
  divide(acc, Math.max(p.count - (options?.ddof ?? 0), 0), { out: acc });
  return finish<Reduced<O>>(acc, p, isFloat(x.dtype) ? x.dtype : "float64");
}
export { variance as var };

/**
 * Standard deviation over `axis`, the square root of `var` (numpy's `np.std`).
 * @example np.std(np.array([1, 2, 3, 4])) // 1.118033988749895
 */
export function std<const O extends VarianceOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const v: NDArray | number = variance(a, options);
  return (typeof v === "number" ? Math.sqrt(v) : sqrt(v, { out: v })) as Reduced<O>;
}

function extremum(name: string, initial: number, expression: string) {
  return <const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> => {
    const x = asarray(a);
    const p = plan(x, options);
    if (p.count === 0) throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
    return finish<Reduced<O>>(accumulate(x, p, initial, expression), p, x.dtype);
  };
}

/** Largest element over `axis`; NaN propagates (numpy's `np.max`/`amax`). @example np.max(a, { axis: 1 }) */
export const max = extremum("maximum", -Infinity, "x > w || x !== x ? x : w");
/** Smallest element over `axis`; NaN propagates (numpy's `np.min`/`amin`). @example np.min(a) */
export const min = extremum("minimum", Infinity, "x < w || x !== x ? x : w");

/** Product of elements over `axis` (numpy's `np.prod`). @example np.prod(np.array([1, 2, 3])) // 6 */
export function prod<const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const x = asarray(a);
  const p = plan(x, options);
  return finish<Reduced<O>>(accumulate(x, p, 1, "w * x"), p, sumDType(x.dtype));
}

function truth(initial: number, expression: string) {
  return <const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O, boolean> => {
    const x = asarray(a);
    const p = plan(x, options);
    return finish<Reduced<O, boolean>>(accumulate(x, p, initial, expression), p, "bool");
  };
}

/** Whether all elements over `axis` are true (numpy's `np.all`). @example np.all(a.gt(0)) */
export const all = truth(1, "w !== 0 && x !== 0 ? 1 : 0");
/** Whether any element over `axis` is true (numpy's `np.any`). @example np.any(np.isnan(a)) */
export const any = truth(0, "w !== 0 || x !== 0 ? 1 : 0");

function argExtremum(name: string, better: (x: number, best: number) => boolean) {
  return <const O extends { axis?: number; keepdims?: boolean } = {}>(a: ArrayLike, options?: O): Reduced<O> => {
    return argExtremumOf(name, better, asarray(a), options ?? {}) as Reduced<O>;
  };
}

function argExtremumOf(name: string, better: (x: number, best: number) => boolean, x: NDArray, options: { axis?: number; keepdims?: boolean }): NDArray | number {
  if (options.axis === undefined || options.axis === null) {
    if (x.size === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
    const flat = ravelData(x);
    let best = 0;
    for (let i = 1; i < flat.length && flat[best] === flat[best]; i++) if (better(flat[i], flat[best]) || flat[i] !== flat[i]) best = i;
    if (!options.keepdims) return best;
    const out = empty(x.shape.map(() => 1), "int64");
    out.data[0] = best;
    return out;
  }
  const axis = normalizeAxis(options.axis, x.ndim);
  const n = x.shape[axis];
  if (n === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
  const out = empty(x.shape.filter((_, d) => d !== axis), "int64");
  const step = x.strides[axis];
  laneOffsets(x, axis).forEach((start, k) => {
    let best = 0;
    for (let i = 1; i < n; i++) {
      const v = x.data[start + i * step];
      const b = x.data[start + best * step];
      if (b !== b) break;
      if (better(v, b) || v !== v) best = i;
    }
    out.data[k] = best;
  });
  if (!options.keepdims) return out;
  return out.reshape(x.shape.map((len, d) => (d === axis ? 1 : len)));
}

/** Index of the largest element, flat or along `axis`; the first on ties (numpy's `np.argmax`). @example np.argmax(a, { axis: 0 }) */
export const argmax = argExtremum("argmax", (x, best) => x > best);
/** Index of the smallest element, flat or along `axis` (numpy's `np.argmin`). @example np.argmin(a) */
export const argmin = argExtremum("argmin", (x, best) => x < best);

/**
 * Elements counted where they are not zero (NaN counts), over `axis` (numpy's `np.count_nonzero`); without an
 * axis a number.
 * @example np.count_nonzero(np.array([[0, 1], [2, 3]]), { axis: 0 }) // array([1, 2])
 */
export function count_nonzero<const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  return sum(not_equal(a, 0), options);
}

/**
 * Range of values, max − min, over `axis` (numpy's `np.ptp`, "peak to peak"); in the input's dtype.
 * @example np.ptp(np.array([[4, 9], [1, 2]]), { axis: 1 }) // array([5, 1])
 */
export function ptp<const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const x = asarray(a);
  const p = plan(x, options);
  // numpy subtracts the reduced arrays, so the difference is in the input's dtype (and bool is rejected as numpy's subtract rejects it).
  const kept = { axis: p.axes, keepdims: true };
  const range = subtract(max(x, kept), min(x, kept));
  return (p.scalar ? range.item() : range.reshape(p.shape)) as Reduced<O>;
}

/**
 * Median over `axis`: the middle element of each sorted lane, or the mean of the middle two; NaN anywhere in a
 * lane makes it NaN (numpy's `np.median`). Integers give float64.
 * @example
 * np.median(np.array([3, 1, 4, 1]))                            // 2
 * np.median(np.array([[1, 5], [3, 2]]), { axis: 0 })          // array([2. , 3.5])
 */
export function median<const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const x = asarray(a);
  const requested = options?.axis;
  if (Array.isArray(requested) && new Set(requested.map((axis) => normalizeAxis(axis, x.ndim))).size !== requested.length) {
    throw new ValueError("repeated axis");
  }
  const p = plan(x, options);
  // The reduced axes go last, merged into one sorted lane of `count` elements per result element.
  const kept = x.shape.map((_, d) => d).filter((d) => !p.axes.includes(d));
  const lanes = sort(x.transpose([...kept, ...p.axes]).reshape([...kept.map((d) => x.shape[d]), p.count])).data;
  const n = p.count;
  const dtype = isFloat(x.dtype) ? x.dtype : "float64";
  const acc = empty(p.keptShape, "float64", "unspecified");
  for (let k = 0, start = 0; k < acc.size; k++, start += n) {
    // numpy averages the middle one or two elements and gives NaN for an empty lane or one holding NaN (sorted last).
    const last = lanes[start + n - 1];
    if (n === 0 || last !== last) acc.data[k] = NaN;
    else acc.data[k] = n % 2 === 1 ? lanes[start + (n >> 1)] : (lanes[start + n / 2 - 1] + lanes[start + n / 2]) / 2;
  }
  return finish<Reduced<O>>(acc, p, dtype);
}

export interface CumulativeOptions {
  /** The axis to accumulate along; the flattened array when omitted, as in numpy. */
  axis?: number | null;
}

function scan(combine: (acc: number, x: number) => number) {
  return (a: ArrayLike, options: CumulativeOptions = {}): NDArray => {
    const [x, axis] = alongAxis(asarray(a), options.axis ?? null);
    // Each partial result is stored before the next step reads it, so float32 accumulates in float32 as in numpy.
    const out = x.astype(sumDType(x.dtype));
    const n = out.shape[axis];
    const step = out.strides[axis];
    const data = out.data;
    for (const start of laneOffsets(out, axis)) {
      for (let i = 1, at = start + step; i < n; i++, at += step) data[at] = combine(data[at - step], data[at]);
    }
    return out;
  };
}

/**
 * Running sums along `axis`, of the flattened array without one (numpy's `np.cumsum`); small integers and
 * booleans sum in int64.
 * @example np.cumsum(np.array([[1, 2], [3, 4]]), { axis: 0 }) // array([[1, 2], [4, 6]])
 */
export const cumsum = scan((acc, x) => acc + x);
/**
 * Running products along `axis`, of the flattened array without one (numpy's `np.cumprod`).
 * @example np.cumprod(np.array([1, 2, 3, 4])) // array([ 1,  2,  6, 24])
 */
export const cumprod = scan((acc, x) => acc * x);
