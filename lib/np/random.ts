/**
 * np.random — the same numbers as numpy's legacy `RandomState` (what `np.random.seed` / `np.random.randn`
 * use) for the same seed.
 *
 * The generator is MT19937 with numpy's legacy seeding, doubles from two 32-bit draws, Gaussians by the polar
 * method with a cached second value, and bounded integers by masked rejection sampling. Every array is filled
 * in C order, one draw per element, as numpy does, so sequences and interleavings of calls match.
 * @example
 * np.random.seed(1);
 * np.random.randn(2)   // array([ 1.62434536, -0.61175641])
 */
import { isInteger, type DType, type TypedArray } from "./dtype";
import { IndexError, ValueError } from "./errors";
import { NDArray, asarray, empty, ravelData, shapeSize, type ArrayLike, type Scalar } from "./ndarray";
import {
  betaSampler, binomialSampler, boundedIntegers, checkTriangular, draw, exp, fillFloats, geometricSampler,
  gumbelSampler, laplaceSampler, locationScale, log, logisticSampler, poissonSampler, pow, probabilities, sampleIndices, shapeOf,
  shuffleFirstAxis, standardGammaSampler, standardTSampler, triangularSampler, uniformDraws, type Draws, type Drawn,
  type IntegerDType, type Parameter, type Size, type SizeArgument, type WordBuffer,
} from "./random-shared";

export type { Drawn, Parameter, Size };
export { default_rng, Generator, PCG64, SeedSequence, type IntegersOptions, type PCG64State } from "./random-generator";



// ---------------------------------------------------------------------------------------------------------
// MT19937 state and its raw outputs
// ---------------------------------------------------------------------------------------------------------

const STATE_WORDS = 624;
const SHIFT_WORDS = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

const key = new Uint32Array(STATE_WORDS);
/** The outputs of the current state, tempered in one pass after each twist (faster than one at a time). */
const tempered = new Uint32Array(STATE_WORDS);
let pos = STATE_WORDS;
/** The polar method makes Gaussians in pairs; the second waits here for the next call (reset by `seed`). */
let hasGauss = false;
let cachedGauss = 0;

/** The reference `init_genrand`: numpy's legacy seeding of an integer seed. */
function initGenrand(seedValue: number): void {
  let s = seedValue >>> 0;
  for (let i = 0; i < STATE_WORDS; i++) {
    key[i] = s;
    s = (Math.imul(1812433253, s ^ (s >>> 30)) + i + 1) >>> 0;
  }
  pos = STATE_WORDS;
}

/** The reference `init_by_array`: numpy's legacy seeding of an array seed. */
function initByArray(initKey: Uint32Array): void {
  initGenrand(19650218);
  const length = initKey.length;
  let i = 1;
  let j = 0;
  for (let k = Math.max(STATE_WORDS, length); k > 0; k--) {
    const prev = key[i - 1] ^ (key[i - 1] >>> 30);
    key[i] = ((key[i] ^ Math.imul(prev, 1664525)) >>> 0) + initKey[j] + j;
    i++;
    j++;
    if (i >= STATE_WORDS) {
      key[0] = key[STATE_WORDS - 1];
      i = 1;
    }
    if (j >= length) j = 0;
  }
  for (let k = STATE_WORDS - 1; k > 0; k--) {
    const prev = key[i - 1] ^ (key[i - 1] >>> 30);
    key[i] = ((key[i] ^ Math.imul(prev, 1566083941)) >>> 0) - i;
    i++;
    if (i >= STATE_WORDS) {
      key[0] = key[STATE_WORDS - 1];
      i = 1;
    }
  }
  key[0] = 0x80000000; // guarantees a non-zero state
  pos = STATE_WORDS;
}

/** Regenerates all 624 words of the state (the reference `genrand` refill), in its three stretches. */
function twist(): void {
  let i = 0;
  for (; i < STATE_WORDS - SHIFT_WORDS; i++) key[i] = mix(key[i + SHIFT_WORDS], key[i], key[i + 1]);
  for (; i < STATE_WORDS - 1; i++) key[i] = mix(key[i + SHIFT_WORDS - STATE_WORDS], key[i], key[i + 1]);
  key[i] = mix(key[SHIFT_WORDS - 1], key[i], key[0]);
  temper();
  pos = 0;
}

