/**
 * Reductions over axes (numpy's `sum`, `mean`, `max`, `median`, `percentile`, the NaN-ignoring `nan…`
 * family, …), statistics built on them (`average`, `cov`, `corrcoef`) and functions along one axis
 * (`cumsum`, `cumprod`, `diff`). Summation follows numpy's order so results agree to the bit: pairwise over a
 * contiguous innermost block, in index order otherwise.
 */
import { castScalar, isFloat, promoteTypes, type DType, type TypedArray } from "./dtype";
import { IndexError, ValueError, ZeroDivisionError, normalizeAxis, normalizeAxisTuple } from "./errors";
import { elementwise, nativeElementwise } from "./kernels";
import { dot } from "./linalg";
import { NATIVE_MAX_DIMS, nativeBackend } from "./native";
import { NDArray, alongAxis, asarray, broadcastTo, empty, laneOffsets, ravelData, type ArrayLike, type AxisOptions, type Reduced, type VarianceOptions } from "./ndarray";
import { concatenate, squeeze } from "./shape";
import { sort } from "./sorting";
import { clip, divide, isnan, less_equal, logical_not, multiply, not_equal, subtract, sqrt } from "./ufunc";

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
  return unkeep(subtract(max(x, kept), min(x, kept)), p) as Reduced<O>;
}

/** A result computed with keepdims, shaped as the plan asks: a JS value for a full reduction. */
function unkeep(kept: NDArray, p: Plan): NDArray | number {
  return p.scalar ? kept.item() : kept.reshape(p.shape);
}

