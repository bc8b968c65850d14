/**
 * `np.random.default_rng` — numpy's modern `Generator` on its default bit generator `PCG64`, seeded through
 * `SeedSequence`: the same numbers as numpy for the same seed.
 *
 * PCG64 keeps a 128-bit state, advanced by a 128-bit multiply-add per 64-bit output; JavaScript has no such
 * integers, so the state lives in eight 16-bit limbs whose products stay exact in doubles. The distributions
 * are numpy's: doubles from the top 53 bits of a draw, Gaussians by the ziggurat with numpy's own tables,
 * bounded integers by Lemire's method, shuffles by masked rejection.
 * @example
 * const rng = np.random.default_rng(42);
 * rng.random(3)           // array([0.77395605, 0.43887844, 0.85859792])
 * rng.standard_normal()   // 0.9404...
 */
import { type DType, type TypedArray } from "./dtype";
import { AxisError, ValueError } from "./errors";
import { getItem } from "./indexing";
import { NDArray, asarray, empty, shapeSize, type ArrayLike, type Scalar } from "./ndarray";
import {
  betaSampler, binomialSampler, boundedIntegers, checkTriangular, draw, exp, fillFloats, geometricSampler, gumbelSampler,
  laplaceSampler, locationScale, logisticSampler, poissonSampler, pow, probabilities, sampleIndices, shapeOf, shuffleFirstAxis,
  standardGammaSampler, standardTSampler, triangularSampler, uniformDraws, type Draws, type Drawn, type IntegerDType,
  type Parameter, type Size, type SizeArgument, type WordBuffer,
} from "./random-shared";
import { FE, FI, KE, KI, WE, WI } from "./ziggurat-tables";

// ---------------------------------------------------------------------------------------------------------
// SeedSequence: numpy's hash of any amount of entropy into well-mixed seed words
// ---------------------------------------------------------------------------------------------------------