/** Computes the outputs of the current state words (MT19937's tempering). */
function temper(): void {
  for (let k = 0; k < STATE_WORDS; k++) {
    let y = key[k];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    tempered[k] = y ^ (y >>> 18);
  }
}

/** One twist step: the upper bit of `word`, the lower 31 of `next`, shifted and xored into `far`. */
function mix(far: number, word: number, next: number): number {
  const y = (word & UPPER_MASK) | (next & LOWER_MASK);
  return far ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
}

/** The next tempered 32-bit output, as an unsigned number. */
function nextUint32(): number {
  if (pos === STATE_WORDS) twist();
  return tempered[pos++];
}

/** A double in [0, 1) with 53 random bits: `(a * 2^26 + b) / 2^53` from two draws, as numpy's `next_double`. */
function nextDouble(): number {
  const a = nextUint32() >>> 5;
  const b = nextUint32() >>> 6;
  return (a * 67108864 + b) / 9007199254740992;
}

/** A standard normal by the polar method (numpy's `legacy_gauss`); returns the cached partner when there is one. */
function nextGauss(): number {
  if (hasGauss) {
    hasGauss = false;
    return cachedGauss;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2.0 * nextDouble() - 1.0;
    x2 = 2.0 * nextDouble() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 === 0.0);
  const f = Math.sqrt((-2.0 * log(r2)) / r2);
  cachedGauss = f * x1;
  hasGauss = true;
  return f * x2;
}

