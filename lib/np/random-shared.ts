/**
 * What np.random's two generators share: the legacy `RandomState` functions (random.ts) and `Generator`
 * (random-generator.ts) shape their results, shuffle, check probabilities and take logarithms the same way;
 * only the bits they draw differ.
 */
import { allocate, isInteger, type DType, type TypedArray } from "./dtype";
import { OverflowError, ValueError } from "./errors";
import {
  NDArray, asarray, broadcastShapes, broadcastTo, empty, ravelData, sameShape, shapeSize, type ArrayLike, type Scalar,
} from "./ndarray";
import { broadcast_arrays } from "./shape";

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
/** The rounding error of the double product p = a · b, exactly (Dekker: a and b split into 26-bit halves). */
function productError(a: number, b: number, p: number): number {
  const as = 134217729 * a;
  const ah = as - (as - a);
  const al = a - ah;
  const bs = 134217729 * b;
  const bh = bs - (bs - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
function twoProduct(a: number, b: number): DD {
  const p = a * b;
  return [p, productError(a, b, p)];
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

/** `logParts` writes ln x here as an unevaluated sum high + low (low below half an ulp of high). */
let logHigh = 0;
let logLow = 0;

/**
 * Natural log, correctly rounded except in astronomically rare cases (error about 2^-73 relative before the
 * final rounding). x = 2^k * m with m in [√½, √2], m = c * (1 + s)/(1 - s) for the nearest table knot c, so
 * ln x = k ln 2 + ln c + 2 atanh(s) with |s| < 2^-9.5, summed in double-double.
 */
export function log(x: number): number {
  logParts(x);
  return logHigh;
}

/** ln x to about 2^-73 relative as `logHigh + logLow`, for `pow`, which needs more than the rounded log. */
function logParts(x: number): void {
  // Zero, negatives, subnormals, infinities, NaN: rare in sampling; Math.log handles them.
  if (!(x >= 2.2250738585072014e-308 && x < Infinity)) {
    logHigh = Math.log(x);
    logLow = 0;
    return;
  }
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
  const product = sHigh * sum;
  const sLow = (numerator - product - productError(sHigh, sum, product) - sHigh * sumError) / sum;
  // 2 atanh(s) = 2s + 2s³/3 + 2s⁵/5 + …: beyond 2s the terms are below 2^-20 of it, so doubles suffice.
  const t = sHigh * sHigh;
  const tail = sHigh * t * (2 / 3 + t * (2 / 5 + t * (2 / 7 + t * (2 / 9))));
  const kHigh = k * LN2_HIGH;
  const first = kHigh + knotLogHigh[j - FIRST_KNOT];
  const firstError = kHigh - first + knotLogHigh[j - FIRST_KNOT];
  const second = first + 2 * sHigh;
  const secondBack = second - first;
  const secondError = first - (second - secondBack) + (2 * sHigh - secondBack);
  const small = k * LN2_LOW + knotLogLow[j - FIRST_KNOT] + 2 * sLow + tail + firstError + secondError;
  logHigh = second + small;
  logLow = small - (logHigh - second);
}

// ---------------------------------------------------------------------------------------------------------
// exp and pow that agree with C's: glibc's are correctly rounded for all but ~0.1% of arguments, V8's
// Math.exp and Math.pow differ from them in ~10% (measured on the arguments the distributions produce).
// ---------------------------------------------------------------------------------------------------------

const EXP_STEPS = 256;
/** 2^(j / 256) as double-double (high, low) for j = 0 … 255, built on first use like the log table. */
const stepHigh = new Float64Array(EXP_STEPS);
const stepLow = new Float64Array(EXP_STEPS);
let stepsBuilt = false;

function buildExpSteps(): void {
  for (let j = 0; j < EXP_STEPS; j++) {
    // exp(t) = 1 + t(1 + t/2(1 + t/3(…))) for t = j ln 2 / 256 ≤ 0.69: 30 terms reach 2^-106.
    const t = ddMul([LN2_HIGH, LN2_LOW], [j / EXP_STEPS, 0]);
    let series: DD = [1, 0];
    for (let n = 30; n >= 1; n--) series = ddAdd([1, 0], ddMul(ddDiv(t, [n, 0]), series));
    stepHigh[j] = series[0];
    stepLow[j] = series[1];
  }
  stepsBuilt = true;
}

/** 2^k for an integer k in [-1022, 1023], from its bits. */
function powerOfTwo(k: number): number {
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/**
 * e^(high + low) rounded once, with an error near 2^-70 before that rounding: x = (256 e + j) ln 2 / 256 + r,
 * |r| ≤ ln 2 / 512, e^x = 2^e · 2^(j/256) · (1 + r + r²/2 + … + r⁶/720), the leading products in double-double.
 */
function expParts(high: number, low: number): number {
  // NaN, infinities, overflow and results that would be subnormal: rare in sampling; Math.exp handles them.
  if (!(high > -708 && high < 709.78)) return Math.exp(high + low);
  if (!stepsBuilt) buildExpSteps();
  const n = Math.round(high * (EXP_STEPS / Math.LN2));
  const j = n & (EXP_STEPS - 1);
  const e = (n - j) / EXP_STEPS;
  // n · LN2_HIGH / 256 is exact (32 + 19 bits), and high minus it is exact (Sterbenz: they are within a factor 2).
  const reduced = high - n * (LN2_HIGH / EXP_STEPS);
  const rest = low - n * (LN2_LOW / EXP_STEPS);
  const r = reduced + rest;
  const rBack = r - reduced;
  const rLow = reduced - (r - rBack) + (rest - rBack);
  const q = rLow + r * r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r / 720))));
  const th = stepHigh[j];
  const tl = stepLow[j];
  // th · r exactly, as a product and its error.
  const product = th * r;
  const sum = th + product;
  const sumError = th - sum + product; // |th| ≥ |product|
  const result = sum + (sumError + productError(th, r, product) + th * q + tl + tl * r);
  const half = e >> 1;
  return result * powerOfTwo(half) * powerOfTwo(e - half);
}

