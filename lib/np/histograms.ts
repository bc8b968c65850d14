/**
 * Histograms and binning (numpy's lib/_histograms_impl.py is the specification): `histogram` with numpy's bin
 * edges and its right-inclusive last bin, `histogram_bin_edges`, `bincount` and `digitize`. float32 data is
 * binned in float32 arithmetic where numpy's is, so the edges and the bin each value lands in agree to the bit.
 */
import { castScalar, isInteger, type DType } from "./dtype";
import { ValueError } from "./errors";
import { NDArray, asarray, empty, ravelData, sameShape, type ArrayLike } from "./ndarray";
import { array_str } from "./print";
import { cumsum, diff, max, min, percentile, std, sum } from "./reduce";
import { ravel, take } from "./shape";
import { argsort, searchsorted, sort } from "./sorting";
import { divide } from "./ufunc";

/** numpy's rules for choosing the bin width from the data (`bins: "auto"` and friends). */
export type BinEstimator = "auto" | "fd" | "sturges" | "sqrt" | "rice" | "scott";

export interface HistogramOptions {
  /** A number of equal-width bins (10 by default), the bin edges (increasing, rightmost included), or an estimator's name. */
  bins?: number | ArrayLike | BinEstimator;
  /** The lower and upper edges of equal-width bins; values outside are left out. `[a.min(), a.max()]` by default. */
  range?: readonly [number, number] | null;
  /** Divide the counts by the total and the bin widths, so the histogram integrates to 1. */
  density?: boolean;
  /** A weight per element of `a` (same shape): each adds its weight to its bin instead of 1. */
  weights?: ArrayLike | null;
}

const identity = (x: number) => x;
const rounding = (float32: boolean) => (float32 ? Math.fround : identity);

/** A float as numpy prints a scalar of `dtype` in a message (`1.0`, `nan`, `3`). */
function scalarText(value: number, dtype?: DType): string {
  return array_str(asarray(value, dtype ? { dtype } : {}));
}

/**
 * The outer edges of equal-width bins. `fromData` says they are numpy scalars of the data's dtype (its min and
 * max), which matters for float32 data: numpy then computes the edges and bin positions in float32, while
 * Python numbers from `range` (or the 0, 1 of empty data) give float64 arithmetic.
 */
interface Outer {
  first: number;
  last: number;
  fromData: boolean;
}

function outerEdges(a: NDArray, range: readonly [number, number] | null | undefined): Outer {
  let outer: Outer;
  if (range != null) {
    const [first, last] = range;
    if (first > last) throw new ValueError("max must be larger than min in range parameter.");
    if (!(Number.isFinite(first) && Number.isFinite(last))) throw new ValueError(`supplied range of [${scalarText(first)}, ${scalarText(last)}] is not finite`);
    outer = { first, last, fromData: false };
  } else if (a.size === 0) {
    outer = { first: 0, last: 1, fromData: false };
  } else {
    const first = min(a) as number;
    const last = max(a) as number;
    if (!(Number.isFinite(first) && Number.isFinite(last))) {
      throw new ValueError(`autodetected range of [${scalarText(first, a.dtype)}, ${scalarText(last, a.dtype)}] is not finite`);
    }
    outer = { first, last, fromData: true };
  }
  if (outer.first === outer.last) {
    const round = rounding(outer.fromData && a.dtype === "float32");
    outer = { ...outer, first: round(outer.first - 0.5), last: round(outer.last + 0.5) };
  }
  return outer;
}

/** A bin width and whether numpy holds it as a float32 (estimators that scale a float32 statistic by a Python float). */
interface Width {
  value: number;
  float32: boolean;
}

function estimateWidth(x: NDArray, estimator: BinEstimator): Width {
  const f32 = x.dtype === "float32";
  const round = rounding(f32);
  const n = x.size;
  const ptp = round((max(x) as number) - (min(x) as number));
  const sqrtWidth = (): Width => ({ value: ptp / Math.sqrt(n), float32: false });
  const sturges = (): Width => ({ value: ptp / (Math.log2(n) + 1), float32: false });
  const fd = (): Width => {
    const iqr = round((percentile(x, 75) as number) - (percentile(x, 25) as number));
    return { value: round(round(2 * iqr) * round(n ** (-1 / 3))), float32: f32 };
  };
  switch (estimator) {
    case "sqrt":
      return sqrtWidth();
    case "sturges":
      return sturges();
    case "fd":
      return fd();
    case "rice":
      return { value: round(ptp / round(2 * n ** (1 / 3))), float32: f32 };
    case "scott":
      return { value: round(round((24 * Math.PI ** 0.5 / n) ** (1 / 3)) * (std(x) as number)), float32: f32 };
    case "auto": {
      // Python's max and min keep the first argument on ties, and with it that argument's type.
      const fdWidth = fd();
      const halfSqrt = { value: sqrtWidth().value / 2, float32: false };
      const relaxed = halfSqrt.value > fdWidth.value ? halfSqrt : fdWidth;
      const sturgesWidth = sturges();
      return sturgesWidth.value < relaxed.value ? sturgesWidth : relaxed;
    }
  }
}

