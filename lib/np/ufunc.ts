/**
 * Elementwise operations with broadcasting (numpy's ufuncs). Each is described by the dtype of its result
 * and a loop expression per result dtype; one driver serves them all.
 */
import { castScalar, checkIntegerFits, floatResult, isFloat, isInteger, resultType, type DType } from "./dtype";
import { ValueError, formatShape } from "./errors";
import { takeTemporary } from "./temporaries";
import { DTYPE_CODE, elementwise, elementwiseFlat, nativeElementwise, nativeTakes, type FlatInput, type KernelHelpers } from "./kernels";
import { NDArray, array, asarray, broadcastShapes, broadcastTo, castExpression, empty, sameShape, type ArrayLike } from "./ndarray";

/** Where to write a result instead of a new array (numpy's `out=`); must have the broadcast shape. */
export interface OutOptions {
  out?: NDArray;
}

// A NaN's sign is only visible in its bits: read them through a shared buffer (little-endian: high word second).
const signBits = new Float64Array(1);
const signWords = new Uint32Array(signBits.buffer);

/** Whether x's sign bit is set: true for -0 and a negative NaN too (C's signbit). */
function hasSignBit(x: number): boolean {
  if (x === x) return x < 0 || (x === 0 && 1 / x < 0);
  signBits[0] = x;
  return signWords[1] >>> 31 === 1;
}

