/**
 * Printing arrays exactly as numpy does (numpy/_core/arrayprint.py is the specification): `repr`, `str`,
 * `array2string`, the print options, and the Dragon4 float formatting underneath (numpy's
 * `format_float_positional` / `format_float_scientific`). Plus an HTML table for notebook display.
 *
 * Floats are formatted from their exact binary value with BigInt arithmetic, the way numpy's Dragon4 does:
 * the shortest digits that identify the value among its dtype's neighbours (float32 values get float32's
 * shortest digits, not float64's), cut off at `precision` with round-half-even on the exact value.
 */
import type { DType } from "./dtype";
import { ValueError } from "./errors";
import type { NDArray } from "./ndarray";

// ---------------------------------------------------------------------------------------------------------
// Print options
// ---------------------------------------------------------------------------------------------------------

/** How many digits floats get (numpy's `floatmode`). */
export type FloatMode = "fixed" | "unique" | "maxprec" | "maxprec_equal";
/** Sign of positive values: `-` omits it, `+` prints it, ` ` leaves a space for it. */
export type SignMode = "-" | "+" | " ";

/** numpy's print options, as `get_printoptions()` returns them. */
export interface PrintOptions {
  /** Digits after the decimal point (at most; see `floatmode`). */
  precision: number;
  /** Arrays with more elements than this are summarised with `...`. */
  threshold: number;
  /** Items kept at each edge of a summarised axis. */
  edgeitems: number;
  /** Characters per line before wrapping. */
  linewidth: number;
  /** Never use scientific notation for small numbers; they round to 0 at `precision`. */
  suppress: boolean;
  /** Text for not-a-number. */
  nanstr: string;
  /** Text for infinity. */
  infstr: string;
  sign: SignMode;
  floatmode: FloatMode;
}

const DEFAULT_OPTIONS: Readonly<PrintOptions> = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: "nan",
  infstr: "inf",
  sign: "-",
  floatmode: "maxprec",
});

let currentOptions: PrintOptions = { ...DEFAULT_OPTIONS };

const FLOAT_MODES: readonly FloatMode[] = ["fixed", "unique", "maxprec", "maxprec_equal"];
const SIGN_MODES: readonly SignMode[] = ["-", "+", " "];

/** Checks options the way numpy's `_make_options_dict` does, and returns only the ones given. */
function validated(options: Partial<PrintOptions>): Partial<PrintOptions> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<PrintOptions>;
  if (given.floatmode !== undefined && !FLOAT_MODES.includes(given.floatmode)) {
    throw new ValueError(`floatmode option must be one of ${FLOAT_MODES.map((m) => `"${m}"`).join(", ")}`);
  }
  if (given.sign !== undefined && !SIGN_MODES.includes(given.sign)) {
    throw new ValueError("sign option must be one of ' ', '+', or '-'");
  }
  if (given.threshold !== undefined) {
    if (typeof given.threshold !== "number") throw new TypeError("threshold must be numeric");
    if (Number.isNaN(given.threshold)) {
      throw new ValueError("threshold must be non-NAN, try Infinity for untruncated representation");
    }
  }
  if (given.precision !== undefined && !Number.isInteger(given.precision)) throw new TypeError("precision must be an integer");
  if (given.precision !== undefined && given.precision < 0) throw new ValueError("precision must be >= 0");
  return given;
}

/**
 * Sets how arrays print, for every later print (numpy's `np.set_printoptions`). Options not given keep
 * their current value.
 * @example
 * np.set_printoptions({ precision: 3, suppress: true });
 * np.array([1e-10, 1.23456]) // array([0.   , 1.235])
 */
export function set_printoptions(options: Partial<PrintOptions>): void {
  currentOptions = { ...currentOptions, ...validated(options) };
}

/** The current print options (numpy's `np.get_printoptions`). @example np.get_printoptions().linewidth // 75 */
export function get_printoptions(): PrintOptions {
  return { ...currentOptions };
}

/**
 * Runs `body` with some print options changed, restoring the previous ones afterwards, even on error
 * (numpy's `with np.printoptions(...):` context manager).
 * @example
 * const text = np.printoptions({ precision: 2 }, () => String(np.array([Math.PI]))) // '[3.14]'
 */