/** e^x as C's exp gives it (numpy's distributions use C's). */
export function exp(x: number): number {
  return expParts(x, 0);
}

/**
 * x^y as C's pow gives it, for x > 0 (numpy's distributions raise only non-negative numbers): e^(y ln x) with
 * ln x and the product in double-double. Zero, negative or non-finite arguments go to Math.pow.
 */
export function pow(x: number, y: number): number {
  if (!(x >= 2.2250738585072014e-308 && x < Infinity && Number.isFinite(y))) return Math.pow(x, y);
  logParts(x);
  const high = y * logHigh;
  if (!(high > -708 && high < 709.78)) return Math.pow(x, y); // under- or overflowing: rare, and no splitting of huge y
  return expParts(high, productError(y, logHigh, high) + y * logLow);
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

// ---------------------------------------------------------------------------------------------------------
// Parameters: numbers, or arrays numpy broadcasts against each other and `size`
// ---------------------------------------------------------------------------------------------------------

/** A distribution parameter as numpy takes it: a number, or an array-like broadcast against the other parameters. */
export type Parameter = number | ArrayLike;

/**
 * What a distribution returns for `size` S and parameters of the types P (a tuple): an array with a size or when
 * any parameter is an array, else a JS number (as numpy returns a Python float). numpy also returns a number for
 * 0-d array parameters; the type, like numpy's stubs, says array for any array.
 */
export type Drawn<S, P extends readonly unknown[] = []> = S extends Size ? NDArray : Returned<P>;

/** A number when every parameter is one, an array as soon as one is an array, either while one might be. */
type Returned<P extends readonly unknown[]> = P extends readonly [infer First, ...infer Rest]
  ? [First] extends [Scalar | null | undefined]
    ? Returned<Rest>
    : [Extract<First, Scalar>] extends [never]
      ? NDArray
      : NDArray | Returned<Rest>
  : number;

/** numpy's `constraint_type`s the distributions use; numpy words some errors differently for arrays and scalars. */
export type Constraint = "none" | "nonNegative" | "positive" | "probability" | "openProbability" | "poisson";

/** numpy's largest λ: beyond it PTRS's draws could overflow int64. */
const POISSON_LAM_MAX = 9223372036854775807 - Math.sqrt(9223372036854775807) * 10;

/** numpy's `check_constraint`: a scalar parameter (NaN passes where numpy lets it through). */
function checkScalar(x: number, name: string, constraint: Constraint): void {
  switch (constraint) {
    case "nonNegative":
      if (x < 0 || Object.is(x, -0)) throw new ValueError(`${name} < 0`);
      return;
    case "positive":
      if (x <= 0) throw new ValueError(`${name} <= 0`);
      return;
    case "probability":
      if (!(x >= 0 && x <= 1)) throw new ValueError(`${name} < 0, ${name} > 1 or ${name} is NaN`);
      return;
    case "openProbability":
      if (!(x > 0 && x <= 1)) throw new ValueError(`${name} <= 0, ${name} > 1 or ${name} contains NaNs`);
      return;
    case "poisson":
      if (!(x >= 0)) throw new ValueError(`${name} < 0 or ${name} is NaN`);
      if (x > POISSON_LAM_MAX) throw new ValueError(`${name} value too large`);
  }
}

/** numpy's `check_array_constraint`: any failing element fails the array (its poisson check tests the bound first). */
function checkArray(values: TypedArray, name: string, constraint: Constraint): void {
  const any = (fails: (x: number) => boolean) => values.some(fails);
  switch (constraint) {
    case "nonNegative":
      if (any((x) => x < 0 || Object.is(x, -0))) throw new ValueError(`${name} < 0`);
      return;
    case "positive":
      if (any((x) => x <= 0)) throw new ValueError(`${name} <= 0`);
      return;
    case "probability":
      if (any((x) => !(x >= 0 && x <= 1))) throw new ValueError(`${name} < 0, ${name} > 1 or ${name} contains NaNs`);
      return;
    case "openProbability":
      if (any((x) => !(x > 0 && x <= 1))) throw new ValueError(`${name} <= 0, ${name} > 1 or ${name} contains NaNs`);
      return;
    case "poisson":
      if (any((x) => !(x <= POISSON_LAM_MAX))) throw new ValueError(`${name} value too large`);
      if (any((x) => !(x >= 0))) throw new ValueError(`${name} < 0 or ${name} contains NaNs`);
  }
}

/** A float parameter converted to an integer as Python's `int()` does (binomial's n). */
function pythonInt(x: number): number {
  if (Number.isNaN(x)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
  return Math.trunc(x);
}

/**
 * A parameter as numpy converts it (`PyArray_FROM_OTF` to double, or to int64 for `integer` ones): a number
 * for a scalar or 0-d array, else a float64 array of the values. An integer parameter refuses a float NDArray
 * (numpy's safe cast) and truncates the floats of a list.
 */
function parameterValues(value: Parameter, integer: boolean): number | NDArray {
  if (typeof value === "number" || typeof value === "boolean") return integer ? pythonInt(Number(value)) : Number(value);
  const x = asarray(value);
  if (integer && value instanceof NDArray && !isInteger(x.dtype) && x.dtype !== "bool") {
    throw new TypeError(`Cannot cast array data from dtype('${x.dtype}') to dtype('int64') according to the rule 'safe'`);
  }
  const data = Float64Array.from(ravelData(x), integer ? pythonInt : Number);
  return x.ndim === 0 ? data[0] : new NDArray(data, [...x.shape], "float64");
}

/** A shape as Python prints a tuple, `(3,)`, `(2, 3)`, `()`. */
function tupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * numpy's broadcast of array parameters (its `PyArray_MultiIterNew` over the output and the parameters): without
 * `size` the output takes the parameters' common shape; with one, the parameters must broadcast to exactly
 * `size`. The output joins the broadcast first (last for the integers, `outputLast`), which numbers the arguments
 * of numpy's shape-mismatch message. Returns the output and, per parameter, its value for each output element
 * in C order.
 */
export function broadcastParameters(
  parameters: readonly NDArray[], size: Size | null | undefined, dtype: DType, outputLast = false,
): [NDArray, TypedArray[]] {
  if (size === undefined || size === null) {
    const views = broadcast_arrays(...parameters);
    return [empty(views[0].shape, dtype), views.map(ravelData)];
  }
  const out = empty(shapeOf(size), dtype);
  const views = broadcast_arrays(...(outputLast ? [...parameters, out] : [out, ...parameters]));
  if (!sameShape(views[0].shape, out.shape)) {
    throw new ValueError(`Output size ${tupleRepr(out.shape)} is not compatible with broadcast dimensions of inputs ${tupleRepr(views[0].shape)}.`);
  }
  return [out, (outputLast ? views.slice(0, -1) : views.slice(1)).map(ravelData)];
}

/** An optional `size`, as every distribution takes it. */
export type SizeArgument = Size | null | undefined;

/** The parameters of a location and a non-negative scale (normal's, laplace's, logistic's, gumbel's). */
export function locationScale(loc: Parameter | undefined, scale: Parameter | undefined) {
  return [{ value: loc ?? 0.0, name: "loc" }, { value: scale ?? 1.0, name: "scale", constraint: "nonNegative" }] as const;
}

/** A distribution parameter, its name in numpy's errors, its check, and whether numpy takes it as an integer. */
export interface ParameterRule {
  value: Parameter;
  name: string;
  constraint?: Constraint;
  integer?: boolean;
}

/**
 * numpy's `cont`/`disc` for every distribution: parameters converted and checked in order; all scalar (numbers
 * or 0-d arrays) → one sampler for all draws, a JS number without `size`; any array → the parameters checked
 * element by element, broadcast (with `size`, to `size`), and one draw per output element in C order from a
 * sampler for that element's parameters. `sampler` takes the parameter values in `rules`' order.
 */
export function draw(
  rules: readonly ParameterRule[], size: Size | null | undefined, dtype: "float64" | "int64",
  sampler: (...parameters: number[]) => () => number,
): number | NDArray {
  const values = rules.map((rule) => parameterValues(rule.value, rule.integer ?? false));
  if (values.every((v): v is number => typeof v === "number")) {
    rules.forEach((rule, i) => checkScalar(values[i], rule.name, rule.constraint ?? "none"));
    const next = sampler(...values);
    if (size === undefined || size === null) return next();
    const out = empty(shapeOf(size), dtype);
    const data = out.data;
    for (let i = 0; i < data.length; i++) data[i] = next();
    return out;
  }
  const arrays = values.map((v) => (typeof v === "number" ? new NDArray(Float64Array.of(v), [], "float64") : v));
  rules.forEach((rule, i) => checkArray(arrays[i].data, rule.name, rule.constraint ?? "none"));
  const [out, columns] = broadcastParameters(arrays, size, dtype);
  const data = out.data;
  const element = new Array<number>(columns.length);
  for (let i = 0; i < data.length; i++) {
    for (let k = 0; k < columns.length; k++) element[k] = columns[k][i];
    data[i] = sampler(...element)();
  }
  return out;
}

/** numpy's pattern for parameterless draws: no size → one draw as a JS number; a size → a float64 array. */
export function fillFloats(size: Size | null | undefined, next: () => number): number | NDArray {
  return draw([], size, "float64", () => next);
}

/** `fillFloats` for integer draws: an int64 array for a size. */
export function fillIntegers(size: Size | null | undefined, next: () => number): number | NDArray {
  return draw([], size, "int64", () => next);
}

// ---------------------------------------------------------------------------------------------------------
// Bounded integers: `randint` and `integers`
// ---------------------------------------------------------------------------------------------------------

export type IntegerDType = "int64" | "int32" | "uint8" | "bool";
const INTEGER_BOUNDS: Record<IntegerDType, [bigint, bigint]> = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint8: [0n, 255n],
  bool: [0n, 1n],
};

/** The 32-bit word that uint8 and bool draws take their bytes or bits from, and how many are left in it. */
export interface WordBuffer {
  word: number;
  left: number;
}

/** Fills `out` with `lowest` + uniform integers in [0, range], as a generator's `random_bounded_*_fill` does. */
export type BoundedFill = (out: TypedArray, lowest: bigint, range: bigint, dtype: IntegerDType, buffer: WordBuffer) => void;

/**
 * numpy's `_rand_<dtype>` for `randint` and `integers`: [low, high) — [0, low) without `high`, [low, high] with
 * `endpoint` — as a number without `size`, else an array of `dtype`. Scalar bounds fill the output with one
 * range; array bounds are checked element by element (on their integer values), broadcast, and drawn one element
 * at a time in C order, uint8 and bool sharing one word buffer across the elements as numpy's loop does. An
 * empty `size` returns at once, unchecked, as numpy does.
 */
export function boundedIntegers(
  low: Parameter, high: Parameter | null | undefined, size: Size | null | undefined, dtype: DType, endpoint: boolean,
  caller: string, fill: BoundedFill,
): number | NDArray {
  if (!(dtype in INTEGER_BOUNDS)) throw new TypeError(`Unsupported dtype dtype('${dtype}') for ${caller}`);
  const integerDType = dtype as IntegerDType;
  const shape = size === undefined || size === null ? null : shapeOf(size);
  if (shape && shapeSize(shape) === 0) return empty(shape, dtype);
  if (high === undefined || high === null) [low, high] = [0, low];
  const lows = asarray(low);
  const highs = asarray(high);
  const [lowerBound, upperBound] = INTEGER_BOUNDS[integerDType];
  const closedBy = endpoint ? 0n : 1n; // the generators work on the closed interval [low, high - 1]
  const bigints = (x: NDArray) => Array.from(ravelData(x), (v) => BigInt(Math.trunc(v)));
  const checkBounds = (lowest: bigint[], highest: bigint[]) => {
    if (lowest.some((l) => l < lowerBound)) throw new ValueError(`low is out of bounds for ${dtype}`);
    if (highest.some((h) => h > upperBound)) throw new ValueError(`high is out of bounds for ${dtype}`);
  };
  // numpy's `format_bounds_error`: "high <= 0" when every low is 0, the default of a one-bound call.
  const boundsError = (allLowZero: boolean) =>
    new ValueError(allLowZero ? (endpoint ? "high < 0" : "high <= 0") : endpoint ? "low > high" : "low >= high");
  const buffer: WordBuffer = { word: 0, left: 0 };
  if (lows.ndim === 0 && highs.ndim === 0) {
    const [lowest] = bigints(lows);
    const highest = bigints(highs)[0] - closedBy;
    checkBounds([lowest], [highest]);
    if (lowest > highest) throw boundsError(lowest === 0n);
    const out = shape ? empty(shape, dtype) : new NDArray(allocate(dtype, 1), [], dtype);
    fill(out.data, lowest, highest - lowest, integerDType, buffer);
    return shape ? out : out.data[0];
  }
  checkBounds(bigints(lows), bigints(highs).map((h) => h - closedBy));
  // numpy compares low with high by a ufunc, whose broadcast error comes first.
  const pairShape = broadcastShapes(lows.shape, highs.shape);
  const pairLows = bigints(broadcastTo(lows, pairShape));
  const pairHighs = bigints(broadcastTo(highs, pairShape));
  if (pairLows.some((l, i) => l > pairHighs[i] - closedBy)) throw boundsError(bigints(lows).every((l) => l === 0n));
  const [out, [lowColumn, highColumn]] = broadcastParameters([lows, highs], size, dtype, true);
  for (let i = 0; i < out.size; i++) {
    const lowest = BigInt(Math.trunc(lowColumn[i]));
    fill(out.data.subarray(i, i + 1), lowest, BigInt(Math.trunc(highColumn[i])) - closedBy - lowest, integerDType, buffer);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Distributions: numpy's algorithms (distributions.c, and legacy-distributions.c where RandomState keeps an
// older variant), written once over the draws of either generator. Each `…Sampler` does its set-up once and
// returns the per-draw function, as numpy caches the binomial's set-up between draws with the same n and p.
// ---------------------------------------------------------------------------------------------------------

/** The draws a generator's distributions are built from. */
export interface Draws {
  /** numpy's `next_double`: a uniform double in [0, 1). */
  nextDouble(): number;
  /** A standard normal: the legacy polar method or the Generator's ziggurat. */
  nextGauss(): number;
  /** A standard exponential: legacy −log(1 − u) or the Generator's ziggurat. */
  nextExponential(): number;
  /** RandomState: keep the legacy variants where numpy's Generator changed an algorithm. */
  legacy: boolean;
}

/**
 * numpy's standard gamma: the exponential for shape 1; for shape < 1, Johnk-style rejection from a uniform
 * and an exponential (Vaduva's method); for shape > 1, Marsaglia and Tsang's squeeze on a normal and a uniform.
 */
export function standardGammaSampler(shape: number, d: Draws): () => number {
  if (shape === 1) return () => d.nextExponential();
  if (shape === 0) return () => 0;
  if (shape < 1) {
    return () => {
      for (;;) {
        const u = d.nextDouble();
        const v = d.nextExponential();
        if (u <= 1 - shape) {
          const x = pow(u, 1 / shape);
          if (x <= v) return x;
        } else {
          const y = -log((1 - u) / shape);
          const x = pow(1 - shape + shape * y, 1 / shape);
          if (x <= v + y) return x;
        }
      }
    };
  }
  const b = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * b);
  return () => {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = d.nextGauss();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = d.nextDouble();
      if (u < 1 - 0.0331 * (x * x) * (x * x)) return b * v;
      if (log(u) < 0.5 * x * x + b * (1 - v + log(v))) return b * v;
    }
  };
}

/** Below this, numpy's Generator treats beta(a, b) as a coin with P(1) = a / (a + b): nothing else is representable. */
const BETA_TINY = 3e-103;

/**
 * numpy's beta: for a, b ≤ 1 Johnk's algorithm (U^(1/a) / (U^(1/a) + V^(1/b)), accepted when the sum ≤ 1),
 * falling back to logs when the powers underflow; otherwise the ratio of two gammas. The Generator also
 * handles tiny a and b, and rejects only when both uniforms are 0; the legacy generator keeps the original.
 */
export function betaSampler(a: number, b: number, d: Draws): () => number {
  if (a > 1 || b > 1) {
    const gammaA = standardGammaSampler(a, d);
    const gammaB = standardGammaSampler(b, d);
    return () => {
      const ga = gammaA();
      return ga / (ga + gammaB());
    };
  }
  if (!d.legacy && a < BETA_TINY && b < BETA_TINY) return () => ((a + b) * d.nextDouble() < a ? 1 : 0);
  return () => {
    for (;;) {
      const u = d.nextDouble();
      const v = d.nextDouble();
      const x = pow(u, 1 / a);
      const y = pow(v, 1 / b);
      const sum = x + y;
      if (!(sum <= 1) || (!d.legacy && u + v === 0)) continue;
      if (d.legacy ? sum > 0 : x > 0 && y > 0) return x / sum;
      // Both powers underflowed (legacy) or one did: x / (x + y) from the logs, scaled by the larger.
      let logX = log(u) / a;
      let logY = log(v) / b;
      const logM = Math.max(logX, logY);
      logX -= logM;
      logY -= logM;
      if (d.legacy) return exp(logX - log(exp(logX) + exp(logY)));
      return exp(logX - Math.log1p(exp(Math.min(logX, logY))));
    }
  };
}

/**
 * numpy's binomial: by inversion (walking the probabilities up from q^n) while min(p, q)·n ≤ 30, else Kachitvichyanukul
 * and Schmeiser's BTPE (triangle, parallelogram and exponential tails with squeeze tests); for p > ½ it draws
 * the failures. The Generator returns 0 for n = 0 or p = 0 without a draw; the legacy generator draws once.
 */
export function binomialSampler(n: number, p: number, d: Draws): () => number {
  if (!d.legacy && (n === 0 || p === 0)) return () => 0;
  const flipped = p > 0.5;
  const r = flipped ? 1 - p : p;
  const draw = r * n <= 30 ? binomialInversion(n, r, d) : binomialBtpe(n, r, d);
  return flipped ? () => n - draw() : draw;
}

function binomialInversion(n: number, p: number, d: Draws): () => number {
  const q = 1 - p;
  const qn = exp(n * log(q));
  const np = n * p;
  // numpy restarts a walk that passes this bound (float rounding could otherwise walk forever).
  const bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
  return () => {
    let x = 0;
    let px = qn;
    let u = d.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = d.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  };
}

/** BTPE for p ≤ ½ (numpy's `random_binomial_btpe`, whose p > ½ branch its caller never takes). */
function binomialBtpe(n: number, p: number, d: Draws): () => number {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  const nrq = n * r * q;
  /** Stirling's series correction of log-factorials, as BTPE's final test spells it out. */
  const stirling = (z: number, z2: number) => (13680 - (462 - (132 - (99 - 140 / z2) / z2) / z2) / z2) / z / 166320;
  return () => {
    for (;;) {
      const u = d.nextDouble() * p4;
      let v = d.nextDouble();
      let y: number;
      if (u <= p1) return Math.floor(xm - p1 * v + u); // the triangle: accepted at once
      if (u <= p2) {
        // The parallelogram.
        const x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        // The left exponential tail (v = 0 would make log(v) undefined: rejected).
        y = Math.floor(xl + log(v) / laml);
        if (y < 0 || v === 0) continue;
        v = v * (u - p2) * laml;
      } else {
        // The right exponential tail.
        y = Math.floor(xr - log(v) / lamr);
        if (y > n || v === 0) continue;
        v = v * (u - p3) * lamr;
      }
      const k = Math.abs(y - m);
      if (!(k > 20 && k < nrq / 2 - 1)) {
        // Near the mode: the exact probability ratio f(y)/f(m) by recursion.
        const s = r / q;
        const sn = s * (n + 1);
        let f = 1;
        if (m < y) for (let i = m + 1; i <= y; i++) f *= sn / i - s;
        else if (m > y) for (let i = y + 1; i <= m; i++) f /= sn / i - s;
        if (v > f) continue;
        return y;
      }
      // Far from it: squeeze on log(v), then the Stirling-approximated bound.
      const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      const t = (-k * k) / (2 * nrq);
      const logV = log(v);
      if (logV < t - rho) return y;
      if (logV > t + rho) continue;
      const x1 = y + 1;
      const f1 = m + 1;
      const z = n + 1 - m;
      const w = n - y + 1;
      const bound =
        xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log((w * r) / (x1 * q)) +
        stirling(f1, f1 * f1) + stirling(z, z * z) + stirling(x1, x1 * x1) + stirling(w, w * w);
      if (logV > bound) continue;
      return y;
    }
  };
}

/** numpy's `random_loggam`: log Γ(x) by Stirling's series, shifted up to x ≥ 7 (SPECFUN's algorithm). */
const LOGGAM_COEFFICIENTS = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
];
function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x <= 7 ? Math.trunc(7 - x) : 0;
  let x0 = x + shift;
  const x2 = 1 / (x0 * x0);
  let series = LOGGAM_COEFFICIENTS[9];
  for (let k = 8; k >= 0; k--) series = series * x2 + LOGGAM_COEFFICIENTS[k];
  let result = series / x0 + 0.5 * log(2 * Math.PI) + (x0 - 0.5) * log(x0) - x0;
  for (let k = 1; k <= shift; k++) {
    result -= log(x0 - 1);
    x0 -= 1;
  }
  return result;
}