const ESTIMATORS: readonly string[] = ["auto", "fd", "sturges", "sqrt", "rice", "scott"];
// numpy's other estimators, which tsdl does not implement.
const UNSUPPORTED_ESTIMATORS: readonly string[] = ["doane", "stone"];

/** Equal-width bins: how many, over which outer edges. */
interface Uniform extends Outer {
  count: number;
}

/** numpy's `_get_bin_edges`: the edges, and the equal-width layout when the bins are equal-width. */
function binEdges(a: NDArray, options: HistogramOptions, weights: NDArray | null): { edges: NDArray; uniform: Uniform | null } {
  const bins = options.bins ?? 10;
  let uniform: Uniform;
  if (typeof bins === "string") {
    if (UNSUPPORTED_ESTIMATORS.includes(bins)) throw new ValueError(`tsdl does not implement the ${JSON.stringify(bins)} estimator for \`bins\`; use one of ${ESTIMATORS.join(", ")}`);
    if (!ESTIMATORS.includes(bins)) throw new ValueError(`'${bins}' is not a valid estimator for \`bins\``);
    if (weights) throw new TypeError("Automated estimation of the number of bins is not supported for weighted data");
    const outer = outerEdges(a, options.range);
    let data = a;
    if (options.range != null) {
      const round = rounding(a.dtype === "float32");
      const [low, high] = [round(outer.first), round(outer.last)];
      data = asarray(Array.from(ravelData(a)).filter((v) => v >= low && v <= high), { dtype: a.dtype });
    }
    let count = 1;
    if (data.size > 0) {
      const width = estimateWidth(data, bins as BinEstimator);
      if (width.value) {
        const step = isInteger(a.dtype) && width.value < 1 ? { value: 1, float32: false } : width;
        const f32 = outer.fromData && a.dtype === "float32";
        const delta = rounding(f32)(outer.last - outer.first);
        count = Math.ceil(rounding(f32 && step.float32)(delta / step.value));
      }
    }
    uniform = { ...outer, count };
  } else {
    const given = asarray(bins as ArrayLike);
    if (given.ndim === 1) {
      const e = ravelData(given);
      for (let i = 1; i < e.length; i++) if (e[i - 1] > e[i]) throw new ValueError("`bins` must increase monotonically, when an array");
      return { edges: given, uniform: null };
    }
    if (given.ndim > 1) throw new ValueError("`bins` must be 1d, when an array");
    const count = given.data[given.offset];
    if (!isInteger(given.dtype) || !Number.isInteger(count)) throw new TypeError("`bins` must be an integer, a string, or an array");
    if (count < 1) throw new ValueError("`bins` must be positive, when an integer");
    uniform = { ...outerEdges(a, options.range), count };
  }
  return { edges: linearEdges(uniform, a.dtype), uniform };
}

/** numpy's `linspace(first, last, count + 1)` for the edges, in float32 arithmetic when numpy's is. */
function linearEdges(u: Uniform, dtype: DType): NDArray {
  const edgeDType = dtype === "float32" ? "float32" : "float64";
  const round = rounding(u.fromData && dtype === "float32");
  const edges = empty([u.count + 1], edgeDType);
  const delta = round(u.last - u.first);
  const step = round(delta / u.count);
  for (let i = 0; i < u.count; i++) {
    const offset = step === 0 ? round(round(i / u.count) * delta) : round(i * step);
    edges.data[i] = castScalar(edgeDType, round(offset + u.first));
  }
  edges.data[u.count] = castScalar(edgeDType, u.last);
  for (let i = 0; i < u.count; i++) {
    if (!(edges.data[i] < edges.data[i + 1])) throw new ValueError(`Too many bins for data range. Cannot create ${u.count} finite-sized bins.`);
  }
  return edges;
}