export function printoptions<T>(options: Partial<PrintOptions>, body: () => T): T {
  const saved = currentOptions;
  set_printoptions(options);
  try {
    return body();
  } finally {
    currentOptions = saved;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Dragon4: exact decimal digits of a binary float
// ---------------------------------------------------------------------------------------------------------

type FloatDType = "float64" | "float32";

/** Significand bits and smallest exponent of each float format: |x| = m·2^e with m < 2^bits, e ≥ minExponent. */
const FLOAT_FORMATS: Record<FloatDType, { bits: number; minExponent: number }> = {
  float64: { bits: 53, minExponent: -1074 },
  float32: { bits: 24, minExponent: -149 },
};

const bitsView = new DataView(new ArrayBuffer(8));

/** |x| (finite, non-zero, representable in `dtype`) as mantissa·2^exponent in that dtype's format. */
function decompose(x: number, dtype: FloatDType): { mantissa: bigint; exponent: number; unequalMargins: boolean } {
  bitsView.setFloat64(0, x);
  const high = bitsView.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  const highFraction = high & 0xfffff;
  const lowFraction = bitsView.getUint32(4);
  const fraction = (BigInt(highFraction) << 32n) | BigInt(lowFraction);
  const doubleMantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const doubleExponent = biased === 0 ? -1074 : biased - 1075;
  const { bits, minExponent } = FLOAT_FORMATS[dtype];
  // floor(log2 |x|): from the exponent field, or for a subnormal double from its highest fraction bit.
  const topFractionBit = highFraction !== 0 ? 63 - Math.clz32(highFraction) : 31 - Math.clz32(lowFraction);
  const log2 = biased === 0 ? topFractionBit - 1074 : biased - 1023;
  const exponent = Math.max(log2 - (bits - 1), minExponent);
  const shift = doubleExponent - exponent;
  const mantissa = shift >= 0 ? doubleMantissa << BigInt(shift) : doubleMantissa >> BigInt(-shift);
  // At a power of two the next float below is half as far as the next one above (except at the bottom of
  // the normal range, where the subnormals continue with the same spacing).
  const unequalMargins = mantissa === 1n << BigInt(bits - 1) && exponent > minExponent;
  return { mantissa, exponent, unequalMargins };
}

const powersOf10: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let i = powersOf10.length; i <= n; i++) powersOf10.push(powersOf10[i - 1] * 10n);
  return powersOf10[n];
}

