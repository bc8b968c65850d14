/**
 * What np.random's two generators share: the legacy `RandomState` functions (random.ts) and `Generator`
 * (random-generator.ts) shape their results, shuffle, check probabilities and take logarithms the same way;
 * only the bits they draw differ.
 */
import { ValueError } from "./errors";
import { type ArrayLike, type NDArray, asarray, empty, ravelData, shapeSize } from "./ndarray";

/** An output shape: a length or a list of lengths (numpy's `size` argument). */
export type Size = number | readonly number[];

// ---------------------------------------------------------------------------------------------------------
// A log that agrees with C's: glibc's log is (almost always) correctly rounded, V8's Math.log is not for
// a few percent of inputs, and the Gaussian's f = sqrt(-2 ln r2 / r2) inherits any last-bit difference.
// ---------------------------------------------------------------------------------------------------------

// ln 2 split so that k * LN2_HIGH is exact for |k| < 2^21: LN2_HIGH is ln 2 cut to 32 significant bits,
// LN2_LOW the rest rounded to a double (both derived from ln 2 to 60 digits).
const LN2_HIGH = 0.6931471803691238;
const LN2_LOW = 1.9082149292705877e-10;
/** Table spacing: the argument's mantissa m is reduced against the nearest c = j / 256. */
const GRID = 256;
const FIRST_KNOT = Math.floor(Math.SQRT1_2 * GRID);
/** ln(j / 256) as double-double (high, low) for j = FIRST_KNOT … 363, computed by the first log. */
const knotLogHigh: number[] = [];
const knotLogLow: number[] = [];