const helpers: KernelHelpers = {
  // numpy's mod takes the sign of the divisor; integer division by zero gives 0.
  modFloat(x, y) {
    const r = x % y;
    if (r !== 0 && r < 0 !== y < 0) return r + y;
    return r === 0 ? (y < 0 ? -0 : 0) : r;
  },
  modInt(x, y) {
    if (y === 0) return 0;
    const r = x % y;
    return r !== 0 && r < 0 !== y < 0 ? r + y : r;
  },
  // npy_divmod's quotient: exact where x / y would round across an integer.
  floorDivFloat(x, y) {
    if (y === 0) return x / y;
    let mod = x % y;
    let div = (x - mod) / y;
    if (mod !== 0 && y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
    if (div === 0) return x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
    const floor = Math.floor(div);
    return div - floor > 0.5 ? floor + 1 : floor;
  },
  floorDivInt(x, y) {
    return y === 0 ? 0 : Math.floor(x / y);
  },
  // C's pow, which JS's ** departs from: 1 to any power, and -1 to ±inf, are 1 (JS says NaN).
  pow(x, y) {
    return x === 1 || (x === -1 && (y === Infinity || y === -Infinity)) ? 1 : x ** y;
  },
  powerInt(x, y) {
    if (y < 0) throw new ValueError("Integers to negative integer powers are not allowed.");
    return x ** y;
  },
  signbit: (x) => (hasSignBit(x) ? 1 : 0),
  copysign(x, y) {
    return hasSignBit(y) ? -Math.abs(x) : Math.abs(x);
  },
  // npy_logaddexp: exact for equal arguments (infinities of one sign included), NaN when either is NaN.
  logaddexp(x, y) {
    if (x === y) return x + Math.LN2;
    const d = x - y;
    return d > 0 ? x + Math.log1p(Math.exp(-d)) : d <= 0 ? y + Math.log1p(Math.exp(d)) : d;
  },
  logaddexp2(x, y) {
    if (x === y) return x + 1;
    const d = x - y;
    return d > 0 ? x + Math.LOG2E * Math.log1p(2 ** -d) : d <= 0 ? y + Math.LOG2E * Math.log1p(2 ** d) : d;
  },
  sign(x) {
    return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x;
  },
  // C's rint in the default rounding mode: halfway cases go to the even neighbour (Math.round goes up).
  rint(x) {
    const r = Math.round(x);
    return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
  },
};

type Expression = string | ((dtype: DType) => string);

interface Ufunc {
  readonly name: string;
  /** Result dtype from the operands' dtype (already promoted for binary ufuncs). */
  readonly result: (dtype: DType) => DType;
  /** Loop expression for the promoted dtype, over `x` and `y`. */
  readonly expression: Expression;
  /**
   * How a Python-like scalar operand joins the loop: cast to the promoted dtype (arithmetic, raising
   * OverflowError when it does not fit, as numpy 2), to the float result (division), or kept exact (comparisons).
   */
  readonly scalars: "promoted" | "result" | "exact";
  /** Loop expressions already built, by (computed dtype, stored dtype) code: built once, not per call. */
  readonly loops: string[];
}

const same = (dtype: DType) => dtype;
const toBool = (): DType => "bool";
const toFloat = (dtype: DType): DType => (isFloat(dtype) ? dtype : "float64");

function rejectBool(message: string) {
  return (dtype: DType): DType => {
    if (dtype === "bool") throw new TypeError(message);
    return dtype;
  };
}

/** The loop expression over operands of dtype `computed` whose result is stored into an array of `into`. */
function loopExpression(ufunc: Ufunc, computed: DType, into: DType): string {
  const code = DTYPE_CODE[computed] * 6 + DTYPE_CODE[into];
  let loop = ufunc.loops[code];
  if (loop === undefined) {
    loop = storeExpression(typeof ufunc.expression === "string" ? ufunc.expression : ufunc.expression(computed), ufunc.result(computed), into);
    ufunc.loops[code] = loop;
  }
  return loop;
}

/** Casts an operand to the dtype the loop computes in, only when the stored values would differ. */
function computeDType(operand: NDArray, dtype: DType): NDArray {
  return operand.dtype === dtype || castExpression(operand.dtype, dtype) === "x" ? operand : operand.astype(dtype);
}

function prepareOut(shape: readonly number[], dtype: DType, out: NDArray | undefined): NDArray {
  if (!out) return empty(shape, dtype, "unspecified");
  if (out.shape.length !== shape.length || out.shape.some((n, i) => n !== shape[i])) {
    throw new ValueError(`non-broadcastable output operand with shape ${formatShape(out.shape)} doesn't match the broadcast shape ${formatShape(shape)}`);
  }
  return out;
}

/** Applies a binary ufunc with numpy's broadcasting and type promotion. */
function applyBinary(ufunc: Ufunc, a: ArrayLike, b: ArrayLike, out?: NDArray): NDArray {
  const flat = out === undefined ? flatBinary(ufunc, a, b) : null;
  if (flat) return flat;
  const promoted = resultType(operandKind(a), operandKind(b));
  const dtype = ufunc.result(promoted);
  const x = computeDType(operand(ufunc, a, promoted, dtype), promoted);
  const y = computeDType(operand(ufunc, b, promoted, dtype), promoted);
  const shape = sameShape(x.shape, y.shape) ? x.shape : broadcastShapes(x.shape, y.shape);
  const target = prepareOut(shape, dtype, out);
  const operands = [target, broadcastTo(x, shape), broadcastTo(y, shape)];
  if (!nativeElementwise(ufunc.name, shape, operands)) {
    elementwise(loopExpression(ufunc, promoted, target.dtype), shape, operands, 0, helpers);
  }
  return target;
}

/**
 * applyBinary for contiguous arrays of one shape and the promoted dtype, or such an array and a number,
 * where the native backend would not take the work: the per-call cost of tiny arrays, with the same values
 * (scalars join as `operand` and `computeDType` would make them). Null when the operands are not that case.
 */
function flatBinary(ufunc: Ufunc, a: ArrayLike, b: ArrayLike): NDArray | null {
  const arrayA = a instanceof NDArray;
  const arrayB = b instanceof NDArray;
  if (!(arrayA || typeof a === "number") || !(arrayB || typeof b === "number") || !(arrayA || arrayB)) return null;
  if ((arrayA && !a.isContiguous) || (arrayB && !b.isContiguous) || (arrayA && arrayB && !sameShape(a.shape, b.shape))) return null;
  const promoted = resultType(a as NDArray | number, b as NDArray | number);
  if ((arrayA && a.dtype !== promoted) || (arrayB && b.dtype !== promoted)) return null;
  const shape = (arrayA ? a : (b as NDArray)).shape;
  const size = (arrayA ? a : (b as NDArray)).size;
  if (nativeTakes(ufunc.name, 2, size) && promoted === "float64") return null;
  const dtype = ufunc.result(promoted);
  const x: FlatInput = arrayA ? a : scalarValue(ufunc, a as number, promoted, dtype);
  const y: FlatInput = arrayB ? b : scalarValue(ufunc, b as number, promoted, dtype);
  const target = empty(shape, dtype, "unspecified");
  elementwiseFlat(loopExpression(ufunc, promoted, dtype), size, target, [x, y], helpers);
  return target;
}

/** Applies a unary ufunc; a temporary argument of the result's dtype receives the result (np/temporaries). */
function applyUnary(ufunc: Ufunc, a: ArrayLike, out?: NDArray): NDArray {
  const x = asarray(a);
  const dtype = ufunc.result(x.dtype);
  if (takeTemporary(a) && out === undefined && x.isContiguous && x.dtype === dtype) out = x;
  if (out === undefined && x.isContiguous && !(x.dtype === "float64" && nativeTakes(ufunc.name, 1, x.size))) {
    const target = empty(x.shape, dtype, "unspecified");
    elementwiseFlat(loopExpression(ufunc, x.dtype, dtype), x.size, target, [x], helpers);
    return target;
  }
  const target = prepareOut(x.shape, dtype, out);
  if (!nativeElementwise(ufunc.name, x.shape, [target, x])) {
    elementwise(loopExpression(ufunc, x.dtype, target.dtype), x.shape, [target, x], 0, helpers);
  }
  return target;
}

/**
 * Wraps an expression so that its value is stored as `into` holds it: cast for an `out=` of another dtype,
 * and `+ 0` for int64 (kept in a Float64Array), which must never hold -0.
 */
function storeExpression(expression: string, computed: DType, into: DType): string {
  const stored = castExpression(computed, into, `(${expression})`);
  return into === "int64" ? `${stored} + 0` : stored;
}

/** The dtype a scalar operand joins the loop in, by the ufunc's `scalars` rule (numpy 2's OverflowError when it does not fit). */
function scalarDTypeFor(ufunc: Ufunc, value: number | boolean, promoted: DType, result: DType): DType {
  if (ufunc.scalars === "exact") return typeof value === "boolean" ? "bool" : "float64";
  const dtype = ufunc.scalars === "result" ? result : promoted;
  if (typeof value === "number") checkIntegerFits(dtype, value);
  return dtype;
}

/** An operand as an array: scalars join in the dtype the ufunc's `scalars` rule says. */
function operand(ufunc: Ufunc, value: ArrayLike, promoted: DType, result: DType): NDArray {
  if (typeof value !== "number" && typeof value !== "boolean") return asarray(value);
  return asarray(value, { dtype: scalarDTypeFor(ufunc, value, promoted, result) });
}

/** The value a number operand has in the loop: what `computeDType(operand(...))` would hold in its one element. */
function scalarValue(ufunc: Ufunc, value: number, promoted: DType, result: DType): number {
  const dtype = scalarDTypeFor(ufunc, value, promoted, result);
  const stored = castScalar(dtype, value);
  return dtype === promoted || castExpression(dtype, promoted) === "x" ? stored : castScalar(promoted, stored);
}

type Kind = { dtype: DType } | number | boolean;
function operandKind(value: ArrayLike): Kind {
  if (value instanceof NDArray) return value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return asarray(value);
}

function binary(name: string, result: (dtype: DType) => DType, expression: Expression, scalars: Ufunc["scalars"] = "promoted") {
  const ufunc: Ufunc = { name, result, expression, scalars, loops: [] };
  return (a: ArrayLike, b: ArrayLike, options: OutOptions = {}): NDArray => applyBinary(ufunc, a, b, options.out);
}

function unary(name: string, result: (dtype: DType) => DType, expression: Expression) {
  const ufunc: Ufunc = { name, result, expression, scalars: "promoted", loops: [] };
  return (a: ArrayLike, options: OutOptions = {}): NDArray => applyUnary(ufunc, a, options.out);
}

/** `a + b` elementwise with broadcasting (numpy's `np.add`); bool + bool is logical or. @example np.add(a, 1) */
export const add = binary("add", same, (t) => (t === "bool" ? "x | y" : "x + y"));
/** `a - b` (numpy's `np.subtract`). @example np.subtract(a, b) */
export const subtract = binary(
  "subtract",
  rejectBool("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."),
  "x - y",
);
/** `a * b` (numpy's `np.multiply`). @example np.multiply(a, 2) */
export const multiply = binary("multiply", same, (t) => (t === "bool" ? "x & y" : t === "int32" ? "Math.imul(x, y)" : "x * y"));
/** `a / b`, true division: integers give float64 (numpy's `np.divide`). @example np.divide(A, cal.reshape(1, 4)) */
export const divide = binary("divide", toFloat, "x / y", "result");
/** `a // b`, rounded toward −∞ (numpy's `np.floor_divide`). @example np.floor_divide(7, 2) // array(3) */
export const floor_divide = binary("floor_divide", same, (t) => (isFloat(t) ? "f.floorDivFloat(x, y)" : "f.floorDivInt(x, y)"));
/** Remainder with the sign of the divisor (numpy's `np.mod`). @example np.mod(-1, 3) // array(2) */
export const mod = binary("mod", same, (t) => (isFloat(t) ? "f.modFloat(x, y)" : "f.modInt(x, y)"));
/** `a ** b` (numpy's `np.power`). @example np.power(a, 2) */
export const power = binary("power", same, (t) => (isInteger(t) || t === "bool" ? "f.powerInt(x, y)" : "f.pow(x, y)"));
/** Elementwise larger value; NaN propagates (numpy's `np.maximum`). @example np.maximum(0, Z) */
export const maximum = binary("maximum", same, "x > y || x !== x ? x : y");
/** Elementwise smaller value; NaN propagates (numpy's `np.minimum`). @example np.minimum(a, 1) */
export const minimum = binary("minimum", same, "x < y || x !== x ? x : y");
/** `a == b` elementwise, a bool array (numpy's `np.equal`). @example np.equal(a, 0) */
export const equal = binary("equal", toBool, "x === y", "exact");
/** `a != b` elementwise (numpy's `np.not_equal`). @example np.not_equal(a, b) */
export const not_equal = binary("not_equal", toBool, "x !== y", "exact");
/** `a > b` elementwise (numpy's `np.greater`). @example np.greater(a, 0) */
export const greater = binary("greater", toBool, "x > y", "exact");
/** `a >= b` elementwise (numpy's `np.greater_equal`). @example np.greater_equal(a, 0) */
export const greater_equal = binary("greater_equal", toBool, "x >= y", "exact");
/** `a < b` elementwise (numpy's `np.less`). @example np.less(a, 0) */
export const less = binary("less", toBool, "x < y", "exact");
/** `a <= b` elementwise (numpy's `np.less_equal`). @example np.less_equal(Z, 0) */
export const less_equal = binary("less_equal", toBool, "x <= y", "exact");
/** Elementwise larger value, ignoring NaN unless both are NaN (numpy's `np.fmax`). @example np.fmax(a, 0) */
export const fmax = binary("fmax", same, "x >= y || y !== y ? x : y");
/** Elementwise smaller value, ignoring NaN unless both are NaN (numpy's `np.fmin`). @example np.fmin(a, 1) */
export const fmin = binary("fmin", same, "x <= y || y !== y ? x : y");
/** Angle of the point (x2, x1) in radians, in [-π, π] (numpy's `np.arctan2`). @example np.arctan2(y, x) */
export const arctan2 = binary("arctan2", floatResult, "Math.atan2(x, y)", "result");
/** √(x1² + x2²) without intermediate overflow (numpy's `np.hypot`). @example np.hypot(3, 4) // array(5.) */
export const hypot = binary("hypot", floatResult, "Math.hypot(x, y)", "result");
/** Elementwise `a and b` on truth values (numpy's `np.logical_and`). @example np.logical_and(a.gt(0), a.lt(1)) */
export const logical_and = binary("logical_and", toBool, "x !== 0 && y !== 0", "exact");
/** Elementwise `a or b` (numpy's `np.logical_or`). @example np.logical_or(m1, m2) */
export const logical_or = binary("logical_or", toBool, "x !== 0 || y !== 0", "exact");
/** Elementwise `a xor b` on truth values (numpy's `np.logical_xor`). @example np.logical_xor(a.gt(0), b.gt(0)) */
export const logical_xor = binary("logical_xor", toBool, "(x !== 0) !== (y !== 0)", "exact");
/** log(e^x1 + e^x2) without overflow (numpy's `np.logaddexp`). @example np.logaddexp(-1000, -1000) // array(-999.30685282) */
export const logaddexp = binary("logaddexp", floatResult, "f.logaddexp(x, y)", "result");
/** log2(2^x1 + 2^x2) without overflow (numpy's `np.logaddexp2`). @example np.logaddexp2(3, 3) // array(4.) */
export const logaddexp2 = binary("logaddexp2", floatResult, "f.logaddexp2(x, y)", "result");
/** The magnitude of x1 with the sign of x2, -0 and NaN's sign included (numpy's `np.copysign`). @example np.copysign(3, -2.5) // array(-3.) */
export const copysign = binary("copysign", floatResult, "f.copysign(x, y)", "result");
/**
 * Step function: 0 for x1 < 0, `x2` where x1 is 0, 1 for x1 > 0, NaN for NaN (numpy's `np.heaviside`).
 * @example np.heaviside(np.array([-1, 0, 2]), 0.5) // array([0. , 0.5, 1. ])
 */
export const heaviside = binary("heaviside", floatResult, "x !== x ? NaN : x === 0 ? y : x < 0 ? 0 : 1", "result");
/**
 * `a ** b` computed in float64 whatever the inputs, so negative integer powers work (numpy's `np.float_power`).
 * @example np.float_power(2, -1) // array(0.5)
 */
export const float_power = binary("float_power", () => "float64", "f.pow(x, y)", "result");
/** Remainder with the sign of the divisor; the same function as `mod` (numpy's `np.remainder`). @example np.remainder(-1, 3) // array(2) */
export const remainder = mod;
/** `a / b`, true division; the same function as `divide` (numpy's `np.true_divide`). @example np.true_divide(1, 4) // array(0.25) */
export const true_divide = divide;

/** `-a` (numpy's `np.negative`). @example np.negative(a) */
export const negative = unary(
  "negative",
  rejectBool("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."),
  "-x",
);
/** Absolute value (numpy's `np.abs`). @example np.abs(np.array([-1, 2])) // array([1, 2]) */
export const abs = unary("absolute", same, "Math.abs(x)");
/** e^x (numpy's `np.exp`). @example np.exp(np.array([0, 1])) */
export const exp = unary("exp", floatResult, "Math.exp(x)");
/** Natural logarithm (numpy's `np.log`). @example np.log(A) */
export const log = unary("log", floatResult, "Math.log(x)");
/** log(1 + x), accurate for small x (numpy's `np.log1p`). @example np.log1p(1e-10) */
export const log1p = unary("log1p", floatResult, "Math.log1p(x)");
/** Square root (numpy's `np.sqrt`). @example np.sqrt(4) */
export const sqrt = unary("sqrt", floatResult, "Math.sqrt(x)");
/** `x * x` (numpy's `np.square`). @example np.square(a) */
export const square = unary("square", (t) => (t === "bool" ? "int32" : t), (t) => (t === "int32" ? "Math.imul(x, x)" : "x * x"));
/** Hyperbolic tangent (numpy's `np.tanh`). @example np.tanh(Z) */
export const tanh = unary("tanh", floatResult, "Math.tanh(x)");
/** Sine (numpy's `np.sin`). @example np.sin(x) */
export const sin = unary("sin", floatResult, "Math.sin(x)");
/** Cosine (numpy's `np.cos`). @example np.cos(x) */
export const cos = unary("cos", floatResult, "Math.cos(x)");
/** Tangent (numpy's `np.tan`). @example np.tan(x) */
export const tan = unary("tan", floatResult, "Math.tan(x)");
/** Inverse sine, in [-π/2, π/2] (numpy's `np.arcsin`). @example np.arcsin(1) */
export const arcsin = unary("arcsin", floatResult, "Math.asin(x)");
/** Inverse cosine, in [0, π] (numpy's `np.arccos`). @example np.arccos(0) */
export const arccos = unary("arccos", floatResult, "Math.acos(x)");
/** Inverse tangent, in [-π/2, π/2] (numpy's `np.arctan`). @example np.arctan(1) */
export const arctan = unary("arctan", floatResult, "Math.atan(x)");
/** Hyperbolic sine (numpy's `np.sinh`). @example np.sinh(x) */
export const sinh = unary("sinh", floatResult, "Math.sinh(x)");
/** Hyperbolic cosine (numpy's `np.cosh`). @example np.cosh(x) */
export const cosh = unary("cosh", floatResult, "Math.cosh(x)");
/** Base-2 logarithm (numpy's `np.log2`). @example np.log2(8) // array(3.) */
export const log2 = unary("log2", floatResult, "Math.log2(x)");
/** Base-10 logarithm (numpy's `np.log10`). @example np.log10(1000) // array(3.) */
export const log10 = unary("log10", floatResult, "Math.log10(x)");
/** 2^x (numpy's `np.exp2`). @example np.exp2(3) // array(8.) */
export const exp2 = unary("exp2", floatResult, "2 ** x");
/** e^x − 1, accurate for small x (numpy's `np.expm1`). @example np.expm1(1e-10) */
export const expm1 = unary("expm1", floatResult, "Math.expm1(x)");
/** Largest integer ≤ x; integers keep their dtype (numpy's `np.floor`). @example np.floor(-1.5) // array(-2.) */
export const floor = unary("floor", same, (t) => (isFloat(t) ? "Math.floor(x)" : "x"));
/** Smallest integer ≥ x; integers keep their dtype (numpy's `np.ceil`). @example np.ceil(-1.5) // array(-1.) */
export const ceil = unary("ceil", same, (t) => (isFloat(t) ? "Math.ceil(x)" : "x"));
/** x with its fraction dropped, rounding toward zero (numpy's `np.trunc`). @example np.trunc(-1.7) // array(-1.) */
export const trunc = unary("trunc", same, (t) => (isFloat(t) ? "Math.trunc(x)" : "x"));
/** Nearest integer, halves to even; integers give floats (numpy's `np.rint`). @example np.rint([0.5, 1.5]) // array([0., 2.]) */
export const rint = unary("rint", floatResult, (t) => (isFloat(t) ? "f.rint(x)" : "x"));

/**
 * numpy's integer reciprocal is C's `1.0 / x` cast back to the integer type: 1/0 = inf casts to the most
 * negative 32- or 64-bit integer, which an 8-bit type (and bool, whose result numpy holds in int8) truncates to 0.
 */
const RECIPROCAL_OF_ZERO: Partial<Record<DType, number>> = { bool: 0, uint8: 0, int32: -(2 ** 31), int64: -(2 ** 63) };

/**
 * 1/x; integers stay integers, so only ±1 give a non-zero result (numpy's `np.reciprocal`). numpy answers
 * bool in int8, which tsdl does not have: int32 holds the same values.
 * @example np.reciprocal(np.array([1, 2, 4.0])) // array([1.  , 0.5 , 0.25])
 */
export const reciprocal = unary(
  "reciprocal",
  (t) => (t === "bool" ? "int32" : t),
  (t) => (isFloat(t) ? "1 / x" : `x === 0 ? ${RECIPROCAL_OF_ZERO[t]} : Math.trunc(1 / x)`),
);
/** -1, 0 or 1 by sign; NaN stays NaN (numpy's `np.sign`). @example np.sign(a) */
export const sign = unary(
  "sign",
  rejectBool("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"),
  "f.sign(x)",
);
/** Whether each element is NaN (numpy's `np.isnan`). @example np.isnan(a).any() */
export const isnan = unary("isnan", toBool, "x !== x");
/** Whether each element is finite (numpy's `np.isfinite`). @example np.isfinite(a) */
export const isfinite = unary("isfinite", toBool, "x - x === 0");
/** Elementwise `not a` (numpy's `np.logical_not`). @example np.logical_not(mask) */
export const logical_not = unary("logical_not", toBool, "x === 0");
/** Whether each element is +∞ or −∞ (numpy's `np.isinf`). @example np.isinf(np.array([1, Infinity, NaN])) // array([False,  True, False]) */
export const isinf = unary("isinf", toBool, "x === Infinity || x === -Infinity");
/** Whether each element is +∞ (numpy's `np.isposinf`). @example np.isposinf(a) */
export const isposinf = unary("isposinf", toBool, "x === Infinity");
/** Whether each element is −∞ (numpy's `np.isneginf`). @example np.isneginf(a) */
export const isneginf = unary("isneginf", toBool, "x === -Infinity");
/** Whether each element's sign bit is set, so true for -0 (numpy's `np.signbit`). @example np.signbit(np.array([-0, 1], { dtype: "float64" })) // array([ True, False]) */
export const signbit = unary("signbit", toBool, "f.signbit(x)");
/** Absolute value as a float; integers give floats (numpy's `np.fabs`). @example np.fabs(np.array([-1, 2])) // array([1., 2.]) */
export const fabs = unary("fabs", floatResult, "Math.abs(x)");
/** Cube root, negative for negative x (numpy's `np.cbrt`). @example np.cbrt(-8) // array(-2.) */
export const cbrt = unary("cbrt", floatResult, "Math.cbrt(x)");

/**
 * `x * factor` with numpy's constant: npymath's `180.0f / NPY_PIf` (or its inverse) computed in the float
 * type of the result, so float32 multiplies by a float32 quotient of float32 π, not by a rounded float64 one.
 */
function scaling(factor: (pi: number) => number): (dtype: DType) => string {
  return (dtype) => `x * ${floatResult(dtype) === "float32" ? Math.fround(factor(Math.fround(Math.PI))) : factor(Math.PI)}`;
}
/** Degrees to radians (numpy's `np.deg2rad`). @example np.deg2rad(180) // array(3.14159265) */
export const deg2rad = unary("deg2rad", floatResult, scaling((pi) => pi / 180));
/** Radians to degrees (numpy's `np.rad2deg`). @example np.rad2deg(np.pi) // array(180.) */
export const rad2deg = unary("rad2deg", floatResult, scaling((pi) => 180 / pi));
/** Radians to degrees; the same as `rad2deg` (numpy's `np.degrees`). @example np.degrees(np.pi / 2) // array(90.) */
export const degrees = rad2deg;
/** Degrees to radians; the same as `deg2rad` (numpy's `np.radians`). @example np.radians(90) // array(1.57079633) */
export const radians = deg2rad;

/**
 * Elementwise choice: `x` where `condition` is true, else `y`, all broadcast together (numpy's `np.where`).
 * @example np.where(Z.gt(0), Z, 0)   // ReLU
 */
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray {
  const dtype = resultType(operandKind(x), operandKind(y));
  const c = asarray(condition);
  const a = computeDType(asarray(x, typeof x === "object" ? {} : { dtype }), dtype);
  const b = computeDType(asarray(y, typeof y === "object" ? {} : { dtype }), dtype);
  const shape = broadcastShapes(c.shape, a.shape, b.shape);
  const out = empty(shape, dtype);
  elementwise("x !== 0 ? y : z", shape, [out, broadcastTo(c, shape), broadcastTo(a, shape), broadcastTo(b, shape)]);
  return out;
}

/**
 * Limits values to `[min, max]`; either bound may be `null` (numpy's `np.clip`).
 * @example np.clip(np.array([-1, 0.5, 2]), 0, 1) // array([0. , 0.5, 1. ])
 */
export function clip(a: ArrayLike, min: ArrayLike | null, max: ArrayLike | null, options: OutOptions = {}): NDArray {
  if (min === null && max === null) throw new ValueError("One of max or min must be given");
  if (min === null) return minimum(a, max!, options);
  if (max === null) return maximum(a, min, options);
  return minimum(maximum(a, min), max, options);
}

/**
 * numpy's power_of_ten (PyArray_Round's scale): exact table entries up to 1e8, repeated multiplication by 10
 * above, which is not always the nearest double to 10^n.
 */
function powerOfTen(n: number): number {
  if (n < 9) return 10 ** n;
  let scale = 1e9;
  for (let k = 9; k < n; k++) scale *= 10;
  return scale;
}

/**
 * Rounds to `decimals` decimal places, halves to even (numpy's `np.round`/`np.around`): scaled by 10^decimals,
 * `rint`, scaled back, so `round(2.675, 2)` is 2.67 as in numpy. Integers stay integers; negative `decimals`
 * round to tens, hundreds, ….
 * @example
 * np.round(np.array([0.5, 1.5, 2.5]))   // array([0., 2., 2.])
 * np.round(np.array([3.14159]), 2)     // array([3.14])
 * np.round(np.array([1234, 1250]), -2) // array([1200, 1200])
 */
export function round(a: ArrayLike, decimals = 0, options: OutOptions = {}): NDArray {
  if (!Number.isInteger(decimals)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const x = asarray(a);
  const integral = isInteger(x.dtype);
  if (decimals >= 0 && integral) return options.out ? options.out.assign(x) : x.copy();
  if (decimals === 0) return rint(x, options);
  const [scale, unscale] = decimals > 0 ? [multiply, divide] : [divide, multiply];
  // numpy scales into an output of the input's dtype, which bool cannot hold (same_kind casting).
  if (x.dtype === "bool" && !options.out) {
    throw new TypeError(`Cannot cast ufunc '${decimals > 0 ? "multiply" : "divide"}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'`);
  }
  // Integers round in float64 and are cast back, as PyArray_Round does.
  const target = options.out ?? empty(x.shape, integral ? "float64" : x.dtype, "unspecified");
  const factor = powerOfTen(Math.abs(decimals));
  scale(x, factor, { out: target });
  rint(target, { out: target });
  unscale(target, factor, { out: target });
  return integral && !options.out ? target.astype(x.dtype) : target;
}

export interface NanToNumOptions {
  /** Replace in `x` itself when it already is a float array (numpy's `copy=False`); a copy by default. */
  copy?: boolean;
  /** What NaN becomes; 0 by default. */
  nan?: number | boolean;
  /** What +∞ becomes; the largest finite value of the dtype by default. */
  posinf?: number | boolean | null;
  /** What −∞ becomes; the most negative finite value of the dtype by default. */
  neginf?: number | boolean | null;
}

const LARGEST_FINITE: Partial<Record<DType, number>> = { float32: 3.4028234663852886e38, float64: Number.MAX_VALUE };

/**
 * NaN and ±∞ replaced by finite numbers (numpy's `np.nan_to_num`); the replacements are cast to the array's
 * dtype, so a value too large for float32 becomes ∞ there as in numpy. Arrays that cannot hold NaN (integers,
 * bool) come back unchanged.
 * @example np.nan_to_num(np.array([NaN, Infinity, -1])) // array([ 0.00000000e+000,  1.79769313e+308, -1.00000000e+000])
 */
export function nan_to_num(x: ArrayLike, options: NanToNumOptions = {}): NDArray {
  const a = options.copy === false ? asarray(x) : array(x);
  const largest = LARGEST_FINITE[a.dtype];
  if (largest === undefined) return a;
  const nan = castScalar(a.dtype, options.nan ?? 0);
  const posinf = castScalar(a.dtype, options.posinf ?? largest);
  const neginf = castScalar(a.dtype, options.neginf ?? -largest);
  const replace = (v: number) => (v !== v ? nan : v === Infinity ? posinf : v === -Infinity ? neginf : v);
  elementwise("f.replace(x)", a.shape, [a, a], 0, { replace });
  return a;
}