/** numpy's fast path for equal-width bins: each value's bin from its position, corrected against the edges. */
function uniformCounts(a: NDArray, u: Uniform, edges: NDArray, weights: NDArray | null): NDArray {
  const f32 = a.dtype === "float32";
  const round = rounding(f32);
  const strongF32 = f32 && u.fromData;
  const quotient = rounding(strongF32);
  const first = round(u.first);
  const last = round(u.last);
  const denominator = quotient(u.last - u.first);
  const n = u.count;
  const e = edges.data;
  const values = ravelData(a);
  const w = weights ? ravelData(weights) : null;
  const totals = new Float64Array(n);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!(v >= first && v <= last)) continue;
    let index = Math.trunc(quotient(quotient(round(v - first) / denominator) * n));
    if (index === n) index--;
    if (v < e[index]) index--;
    else if (index !== n - 1 && v >= e[index + 1]) index++;
    totals[index] += w ? w[k] : 1;
  }
  const counts = empty([n], weights ? weights.dtype : "int64");
  for (let i = 0; i < n; i++) counts.data[i] = castScalar(counts.dtype, totals[i]);
  return counts;
}

/** Where each edge falls in the sorted values, the last edge counting values equal to it (numpy's `_search_sorted_inclusive`). */
function inclusiveSearch(sorted: NDArray, edges: NDArray): Float64Array {
  const m = edges.size;
  const left = ravelData(searchsorted(sorted, edges, { side: "left" }));
  const out = Float64Array.from(left);
  if (m > 0) out[m - 1] = ravelData(searchsorted(sorted, edges.get(`${m - 1}:`), { side: "right" }))[0];
  return out;
}

/** numpy's path for given edges: counts as differences of cumulative counts (or weights) found by sorting. */
function edgeCounts(a: NDArray, edges: NDArray, weights: NDArray | null): NDArray {
  if (!weights) {
    const bounds = inclusiveSearch(sort(a), edges);
    return diff(asarray(bounds, { dtype: "int64" }));
  }
  // numpy adds the cumulative weights into an array of the weights' dtype, which booleans cannot take.
  if (weights.dtype === "bool") throw new TypeError("Cannot cast ufunc 'add' output from dtype('int64') to dtype('bool') with casting rule 'same_kind'");
  const order = argsort(a);
  const running = ravelData(cumsum(take(weights, order)));
  const bounds = inclusiveSearch(take(a, order), edges);
  const cumulative = empty(edges.shape, weights.dtype);
  for (let i = 0; i < bounds.length; i++) cumulative.data[i] = bounds[i] === 0 ? 0 : castScalar(weights.dtype, running[bounds[i] - 1]);
  return diff(cumulative);
}

/** numpy's `_ravel_and_check_weights`: the flattened data (booleans as uint8) and weights. */
function flattened(a: ArrayLike, weights: ArrayLike | null | undefined): [NDArray, NDArray | null] {
  let x = asarray(a);
  if (x.dtype === "bool") x = x.astype("uint8");
  if (weights == null) return [ravel(x), null];
  const w = asarray(weights);
  if (!sameShape(w.shape, x.shape)) throw new ValueError("weights should have the same shape as a.");
  return [ravel(x), ravel(w)];
}

/**
 * The histogram of the flattened `a` (numpy's `np.histogram`): the counts (int64, or the weights' dtype) and
 * the bin edges, one more than the counts. Bins are half-open `[edge, next)` except the last, which includes
 * its right edge. Boolean data is counted as uint8, as numpy does.
 * @example
 * const [hist, edges] = np.histogram(np.array([1, 2, 2, 3, 4]), { bins: 3 });
 * hist  // array([1, 2, 2])
 * edges // array([1., 2., 3., 4.])
 * np.histogram(x, { bins: [0, 1, 2, 3], density: true })
 */
export function histogram(a: ArrayLike, options: HistogramOptions = {}): [NDArray, NDArray] {
  const [x, weights] = flattened(a, options.weights);
  const { edges, uniform } = binEdges(x, options, weights);
  const counts = uniform ? uniformCounts(x, uniform, edges, weights) : edgeCounts(x, edges, weights);
  if (!options.density) return [counts, edges];
  const widths = diff(edges).astype("float64");
  return [divide(divide(counts, widths), sum(counts) as number), edges];
}