/** Smallest all-ones mask covering `max` (< 2^32). */
function maskOf(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/**
 * A uniform integer in [0, max] by masked rejection: draw, keep the bits of the smallest mask covering `max`,
 * retry while above `max` (numpy's `random_interval` and its legacy bounded draws). A range of 32 bits or less
 * takes one 32-bit word per try; a wider one a 64-bit word, high word drawn first. `max` is given as its high
 * and low 32-bit words so ranges beyond 2^53 keep their exact rejection behaviour.
 */
function boundedDraw(maxHigh: number, maxLow: number): number {
  if (maxHigh === 0) {
    const mask = maskOf(maxLow);
    let value = 0;
    if (maxLow !== 0) {
      do value = (nextUint32() & mask) >>> 0;
      while (value > maxLow);
    }
    lastDraw.high = 0;
    lastDraw.low = value;
    return value;
  }
  const maskHigh = maskOf(maxHigh);
  for (;;) {
    const high = (nextUint32() & maskHigh) >>> 0;
    const low = nextUint32();
    if (high < maxHigh || (high === maxHigh && low <= maxLow)) {
      lastDraw.high = high;
      lastDraw.low = low;
      return high * 4294967296 + low;
    }
  }
}

/** The words of `boundedDraw`'s last result, for sums that must stay exact past 2^53. */
const lastDraw = { high: 0, low: 0 };

/** A uniform integer in [0, max] for max < 2^53 (numpy's `random_interval`). */
function interval(max: number): number {
  return boundedDraw(Math.floor(max / 4294967296), max >>> 0);
}

// ---------------------------------------------------------------------------------------------------------
// Seeding and state
// ---------------------------------------------------------------------------------------------------------

const SEED_RANGE = "Seed must be between 0 and 2**32 - 1";

/**
 * Seeds the global generator (numpy's `np.random.seed`): an integer in [0, 2^32) through `init_genrand`, an
 * array of such integers through `init_by_array`, nothing for fresh entropy. Clears the cached Gaussian.
 * @example
 * np.random.seed(0);  np.random.rand()   // 0.5488135039273248
 * np.random.seed([1, 2, 3]);
 */
export function seed(value?: number | readonly number[] | NDArray | null): void {
  if (value === undefined || value === null) {
    initByArray(crypto.getRandomValues(new Uint32Array(STATE_WORDS)));
  } else if (typeof value === "number") {
    if (!Number.isInteger(value)) {
      throw new TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
    }
    if (value < 0 || value > 0xffffffff) throw new ValueError(SEED_RANGE);
    initGenrand(value);
  } else {
    const words = asarray(value as ArrayLike);
    if (words.size === 0) throw new ValueError("Seed must be non-empty");
    if (words.dtype === "float64" || words.dtype === "float32") {
      throw new TypeError(`Cannot cast array data from dtype('${words.dtype}') to dtype('int64') according to the rule 'safe'`);
    }
    if (words.ndim !== 1) throw new ValueError("Seed array must be 1-d");
    const data = ravelData(words);
    if (data.some((w) => w < 0 || w > 0xffffffff)) throw new ValueError(SEED_RANGE);
    initByArray(Uint32Array.from(data));
  }
  hasGauss = false;
  cachedGauss = 0;
}

// Like numpy at import, start from fresh entropy (an all-zero MT19937 state would only ever produce zeros).
seed();

/** The generator's state as numpy's legacy tuple: `["MT19937", key (624 words), pos, has_gauss, cached_gaussian]`. */
export type RandomStateTuple = [algorithm: "MT19937", key: Uint32Array, pos: number, hasGauss: number, cachedGaussian: number];

/**
 * A snapshot of the generator (numpy's `np.random.get_state()`), for `set_state` to return to.
 * @example const saved = np.random.get_state(); np.random.rand(); np.random.set_state(saved);
 */
export function get_state(): RandomStateTuple {
  return ["MT19937", key.slice(), pos, hasGauss ? 1 : 0, cachedGauss];
}

/**
 * Restores a snapshot from `get_state` (numpy's `np.random.set_state`).
 * @example np.random.set_state(saved)
 */
export function set_state(state: RandomStateTuple): void {
  const [algorithm, words, position, gaussFlag = 0, gaussValue = 0] = state;
  if (algorithm !== "MT19937") throw new ValueError("set_state can only be used with legacy MT19937 state instances.");
  if (words.length !== STATE_WORDS) throw new ValueError("state must be 624 elements");
  key.set(words);
  temper();
  pos = position;
  hasGauss = gaussFlag !== 0;
  cachedGauss = gaussValue;
}

// ---------------------------------------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------------------------------------

/**
 * Uniform floats in [0, 1) (numpy's `np.random.random_sample`, also `np.random.random`): a number without
 * `size`, else an array of that shape.
 * @example np.random.random_sample([2, 3])
 */
export function random_sample(): number;
export function random_sample(size: Size): NDArray;
export function random_sample(size?: Size | null): number | NDArray;
export function random_sample(size?: Size | null): number | NDArray {
  return fillFloats(size, nextDouble);
}
export { random_sample as random };

/**
 * Uniform floats in [0, 1) of the given shape (numpy's `np.random.rand`); no arguments gives a number.
 * @example np.random.rand(3, 2)
 */
export function rand(): number;
export function rand(...shape: [number, ...number[]]): NDArray;
export function rand(...shape: number[]): number | NDArray {
  return fillFloats(shape.length ? shape : null, nextDouble);
}

/**
 * Standard normal floats of the given shape (numpy's `np.random.randn`); no arguments gives a number.
 * @example np.random.seed(1); np.random.randn(4) // array([ 1.62434536, -0.61175641, -0.52817175, -1.07296862])
 */
export function randn(): number;
export function randn(...shape: [number, ...number[]]): NDArray;
export function randn(...shape: number[]): number | NDArray {
  return fillFloats(shape.length ? shape : null, nextGauss);
}

/**
 * Standard normal floats (numpy's `np.random.standard_normal`).
 * @example np.random.standard_normal([2, 2])
 */
export function standard_normal(): number;
export function standard_normal(size: Size): NDArray;
export function standard_normal(size?: Size | null): number | NDArray;
export function standard_normal(size?: Size | null): number | NDArray {
  return fillFloats(size, nextGauss);
}

/**
 * Uniform floats in [low, high) (numpy's `np.random.uniform`): `low + (high - low) * u` per draw. Array bounds
 * broadcast: one draw per element of their common shape (or of `size`, which they must broadcast to).
 * @example
 * np.random.uniform(-1, 1, [2, 3])
 * np.random.uniform([0, 10], [1, 20])   // one draw in [0, 1), one in [10, 20)
 */
export function uniform<L extends Parameter = number, H extends Parameter = number, S extends Size | null | undefined = undefined>(
  low?: L, high?: H, size?: S,
): Drawn<S, [L, H]> {
  return uniformDraws(low ?? 0.0, high ?? 1.0, size, draws) as Drawn<S, [L, H]>;
}

/**
 * Normal floats with mean `loc` and standard deviation `scale` (numpy's `np.random.normal`): `loc + scale * z`.
 * Array parameters broadcast, one draw per element.
 * @example
 * np.random.normal(0, 0.01, [3, 2])
 * np.random.normal([0, 10, 20], 1)   // array of 3, each around its mean
 */
export function normal<L extends Parameter = number, C extends Parameter = number, S extends Size | null | undefined = undefined>(
  loc?: L, scale?: C, size?: S,
): Drawn<S, [L, C]> {
  return draw(locationScale(loc, scale), size, "float64", (mean, deviation) => () => mean + deviation * nextGauss()) as Drawn<S, [L, C]>;
}

// ---------------------------------------------------------------------------------------------------------
// Integers
// ---------------------------------------------------------------------------------------------------------

/**
 * Draws `count` integers in [0, max] into `out` the way numpy's `random_bounded_*_fill` does for the dtype:
 * 32/64-bit types by `boundedDraw`; uint8 and bool take their bits from one 32-bit word at a time (a byte
 * or a bit per value, low bits first), from a buffer that lives for one call of `randint`.
 */
function fillBounded(out: TypedArray, lowest: bigint, range: bigint, dtype: IntegerDType, buffer: WordBuffer): void {
  const maxHigh = Number(range >> 32n);
  const maxLow = Number(range & 0xffffffffn);
  const offset = Number(lowest);
  if (dtype === "int64" && !(Number.isSafeInteger(offset) && Number.isSafeInteger(Number(lowest + range)))) {
    // Values past 2^53: add exactly, then round once into the float64 storage.
    for (let i = 0; i < out.length; i++) {
      boundedDraw(maxHigh, maxLow);
      out[i] = Number(lowest + (BigInt(lastDraw.high) << 32n) + BigInt(lastDraw.low));
    }
    return;
  }
  if (dtype === "int64" || dtype === "int32") {
    for (let i = 0; i < out.length; i++) out[i] = offset + boundedDraw(maxHigh, maxLow);
    return;
  }
  if (maxLow === 0) {
    out.fill(offset);
    return;
  }
  const bitsPerValue = dtype === "bool" ? 1 : 8;
  const valueMask = dtype === "bool" ? 1 : maskOf(maxLow);
  const valuesPerWord = 32 / bitsPerValue;
  for (let i = 0; i < out.length; i++) {
    let value: number;
    do {
      if (buffer.left === 0) {
        buffer.word = nextUint32();
        buffer.left = valuesPerWord - 1;
      } else {
        buffer.word >>>= bitsPerValue;
        buffer.left--;
      }
      value = buffer.word & valueMask;
    } while (value > maxLow);
    out[i] = offset + value;
  }
}

/**
 * Random integers in [low, high) — or [0, low) when `high` is omitted — (numpy's `np.random.randint`), by
 * masked rejection sampling as numpy's legacy generator. A number without `size`, else an array of `dtype`
 * (int64 by default; int32, uint8, bool too). Array bounds broadcast: one draw per element, each in its range.
 * @example
 * np.random.randint(10)                              // a number in 0..9
 * np.random.randint(0, 10, [2, 3])                   // int64 array
 * np.random.randint(0, 256, 4, { dtype: "uint8" })
 * np.random.randint([0, 100], [10, 200])             // one in 0..9, one in 100..199
 */
export function randint<L extends Parameter, H extends Parameter | null | undefined = undefined, S extends Size | null | undefined = undefined>(
  low: L, high?: H, size?: S, options: { dtype?: DType } = {},
): Drawn<S, [L, H]> {
  return boundedIntegers(low, high, size, options.dtype ?? "int64", false, "randint", fillBounded) as Drawn<S, [L, H]>;
}

// ---------------------------------------------------------------------------------------------------------
// Permutations and sampling
// ---------------------------------------------------------------------------------------------------------

/**
 * Shuffles in place along the first axis (numpy's `np.random.shuffle`): Fisher–Yates from the last element
 * down, swapping element (or row) i with a uniform j in [0, i]. Takes an NDArray or a plain JS array.
 * @example const x = np.arange(10); np.random.shuffle(x);
 */
export function shuffle(x: NDArray | unknown[]): void {
  shuffleFirstAxis(x, interval);
}

/**
 * A shuffled copy (numpy's `np.random.permutation`): of `arange(n)` for an integer, else of the array along
 * its first axis.
 * @example np.random.permutation(5)   // e.g. array([2, 0, 1, 4, 3])
 */
export function permutation(x: number | ArrayLike): NDArray {
  if (typeof x === "number" && Number.isInteger(x)) {
    const n = Math.max(x, 0);
    const out = empty([n], "int64");
    for (let i = 0; i < n; i++) out.data[i] = i;
    shuffle(out);
    return out;
  }
  const source = asarray(x);
  if (source.ndim < 1) throw new IndexError("x must be an integer or at least 1-dimensional");
  const out = source.copy();
  shuffle(out);
  return out;
}

const LEGACY_PROBABILITY_ERRORS = {
  notOneDimensional: "'p' must be 1-dimensional",
  sizeMismatch: "'a' and 'p' must have same size",
  nan: "probabilities contain NaN",
  negative: "probabilities are not non-negative",
  sum: "probabilities do not sum to 1",
};

export interface ChoiceOptions {
  /** Sample with replacement (default true); without, each element is picked at most once. */
  replace?: boolean;
  /** Probability of each entry of `a` (default uniform). */
  p?: ArrayLike;
}

/**
 * Random samples from `a`, a 1-D array, or from `arange(a)` for an integer (numpy's `np.random.choice`),
 * with numpy's legacy algorithms: with replacement, `randint`; with `p`, inverse-CDF lookups of uniform draws;
 * without replacement, the head of a permutation (or repeated CDF draws with `p`). A single value without
 * `size`.
 * @example
 * np.random.choice(5, 3)                                  // e.g. array([0, 3, 3])
 * np.random.choice([10, 20, 30], 2, { replace: false })
 * np.random.choice(3, null, { p: [0.1, 0.3, 0.6] })
 */
export function choice(a: number | ArrayLike, size?: null, options?: ChoiceOptions): Scalar;
export function choice(a: number | ArrayLike, size: Size, options?: ChoiceOptions): NDArray;
export function choice(a: number | ArrayLike, size?: Size | null, options?: ChoiceOptions): Scalar | NDArray;
export function choice(a: number | ArrayLike, size?: Size | null, options: ChoiceOptions = {}): Scalar | NDArray {
  const population = asarray(a);
  const shape = size === undefined || size === null ? [] : shapeOf(size);
  const count = shapeSize(shape);
  let populationSize: number;
  if (population.ndim === 0) {
    populationSize = population.scalarAt(population.offset) as number;
    if (!isInteger(population.dtype)) throw new ValueError("a must be 1-dimensional or an integer");
    if (populationSize <= 0 && count !== 0) throw new ValueError("a must be greater than 0 unless no samples are taken");
  } else if (population.ndim !== 1) {
    throw new ValueError("a must be 1-dimensional");
  } else {
    populationSize = population.shape[0];
    if (populationSize === 0 && count !== 0) throw new ValueError("'a' cannot be empty unless no samples are taken");
  }
  const p = options.p === undefined ? null : probabilities(options.p, populationSize, LEGACY_PROBABILITY_ERRORS);
  const indices = sampleIndices(populationSize, shape, p, options.replace ?? true, {
    nextDouble,
    uniformIndices: () => (randint(0, populationSize, shape) as NDArray).data as Float64Array,
    distinctIndices: () => permutation(populationSize).data.subarray(0, count) as Float64Array,
    tooMany: "Cannot take a larger sample than population when 'replace=False'",
  });

  if (population.ndim === 0) {
    if (size === undefined || size === null) return indices[0];
    return new NDArray(indices, shape, "int64");
  }
  const values = ravelData(population);
  const out = empty(shape, population.dtype);
  for (let i = 0; i < count; i++) out.data[i] = values[indices[i]];
  if (size === undefined || size === null) return out.scalarAt(0);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// More distributions: numpy's legacy algorithms (random-shared.ts) on the global MT19937 stream. Parameters are
// numbers or arrays, which broadcast (one draw per element); numbers without `size` give a JS number.
// ---------------------------------------------------------------------------------------------------------

/** The legacy exponential, −log(1 − u), as RandomState draws it (the Generator uses a ziggurat). */
function nextExponential(): number {
  return -log(1.0 - nextDouble());
}

const draws: Draws = { nextDouble, nextGauss, nextExponential, legacy: true };

/**
 * Exponential floats with mean 1 (numpy's `np.random.standard_exponential`): −log(1 − u).
 * @example np.random.seed(0); np.random.standard_exponential(2)   // array([0.79587451, 1.25593076])
 */
export function standard_exponential<S extends SizeArgument = undefined>(size?: S): Drawn<S> {
  return fillFloats(size, nextExponential) as Drawn<S>;
}

/**
 * Exponential floats with mean `scale` (numpy's `np.random.exponential`).
 * @example
 * np.random.exponential(2.0, [2, 3])
 * np.random.exponential([1, 10])   // one draw per scale
 */
export function exponential<P extends Parameter = number, S extends SizeArgument = undefined>(scale?: P, size?: S): Drawn<S, [P]> {
  const sampler = (beta: number) => () => beta * nextExponential();
  return draw([{ value: scale ?? 1.0, name: "scale", constraint: "nonNegative" }], size, "float64", sampler) as Drawn<S, [P]>;
}

/**
 * Gamma floats with scale 1 (numpy's `np.random.standard_gamma`): Marsaglia–Tsang for shape ≥ 1, Vaduva's
 * rejection below.
 * @example np.random.standard_gamma(2.5, 4)
 */
export function standard_gamma<P extends Parameter, S extends SizeArgument = undefined>(shape: P, size?: S): Drawn<S, [P]> {
  const sampler = (k: number) => standardGammaSampler(k, draws);
  return draw([{ value: shape, name: "shape", constraint: "nonNegative" }], size, "float64", sampler) as Drawn<S, [P]>;
}

/**
 * Gamma floats (numpy's `np.random.gamma`): `scale` times a standard gamma of `shape`.
 * @example np.random.gamma(2.0, 0.5, [2, 2])
 */
export function gamma<P extends Parameter, C extends Parameter = number, S extends SizeArgument = undefined>(
  shape: P, scale?: C, size?: S,
): Drawn<S, [P, C]> {
  const rules = [
    { value: shape, name: "shape", constraint: "nonNegative" },
    { value: scale ?? 1.0, name: "scale", constraint: "nonNegative" },
  ] as const;
  return draw(rules, size, "float64", (k, theta) => {
    const standard = standardGammaSampler(k, draws);
    return () => theta * standard();
  }) as Drawn<S, [P, C]>;
}

/**
 * Beta floats in [0, 1] (numpy's `np.random.beta`): Johnk's algorithm for a, b ≤ 1, else Ga / (Ga + Gb).
 * @example np.random.beta(2, 5, 3)
 */
export function beta<A extends Parameter, B extends Parameter, S extends SizeArgument = undefined>(a: A, b: B, size?: S): Drawn<S, [A, B]> {
  const rules = [{ value: a, name: "a", constraint: "positive" }, { value: b, name: "b", constraint: "positive" }] as const;
  return draw(rules, size, "float64", (alpha, beta) => betaSampler(alpha, beta, draws)) as Drawn<S, [A, B]>;
}

/**
 * Chi-square floats with `df` degrees of freedom (numpy's `np.random.chisquare`): 2 · gamma(df / 2).
 * @example np.random.chisquare(3, 4)
 */
export function chisquare<P extends Parameter, S extends SizeArgument = undefined>(df: P, size?: S): Drawn<S, [P]> {
  return draw([{ value: df, name: "df", constraint: "positive" }], size, "float64", (k) => {
    const standard = standardGammaSampler(k / 2, draws);
    return () => 2 * standard();
  }) as Drawn<S, [P]>;
}

/**
 * Successes in `n` trials of probability `p` (numpy's `np.random.binomial`): int64, by inversion for
 * min(p, 1 − p)·n ≤ 30, else BTPE. A dropout mask is `binomial(1, keepProb, shape)`.
 * @example
 * np.random.seed(0); np.random.binomial(10, 0.5, 5)   // array([5, 6, 5, 5, 5])
 * const mask = np.random.binomial(1, 0.8, [4, 3]);
 * np.random.binomial([1, 10, 100], 0.5)              // one count per n
 */
export function binomial<N extends Parameter, P extends Parameter, S extends SizeArgument = undefined>(n: N, p: P, size?: S): Drawn<S, [N, P]> {
  // numpy converts n (to an integer) first, then checks p, then n, and broadcasts p against n in that order.
  const rules = [
    { value: p, name: "p", constraint: "probability" },
    { value: n, name: "n", constraint: "nonNegative", integer: true },
  ] as const;
  return draw(rules, size, "int64", (probability, trials) => binomialSampler(trials, probability, draws)) as Drawn<S, [N, P]>;
}

/**
 * Poisson counts with mean `lam` (numpy's `np.random.poisson`): int64, by multiplying uniforms for λ < 10,
 * by PTRS (transformed rejection) for λ ≥ 10.
 * @example np.random.poisson(3.0, 5)
 */
export function poisson<P extends Parameter = number, S extends SizeArgument = undefined>(lam?: P, size?: S): Drawn<S, [P]> {
  const sampler = (rate: number) => poissonSampler(rate, draws);
  return draw([{ value: lam ?? 1.0, name: "lam", constraint: "poisson" }], size, "int64", sampler) as Drawn<S, [P]>;
}

/**
 * Trials up to and including the first success of probability `p` (numpy's `np.random.geometric`): int64 ≥ 1.
 * @example np.random.geometric(0.25, 5)
 */
export function geometric<P extends Parameter, S extends SizeArgument = undefined>(p: P, size?: S): Drawn<S, [P]> {
  const sampler = (probability: number) => geometricSampler(probability, draws);
  return draw([{ value: p, name: "p", constraint: "openProbability" }], size, "int64", sampler) as Drawn<S, [P]>;
}

/**
 * Laplace (double exponential) floats (numpy's `np.random.laplace`).
 * @example np.random.laplace(0, 1, 4)
 */
export function laplace<L extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
  loc?: L, scale?: C, size?: S,
): Drawn<S, [L, C]> {
  return draw(locationScale(loc, scale), size, "float64", (mu, b) => laplaceSampler(mu, b, draws)) as Drawn<S, [L, C]>;
}

/**
 * Logistic floats (numpy's `np.random.logistic`).
 * @example np.random.logistic(0, 1, 4)
 */
export function logistic<L extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
  loc?: L, scale?: C, size?: S,
): Drawn<S, [L, C]> {
  return draw(locationScale(loc, scale), size, "float64", (mu, s) => logisticSampler(mu, s, draws)) as Drawn<S, [L, C]>;
}