/** The reduced axes of each lane sorted, one lane of `p.count` elements after another, in C order of the kept axes. */
function sortedLanes(x: NDArray, p: Plan): TypedArray {
  const kept = x.shape.map((_, d) => d).filter((d) => !p.axes.includes(d));
  return sort(x.transpose([...kept, ...p.axes]).reshape([...kept.map((d) => x.shape[d]), p.count])).data;
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
  const lanes = sortedLanes(x, p);
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
    // Integers live in doubles here, where a product reaching 0 through a negative factor is -0: integers have none.
    const zero = isFloat(out.dtype) ? -0 : 0;
    for (const start of laneOffsets(out, axis)) {
      for (let i = 1, at = start + step; i < n; i++, at += step) data[at] = combine(data[at - step], data[at]) + zero;
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

export interface AverageOptions extends AxisOptions {
  /** Weight of each element: the shape of `a`, or the shape of `a` along `axis` (in the order of `axis`). */
  weights?: ArrayLike | null;
  /** Also return the sum of the weights, broadcast to the average's shape. */
  returned?: boolean;
}

/** What `average` returns: the average, and with `returned` the pair `[average, sum of weights]`. */
export type Averaged<O> = O extends { returned: true } ? [Reduced<O>, Reduced<O>] : Reduced<O>;

/** numpy's `_weights_are_valid`: weights of a's shape, or of a's shape along the axes, set up to broadcast against `a`. */
function weightsFor(x: NDArray, weights: NDArray, axes: number[] | null): NDArray {
  if (weights.ndim === x.ndim && weights.shape.every((n, d) => n === x.shape[d])) return weights;
  if (axes === null) throw new TypeError("Axis must be specified when shapes of a and weights differ.");
  if (weights.ndim !== axes.length || axes.some((d, i) => weights.shape[i] !== x.shape[d])) {
    throw new ValueError("Shape of weights must be consistent with shape of a along specified axis.");
  }
  const order = axes.map((_, i) => i).sort((i, j) => axes[i] - axes[j]);
  return weights.transpose(order).reshape(x.shape.map((n, d) => (axes.includes(d) ? n : 1)));
}

/**
 * Weighted average over `axis` (numpy's `np.average`): `sum(a * weights) / sum(weights)`, the plain mean
 * without weights. With `returned` also the sum of the weights (the element count without weights).
 * @example
 * np.average(np.array([1, 2, 3, 4]), { weights: [4, 3, 2, 1] })            // 2
 * np.average(np.arange(6).reshape(3, 2), { axis: 1, weights: [0.25, 0.75] }) // array([0.75, 2.75, 4.75])
 */
export function average<const O extends AverageOptions = {}>(a: ArrayLike, options?: O): Averaged<O> {
  const x = asarray(a);
  const axes = options?.axis === undefined || options.axis === null ? null : normalizeAxisTuple(options.axis, x.ndim, "axis");
  const reduction = { axis: axes, keepdims: options?.keepdims ?? false };
  let avg: NDArray | number;
  let scale: NDArray | number;
  if (options?.weights === undefined || options.weights === null) {
    avg = mean(x, reduction);
    const dtype = isFloat(x.dtype) ? x.dtype : "float64";
    scale = castScalar(dtype, x.size / (typeof avg === "number" ? 1 : avg.size));
    if (typeof avg !== "number") scale = empty(avg.shape, dtype).fill(scale);
  } else {
    const w = weightsFor(x, asarray(options.weights), axes);
    // numpy weighs integers and booleans in float64, floats in their common type with the weights.
    const dtype = isFloat(x.dtype) ? promoteTypes(x.dtype, w.dtype) : "float64";
    const weight = w.astype(dtype);
    scale = sum(weight, reduction);
    if (typeof scale === "number" ? scale === 0 : any(scale.eq(0))) throw new ZeroDivisionError("Weights sum to zero, can't be normalized");
    const total = sum(multiply(x.astype(dtype), weight), reduction);
    avg = typeof total === "number" && typeof scale === "number" ? castScalar(dtype, total / scale) : divide(total, scale);
    if (typeof avg !== "number" && typeof scale !== "number") scale = broadcastTo(scale, avg.shape).copy();
  }
  return (options?.returned ? [avg, scale] : avg) as Averaged<O>;
}

/** numpy's names for the ways `quantile` and `percentile` estimate between sorted elements (Hyndman and Fan). */
export type QuantileMethod =
  | "inverted_cdf"
  | "averaged_inverted_cdf"
  | "closest_observation"
  | "interpolated_inverted_cdf"
  | "hazen"
  | "weibull"
  | "linear"
  | "median_unbiased"
  | "normal_unbiased"
  | "lower"
  | "higher"
  | "midpoint"
  | "nearest";

export interface QuantileOptions extends AxisOptions {
  /** How to estimate between sorted elements; "linear" by default, as in numpy. */
  method?: QuantileMethod;
}

/**
 * A method's position `index(n, q)` in a sorted lane of n elements: an element's index for the discrete
 * methods (no `gamma`), otherwise a fractional "virtual index" interpolated with weight `gamma(fraction, index)`.
 */
interface QuantileRule {
  index: (n: number, q: number) => number;
  gamma?: (fraction: number, index: number) => number;
}

/** numpy's `_discrete_interpolation_to_boundaries`: the element below `index` where `below` holds, else the one above, at least 0. */
function boundary(index: number, below: (fraction: number, previous: number) => boolean): number {
  const previous = Math.floor(index);
  return Math.max(below(index - previous, previous) ? previous : previous + 1, 0);
}

/** numpy's `_compute_virtual_index` for the continuous methods of Hyndman and Fan, with its parameters alpha and beta. */
function continuous(alpha: number, beta: number): QuantileRule {
  return { index: (n, q) => n * q + (alpha + q * (1 - alpha - beta)) - 1, gamma: (fraction) => fraction };
}

/** `np.around`: halves round to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// numpy's _QuantileMethods, with the same arithmetic so that positions round as numpy's do.
const QUANTILE_METHODS: Record<QuantileMethod, QuantileRule> = {
  inverted_cdf: { index: (n, q) => boundary(n * q - 1, (fraction) => fraction === 0) },
  averaged_inverted_cdf: { index: (n, q) => n * q - 1, gamma: (fraction) => (fraction === 0 ? 0.5 : 1) },
  // The nearest even order statistic (1-based) on a tie: Python's `%` keeps the sign of the divisor.
  closest_observation: { index: (n, q) => boundary(n * q - 1 - 0.5, (fraction, previous) => fraction === 0 && ((previous % 2) + 2) % 2 === 1) },
  interpolated_inverted_cdf: continuous(0, 1),
  hazen: continuous(0.5, 0.5),
  weibull: continuous(0, 0),
  // numpy computes (n - 1) * q rather than the equivalent continuous(1, 1), which rounds differently.
  linear: { index: (n, q) => (n - 1) * q, gamma: (fraction) => fraction },
  median_unbiased: continuous(1 / 3, 1 / 3),
  normal_unbiased: continuous(3 / 8, 3 / 8),
  lower: { index: (n, q) => Math.floor((n - 1) * q) },
  higher: { index: (n, q) => Math.ceil((n - 1) * q) },
  midpoint: { index: (n, q) => 0.5 * (Math.floor((n - 1) * q) + Math.ceil((n - 1) * q)), gamma: (_, index) => (index % 1 === 0 ? 0 : 0.5) },
  nearest: { index: (n, q) => roundHalfEven((n - 1) * q) },
};

/** Where one quantile is found in a sorted lane: between elements `lo` and `hi` with weight `gamma`, or at `lo` (gamma null). */
interface Position {
  lo: number;
  hi: number;
  gamma: number | null;
}

/** numpy's `_get_indexes` and `_get_gamma`: positions past either end clamp to the end element. */
function position(rule: QuantileRule, n: number, q: number, takes: boolean): Position {
  const index = rule.index(n, q);
  if (takes) return { lo: index, hi: index, gamma: null };
  const above = index >= n - 1;
  const below = index < 0;
  // numpy marks positions past the last element as index -1 and measures gamma from there.
  const previous = below ? 0 : above ? -1 : Math.floor(index);
  const lo = above ? n - 1 : previous;
  return { lo, hi: above ? n - 1 : below ? 0 : previous + 1, gamma: rule.gamma!(index - previous, index) };
}

/**
 * numpy's `_lerp` for one element: `a + (b - a) * t`, or `b - (b - a) * (1 - t)` from t = 0.5 on, with
 * `b - a` in the input's dtype and each step rounded to the result's (`round`).
 */
function lerp(a: number, b: number, t: number, dtype: DType, round: (x: number) => number): number {
  const difference = castScalar(dtype, b - a);
  return t >= 0.5 ? round(b - round(difference * round(1 - t))) : round(a + round(difference * round(t)));
}

function quantileOf(a: ArrayLike, q: ArrayLike, options: QuantileOptions, percent: boolean): NDArray | number {
  const x = asarray(a);
  const qs = asarray(q);
  const fractions = (percent ? divide(qs, 100) : qs).toArray();
  if (!fractions.every((f) => f >= 0 && f <= 1)) throw new ValueError(percent ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]");
  const axis = options.axis ?? null;
  const p = plan(x, { axis: axis === null ? null : normalizeAxisTuple(axis, x.ndim), keepdims: options.keepdims });
  if (qs.ndim > 2) throw new ValueError("q must be a scalar or 1d");
  const method = options.method ?? "linear";
  const rule = QUANTILE_METHODS[method];
  if (!rule) throw new ValueError(`'${method}' is not a valid method. Use one of: dict_keys([${Object.keys(QUANTILE_METHODS).map((m) => `'${m}'`).join(", ")}])`);
  // Integer quantiles (q of 0 or 1) make numpy's linear positions integers: elements are taken, not interpolated.
  const takes = !rule.gamma || (method === "linear" && !percent && !isFloat(qs.dtype) && qs.dtype !== "bool");
  const n = p.count;
  const lanes = sortedLanes(x, p);
  const laneCount = p.keptShape.reduce((size, len) => size * len, 1);
  if (n === 0 && laneCount > 0) {
    // The first index numpy's own steps trip over: the NaN check for floats, else the take or the interpolation.
    throw new IndexError(isFloat(x.dtype) ? "index -1 is out of bounds for axis 0 with size 0" : takes ? "cannot do a non-empty take from an empty axes." : "index 0 is out of bounds for axis 0 with size 0");
  }
  const floating = isFloat(x.dtype) ? x.dtype : "float64";
  // A Python number q interpolates with a weak float, keeping float32; an array q interpolates in float64.
  const dtype: DType = takes ? x.dtype : typeof q === "number" ? floating : "float64";
  if (!takes && x.dtype === "bool") {
    throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  }
  const round = dtype === "float32" ? Math.fround : (v: number) => v;
  const out = empty([...qs.shape, ...p.keptShape], dtype, "unspecified");
  fractions.forEach((fraction, i) => {
    const { lo, hi, gamma } = position(rule, n, fraction, takes);
    for (let k = 0, start = 0; k < laneCount; k++, start += n) {
      const last = lanes[start + n - 1];
      // A lane holding NaN (sorted last) gives NaN, as numpy copies its last element there.
      const value = last !== last ? last : gamma === null ? lanes[start + lo] : lerp(lanes[start + lo], lanes[start + hi], gamma, x.dtype, round);
      out.data[i * laneCount + k] = value;
    }
  });
  if (typeof q === "number" && p.scalar) return out.scalarAt(out.offset) as number;
  return out.reshape([...qs.shape, ...p.shape]);
}

/**
 * The `q`-th quantiles (0 ≤ q ≤ 1) over `axis` (numpy's `np.quantile`), interpolated linearly between sorted
 * elements by default; `method` picks one of numpy's other estimates. A list of q puts q's axis first.
 * @example
 * np.quantile(np.array([1, 2, 3, 4]), 0.5)                             // 2.5
 * np.quantile(np.array([[1, 2], [3, 4]]), [0.25, 0.75], { axis: 0 })   // shape (2, 2)
 */
export function quantile<const O extends QuantileOptions = {}>(a: ArrayLike, q: number, options?: O): Reduced<O>;
export function quantile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray;
export function quantile(a: ArrayLike, q: ArrayLike, options: QuantileOptions = {}): NDArray | number {
  return quantileOf(a, q, options, false);
}

/**
 * The `q`-th percentiles (0 ≤ q ≤ 100) over `axis` (numpy's `np.percentile`): `quantile` of q / 100.
 * @example
 * np.percentile(np.array([1, 2, 3, 4]), 50)                            // 2.5
 * np.percentile(np.arange(10), [10, 90], { method: "lower" })          // array([0, 8])
 */
export function percentile<const O extends QuantileOptions = {}>(a: ArrayLike, q: number, options?: O): Reduced<O>;
export function percentile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray;
export function percentile(a: ArrayLike, q: ArrayLike, options: QuantileOptions = {}): NDArray | number {
  return quantileOf(a, q, options, true);
}

/** numpy's `_replace_nan`: for floats a copy with NaN replaced by `value` and the NaN mask; other dtypes hold no NaN. */
function withoutNan(x: NDArray, value: number): [NDArray, NDArray | null] {
  if (!isFloat(x.dtype)) return [x, null];
  const mask = isnan(x);
  return [x.copy().set(mask, value), mask];
}

/**
 * Sum over `axis` treating NaN as zero (numpy's `np.nansum`).
 * @example np.nansum(np.array([1, NaN, 3])) // 4
 */
export function nansum<const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  return sum(withoutNan(asarray(a), 0)[0], options);
}

/**
 * Mean over `axis` of the elements that are not NaN; NaN for a lane of NaN only (numpy's `np.nanmean`).
 * @example np.nanmean(np.array([[1, NaN], [3, 4]]), { axis: 1 }) // array([1. , 3.5])
 */
export function nanmean<const O extends AxisOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const [x, mask] = withoutNan(asarray(a), 0);
  if (!mask) return mean(x, options);
  const p = plan(x, options);
  const kept = { axis: p.axes, keepdims: true };
  // numpy divides the float sum by the int count in float64 and stores the quotient in the input's dtype.
  return unkeep(divide(sum(x, kept), sum(logical_not(mask), kept)).astype(x.dtype), p) as Reduced<O>;
}