/**
 * Only the bin edges `histogram` would use (numpy's `np.histogram_bin_edges`).
 * @example np.histogram_bin_edges(np.array([0, 1, 2, 3, 4]), { bins: "sturges" }) // array([0., 1., 2., 3., 4.])
 */
export function histogram_bin_edges(a: ArrayLike, options: Omit<HistogramOptions, "density"> = {}): NDArray {
  const [x, weights] = flattened(a, options.weights);
  return binEdges(x, options, weights).edges;
}

/** numpy's depth checks for an argument that must be 1-D. */
function checkOneDimensional(x: NDArray): void {
  if (x.ndim === 0) throw new ValueError("object of too small depth for desired array");
  if (x.ndim > 1) throw new ValueError("object too deep for desired array");
}

/**
 * How often each non-negative integer occurs in the 1-D `x` (numpy's `np.bincount`): entry i counts the
 * elements equal to i (or sums their `weights`, giving float64), with at least `minlength` entries.
 * @example
 * np.bincount(np.array([0, 1, 1, 3]))                                // array([1, 2, 0, 1])
 * np.bincount(np.array([0, 1, 1]), { weights: [0.5, 1, 2], minlength: 4 }) // array([0.5, 3. , 0. , 0. ])
 */
export function bincount(x: ArrayLike, options: { weights?: ArrayLike | null; minlength?: number | null } = {}): NDArray {
  // numpy reads a plain empty list as an empty integer array, where asarray would give float64.
  const list = Array.isArray(x) && x.length === 0 ? empty([0], "int64") : asarray(x);
  checkOneDimensional(list);
  if (!isInteger(list.dtype) && list.dtype !== "bool") {
    throw new TypeError(`Cannot cast array data from dtype('${list.dtype}') to dtype('int64') according to the rule 'safe'`);
  }
  const minlength = options.minlength ?? 0;
  if (minlength < 0) throw new ValueError("'minlength' must not be negative");
  const values = ravelData(list);
  let largest = -1;
  for (const v of values) {
    if (v < 0) throw new ValueError("'list' argument must have no negative elements");
    if (v > largest) largest = v;
  }
  const length = Math.max(largest + 1, minlength);
  if (options.weights == null) {
    const counts = empty([length], "int64");
    for (const v of values) counts.data[v]++;
    return counts;
  }
  const weights = asarray(options.weights);
  checkOneDimensional(weights);
  if (weights.size !== list.size) throw new ValueError("The weights and list don't have the same length.");
  const w = ravelData(weights);
  const sums = empty([length], "float64");
  for (let k = 0; k < values.length; k++) sums.data[values[k]] += w[k];
  return sums;
}

/**
 * numpy's `check_array_monotonic`: 1 for non-decreasing, -1 for non-increasing, 0 for neither. Its first
 * step that does not rise counts as falling, so a NaN there makes the bins "decreasing" as in numpy.
 */
function monotonicity(bins: ArrayLike): number {
  const b = asarray(bins);
  checkOneDimensional(b);
  const e = ravelData(b);
  let i = 1;
  while (i < e.length && e[i] === e[0]) i++;
  if (i >= e.length) return 1;
  const rising = e[i - 1] < e[i];
  for (i++; i < e.length; i++) if (rising ? e[i - 1] > e[i] : e[i - 1] < e[i]) return 0;
  return rising ? 1 : -1;
}

/**
 * The index of the bin each value of `x` falls in (numpy's `np.digitize`): for increasing `bins`, i with
 * `bins[i-1] <= x < bins[i]` (`bins[i-1] < x <= bins[i]` with `right`); decreasing bins work too. int64 of
 * `x`'s shape.
 * @example np.digitize(np.array([0.2, 6.4, 3.0]), [0, 1, 2.5, 4]) // array([1, 4, 3])
 */
export function digitize(x: ArrayLike, bins: ArrayLike, options: { right?: boolean } = {}): NDArray {
  const values = asarray(x);
  const edges = asarray(bins);
  const mono = monotonicity(edges);
  if (mono === 0) throw new ValueError("bins must be monotonically increasing or decreasing");
  const side = options.right ? "left" : "right";
  if (mono === 1) return searchsorted(edges, values, { side });
  const found = searchsorted(edges.get("::-1"), values, { side });
  const out = empty(found.shape, "int64");
  for (let k = 0; k < out.size; k++) out.data[k] = edges.size - found.data[k];
  return out;
}