const POOL_SIZE = 4;
const XSHIFT = 16;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** The 32-bit words of a non-negative integer, least significant first; 0 is one word (numpy's coercion). */
function integerWords(value: number | bigint): number[] {
  let rest = BigInt(value);
  if (rest < 0n) throw new ValueError("expected non-negative integer");
  const words: number[] = [];
  do {
    words.push(Number(rest & 0xffffffffn));
    rest >>= 32n;
  } while (rest > 0n);
  return words;
}

/** Entropy given as an integer or a list of integers, as 32-bit words (a list's words in order). */
function entropyWords(entropy: number | bigint | readonly (number | bigint)[]): number[] {
  if (typeof entropy === "number" && !Number.isInteger(entropy)) {
    throw new TypeError("SeedSequence expects int or sequence of ints for entropy not " + entropy);
  }
  return typeof entropy === "object" ? entropy.flatMap((value) => integerWords(value)) : integerWords(entropy);
}

/**
 * numpy's `SeedSequence`: mixes entropy of any size into a pool of four 32-bit words, from which
 * `generate_state` draws as many seed words as a bit generator needs.
 * @example new np.random.SeedSequence(12345).generate_state(4)   // Uint32Array of 4 words, as numpy's
 */
export class SeedSequence {
  /** The entropy it was made from (fresh 128 bits from the system when none was given). */
  readonly entropy: bigint | readonly (number | bigint)[];
  private readonly pool = new Uint32Array(POOL_SIZE);

  constructor(entropy?: number | bigint | readonly (number | bigint)[] | null) {
    if (entropy === undefined || entropy === null) {
      const fresh = crypto.getRandomValues(new Uint32Array(4));
      entropy = fresh.reduce((value, word, i) => value | (BigInt(word) << BigInt(32 * i)), 0n);
    }
    this.entropy = typeof entropy === "number" ? BigInt(entropy) : entropy;
    this.mixEntropy(entropyWords(entropy));
  }

  private mixEntropy(words: number[]): void {
    let hashConst = INIT_A;
    const hashmix = (value: number): number => {
      value = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      return (value ^ (value >>> XSHIFT)) >>> 0;
    };
    const mix = (x: number, y: number): number => {
      const result = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
      return (result ^ (result >>> XSHIFT)) >>> 0;
    };
    const pool = this.pool;
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < words.length ? words[i] : 0);
    for (let source = 0; source < POOL_SIZE; source++) {
      for (let target = 0; target < POOL_SIZE; target++) {
        if (source !== target) pool[target] = mix(pool[target], hashmix(pool[source]));
      }
    }
    for (let source = POOL_SIZE; source < words.length; source++) {
      for (let target = 0; target < POOL_SIZE; target++) pool[target] = mix(pool[target], hashmix(words[source]));
    }
  }

  /**
   * `count` 32-bit seed words drawn from the pool (numpy's `generate_state(n_words, np.uint32)`).
   * @example new np.random.SeedSequence(0).generate_state(2)
   */
  generate_state(count: number): Uint32Array {
    const state = new Uint32Array(count);
    let hashConst = INIT_B;
    for (let i = 0; i < count; i++) {
      let value = (this.pool[i % POOL_SIZE] ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      state[i] = (value ^ (value >>> XSHIFT)) >>> 0;
    }
    return state;
  }
}

// ---------------------------------------------------------------------------------------------------------
// PCG64: a 128-bit linear congruential state, output by xor-fold and rotation (XSL RR)
// ---------------------------------------------------------------------------------------------------------

const LIMBS = 8;
const LIMB = 65536;
const MASK_128 = (1n << 128n) - 1n;
const MULTIPLIER_128 = 0x2360ed051fc65da44385df649fccf645n;

function toLimbs(value: bigint, limbs: Float64Array): void {
  for (let i = 0; i < LIMBS; i++) limbs[i] = Number((value >> BigInt(16 * i)) & 0xffffn);
}

function fromLimbs(limbs: Float64Array): bigint {
  let value = 0n;
  for (let i = LIMBS - 1; i >= 0; i--) value = (value << 16n) | BigInt(limbs[i]);
  return value;
}

const MULTIPLIER = new Float64Array(LIMBS);
toLimbs(MULTIPLIER_128, MULTIPLIER);

/** numpy's `PCG64` bit generator state, as its `state` property shows it. */
export interface PCG64State {
  bit_generator: "PCG64";
  state: { state: bigint; inc: bigint };
  has_uint32: number;
  uinteger: number;
}

/**
 * numpy's default bit generator, `PCG64`: 64-bit outputs from a 128-bit state. Seeded by a `SeedSequence`
 * (or anything one accepts).
 * @example new np.random.PCG64(0).state.state.state   // 35399562948360463058890781895381311971n
 */
export class PCG64 {
  /** The state and increment in 16-bit limbs, least significant first. */
  private readonly limbs = new Float64Array(LIMBS);
  private readonly increment = new Float64Array(LIMBS);
  private readonly product = new Float64Array(LIMBS);
  /** The second half of the last 64-bit output, kept for the next 32-bit draw (numpy's `has_uint32`). */
  private hasUint32 = false;
  private uinteger = 0;
  /** The last 64-bit output's words; `nextUint64` writes them, the caller reads them. */
  high = 0;
  low = 0;

  constructor(seed?: number | bigint | readonly (number | bigint)[] | SeedSequence | null) {
    const sequence = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const words = sequence.generate_state(8);
    // Four 64-bit words, each from two 32-bit ones (low first): state = w0·2^64 + w1, increment seed w2·2^64 + w3.
    const word64 = (i: number) => (BigInt(words[2 * i + 1]) << 32n) | BigInt(words[2 * i]);
    const initialState = (word64(0) << 64n) | word64(1);
    const sequenceSelector = (word64(2) << 64n) | word64(3);
    // pcg's srandom: start at 0 with inc = 2·selector + 1, step, add the initial state, step.
    toLimbs(0n, this.limbs);
    toLimbs(((sequenceSelector << 1n) | 1n) & MASK_128, this.increment);
    this.step();
    toLimbs((fromLimbs(this.limbs) + initialState) & MASK_128, this.limbs);
    this.step();
  }

  /** The state as numpy's `bit_generator.state` dict. */
  get state(): PCG64State {
    return {
      bit_generator: "PCG64",
      state: { state: fromLimbs(this.limbs), inc: fromLimbs(this.increment) },
      has_uint32: this.hasUint32 ? 1 : 0,
      uinteger: this.uinteger,
    };
  }

  set state(value: PCG64State) {
    if (value.bit_generator !== "PCG64") throw new ValueError("state must be for a PCG64 PRNG");
    toLimbs(BigInt(value.state.state) & MASK_128, this.limbs);
    toLimbs(BigInt(value.state.inc) & MASK_128, this.increment);
    this.hasUint32 = value.has_uint32 !== 0;
    this.uinteger = value.uinteger >>> 0;
  }

  /** state = state · MULTIPLIER + increment (mod 2^128), column by column: each column sum stays below 2^36. */
  private step(): void {
    const state = this.limbs;
    const product = this.product;
    let carry = 0;
    for (let k = 0; k < LIMBS; k++) {
      let column = carry + this.increment[k];
      for (let i = 0; i <= k; i++) column += state[i] * MULTIPLIER[k - i];
      const limb = column % LIMB;
      product[k] = limb;
      carry = (column - limb) / LIMB;
    }
    state.set(product);
  }

  /** Advances and sets `high`/`low` to the next 64-bit output: the state's halves xored, rotated by its top 6 bits. */
  nextUint64(): void {
    this.step();
    const s = this.limbs;
    let high = (((s[7] << 16) | s[6]) ^ ((s[3] << 16) | s[2])) >>> 0;
    let low = (((s[5] << 16) | s[4]) ^ ((s[1] << 16) | s[0])) >>> 0;
    let rotation = s[7] >>> 10;
    if (rotation >= 32) {
      [high, low] = [low, high];
      rotation -= 32;
    }
    if (rotation !== 0) {
      const rotatedHigh = ((high >>> rotation) | (low << (32 - rotation))) >>> 0;
      low = ((low >>> rotation) | (high << (32 - rotation))) >>> 0;
      high = rotatedHigh;
    }
    this.high = high;
    this.low = low;
  }

  /** A 32-bit output: the low half of a fresh 64-bit one, then its high half. */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.nextUint64();
    this.hasUint32 = true;
    this.uinteger = this.high;
    return this.low;
  }

  /** A double in [0, 1): the top 53 bits of a 64-bit output over 2^53. */
  nextDouble(): number {
    this.nextUint64();
    return (this.high * 2097152 + (this.low >>> 11)) / 9007199254740992;
  }

  /** A 64-bit output as a bigint. */
  nextBigUint64(): bigint {
    this.nextUint64();
    return (BigInt(this.high) << 32n) | BigInt(this.low);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------------------

const ZIGGURAT_R = 3.654152885361008796;
const ZIGGURAT_INV_R = 0.27366123732975827203;
const ZIGGURAT_EXPONENTIAL_R = 7.69711747013104972;

const PROBABILITY_ERRORS = {
  notOneDimensional: "p must be 1-dimensional",
  sizeMismatch: "a and p must have same size",
  nan: "Probabilities contain NaN",
  negative: "Probabilities are not non-negative",
  sum: "Probabilities do not sum to 1. See Notes section of docstring for more information.",
};

export interface GeneratorChoiceOptions {
  /** Sample with replacement (default true); without, each entry is picked at most once. */
  replace?: boolean;
  /** Probability of each entry of `a` (default uniform). */
  p?: ArrayLike;
  /** Without replacement and without `p`: return the picks in random order (default true), else in pick order. */
  shuffle?: boolean;
}

export interface IntegersOptions {
  /** The result's dtype: int64 (default), int32, uint8 or bool. */
  dtype?: DType;
  /** Include `high` in the range (default false: [low, high)). */
  endpoint?: boolean;
}

/**
 * numpy's `Generator`: random numbers from a bit generator (PCG64), by numpy's current algorithms. Make one
 * with `np.random.default_rng(seed)`.
 * @example
 * const rng = np.random.default_rng(0);
 * rng.random([2, 2]);  rng.integers(0, 10, 5);  rng.normal(0, 0.01, [3, 2]);
 */
export class Generator {
  /** The draws numpy's distributions are built from: PCG64 doubles and the ziggurat normal and exponential. */
  private readonly draws: Draws;

  constructor(readonly bit_generator: PCG64) {
    this.draws = {
      nextDouble: () => bit_generator.nextDouble(),
      nextGauss: () => this.nextGaussian(),
      nextExponential: () => this.nextExponential(),
      legacy: false,
    };
  }

  /** numpy's repr without the address. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "Generator(PCG64)";
  }

  /**
   * Uniform floats in [0, 1) (numpy's `Generator.random`): a number without `size`, else an array of that shape.
   * @example np.random.default_rng(42).random(3)   // array([0.77395605, 0.43887844, 0.85859792])
   */
  random(): number;
  random(size: Size): NDArray;
  random(size?: Size | null): number | NDArray;
  random(size?: Size | null): number | NDArray {
    const bits = this.bit_generator;
    return fillFloats(size, () => bits.nextDouble());
  }

  /**
   * Standard normal floats (numpy's `Generator.standard_normal`), by numpy's ziggurat.
   * @example np.random.default_rng(42).standard_normal([2, 3])
   */
  standard_normal(): number;
  standard_normal(size: Size): NDArray;
  standard_normal(size?: Size | null): number | NDArray;
  standard_normal(size?: Size | null): number | NDArray {
    return fillFloats(size, () => this.nextGaussian());
  }

  /**
   * Normal floats with mean `loc` and standard deviation `scale` (numpy's `Generator.normal`): `loc + scale * z`.
   * Array parameters broadcast, one draw per element.
   * @example
   * np.random.default_rng(1).normal(0, 0.01, [3, 2])
   * np.random.default_rng(1).normal([0, 10, 20], 1)   // array of 3, each around its mean
   */
  normal<L extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
    loc?: L, scale?: C, size?: S,
  ): Drawn<S, [L, C]> {
    const sampler = (mean: number, deviation: number) => () => mean + deviation * this.nextGaussian();
    return draw(locationScale(loc, scale), size, "float64", sampler) as Drawn<S, [L, C]>;
  }

  /**
   * Exponential floats with mean 1 (numpy's `Generator.standard_exponential`), by numpy's ziggurat; `method: "inv"`
   * takes numpy's inverse-CDF path, −log(1 − u).
   * @example np.random.default_rng(42).standard_exponential(3)
   */
  standard_exponential(): number;
  standard_exponential(size: Size, options?: { method?: "zig" | "inv" }): NDArray;
  standard_exponential(size?: Size | null, options?: { method?: "zig" | "inv" }): number | NDArray;
  standard_exponential(size?: Size | null, options: { method?: "zig" | "inv" } = {}): number | NDArray {
    const bits = this.bit_generator;
    return fillFloats(size, (options.method ?? "zig") === "zig" ? () => this.nextExponential() : () => -Math.log1p(-bits.nextDouble()));
  }

  /**
   * Exponential floats with mean `scale` (numpy's `Generator.exponential`): `scale * e`, e standard exponential.
   * @example
   * np.random.default_rng(0).exponential(2.0, [2, 2])
   * np.random.default_rng(0).exponential([1, 10])   // one draw per scale
   */
  exponential<P extends Parameter = number, S extends SizeArgument = undefined>(scale?: P, size?: S): Drawn<S, [P]> {
    const rules = [{ value: scale ?? 1.0, name: "scale", constraint: "nonNegative" }] as const;
    return draw(rules, size, "float64", (beta) => () => beta * this.nextExponential()) as Drawn<S, [P]>;
  }

  /**
   * Gamma floats with scale 1 (numpy's `Generator.standard_gamma`): Marsaglia–Tsang for shape ≥ 1, Vaduva's
   * rejection below, on the ziggurat normal and exponential.
   * @example np.random.default_rng(0).standard_gamma(2.5, 4)
   */
  standard_gamma<P extends Parameter, S extends SizeArgument = undefined>(shape: P, size?: S): Drawn<S, [P]> {
    const rules = [{ value: shape, name: "shape", constraint: "nonNegative" }] as const;
    return draw(rules, size, "float64", (k) => standardGammaSampler(k, this.draws)) as Drawn<S, [P]>;
  }

  /**
   * Gamma floats (numpy's `Generator.gamma`): `scale` times a standard gamma of `shape`.
   * @example np.random.default_rng(0).gamma(2.0, 0.5, [2, 2])
   */
  gamma<P extends Parameter, C extends Parameter = number, S extends SizeArgument = undefined>(shape: P, scale?: C, size?: S): Drawn<S, [P, C]> {
    const rules = [
      { value: shape, name: "shape", constraint: "nonNegative" },
      { value: scale ?? 1.0, name: "scale", constraint: "nonNegative" },
    ] as const;
    return draw(rules, size, "float64", (k, theta) => {
      const standard = standardGammaSampler(k, this.draws);
      return () => theta * standard();
    }) as Drawn<S, [P, C]>;
  }

  /**
   * Beta floats in [0, 1] (numpy's `Generator.beta`): Johnk's algorithm for a, b ≤ 1, else Ga / (Ga + Gb).
   * @example np.random.default_rng(0).beta(2, 5, 3)
   */
  beta<A extends Parameter, B extends Parameter, S extends SizeArgument = undefined>(a: A, b: B, size?: S): Drawn<S, [A, B]> {
    const rules = [{ value: a, name: "a", constraint: "positive" }, { value: b, name: "b", constraint: "positive" }] as const;
    return draw(rules, size, "float64", (alpha, beta) => betaSampler(alpha, beta, this.draws)) as Drawn<S, [A, B]>;
  }

  /**
   * Chi-square floats with `df` degrees of freedom (numpy's `Generator.chisquare`): 2 · gamma(df / 2).
   * @example np.random.default_rng(0).chisquare(3, 4)
   */
  chisquare<P extends Parameter, S extends SizeArgument = undefined>(df: P, size?: S): Drawn<S, [P]> {
    return draw([{ value: df, name: "df", constraint: "positive" }], size, "float64", (k) => {
      const standard = standardGammaSampler(k / 2, this.draws);
      return () => 2 * standard();
    }) as Drawn<S, [P]>;
  }

  /**
   * Successes in `n` trials of probability `p` (numpy's `Generator.binomial`): int64, by inversion for
   * min(p, 1 − p)·n ≤ 30, else BTPE.
   * @example
   * np.random.default_rng(0).binomial(10, 0.5, 5)   // array([6, 4, 2, 2, 6])
   * const keep = rng.binomial(1, 0.8, [4, 3]);   // a dropout mask
   * rng.binomial([1, 10, 100], 0.5)              // one count per n
   */
  binomial<N extends Parameter, P extends Parameter, S extends SizeArgument = undefined>(n: N, p: P, size?: S): Drawn<S, [N, P]> {
    // numpy converts n (to an integer) first, then checks p, then n, and broadcasts p against n in that order.
    const rules = [
      { value: p, name: "p", constraint: "probability" },
      { value: n, name: "n", constraint: "nonNegative", integer: true },
    ] as const;
    return draw(rules, size, "int64", (probability, trials) => binomialSampler(trials, probability, this.draws)) as Drawn<S, [N, P]>;
  }

  /**
   * Poisson counts with mean `lam` (numpy's `Generator.poisson`): int64, by multiplying uniforms for λ < 10,
   * by PTRS for λ ≥ 10.
   * @example np.random.default_rng(0).poisson(3.0, 5)
   */
  poisson<P extends Parameter = number, S extends SizeArgument = undefined>(lam?: P, size?: S): Drawn<S, [P]> {
    const rules = [{ value: lam ?? 1.0, name: "lam", constraint: "poisson" }] as const;
    return draw(rules, size, "int64", (rate) => poissonSampler(rate, this.draws)) as Drawn<S, [P]>;
  }

  /**
   * Trials up to and including the first success of probability `p` (numpy's `Generator.geometric`): int64 ≥ 1.
   * @example np.random.default_rng(0).geometric(0.25, 5)
   */
  geometric<P extends Parameter, S extends SizeArgument = undefined>(p: P, size?: S): Drawn<S, [P]> {
    const rules = [{ value: p, name: "p", constraint: "openProbability" }] as const;
    return draw(rules, size, "int64", (probability) => geometricSampler(probability, this.draws)) as Drawn<S, [P]>;
  }

  /**
   * Laplace (double exponential) floats (numpy's `Generator.laplace`).
   * @example np.random.default_rng(0).laplace(0, 1, 4)
   */
  laplace<L extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
    loc?: L, scale?: C, size?: S,
  ): Drawn<S, [L, C]> {
    return draw(locationScale(loc, scale), size, "float64", (mu, b) => laplaceSampler(mu, b, this.draws)) as Drawn<S, [L, C]>;
  }

  /**
   * Logistic floats (numpy's `Generator.logistic`).
   * @example np.random.default_rng(0).logistic(0, 1, 4)
   */
  logistic<L extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
    loc?: L, scale?: C, size?: S,
  ): Drawn<S, [L, C]> {
    return draw(locationScale(loc, scale), size, "float64", (mu, s) => logisticSampler(mu, s, this.draws)) as Drawn<S, [L, C]>;
  }

  /**
   * Log-normal floats (numpy's `Generator.lognormal`): exp of a normal with `mean` and `sigma`.
   * @example np.random.default_rng(0).lognormal(0, 0.5, 3)
   */
  lognormal<M extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
    mean?: M, sigma?: C, size?: S,
  ): Drawn<S, [M, C]> {
    const rules = [{ value: mean ?? 0.0, name: "mean" }, { value: sigma ?? 1.0, name: "sigma", constraint: "nonNegative" }] as const;
    return draw(rules, size, "float64", (mu, s) => () => exp(mu + s * this.nextGaussian())) as Drawn<S, [M, C]>;
  }

  /**
   * Standard Cauchy floats (numpy's `Generator.standard_cauchy`): one Gaussian over another.
   * @example np.random.default_rng(0).standard_cauchy(3)
   */
  standard_cauchy<S extends SizeArgument = undefined>(size?: S): Drawn<S> {
    return fillFloats(size, () => this.nextGaussian() / this.nextGaussian()) as Drawn<S>;
  }

  /**
   * Student's t floats with `df` degrees of freedom (numpy's `Generator.standard_t`).
   * @example np.random.default_rng(0).standard_t(5, 3)
   */
  standard_t<P extends Parameter, S extends SizeArgument = undefined>(df: P, size?: S): Drawn<S, [P]> {
    const sampler = (k: number) => standardTSampler(k, this.draws);
    return draw([{ value: df, name: "df", constraint: "positive" }], size, "float64", sampler) as Drawn<S, [P]>;
  }

  /**
   * Rayleigh floats (numpy's `Generator.rayleigh`): scale · √(2E), E a ziggurat exponential.
   * @example np.random.default_rng(0).rayleigh(2.0, 3)
   */
  rayleigh<P extends Parameter = number, S extends SizeArgument = undefined>(scale?: P, size?: S): Drawn<S, [P]> {
    const rules = [{ value: scale ?? 1.0, name: "scale", constraint: "nonNegative" }] as const;
    return draw(rules, size, "float64", (sigma) => () => sigma * Math.sqrt(2.0 * this.nextExponential())) as Drawn<S, [P]>;
  }

  /**
   * Weibull floats with shape `a` (numpy's `Generator.weibull`): E^(1/a); 0 for a = 0.
   * @example np.random.default_rng(0).weibull(1.5, 3)
   */
  weibull<P extends Parameter, S extends SizeArgument = undefined>(a: P, size?: S): Drawn<S, [P]> {
    const rules = [{ value: a, name: "a", constraint: "nonNegative" }] as const;
    return draw(rules, size, "float64", (k) => (k === 0 ? () => 0 : () => pow(this.nextExponential(), 1 / k))) as Drawn<S, [P]>;
  }

  /**
   * Pareto II (Lomax) floats with shape `a` (numpy's `Generator.pareto`): expm1(E / a).
   * @example np.random.default_rng(0).pareto(3.0, 3)
   */
  pareto<P extends Parameter, S extends SizeArgument = undefined>(a: P, size?: S): Drawn<S, [P]> {
    // C's expm1 and V8's are both fdlibm's: they agree far more often than a correctly rounded one would.
    const sampler = (k: number) => () => Math.expm1(this.nextExponential() / k);
    return draw([{ value: a, name: "a", constraint: "positive" }], size, "float64", sampler) as Drawn<S, [P]>;
  }

  /**
   * Power-law floats in [0, 1] with exponent a − 1 (numpy's `Generator.power`): (−expm1(−E))^(1/a).
   * @example np.random.default_rng(0).power(2.5, 3)
   */
  power<P extends Parameter, S extends SizeArgument = undefined>(a: P, size?: S): Drawn<S, [P]> {
    const rules = [{ value: a, name: "a", constraint: "positive" }] as const;
    return draw(rules, size, "float64", (k) => () => pow(-Math.expm1(-this.nextExponential()), 1 / k)) as Drawn<S, [P]>;
  }

  /**
   * Gumbel floats (numpy's `Generator.gumbel`).
   * @example np.random.default_rng(0).gumbel(0, 1, 3)
   */
  gumbel<L extends Parameter = number, C extends Parameter = number, S extends SizeArgument = undefined>(
    loc?: L, scale?: C, size?: S,
  ): Drawn<S, [L, C]> {
    return draw(locationScale(loc, scale), size, "float64", (mu, beta) => gumbelSampler(mu, beta, this.draws)) as Drawn<S, [L, C]>;
  }

  /**
   * Triangular floats on [left, right] peaking at `mode` (numpy's `Generator.triangular`).
   * @example np.random.default_rng(0).triangular(-1, 0, 2, 4)
   */
  triangular<L extends Parameter, M extends Parameter, R extends Parameter, S extends SizeArgument = undefined>(
    left: L, mode: M, right: R, size?: S,
  ): Drawn<S, [L, M, R]> {
    checkTriangular(left, mode, right);
    const rules = [{ value: left, name: "left" }, { value: mode, name: "mode" }, { value: right, name: "right" }];
    return draw(rules, size, "float64", (l, m, r) => triangularSampler(l, m, r, this.draws)) as Drawn<S, [L, M, R]>;
  }

  /**
   * Uniform floats in [low, high) (numpy's `Generator.uniform`): `low + (high - low) * u`. Array bounds broadcast.
   * @example
   * np.random.default_rng(1).uniform(-1, 1, 4)
   * np.random.default_rng(1).uniform([0, 10], [1, 20])   // one draw in [0, 1), one in [10, 20)
   */
  uniform<L extends Parameter = number, H extends Parameter = number, S extends SizeArgument = undefined>(
    low?: L, high?: H, size?: S,
  ): Drawn<S, [L, H]> {
    return uniformDraws(low ?? 0.0, high ?? 1.0, size, this.draws) as Drawn<S, [L, H]>;
  }

  /**
   * Random integers in [low, high) — [0, low) when `high` is omitted, [low, high] with `endpoint` — (numpy's
   * `Generator.integers`), by Lemire's method. A number without `size`, else an array of `dtype` (int64 by default).
   * Array bounds broadcast: one draw per element, each in its range.
   * @example
   * np.random.default_rng(0).integers(10, null, 5)       // array([8, 6, 5, 2, 3])
   * np.random.default_rng(0).integers(1, 6, [2, 2], { endpoint: true })
   * np.random.default_rng(0).integers([0, 100], [10, 200])
   */
  integers<L extends Parameter, H extends Parameter | null | undefined = undefined, S extends SizeArgument = undefined>(
    low: L, high?: H, size?: S, options: IntegersOptions = {},
  ): Drawn<S, [L, H]> {
    const fill = (out: TypedArray, lowest: bigint, range: bigint, dtype: IntegerDType, buffer: WordBuffer) =>
      this.fillBounded(out, lowest, range, dtype, buffer);
    const { dtype = "int64", endpoint = false } = options;
    return boundedIntegers(low, high, size, dtype, endpoint, "integers", fill) as Drawn<S, [L, H]>;
  }

  /**
   * Shuffles in place along the first axis (numpy's `Generator.shuffle`): Fisher–Yates from the last element
   * (or row) down. Takes an NDArray or a plain JS array.
   * @example const x = np.arange(10); np.random.default_rng(0).shuffle(x);
   */
  shuffle(x: NDArray | unknown[]): void {
    shuffleFirstAxis(x, (max) => this.interval(max));
  }

  /**
   * A shuffled copy (numpy's `Generator.permutation`): of `arange(n)` for an integer, else of the array along
   * its first axis.
   * @example np.random.default_rng(0).permutation(5)   // array([2, 0, 1, 4, 3])... as numpy
   */
  permutation(x: number | ArrayLike): NDArray {
    if (typeof x === "number" && Number.isInteger(x)) {
      const out = empty([Math.max(x, 0)], "int64");
      out.data.forEach((_, i) => (out.data[i] = i));
      this.shuffle(out);
      return out;
    }
    const source = asarray(x);
    if (source.ndim < 1) throw new AxisError(0, source.ndim);
    const out = source.copy();
    this.shuffle(out);
    return out;
  }

  /**
   * Random samples from `a` — along its first axis (rows of a matrix) — or from `arange(a)` for an integer
   * (numpy's `Generator.choice`). With replacement by default; `p` weights the entries; without replacement
   * the picks are distinct, in random order unless `shuffle: false`. A single value (or row) without `size`.
   * @example
   * const rng = np.random.default_rng(0);
   * rng.choice(5, 3)                                   // array([4, 3, 2])... as numpy
   * rng.choice([10, 20, 30], 2, { replace: false })
   * rng.choice(X, 8)                                   // 8 random rows of X
   */
  choice(a: number | ArrayLike, size?: null, options?: GeneratorChoiceOptions): Scalar | NDArray;
  choice(a: number | ArrayLike, size: Size, options?: GeneratorChoiceOptions): NDArray;
  choice(a: number | ArrayLike, size?: Size | null, options?: GeneratorChoiceOptions): Scalar | NDArray;
  choice(a: number | ArrayLike, size?: Size | null, options: GeneratorChoiceOptions = {}): Scalar | NDArray {
    const population = asarray(a);
    const shape = size === undefined || size === null ? [] : shapeOf(size);
    const count = shapeSize(shape);
    let populationSize: number;
    if (population.ndim === 0) {
      populationSize = population.scalarAt(population.offset) as number;
      if (!Number.isInteger(populationSize)) throw new ValueError("a must be a sequence or an integer, not <class 'float'>");
      if (populationSize <= 0 && count !== 0) throw new ValueError("a must be a positive integer unless no samples are taken");
    } else {
      populationSize = population.shape[0];
      if (populationSize === 0 && count !== 0) throw new ValueError("a cannot be empty unless no samples are taken");
    }
    const p = options.p === undefined ? null : probabilities(options.p, populationSize, PROBABILITY_ERRORS);
    const indices = sampleIndices(populationSize, shape, p, options.replace ?? true, {
      nextDouble: () => this.bit_generator.nextDouble(),
      uniformIndices: () => (this.integers(0, populationSize, shape) as NDArray).data as Float64Array,
      distinctIndices: () => this.distinctIndices(populationSize, count, options.shuffle ?? true),
      tooMany: "Cannot take a larger sample than population when replace is False",
    });
    const picks = new NDArray(indices, shape, "int64");
    if (population.ndim === 0) return size === undefined || size === null ? indices[0] : picks;
    const taken = getItem(population, [size === undefined || size === null ? indices[0] : picks]);
    return taken.ndim === 0 ? taken.scalarAt(taken.offset) : taken;
  }

  /**
   * `count` distinct indices below `populationSize` as numpy picks them: for a large share of a large
   * population, the tail of a partial shuffle of all indices; otherwise Floyd's algorithm (each j from
   * population - count up takes a draw in [0, j], or j itself if that was taken), then a shuffle.
   */
  private distinctIndices(populationSize: number, count: number, shuffled: boolean): Float64Array {
    const bits = this.bit_generator;
    const below = (max: number) => lemire(() => bits.nextUint32(), max, 32);
    const shuffleTail = (values: Float64Array, first: number) => {
      for (let i = values.length - 1; i >= first; i--) {
        const j = below(i);
        [values[i], values[j]] = [values[j], values[i]];
      }
    };
    if (populationSize > 10000 && count > Math.floor(populationSize / (shuffled ? 50 : 20))) {
      const all = Float64Array.from({ length: populationSize }, (_, i) => i);
      shuffleTail(all, Math.max(populationSize - count, 1));
      return all.slice(populationSize - count);
    }
    const indices = new Float64Array(count);
    const taken = new Set<number>();
    for (let j = populationSize - count; j < populationSize; j++) {
      const value = j === 0 ? 0 : below(j);
      const pick = taken.has(value) ? j : value;
      taken.add(pick);
      indices[j - populationSize + count] = pick;
    }
    if (shuffled) shuffleTail(indices, 1);
    return indices;
  }

  /** A uniform integer in [0, max] by masked rejection on 32-bit draws (numpy's `random_interval`). */
  private interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    for (const shift of [1, 2, 4, 8, 16]) mask |= mask >>> shift;
    for (;;) {
      const value = (this.bit_generator.nextUint32() & mask) >>> 0;
      if (value <= max) return value;
    }
  }

  /** One ziggurat draw (numpy's `random_standard_normal`). */
  private nextGaussian(): number {
    const bits = this.bit_generator;
    for (;;) {
      bits.nextUint64();
      // The 64 bits: strip index (8), sign (1), magnitude (52), unused (3).
      const strip = bits.low & 0xff;
      const negative = (bits.low >>> 8) & 1;
      const magnitude = (bits.high & 0x1fffffff) * 8388608 + (bits.low >>> 9);
      const x = negative ? -(magnitude * WI[strip]) : magnitude * WI[strip];
      if (magnitude < KI[strip]) return x;
      if (strip === 0) {
        // The tail beyond R, by Marsaglia's method, with numpy's log1p(-u): V8's log1p and C's are both fdlibm's
        // and agree to the bit for all but 0.08% of arguments (a correctly rounded log(1 - u) differs in 7%).
        for (;;) {
          const xx = -ZIGGURAT_INV_R * Math.log1p(-bits.nextDouble());
          const yy = -Math.log1p(-bits.nextDouble());
          if (yy + yy > xx * xx) return (magnitude / 256) & 1 ? -(ZIGGURAT_R + xx) : ZIGGURAT_R + xx;
        }
      }
      if ((FI[strip - 1] - FI[strip]) * bits.nextDouble() + FI[strip] < exp(-0.5 * x * x)) return x;
    }
  }

  /** One ziggurat draw of the standard exponential (numpy's `random_standard_exponential_zig`). */
  private nextExponential(): number {
    const bits = this.bit_generator;
    for (;;) {
      bits.nextUint64();
      // The 64 bits: unused (3), strip index (8), magnitude (53).
      const strip = (bits.low >>> 3) & 0xff;
      const magnitude = bits.high * 2097152 + (bits.low >>> 11);
      const x = magnitude * WE[strip];
      if (magnitude < KE[strip]) return x;
      if (strip === 0) return ZIGGURAT_EXPONENTIAL_R - Math.log1p(-bits.nextDouble());
      if ((FE[strip - 1] - FE[strip]) * bits.nextDouble() + FE[strip] < exp(-x)) return x;
    }
  }

  /**
   * Fills `out` with `lowest` + integers in [0, range] as numpy's `random_bounded_*_fill` (Lemire) does for the
   * dtype; uint8 and bool take theirs from `buffer`, which lives for one call of `integers`.
   */
  private fillBounded(out: TypedArray, lowest: bigint, range: bigint, dtype: IntegerDType, buffer: WordBuffer): void {
    const bits = this.bit_generator;
    const offset = Number(lowest);
    if (range === 0n) {
      out.fill(offset);
      return;
    }
    if (dtype === "bool" || dtype === "uint8") {
      // Draws take a bit (bool) or a byte (uint8) at a time from one 32-bit word, low bits first.
      const width = dtype === "bool" ? 1 : 8;
      const perWord = 32 / width;
      const next = (): number => {
        if (buffer.left === 0) {
          buffer.word = bits.nextUint32();
          buffer.left = perWord;
        }
        const value = buffer.word & ((1 << width) - 1);
        buffer.word >>>= width;
        buffer.left--;
        return value;
      };
      const rangeNumber = Number(range);
      if (dtype === "bool" || rangeNumber === 255) {
        for (let i = 0; i < out.length; i++) out[i] = offset + next();
        return;
      }
      for (let i = 0; i < out.length; i++) out[i] = offset + lemire(next, rangeNumber, 8);
      return;
    }
    if (range <= 0xffffffffn) {
      const rangeNumber = Number(range);
      const next = () => bits.nextUint32();
      if (rangeNumber === 0xffffffff) for (let i = 0; i < out.length; i++) out[i] = offset + next();
      else for (let i = 0; i < out.length; i++) out[i] = offset + lemire(next, rangeNumber, 32);
      return;
    }
    const exclusive = range + 1n;
    for (let i = 0; i < out.length; i++) {
      if (range === 0xffffffffffffffffn) {
        out[i] = Number(lowest + bits.nextBigUint64());
        continue;
      }
      let product = bits.nextBigUint64() * exclusive;
      let leftover = product & 0xffffffffffffffffn;
      if (leftover < exclusive) {
        const threshold = (0xffffffffffffffffn - range) % exclusive;
        while (leftover < threshold) {
          product = bits.nextBigUint64() * exclusive;
          leftover = product & 0xffffffffffffffffn;
        }
      }
      out[i] = Number(lowest + (product >> 64n));
    }
  }
}