/** Sign of (numerator − denominator·10^k), for any integer k: compares a ratio with 10^k. */
function comparePow10(numerator: bigint, denominator: bigint, k: number): number {
  const lhs = k >= 0 ? numerator : numerator * pow10(-k);
  const rhs = k >= 0 ? denominator * pow10(k) : denominator;
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/** Where digit generation stops: a count of digits after the point, or of significant digits. */
type CutoffMode = "fraction" | "total";

interface DigitRequest {
  /** Shortest digits that round-trip (unique), or the exact value's digits (numpy's `unique=False`). */
  unique: boolean;
  cutoffMode: CutoffMode;
  /** Print at most this many digits (-1: no limit); the last one is rounded half-to-even on the exact value. */
  cutoffMax: number;
  /** Print at least this many digits even past the unique ones (-1: no minimum). */
  cutoffMin: number;
}

interface DecimalDigits {
  /** The digits, no leading zeros (a lone "0" for zero or a value rounded away). */
  digits: string;
  /** Decimal exponent of the first digit. */
  exponent: number;
}

/**
 * Dragon4 (Steele & White, with Burger & Dybvig's refinements, as numpy implements it): generates the decimal
 * digits of |x| one at a time from the exact value, stopping once they identify x among the floats of `dtype`
 * (both neighbours' half-way points are out of reach) or at the cutoff, then rounds the last digit.
 */
function dragon4(x: number, dtype: FloatDType, request: DigitRequest): DecimalDigits {
  if (x === 0) return { digits: "0", exponent: 0 };
  const { mantissa, exponent, unequalMargins } = decompose(Math.abs(dtype === "float32" ? Math.fround(x) : x), dtype);
  // value = |x| = numerator/denominator; the margins are the distances to the half-way points to the
  // neighbouring floats, on the same scale. A factor 4 keeps the quarter-ulp low margin integral.
  const ulp = exponent >= 0 ? 1n << BigInt(exponent) : 1n;
  let numerator = 4n * mantissa * ulp;
  let denominator = exponent >= 0 ? 4n : 4n << BigInt(-exponent);
  let marginHigh = 2n * ulp;
  let marginLow = unequalMargins ? ulp : marginHigh;
  // Round-half-even parsing accepts a decimal exactly half-way to a neighbour when the mantissa is even.
  const inclusive = (mantissa & 1n) === 0n;

  // k: the decimal exponent just above the value, 10^(k-1) <= value < 10^k.
  let k = Math.floor(Math.log10(Math.abs(x))) + 1; // an estimate, corrected exactly below
  while (comparePow10(numerator, denominator, k) >= 0) k++;
  while (comparePow10(numerator, denominator, k - 1) < 0) k--;
  // A value below the last fractional digit starts at that digit (it rounds to 0 or 1 unit there).
  if (request.cutoffMax >= 0 && request.cutoffMode === "fraction" && k <= -request.cutoffMax) k = -request.cutoffMax + 1;

  if (k >= 0) denominator *= pow10(k);
  else {
    const scale = pow10(-k);
    numerator *= scale;
    marginLow *= scale;
    marginHigh *= scale;
  }

  const lastPosition = (count: number) => (request.cutoffMode === "total" ? k - count : -count);
  const maxPosition = request.cutoffMax >= 0 ? lastPosition(request.cutoffMax) : -Infinity;
  const minPosition = request.cutoffMin >= 0 ? Math.min(k, lastPosition(request.cutoffMin)) : k;

  const digits: number[] = [];
  let position = k;
  let digit = 0;
  let low = false;
  let high = false;
  for (;;) {
    position--;
    numerator *= 10n;
    digit = Number(numerator / denominator);
    numerator %= denominator;
    if (request.unique) {
      marginLow *= 10n;
      marginHigh *= 10n;
      low = inclusive ? numerator <= marginLow : numerator < marginLow;
      const upper = numerator + marginHigh;
      high = inclusive ? upper >= denominator : upper > denominator;
      if (((low || high) && position <= minPosition) || position === maxPosition) break;
    } else if (numerator === 0n || position === maxPosition) {
      break;
    }
    digits.push(digit);
  }

  // Round the last digit: to the only side that still identifies x, else to the nearest, ties to even.
  let roundDown = low;
  if (low === high) {
    const twice = 2n * numerator;
    roundDown = twice < denominator || (twice === denominator && digit % 2 === 0);
  }
  let firstExponent = k - 1;
  if (roundDown) digits.push(digit);
  else {
    // Carry: trailing nines disappear, and 9.99… becomes 1 at the next exponent.
    let last = digit + 1;
    while (last === 10 && digits.length > 0) last = digits.pop()! + 1;
    if (last === 10) {
      last = 1;
      firstExponent++;
    }
    digits.push(last);
  }
  return { digits: digits.join(""), exponent: firstExponent };
}

// ---------------------------------------------------------------------------------------------------------
// Positional and scientific layout (numpy's format_float_positional / format_float_scientific)
// ---------------------------------------------------------------------------------------------------------

/**
 * Trailing-digit trimming: `k` keeps zeros and the point, `.` trims zeros but keeps the point, `0` trims all
 * but one zero after the point, `-` trims zeros and the point.
 */
export type TrimMode = "k" | "." | "0" | "-";

/** Options of numpy's `format_float_positional`, with numpy's keyword names. */
export interface PositionalOptions {
  /** Most digits to print (after the point when `fractional`); unlimited when omitted. */
  precision?: number;
  /** Shortest round-tripping digits (true) or the exact value's digits (false, needs `precision`). */
  unique?: boolean;
  /** Whether `precision`/`min_digits` count digits after the point (true) or significant digits. */
  fractional?: boolean;
  trim?: TrimMode;
  /** Print `+` for positive values. */
  sign?: boolean;
  /** Pad with spaces until this many characters are left of the point. */
  pad_left?: number;
  /** Pad with spaces until this many characters are right of the point. */
  pad_right?: number;
  /** Print at least this many digits (unique mode), rounding the last. */
  min_digits?: number;
  /** The float type x is a value of: its neighbours decide the shortest digits. numpy takes it from the scalar. */
  dtype?: FloatDType;
}

/** Options of numpy's `format_float_scientific`, with numpy's keyword names. */
export interface ScientificOptions {
  /** Most digits after the point; unlimited when omitted. */
  precision?: number;
  unique?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  pad_left?: number;
  /** Pad the exponent with zeros to at least this many digits (default 2). */
  exp_digits?: number;
  min_digits?: number;
  dtype?: FloatDType;
}

/** The digits after the point under a trim mode: padded with zeros to `wanted` (`k`), or trailing zeros cut. */
function trimmedFraction(fraction: string, trim: TrimMode, wanted: number): string {
  if (trim === "k") return fraction.padEnd(wanted, "0");
  const cut = fraction.replace(/0+$/, "");
  return trim === "0" && cut === "" ? "0" : cut;
}

/** A non-negative option, or -1 for "not given", as numpy's `_none_or_positive_arg`. */
function optionalCount(value: number | undefined, name: string): number {
  if (value === undefined) return -1;
  if (value < 0) throw new ValueError(`${name} must be >= 0`);
  return value;
}

function checkDigitOptions(unique: boolean, precision: number, minDigits: number): void {
  if (!unique && precision < 0) throw new TypeError("in non-unique mode `precision` must be supplied");
  if (minDigits > 0 && precision > 0 && minDigits > precision) {
    throw new ValueError("min_digits must be less than or equal to precision");
  }
}

function signPrefix(x: number, forceSign: boolean): string {
  return signbit(x) ? "-" : forceSign ? "+" : "";
}

/** Dragon4's text for inf and nan: infinities keep their sign, nan never shows one. */
function dragon4NonFinite(x: number, forceSign: boolean): string {
  return Number.isNaN(x) ? "nan" : signPrefix(x, forceSign) + "inf";
}

/**
 * Formats a float in positional notation, Dragon4-exact (numpy's `np.format_float_positional`).
 * @example
 * format_float_positional(0.1 + 0.2)                     // '0.30000000000000004'
 * format_float_positional(0.125, { precision: 2 })        // '0.12' (ties round to even)
 * format_float_positional(Math.fround(0.1), { dtype: "float32" }) // '0.1'
 */
export function format_float_positional(x: number, options: PositionalOptions = {}): string {
  const precision = optionalCount(options.precision, "precision");
  const minDigits = optionalCount(options.min_digits, "min_digits");
  const unique = options.unique ?? true;
  const fractional = options.fractional ?? true;
  if (!fractional && precision === 0) throw new ValueError("precision must be greater than 0 if fractional=False");
  checkDigitOptions(unique, precision, minDigits);
  const forceSign = options.sign ?? false;
  if (!Number.isFinite(x)) return dragon4NonFinite(x, forceSign);
  const trim = options.trim ?? "k";
  const { digits, exponent } = dragon4(x, options.dtype ?? "float64", {
    unique,
    cutoffMode: fractional ? "fraction" : "total",
    cutoffMax: precision,
    cutoffMin: minDigits,
  });

  let whole: string;
  let fraction: string;
  if (exponent >= 0) {
    whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
    fraction = digits.slice(exponent + 1);
  } else {
    whole = "0";
    fraction = "0".repeat(-exponent - 1) + digits;
  }

  const requested = unique ? minDigits : precision;
  fraction = trimmedFraction(fraction, trim, fractional ? requested : requested - whole.length);
  const point = fraction !== "" || trim !== "-" ? "." : "";

  let text = whole + point + fraction;
  const padRight = optionalCount(options.pad_right, "pad_right");
  if (padRight >= fraction.length) {
    // Where the point was trimmed away, its column stays as a space so the digits still line up.
    text += (point === "" ? " " : "") + " ".repeat(padRight - fraction.length);
  }
  const sign = signPrefix(x, forceSign);
  const padLeft = optionalCount(options.pad_left, "pad_left");
  return " ".repeat(Math.max(padLeft - whole.length - sign.length, 0)) + sign + text;
}

/**
 * Formats a float in scientific notation, Dragon4-exact (numpy's `np.format_float_scientific`).
 * @example
 * format_float_scientific(12345.678)                       // '1.2345678e+04'
 * format_float_scientific(1e-5, { precision: 2, unique: false }) // '1.00e-05'
 */
export function format_float_scientific(x: number, options: ScientificOptions = {}): string {
  const precision = optionalCount(options.precision, "precision");
  const minDigits = optionalCount(options.min_digits, "min_digits");
  const unique = options.unique ?? true;
  checkDigitOptions(unique, precision, minDigits);
  const forceSign = options.sign ?? false;
  if (!Number.isFinite(x)) return dragon4NonFinite(x, forceSign);
  const trim = options.trim ?? "k";
  // numpy counts precision after the point; Dragon4 counts significant digits, one more.
  const { digits, exponent } = dragon4(x, options.dtype ?? "float64", {
    unique,
    cutoffMode: "total",
    cutoffMax: precision < 0 ? -1 : precision + 1,
    cutoffMin: minDigits < 0 ? -1 : minDigits + 1,
  });

  // Unlike positional, scientific trimming keeps a point that had digits after it, even with trim "-".
  const hadPoint = digits.length > 1 || trim !== "-";
  const fraction = trimmedFraction(digits.slice(1), trim, unique ? minDigits : precision);

  const expDigits = optionalCount(options.exp_digits, "exp_digits");
  const exponentText = String(Math.abs(exponent)).padStart(expDigits < 0 ? 2 : expDigits, "0");
  const sign = signPrefix(x, forceSign);
  const padLeft = optionalCount(options.pad_left, "pad_left");
  const mantissa = digits[0] + (hadPoint ? "." : "") + fraction;
  return " ".repeat(Math.max(padLeft - 1 - sign.length, 0)) + sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText;
}

// ---------------------------------------------------------------------------------------------------------
// Element formatters: one per dtype kind, fitted to the values being printed (numpy's FloatingFormat,
// IntegerFormat, BoolFormat)
// ---------------------------------------------------------------------------------------------------------

type ElementFormatter = (value: number) => string;

interface FormatOptions {
  precision: number;
  floatmode: FloatMode;
  suppress: boolean;
  sign: SignMode;
  nanstr: string;
  infstr: string;
}

/** Largest and smallest of a non-empty list (a loop: spreading a long list into Math.max overflows the stack). */
function extremes(values: readonly number[]): { largest: number; smallest: number } {
  let largest = values[0];
  let smallest = values[0];
  for (const v of values) {
    if (v > largest) largest = v;
    if (v < smallest) smallest = v;
  }
  return { largest, smallest };
}

/** Whether the sign bit is set, so -0.0 counts as negative (numpy's `signbit`). */
function signbit(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** The magnitude at which each float dtype switches to scientific notation: 10^min(8, finfo(dtype).precision). */
const SCIENTIFIC_CUTOFF: Record<FloatDType, number> = { float64: 1e8, float32: 1e6 };

/**
 * numpy's FloatingFormat: scientific notation when the finite non-zero values span too much (largest ≥ the
 * dtype's cutoff, or, unless suppressed, smallest < 1e-4 or a ratio over 1000), then padding so that every
 * element has the same width and the decimal points line up.
 */
function floatFormatter(values: readonly number[], dtype: FloatDType, options: FormatOptions): ElementFormatter {
  const finite = values.filter(Number.isFinite);
  // numpy compares in the array's dtype (Python floats are weak scalars), which matters for float32.
  const inDType = dtype === "float32" ? Math.fround : (v: number) => v;
  const magnitudes = finite.filter((v) => v !== 0).map(Math.abs);
  let scientific = false;
  if (magnitudes.length > 0) {
    const { largest, smallest } = extremes(magnitudes);
    scientific =
      largest >= SCIENTIFIC_CUTOFF[dtype] ||
      (!options.suppress && (smallest < inDType(1e-4) || inDType(largest / smallest) > 1000));
  }

  const forceSign = options.sign === "+";
  const fixed = options.floatmode === "fixed";
  let precision = options.floatmode === "unique" ? -1 : options.precision;
  let minDigits = -1;
  let unique = !fixed;
  let trim: TrimMode = fixed ? "k" : ".";
  let padLeft = 0;
  let padRight = 0;
  let expDigits = -1;
  const longest = (parts: string[]) => parts.reduce((width, part) => Math.max(width, part.length), 0);

  if (finite.length > 0 && scientific) {
    const texts = finite.map((v) => format_float_scientific(v, { precision: precision < 0 ? undefined : precision, unique, trim, sign: forceSign, dtype }));
    const [mantissas, exponents] = [texts.map((t) => t.split("e")[0]), texts.map((t) => t.split("e")[1])];
    expDigits = longest(exponents) - 1;
    precision = minDigits = longest(mantissas.map((m) => m.split(".")[1]));
    trim = "k";
    padLeft = longest(mantissas.map((m) => m.split(".")[0]));
    padRight = expDigits + 2 + precision;
  } else if (finite.length > 0) {
    const texts = finite.map((v) => format_float_positional(v, { precision: precision < 0 ? undefined : precision, unique, trim, sign: forceSign, dtype }));
    padLeft = longest(texts.map((t) => t.split(".")[0]));
    padRight = longest(texts.map((t) => t.split(".")[1]));
    if (fixed || options.floatmode === "maxprec_equal") {
      precision = minDigits = padRight;
      trim = "k";
    } else {
      minDigits = 0;
    }
  }
  if (options.sign === " " && !finite.some(signbit)) padLeft += 1;
  if (finite.length < values.length) {
    // nan and inf are right-aligned in the full width; widen the integer part if they would not fit.
    const negativeInfinity = options.sign !== "-" || values.some((v) => v === -Infinity);
    const fractionWidth = padRight + 1;
    padLeft = Math.max(padLeft, options.nanstr.length - fractionWidth, options.infstr.length + (negativeInfinity ? 1 : 0) - fractionWidth);
  }

  const digitOptions = { precision: precision < 0 ? undefined : precision, min_digits: minDigits < 0 ? undefined : minDigits, unique, trim, sign: forceSign, pad_left: padLeft, dtype };
  // Unlike Dragon4, the array formatter gives nan a plus sign too.
  const nonFiniteText = (value: number) =>
    Number.isNaN(value) ? (forceSign ? "+" : "") + options.nanstr : signPrefix(value, forceSign) + options.infstr;
  return (value) => {
    if (!Number.isFinite(value)) return nonFiniteText(value).padStart(padLeft + padRight + 1);
    return scientific
      ? format_float_scientific(value, { ...digitOptions, exp_digits: expDigits })
      : format_float_positional(value, { ...digitOptions, pad_right: padRight });
  };
}

/** numpy's IntegerFormat: right-aligned to the widest of the largest and smallest value. */
function integerFormatter(values: readonly number[], sign: SignMode): ElementFormatter {
  const withSign = (v: number, mode: SignMode) => (v < 0 ? "-" : mode === "-" ? "" : mode) + String(Math.abs(v));
  let width = 0;
  if (values.length > 0) {
    const { largest, smallest } = extremes(values);
    // A space for the sign is pointless when some value has a minus sign anyway.
    if (sign === " " && smallest < 0) sign = "-";
    width = Math.max(withSign(largest, sign).length, withSign(smallest, "-").length);
  }
  return (value) => withSign(value, sign).padStart(width);
}

/** numpy's BoolFormat: ` True` lines up with `False`, except alone in a 0-d array. */
function boolFormatter(zeroDimensional: boolean): ElementFormatter {
  const trueText = zeroDimensional ? "True" : " True";
  return (value) => (value !== 0 ? trueText : "False");
}

function elementFormatter(dtype: DType, values: readonly number[], zeroDimensional: boolean, options: FormatOptions): ElementFormatter {
  if (dtype === "bool") return boolFormatter(zeroDimensional);
  if (dtype === "float64" || dtype === "float32") return floatFormatter(values, dtype, options);
  return integerFormatter(values, options.sign);
}

// ---------------------------------------------------------------------------------------------------------
// Layout of the nested brackets (numpy's _formatArray)
// ---------------------------------------------------------------------------------------------------------

/** Marks the place of the omitted items of a summarised axis. */
const SUMMARY = -1;

/** The indices shown along an axis of `length`: all of them, or the edges around a SUMMARY marker. */
function shownIndices(length: number, summarise: boolean, edgeitems: number): number[] {
  const all = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  if (!summarise || 2 * edgeitems >= length) return all(0, length);
  return [...all(0, edgeitems), SUMMARY, ...all(length - edgeitems, length)];
}

/** The elements that will be printed (the corners of a summarised array), in C order. */
function shownValues(a: NDArray, summarise: boolean, edgeitems: number): number[] {
  const values: number[] = [];
  const walk = (axis: number, at: number) => {
    if (axis === a.ndim) {
      values.push(a.data[at]);
      return;
    }
    for (const i of shownIndices(a.shape[axis], summarise, edgeitems)) {
      if (i !== SUMMARY) walk(axis + 1, at + i * a.strides[axis]);
    }
  };
  walk(0, a.offset);
  return values;
}

/** Appends `word` to the current line, first breaking the line if it would overflow and breaking helps. */
function extendLine(text: string, line: string, word: string, width: number, nextLinePrefix: string): [string, string] {
  if (line.length + word.length > width && line.length > nextLinePrefix.length) {
    text += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [text, line + word];
}

interface LayoutOptions {
  linewidth: number;
  separator: string;
  /** Indentation of continuation lines, beyond the opening bracket: the width of e.g. `array(`. */
  prefix: string;
  summarise: boolean;
  edgeitems: number;
}

/**
 * The nested-bracket text of a non-empty array: rows of the last axis wrap at the line width, higher axes
 * are separated by as many blank lines as they are deep, summarised axes show `...`.
 */
function formatNested(a: NDArray, format: ElementFormatter, layout: LayoutOptions): string {
  const { separator, summarise, edgeitems } = layout;
  const block = (axis: number, at: number, hangingIndent: string, width: number): string => {
    if (axis === a.ndim) return format(a.data[at]);
    const innerIndent = hangingIndent + " ";
    const innerWidth = width - 1; // room for this level's closing bracket
    const items = shownIndices(a.shape[axis], summarise, edgeitems);
    const itemText = (i: number) => (i === SUMMARY ? "..." : block(axis + 1, at + i * a.strides[axis], innerIndent, innerWidth));
    let text = "";
    if (axis === a.ndim - 1) {
      // Elements flow along the line; each must leave room for the separator or the closing bracket.
      const elementWidth = width - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      items.forEach((i, n) => {
        [text, line] = extendLine(text, line, itemText(i), elementWidth, hangingIndent);
        if (n < items.length - 1) line += separator;
      });
      text += line;
    } else {
      const rowSeparator = separator.trimEnd() + "\n".repeat(a.ndim - axis - 1);
      items.forEach((i, n) => {
        text += hangingIndent + itemText(i) + (n < items.length - 1 ? rowSeparator : "");
      });
    }
    return "[" + text.slice(hangingIndent.length) + "]";
  };
  return block(0, a.offset, " " + " ".repeat(layout.prefix.length), layout.linewidth);
}

// ---------------------------------------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------------------------------------

/** Options of numpy's `array2string`, with numpy's keyword names; unset ones come from the print options. */
export interface Array2StringOptions {
  max_line_width?: number;
  precision?: number;
  suppress_small?: boolean;
  /** Between elements: `' '` for str, `', '` for repr. */
  separator?: string;
  /** Text the caller puts before the result; continuation lines are indented by its length. */
  prefix?: string;
  /** Text the caller puts after the result; the last line leaves room for it. */
  suffix?: string;
  threshold?: number;
  edgeitems?: number;
  sign?: SignMode;
  floatmode?: FloatMode;
}

function resolveOptions(options: Array2StringOptions): PrintOptions {
  return {
    ...currentOptions,
    ...validated({
      linewidth: options.max_line_width,
      precision: options.precision,
      suppress: options.suppress_small,
      threshold: options.threshold,
      edgeitems: options.edgeitems,
      sign: options.sign,
      floatmode: options.floatmode,
    }),
  };
}

/** The body of repr/str: brackets and elements, or `[]` for an empty array. */
function arrayText(a: NDArray, resolved: PrintOptions, separator: string, prefix: string, suffix: string): string {
  if (a.size === 0) return "[]";
  const summarise = a.size > resolved.threshold;
  const format = elementFormatter(a.dtype, shownValues(a, summarise, resolved.edgeitems), a.ndim === 0, resolved);
  return formatNested(a, format, {
    linewidth: resolved.linewidth - suffix.length,
    separator,
    prefix,
    summarise,
    edgeitems: resolved.edgeitems,
  });
}

/**
 * The array's elements as text with the given options (numpy's `np.array2string`).
 * @example
 * array2string(np.array([1e-16, 1, 2, 3]), { precision: 2, separator: ",", suppress_small: true }) // '[0.,1.,2.,3.]'
 */
export function array2string(a: NDArray, options: Array2StringOptions = {}): string {
  return arrayText(a, resolveOptions(options), options.separator ?? " ", options.prefix ?? "", options.suffix ?? "");
}

/** The dtypes a repr leaves implicit because its values already say them (numpy's `_typelessdata`). */
const IMPLIED_DTYPES: readonly DType[] = ["float64", "int64", "bool"];

/** A shape as Python writes a tuple: `(3,)`, `(2, 3)`, `()`. */
function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * numpy's `repr(a)` (`np.array_repr`): `array(...)` with the dtype when the values do not imply it, and the
 * shape when the text does not show it (empty or summarised arrays). Also what `console.log(a)` prints.
 * @example
 * array_repr(np.array([[1, 2], [3, 4]]).astype("int32")) // 'array([[1, 2],\n       [3, 4]], dtype=int32)'
 */
export function array_repr(a: NDArray): string {
  const resolved = currentOptions;
  const prefix = "array(";
  const body = arrayText(a, resolved, ", ", prefix, ")");
  const extras: string[] = [];
  if ((a.size === 0 && !(a.ndim === 1 && a.shape[0] === 0)) || a.size > resolved.threshold) extras.push(`shape=${pythonTuple(a.shape)}`);
  if (!IMPLIED_DTYPES.includes(a.dtype) || a.size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return prefix + body + ")";

  const head = prefix + body + ",";
  const tail = extras.join(", ") + ")";
  // The extras go on their own line when they would push the last line past the line width.
  const lastLineLength = head.length - (head.lastIndexOf("\n") + 1);
  const spacer = lastLineLength + tail.length + 1 > resolved.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return head + spacer + tail;
}

/** How numpy's scalars print themselves, which is what `str` of a 0-d array shows. */
function scalarString(value: number, dtype: DType): string {
  if (dtype === "bool") return value !== 0 ? "True" : "False";
  if (dtype !== "float64" && dtype !== "float32") return String(value);
  // Like Python's float repr: positional from 1e-4 up to a dtype-dependent bound, scientific outside.
  const magnitude = Math.abs(value);
  const upper = dtype === "float32" ? 1e6 : 1e16;
  if (magnitude === 0 || Number.isNaN(value) || (magnitude >= 1e-4 && magnitude < upper)) {
    return format_float_positional(value, { trim: "0", dtype });
  }
  return format_float_scientific(value, { trim: "-", dtype });
}

/**
 * numpy's `str(a)` (`np.array_str`): the elements in brackets, space-separated; a 0-d array prints as its scalar.
 * @example
 * array_str(np.array([[1, 2], [3, 4.5]])) // '[[1.  2. ]\n [3.  4.5]]'
 */
export function array_str(a: NDArray): string {
  if (a.ndim === 0) return scalarString(a.data[a.offset], a.dtype);
  return arrayText(a, currentOptions, " ", "", "");
}

// ---------------------------------------------------------------------------------------------------------
// HTML for notebooks
// ---------------------------------------------------------------------------------------------------------

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const GAP = "...";

/**
 * The notebook's HTML view of an array (not a numpy function): a table for 0-, 1- and 2-d arrays with the
 * elements formatted as repr formats them and large arrays summarised with `...` cells; higher dimensions
 * and empty arrays as numpy's `str` in a `<pre>`. A caption gives the shape and dtype.
 * @example
 * array_html(np.eye(2)) // a <table> of 2 rows of cells "1." "0." / "0." "1.", captioned "shape (2, 2) · float64"
 */
export function array_html(a: NDArray): string {
  const caption = `<caption style="caption-side: bottom; text-align: left">shape ${escapeHtml(pythonTuple(a.shape))} · ${a.dtype}</caption>`;
  if (a.ndim > 2 || a.size === 0) {
    return `<div class="tsdl-ndarray"><pre>${escapeHtml(array_str(a))}</pre><div>shape ${escapeHtml(pythonTuple(a.shape))} · ${a.dtype}</div></div>`;
  }
  const resolved = currentOptions;
  const summarise = a.size > resolved.threshold;
  const format = elementFormatter(a.dtype, shownValues(a, summarise, resolved.edgeitems), a.ndim === 0, resolved);
  const rowCount = a.ndim === 2 ? a.shape[0] : 1;
  const columnCount = a.ndim === 0 ? 1 : a.shape[a.ndim - 1];
  const rowStride = a.ndim === 2 ? a.strides[0] : 0;
  const columnStride = a.ndim === 0 ? 0 : a.strides[a.ndim - 1];
  const rows = shownIndices(rowCount, summarise, resolved.edgeitems);
  const columns = shownIndices(columnCount, summarise, resolved.edgeitems);
  const cell = (row: number, column: number) =>
    row === SUMMARY || column === SUMMARY ? GAP : escapeHtml(format(a.data[a.offset + row * rowStride + column * columnStride]).trim());
  const body = rows
    .map((row) => `<tr>${columns.map((column) => `<td style="text-align: right">${cell(row, column)}</td>`).join("")}</tr>`)
    .join("");
  return `<table class="tsdl-ndarray" style="font-family: monospace">${caption}${body}</table>`;
}