/** Double-double (high, low) pairs for building the table; only used once. */
type DD = [number, number];
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}
function twoProduct(a: number, b: number): DD {
  const p = a * b;
  const as = 134217729 * a;
  const ah = as - (as - a);
  const al = a - ah;
  const bs = 134217729 * b;
  const bh = bs - (bs - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}
function ddAdd(x: DD, y: DD): DD {
  const [s, e] = twoSum(x[0], y[0]);
  return twoSum(s, e + x[1] + y[1]);
}
function ddMul(x: DD, y: DD): DD {
  const [p, e] = twoProduct(x[0], y[0]);
  return twoSum(p, e + x[0] * y[1] + x[1] * y[0]);
}
function ddDiv(x: DD, y: DD): DD {
  const q = x[0] / y[0];
  const r = ddAdd(x, ddMul([-q, 0], y));
  const q2 = r[0] / y[0];
  const r2 = ddAdd(r, ddMul([-q2, 0], y));
  return ddAdd(twoSum(q, q2), [r2[0] / y[0], 0]);
}

/**
 * Fills the table. Built on first use rather than at import: its ~20,000 double-double temporaries take 15–20 ms
 * and grow a fresh process's heap by 4 MB, for every program that imports np without drawing a Gaussian.
 */
function buildKnotLogs(): void {
  // ln c = 2 atanh(s), s = (c - 1) / (c + 1), |s| ≤ 0.172: the series to 2^-106 needs about 22 terms.
  for (let j = FIRST_KNOT; j <= 2 * Math.ceil(Math.SQRT1_2 * GRID) + 1; j++) {
    const c = j / GRID;
    const s = ddDiv([c - 1, 0], [c + 1, 0]);
    const s2 = ddMul(s, s);
    let series: DD = [0, 0];
    for (let n = 30; n >= 0; n--) series = ddAdd(ddMul(series, s2), ddDiv([1, 0], [2 * n + 1, 0]));
    const value = ddMul([2, 0], ddMul(s, series));
    knotLogHigh.push(value[0]);
    knotLogLow.push(value[1]);
  }
}

const bits = new DataView(new ArrayBuffer(8));

/**
 * Natural log, correctly rounded except in astronomically rare cases (error about 2^-73 relative before the
 * final rounding). x = 2^k * m with m in [√½, √2], m = c * (1 + s)/(1 - s) for the nearest table knot c, so
 * ln x = k ln 2 + ln c + 2 atanh(s) with |s| < 2^-9.5, summed in double-double.
 */
export function log(x: number): number {
  // Zero, negatives, subnormals, infinities, NaN: not produced by the polar method; Math.log handles them.
  if (!(x >= 2.2250738585072014e-308 && x < Infinity)) return Math.log(x);
  if (knotLogHigh.length === 0) buildKnotLogs();
  bits.setFloat64(0, x);
  const highWord = bits.getUint32(0);
  let k = (highWord >>> 20) - 1023;
  bits.setUint32(0, (highWord & 0x000fffff) | 0x3ff00000);
  let m = bits.getFloat64(0);
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const j = Math.round(m * GRID);
  const c = j / GRID;
  // s = (m - c) / (m + c) in double-double: m - c is exact, m + c is carried as sum + error.
  const numerator = m - c;
  const sum = m + c;
  const back = sum - m;
  const sumError = m - (sum - back) + (c - back);
  const sHigh = numerator / sum;
  const split = 134217729 * sHigh;
  const sh = split - (split - sHigh);
  const sl = sHigh - sh;
  const split2 = 134217729 * sum;
  const dh = split2 - (split2 - sum);
  const dl = sum - dh;
  const product = sHigh * sum;
  const productError = sh * dh - product + sh * dl + sl * dh + sl * dl;
  const sLow = (numerator - product - productError - sHigh * sumError) / sum;
  // 2 atanh(s) = 2s + 2s³/3 + 2s⁵/5 + …: beyond 2s the terms are below 2^-20 of it, so doubles suffice.
  const t = sHigh * sHigh;
  const tail = sHigh * t * (2 / 3 + t * (2 / 5 + t * (2 / 7 + t * (2 / 9))));
  const kHigh = k * LN2_HIGH;
  const first = kHigh + knotLogHigh[j - FIRST_KNOT];
  const firstError = kHigh - first + knotLogHigh[j - FIRST_KNOT];
  const second = first + 2 * sHigh;
  const secondBack = second - first;
  const secondError = first - (second - secondBack) + (2 * sHigh - secondBack);
  return second + (k * LN2_LOW + knotLogLow[j - FIRST_KNOT] + 2 * sLow + tail + firstError + secondError);
}

// ---------------------------------------------------------------------------------------------------------
// Shapes and scalar-or-array results
// ---------------------------------------------------------------------------------------------------------

export function shapeOf(size: Size): number[] {
  const shape = typeof size === "number" ? [size] : [...size];
  for (const n of shape) {
    if (!Number.isInteger(n)) throw new TypeError("'float' object cannot be interpreted as an integer");
  }
  return shape;
}

/** numpy's pattern for a `size` argument: no size → one draw as a JS number; a size → a float64 array. */
export function fillFloats(size: Size | null | undefined, draw: () => number): number | NDArray {
  if (size === undefined || size === null) return draw();
  const out = empty(shapeOf(size), "float64");
  const data = out.data;
  for (let i = 0; i < data.length; i++) data[i] = draw();
  return out;
}

/** numpy's `kahan_sum`, which `choice` uses to check that p sums to 1. */
export function kahanSum(values: Float64Array): number {
  let total = values[0];
  let compensation = 0.0;
  for (let i = 1; i < values.length; i++) {
    const y = values[i] - compensation;
    const t = total + y;
    compensation = t - total - y;
    total = t;
  }
  return total;
}

/** The normalised running sum of p (numpy's `cdf = p.cumsum(); cdf /= cdf[-1]`). */
export function cumulative(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let running = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = running += p[i];
  const total = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= total;
  return cdf;
}

/** The first index whose cdf value exceeds u (numpy's `searchsorted(u, side="right")`). */
export function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/**
 * Fisher–Yates along the first axis, as both of numpy's generators shuffle: from the last element (or row) down,
 * swapping i with `interval(i)`, a uniform index in [0, i]. Takes an NDArray (any strides) or a plain JS array.
 */
export function shuffleFirstAxis(x: NDArray | unknown[], interval: (max: number) => number): void {
  if (Array.isArray(x)) {
    for (let i = x.length - 1; i > 0; i--) {
      const j = interval(i);
      [x[i], x[j]] = [x[j], x[i]];
    }
    return;
  }
  if (x.ndim === 0) throw new TypeError("object of type 'numpy.ndarray' has no len()");
  if (x.size === 0) return;
  // Buffer offsets of the elements of one row x[i], relative to the row's start (just [0] for 1-D).
  const rowShape = x.shape.slice(1);
  const rowStrides = x.strides.slice(1);
  const rowOffsets = new Float64Array(shapeSize(rowShape));
  let filled = 0;
  const collect = (d: number, at: number): void => {
    if (d === rowShape.length) rowOffsets[filled++] = at;
    else for (let i = 0; i < rowShape[d]; i++) collect(d + 1, at + i * rowStrides[d]);
  };
  collect(0, 0);
  const data = x.data;
  const stride = x.strides[0];
  for (let i = x.shape[0] - 1; i > 0; i--) {
    const j = interval(i);
    if (i === j) continue;
    const rowI = x.offset + i * stride;
    const rowJ = x.offset + j * stride;
    for (const at of rowOffsets) {
      const held = data[rowI + at];
      data[rowI + at] = data[rowJ + at];
      data[rowJ + at] = held;
    }
  }
}

/** How a generator words the errors of a bad `p` (the legacy and the modern one differ). */
export interface ProbabilityErrors {
  notOneDimensional: string;
  sizeMismatch: string;
  nan: string;
  negative: string;
  sum: string;
}

/**
 * `choice`'s `p` as doubles, checked as numpy checks it: 1-D, one per population entry, no NaN, none negative,
 * summing to 1 within √ε (float32's √ε for float32 probabilities, by Kahan summation).
 */
export function probabilities(p: ArrayLike, populationSize: number, errors: ProbabilityErrors): Float64Array {
  const pArray = asarray(p);
  const atol = pArray.dtype === "float32" ? Math.sqrt(2 ** -23) : Math.sqrt(2 ** -52);
  if (pArray.ndim !== 1) throw new ValueError(errors.notOneDimensional);
  if (pArray.size !== populationSize) throw new ValueError(errors.sizeMismatch);
  const values = Float64Array.from(ravelData(pArray));
  const total = kahanSum(values);
  if (Number.isNaN(total)) throw new ValueError(errors.nan);
  if (values.some((v) => v < 0)) throw new ValueError(errors.negative);
  if (Math.abs(total - 1) > atol) throw new ValueError(errors.sum);
  return values;
}

/** A generator's own ways of drawing for `sampleIndices`. */
export interface IndexDraws {
  nextDouble(): number;
  /** Indices in [0, population) with replacement, one per element of the sample. */
  uniformIndices(): Float64Array;
  /** Distinct indices in [0, population), as many as the sample has elements. */
  distinctIndices(): Float64Array;
  /** The error for a sample without replacement larger than the population. */
  tooMany: string;
}

/**
 * The population indices of a `choice` sample, in C order, the way both of numpy's generators pick them:
 * with `p`, each index is where a uniform draw falls in the cumulative distribution; without replacement and
 * with `p`, rounds of such draws for the missing picks, keeping each new index at its first occurrence and
 * zeroing the found ones before the next round. Without `p`, the generator's own draws.
 */
export function sampleIndices(populationSize: number, shape: readonly number[], p: Float64Array | null, replace: boolean, draws: IndexDraws): Float64Array {
  const count = shapeSize(shape);
  if (replace) {
    if (!p) return draws.uniformIndices();
    const cdf = cumulative(p);
    return Float64Array.from({ length: count }, () => searchRight(cdf, draws.nextDouble()));
  }
  if (count > populationSize) throw new ValueError(draws.tooMany);
  if (!p) return draws.distinctIndices();
  if (p.filter((v) => v > 0).length < count) throw new ValueError("Fewer non-zero entries in p than size");
  const indices = new Float64Array(count);
  let found = 0;
  while (found < count) {
    for (let i = 0; i < found; i++) p[indices[i]] = 0;
    const cdf = cumulative(p);
    const round = Array.from({ length: count - found }, () => draws.nextDouble());
    const fresh = new Set<number>(round.map((u) => searchRight(cdf, u)));
    for (const index of fresh) indices[found++] = index;
  }
  return indices;
}