/** numpy's `nanvar` for a float array, with keepdims: squared deviations from the NaN-less mean, NaN where `N - ddof <= 0`. */
function nanVarianceKept(x: NDArray, mask: NDArray, p: Plan, ddof: number): NDArray {
  const kept = { axis: p.axes, keepdims: true };
  const count = sum(logical_not(mask), kept) as NDArray;
  const deviation = subtract(x, divide(sum(x, kept), count).astype(x.dtype)).set(mask, 0);
  const dof = subtract(count, ddof);
  return divide(sum(multiply(deviation, deviation), kept), dof).astype(x.dtype).set(less_equal(dof, 0), NaN);
}

/**
 * Variance over `axis` of the elements that are not NaN, divided by `N - ddof` (numpy's `np.nanvar`).
 * @example np.nanvar(np.array([1, NaN, 3])) // 1
 */
export function nanvar<const O extends VarianceOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const [x, mask] = withoutNan(asarray(a), 0);
  if (!mask) return variance(x, options);
  const p = plan(x, options);
  return unkeep(nanVarianceKept(x, mask, p, options?.ddof ?? 0), p) as Reduced<O>;
}

/**
 * Standard deviation over `axis` of the elements that are not NaN, the square root of `nanvar` (numpy's `np.nanstd`).
 * @example np.nanstd(np.array([1, NaN, 3])) // 1
 */