/**
 * numpy's Poisson: for λ < 10, multiply uniforms until the product falls to e^-λ; for λ ≥ 10, Hörmann's
 * transformed rejection with squeeze (PTRS), whose slow path compares against log Γ.
 */
export function poissonSampler(lam: number, d: Draws): () => number {
  if (lam === 0) return () => 0;
  if (lam < 10) {
    const limit = exp(-lam);
    return () => {
      let count = 0;
      let product = 1;
      for (;;) {
        product *= d.nextDouble();
        if (product > limit) count++;
        else return count;
      }
    };
  }
  const slam = Math.sqrt(lam);
  const loglam = log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  return () => {
    for (;;) {
      const u = d.nextDouble() - 0.5;
      const v = d.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - logGamma(k + 1)) return k;
    }
  };
}

/**
 * numpy's geometric (trials to the first success): for p ≥ ⅓ a search up the cumulative probabilities; below,
 * inversion — the Generator's ⌈−E / log1p(−p)⌉ (capped at 2^63 − 1), the legacy ⌈log1p(−u) / log(1 − p)⌉.
 */
export function geometricSampler(p: number, d: Draws): () => number {
  if (p >= 0.333333333333333333333333) {
    const q = 1 - p;
    return () => {
      let x = 1;
      let sum = p;
      let prod = p;
      const u = d.nextDouble();
      while (u > sum) {
        prod *= q;
        sum += prod;
        x++;
      }
      return x;
    };
  }
  if (d.legacy) {
    const logQ = log(1 - p);
    return () => Math.ceil(Math.log1p(-d.nextDouble()) / logQ);
  }
  const log1pQ = Math.log1p(-p);
  return () => Math.min(Math.ceil(-d.nextExponential() / log1pQ), 9223372036854775807);
}

