/**
 * Elementwise operations with broadcasting (numpy's ufuncs). Each is described by the dtype of its result
 * and a loop expression per result dtype; one driver serves them all.
 */
import { castScalar, floatResult, isFloat, isInteger, resultType, type DType } from "./dtype";
import { OverflowError, ValueError, formatShape } from "./errors";
import { DTYPE_CODE, elementwise, elementwiseFlat, nativeElementwise, nativeTakes, type FlatInput, type KernelHelpers } from "./kernels";
import { NDArray, asarray, broadcastShapes, broadcastTo, castExpression, empty, sameShape, type ArrayLike } from "./ndarray";

/** Where to write a result instead of a new array (numpy's `out=`); must have the broadcast shape. */
export interface OutOptions {
  out?: NDArray;
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
  powerInt(x, y) {
    if (y < 0) throw new ValueError("Integers to negative integer powers are not allowed.");
    return x ** y;
  },
  sign(x) {
    return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x;
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

/** Applies a unary ufunc. */
function applyUnary(ufunc: Ufunc, a: ArrayLike, out?: NDArray): NDArray {
  const x = asarray(a);
  const dtype = ufunc.result(x.dtype);
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

const INT_RANGE: Partial<Record<DType, [number, number]>> = { uint8: [0, 255], int32: [-(2 ** 31), 2 ** 31 - 1] };

/** The dtype a scalar operand joins the loop in, by the ufunc's `scalars` rule (numpy 2's OverflowError when it does not fit). */
function scalarDTypeFor(ufunc: Ufunc, value: number | boolean, promoted: DType, result: DType): DType {
  if (ufunc.scalars === "exact") return typeof value === "boolean" ? "bool" : "float64";
  const dtype = ufunc.scalars === "result" ? result : promoted;
  const range = INT_RANGE[dtype];
  if (range && typeof value === "number" && (value < range[0] || value > range[1])) {
    throw new OverflowError(`Python integer ${value} out of bounds for ${dtype}`);
  }
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
export const power = binary("power", same, (t) => (isInteger(t) || t === "bool" ? "f.powerInt(x, y)" : "x ** y"));
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
/** Elementwise `a and b` on truth values (numpy's `np.logical_and`). @example np.logical_and(a.gt(0), a.lt(1)) */
export const logical_and = binary("logical_and", toBool, "x !== 0 && y !== 0", "exact");
/** Elementwise `a or b` (numpy's `np.logical_or`). @example np.logical_or(m1, m2) */
export const logical_or = binary("logical_or", toBool, "x !== 0 || y !== 0", "exact");

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