export function nanstd<const O extends VarianceOptions = {}>(a: ArrayLike, options?: O): Reduced<O> {
  const [x, mask] = withoutNan(asarray(a), 0);
  if (!mask) return std(x, options);
  const p = plan(x, options);
  const v = nanVarianceKept(x, mask, p, options?.ddof ?? 0);
  return unkeep(sqrt(v, { out: v }), p) as Reduced<O>;
}

/** Largest element over `axis` ignoring NaN; NaN for a lane of NaN only (numpy's `np.nanmax`, an `fmax` reduction). @example np.nanmax(np.array([1, NaN, 3])) // 3 */
export const nanmax = extremum("fmax", NaN, "x > w || w !== w ? x : w");
/** Smallest element over `axis` ignoring NaN; NaN for a lane of NaN only (numpy's `np.nanmin`, an `fmin` reduction). @example np.nanmin(np.array([1, NaN, 3])) // 1 */
export const nanmin = extremum("fmin", NaN, "x < w || w !== w ? x : w");

function nanArgExtremum(fill: number, arg: typeof argmax) {
  return <const O extends { axis?: number; keepdims?: boolean } = {}>(a: ArrayLike, options?: O): Reduced<O> => {
    const [x, mask] = withoutNan(asarray(a), fill);
    if (mask && mask.size > 0 && any(all(mask, { axis: options?.axis ?? null }))) throw new ValueError("All-NaN slice encountered");
    return arg(x, options);
  };
}