/**
 * Lemire's bounded draw: a uniform integer in [0, range] from `width`-bit words (8 or 32), range < 2^width - 1.
 * The word times (range + 1) holds the result in its bits above `width`; words whose low `width` bits fall
 * below a threshold are rejected, which removes the bias.
 */
function lemire(next: () => number, range: number, width: 8 | 32): number {
  const exclusive = range + 1;
  const scale = 2 ** width;
  const threshold = (scale - 1 - range) % exclusive;
  for (;;) {
    const word = next();
    if (width === 8) {
      const product = word * exclusive;
      if (product % scale >= threshold) return Math.floor(product / scale);
      continue;
    }
    // word · exclusive reaches 2^64, past exact doubles: its low word by imul, its high word from 16-bit halves.
    if (Math.imul(word, exclusive) >>> 0 < threshold) continue;
    const upper = (word >>> 16) * exclusive;
    const lower = (word & 0xffff) * exclusive;
    return Math.floor(upper / 65536) + Math.floor(((upper % 65536) * 65536 + lower) / scale);
  }
}

/**
 * A `Generator` on PCG64 (numpy's `np.random.default_rng`): seeded by an integer or list of integers through
 * `SeedSequence`, by fresh system entropy without a seed; a Generator is returned as it is.
 * @example
 * const rng = np.random.default_rng(42);
 * rng.random()   // 0.7739560485559633
 */
export function default_rng(seed?: number | bigint | readonly (number | bigint)[] | SeedSequence | PCG64 | Generator | null): Generator {
  if (seed instanceof Generator) return seed;
  return new Generator(seed instanceof PCG64 ? seed : new PCG64(seed));
}