/** numpy's Laplace: inversion of a uniform, split at ½; u = 0 is redrawn. */
export function laplaceSampler(loc: number, scale: number, d: Draws): () => number {
  return () => {
    for (;;) {
      const u = d.nextDouble();
      if (u >= 0.5) return loc - scale * log(2 - u - u);
      if (u > 0) return loc + scale * log(u + u);
    }
  };
}

/** numpy's logistic: loc + scale · log(u / (1 − u)); u = 0 is redrawn. */
export function logisticSampler(loc: number, scale: number, d: Draws): () => number {
  return () => {
    for (;;) {
      const u = d.nextDouble();
      if (u > 0) return loc + scale * log(u / (1 - u));
    }
  };
}

/** numpy's Gumbel: loc − scale · log(−log(1 − u)); 1 − u = 1 is redrawn. */
export function gumbelSampler(loc: number, scale: number, d: Draws): () => number {
  return () => {
    for (;;) {
      const u = 1 - d.nextDouble();
      if (u < 1) return loc - scale * log(-log(u));
    }
  };
}

/** numpy's triangular: inversion of a uniform on either side of the mode. */
export function triangularSampler(left: number, mode: number, right: number, d: Draws): () => number {
  const base = right - left;
  const leftBase = mode - left;
  const ratio = leftBase / base;
  const leftProduct = leftBase * base;
  const rightProduct = (right - mode) * base;
  return () => {
    const u = d.nextDouble();
    return u <= ratio ? left + Math.sqrt(u * leftProduct) : right - Math.sqrt((1 - u) * rightProduct);
  };
}