/** Index of the largest element ignoring NaN, flat or along `axis` (numpy's `np.nanargmax`); a lane of NaN only is a ValueError. @example np.nanargmax(np.array([1, NaN, 3])) // 2 */
export const nanargmax = nanArgExtremum(-Infinity, argmax);
/** Index of the smallest element ignoring NaN, flat or along `axis` (numpy's `np.nanargmin`). @example np.nanargmin(np.array([NaN, 2, 1])) // 2 */
export const nanargmin = nanArgExtremum(Infinity, argmin);

export interface CovOptions {
  /** Each row is a variable and each column an observation (true, the default), or the transpose. */
  rowvar?: boolean;
  /** Normalise by N instead of N - 1; ignored when `ddof` is given. */
  bias?: boolean;
  /** Delta degrees of freedom: the divisor is `N - ddof`; 1 by default (0 with `bias`). */
  ddof?: number | null;
}

/**
 * Covariance matrix of the variables in the rows of `m` (columns with `rowvar: false`), always float64 (numpy's
 * `np.cov`); a single variable gives a 0-d array.
 * @example np.cov(np.array([[0, 1, 2], [2, 1, 0]])) // array([[ 1., -1.], [-1.,  1.]])
 */
export function cov(m: ArrayLike, options: CovOptions = {}): NDArray {
  const ddofOption = options.ddof ?? null;
  if (ddofOption !== null && !Number.isInteger(ddofOption)) throw new ValueError("ddof must be integer");
  const x = asarray(m);
  if (x.ndim > 2) throw new ValueError("m has more than 2 dimensions");
  let X = x.astype("float64").reshape([...new Array<number>(2 - x.ndim).fill(1), ...x.shape]);
  if (options.rowvar === false && x.ndim !== 1) X = X.T;
  if (X.shape[0] === 0) return empty([0, 0]);
  const ddof = ddofOption ?? (options.bias ? 0 : 1);
  // numpy warns of N - ddof <= 0 and divides by zero then.
  const fact = Math.max(X.shape[1] - ddof, 0);
  const centered = subtract(X, mean(X, { axis: 1, keepdims: true }));
  // numpy multiplies by the reciprocal rather than dividing, which rounds differently.
  return squeeze(multiply(dot(centered, centered.T), 1 / fact));
}