/**
 * Log-normal floats (numpy's `np.random.lognormal`): exp of a normal with `mean` and `sigma`.
 * @example np.random.lognormal(0, 0.5, 3)
 */
export function lognormal<M extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
  mean?: M, sigma?: C, size?: S,
): Drawn<S, [M, C]> {
  const rules = [{ value: mean ?? 0.0, name: "mean" }, { value: sigma ?? 1.0, name: "sigma", constraint: "nonNegative" }] as const;
  return draw(rules, size, "float64", (mu, s) => () => exp(mu + s * nextGauss())) as Drawn<S, [M, C]>;
}

/**
 * Standard Cauchy floats (numpy's `np.random.standard_cauchy`): one Gaussian over another.
 * @example np.random.standard_cauchy(3)
 */
export function standard_cauchy<S extends SizeArgument = undefined>(size?: S): Drawn<S> {
  return fillFloats(size, () => nextGauss() / nextGauss()) as Drawn<S>;
}

/**
 * Student's t floats with `df` degrees of freedom (numpy's `np.random.standard_t`).
 * @example np.random.standard_t(5, 3)
 */
export function standard_t<P extends Parameter, S extends SizeArgument = undefined>(df: P, size?: S): Drawn<S, [P]> {
  return draw([{ value: df, name: "df", constraint: "positive" }], size, "float64", (k) => standardTSampler(k, draws)) as Drawn<S, [P]>;
}