/** numpy's Student's t: a normal over the root of a gamma(df/2), scaled by √(df/2). */
export function standardTSampler(df: number, d: Draws): () => number {
  const gamma = standardGammaSampler(df / 2, d);
  return () => {
    const numerator = d.nextGauss();
    return (Math.sqrt(df / 2) * numerator) / Math.sqrt(gamma());
  };
}

/**
 * numpy's triangular checks, made before its `cont`: on the numbers, or element by element on arrays (a pair
 * that does not broadcast fails with the comparison ufunc's error).
 */
export function checkTriangular(left: Parameter, mode: Parameter, right: Parameter): void {
  const [l, m, r] = [left, mode, right].map((p) => asarray(p));
  const anyPair = (a: NDArray, b: NDArray, test: (x: number, y: number) => boolean) => {
    const shape = broadcastShapes(a.shape, b.shape);
    const ys = ravelData(broadcastTo(b, shape));
    return ravelData(broadcastTo(a, shape)).some((x, i) => test(x, ys[i]));
  };
  if (anyPair(l, m, (x, y) => x > y)) throw new ValueError("left > mode");
  if (anyPair(m, r, (x, y) => x > y)) throw new ValueError("mode > right");
  if (anyPair(l, r, (x, y) => x === y)) throw new ValueError("left == right");
}