/**
 * Pearson correlation coefficients of the variables in the rows of `x` (columns with `rowvar: false`): the
 * covariance normalised by the standard deviations, clipped to [-1, 1] (numpy's `np.corrcoef`).
 * @example np.corrcoef(np.array([[1, 2, 3], [3, 1, 2]])) // array([[ 1. , -0.5], [-0.5,  1. ]])
 */
export function corrcoef(x: ArrayLike, options: { rowvar?: boolean } = {}): NDArray {
  const c = cov(x, { rowvar: options.rowvar });
  // A single variable correlates with itself: 1, or NaN for a covariance of 0, inf or NaN.
  if (c.ndim === 0) return divide(c, c);
  const n = c.shape[0];
  const stddev = sqrt(c.view([n], [c.strides[0] + c.strides[1]], c.offset));
  return clip(divide(divide(c, stddev.reshape(n, 1)), stddev.reshape(1, n)), -1, 1);
}

export interface DiffOptions {
  /** How many times to take differences; 1 by default. */
  n?: number;
  /** The axis along which differences are taken; the last by default. */
  axis?: number;
  /** Values put before `a` along `axis` first (a scalar fills one slice). */
  prepend?: ArrayLike;
  /** Values put after `a` along `axis` first (a scalar fills one slice). */
  append?: ArrayLike;
}

/**
 * The `n`-th discrete difference `a[i + 1] - a[i]` along `axis` (numpy's `np.diff`); booleans give `!=`.
 * @example
 * np.diff(np.array([1, 2, 4, 7]))                  // array([1, 2, 3])
 * np.diff(np.array([1, 2, 4, 7]), { n: 2 })        // array([1, 1])
 * np.diff(np.array([1, 2, 4]), { prepend: 0 })     // array([1, 1, 2])
 */
export function diff(a: ArrayLike, options: DiffOptions = {}): NDArray {
  const n = options.n ?? 1;
  if (n === 0) return asarray(a);
  if (n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  let x = asarray(a);
  if (x.ndim === 0) throw new ValueError("diff requires input that is at least one dimensional");
  const axis = normalizeAxis(options.axis ?? -1, x.ndim);
  const slice = x.shape.map((len, d) => (d === axis ? 1 : len));
  const edge = (value: ArrayLike) => {
    const e = asarray(value);
    return e.ndim === 0 ? broadcastTo(e, slice) : e;
  };
  if (options.prepend !== undefined || options.append !== undefined) {
    const parts = [...(options.prepend === undefined ? [] : [edge(options.prepend)]), x, ...(options.append === undefined ? [] : [edge(options.append)])];
    x = concatenate(parts, { axis });
  }
  const step = x.dtype === "bool" ? not_equal : subtract;
  for (let i = 0; i < n; i++) {
    const shape = x.shape.map((len, d) => (d === axis ? Math.max(len - 1, 0) : len));
    const later = x.view(shape, x.strides, x.offset + (x.shape[axis] > 0 ? x.strides[axis] : 0));
    x = step(later, x.view(shape, x.strides, x.offset));
  }
  return x;
}