/**
 * Rayleigh floats (numpy's `np.random.rayleigh`): scale · √(−2 log1p(−u)).
 * @example np.random.rayleigh(2.0, 3)
 */
export function rayleigh<P extends Parameter = number, S extends SizeArgument = undefined>(scale?: P, size?: S): Drawn<S, [P]> {
  const sampler = (sigma: number) => () => sigma * Math.sqrt(-2.0 * Math.log1p(-nextDouble()));
  return draw([{ value: scale ?? 1.0, name: "scale", constraint: "nonNegative" }], size, "float64", sampler) as Drawn<S, [P]>;
}

/**
 * Weibull floats with shape `a` (numpy's `np.random.weibull`): E^(1/a); 0 for a = 0.
 * @example np.random.weibull(1.5, 3)
 */
export function weibull<P extends Parameter, S extends SizeArgument = undefined>(a: P, size?: S): Drawn<S, [P]> {
  const sampler = (k: number) => (k === 0 ? () => 0 : () => pow(nextExponential(), 1 / k));
  return draw([{ value: a, name: "a", constraint: "nonNegative" }], size, "float64", sampler) as Drawn<S, [P]>;
}

/**
 * Pareto II (Lomax) floats with shape `a` (numpy's `np.random.pareto`): exp(E / a) − 1.
 * @example np.random.pareto(3.0, 3)
 */