/**
 * numpy's uniform, low + (high − low)·u: the range is computed first — for arrays by broadcasting (high − low)'s
 * subtraction — and must be finite; the Generator also requires it ≥ 0 (the legacy generator draws downwards).
 */
export function uniformDraws(low: Parameter, high: Parameter, size: Size | null | undefined, d: Draws): number | NDArray {
  const [lows, highs] = [low, high].map((p) => parameterValues(p, false));
  let range: Parameter;
  if (typeof lows === "number" && typeof highs === "number") {
    range = highs - lows;
    if (!Number.isFinite(range)) throw new OverflowError(d.legacy ? "Range exceeds valid bounds" : "high - low range exceeds valid bounds");
  } else {
    const [lowArray, highArray] = [lows, highs].map((v) => asarray(v));
    const shape = broadcastShapes(highArray.shape, lowArray.shape);
    const lowValues = ravelData(broadcastTo(lowArray, shape));
    range = new NDArray(Float64Array.from(ravelData(broadcastTo(highArray, shape)), (h, i) => h - lowValues[i]), shape, "float64");
    if (!range.data.every(Number.isFinite)) throw new OverflowError("Range exceeds valid bounds");
  }
  const rules: ParameterRule[] = [
    { value: lows, name: "low" },
    { value: range, name: "high - low", constraint: d.legacy ? "none" : "nonNegative" },
  ];
  return draw(rules, size, "float64", (lowest, width) => () => lowest + width * d.nextDouble());
}