export function pareto<P extends Parameter, S extends SizeArgument = undefined>(a: P, size?: S): Drawn<S, [P]> {
  const sampler = (k: number) => () => exp(nextExponential() / k) - 1;
  return draw([{ value: a, name: "a", constraint: "positive" }], size, "float64", sampler) as Drawn<S, [P]>;
}

/**
 * Power-law floats in [0, 1] with exponent a − 1 (numpy's `np.random.power`): (1 − e^−E)^(1/a).
 * @example np.random.power(2.5, 3)
 */
export function power<P extends Parameter, S extends SizeArgument = undefined>(a: P, size?: S): Drawn<S, [P]> {
  const sampler = (k: number) => () => pow(1 - exp(-nextExponential()), 1 / k);
  return draw([{ value: a, name: "a", constraint: "positive" }], size, "float64", sampler) as Drawn<S, [P]>;
}

/**
 * Gumbel floats (numpy's `np.random.gumbel`).
 * @example np.random.gumbel(0, 1, 3)
 */
export function gumbel<L extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
  loc?: L, scale?: C, size?: S,
): Drawn<S, [L, C]> {
  return draw(locationScale(loc, scale), size, "float64", (mu, beta) => gumbelSampler(mu, beta, draws)) as Drawn<S, [L, C]>;
}

/**
 * Triangular floats on [left, right] peaking at `mode` (numpy's `np.random.triangular`).
 * @example np.random.triangular(-1, 0, 2, 4)
 */
export function triangular<L extends Parameter, M extends Parameter, R extends Parameter, S extends SizeArgument = undefined>(
  left: L, mode: M, right: R, size?: S,
): Drawn<S, [L, M, R]> {
  checkTriangular(left, mode, right);
  const rules = [{ value: left, name: "left" }, { value: mode, name: "mode" }, { value: right, name: "right" }];
  return draw(rules, size, "float64", (l, m, r) => triangularSampler(l, m, r, draws)) as Drawn<S, [L, M, R]>;
}
