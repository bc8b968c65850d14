/**
 * The runtime side of NumPy-style operators in notebook cells. The kernel rewrites `A * 2` to
 * `__tsdl_ops.mul(A, 2)` where the type checker says an operand is an NDArray (kernel/operators.ts); these
 * helpers run numpy's ufunc for it, and their overloads give the rewritten call its type (NDArray).
 * Outside a notebook, call the NDArray methods (`A.mul(2)`) or the np functions instead.
 */
import { resultType, type DType } from "../np/dtype";
import { NDArray, asarray, type ArrayLike } from "../np/ndarray";
import { markTemporary, takeTemporary } from "../np/temporaries";
import * as ufunc from "../np/ufunc";

/** A binary operator: an NDArray on either side gives an NDArray; operands typed as a union with NDArray are decided at run time. */
export interface ArrayOperator {
  (a: NDArray, b: ArrayLike): NDArray;
  (a: ArrayLike, b: NDArray): NDArray;
  (a: ArrayLike, b: ArrayLike): NDArray | number;
}

/** A comparison: a bool NDArray when either side is an NDArray, JavaScript's boolean otherwise. */
export interface ArrayComparison {
  (a: NDArray, b: ArrayLike): NDArray;
  (a: ArrayLike, b: NDArray): NDArray;
  (a: ArrayLike, b: ArrayLike): NDArray | boolean;
}

/** `a op= b`: updates an NDArray `a` in place and returns it; any other `a` gets `a op b` (the kernel assigns it back). */
export interface InPlaceOperator {
  (a: NDArray, b: ArrayLike): NDArray;
  (a: ArrayLike, b: ArrayLike): NDArray | number;
}

type Ufunc = (a: ArrayLike, b: ArrayLike, options?: ufunc.OutOptions) => NDArray;
type JsOperator = (a: any, b: any) => any;

/** Whether `candidate` can hold the result of an operator on it and `other`: contiguous, of the result's dtype and shape. */
function canHold(candidate: NDArray, other: ArrayLike, resultDType: () => DType): boolean {
  return candidate.isContiguous && coversBroadcast(candidate, other) && candidate.dtype === resultDType();
}

/** Whether `other` broadcasts to `target`'s shape (so the result has exactly that shape). */
function coversBroadcast(target: NDArray, other: ArrayLike): boolean {
  if (!(other instanceof NDArray)) return typeof other === "number" || typeof other === "boolean";
  const lead = target.ndim - other.ndim;
  if (lead < 0) return false;
  return other.shape.every((n, d) => n === 1 || n === target.shape[lead + d]);
}

/**
 * Either side an NDArray (at run time): numpy's ufunc, into a temporary operand where there is one; both plain
 * values (an `any` or a union operand): JavaScript's operator.
 */
function arrayOperator(apply: Ufunc, js: JsOperator, resultDType: (promoted: DType) => DType = (t) => t) {
  return (a: ArrayLike, b: ArrayLike) => {
    if (!(a instanceof NDArray || b instanceof NDArray)) return js(a, b);
    // Both marks are used up here, whichever operand (if any) receives the result.
    const tempA = a instanceof NDArray && takeTemporary(a);
    const tempB = b instanceof NDArray && takeTemporary(b);
    if (!tempA && !tempB) return apply(a, b);
    const operand = (x: ArrayLike) => (x instanceof NDArray || typeof x === "number" || typeof x === "boolean" ? x : asarray(x));
    const result = () => resultDType(resultType(operand(a), operand(b)));
    const out = tempA && canHold(a as NDArray, b, result) ? a : tempB && canHold(b as NDArray, a, result) ? b : undefined;
    return out ? apply(a, b, { out: out as NDArray }) : apply(a, b);
  };
}

const toFloat = (dtype: DType): DType => (dtype === "float32" || dtype === "float64" ? dtype : "float64");
const toBool = (): DType => "bool";

// numpy's kinds in the order same_kind casting allows: bool → unsigned → signed → float.
const KIND_ORDER: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, int64: 2, float32: 3, float64: 3 };

/**
 * numpy's `a op= b` on an array: the result goes into `a`'s own buffer, so it must have `a`'s shape (b broadcasts
 * to it, never the other way) and cast to `a`'s dtype under numpy's `same_kind` rule (`ints += 0.5` is an error).
 */
function inPlaceOperator(name: string, apply: Ufunc, js: JsOperator, resultDType: (promoted: DType) => DType = (t) => t) {
  return (a: ArrayLike, b: ArrayLike) => {
    if (!(a instanceof NDArray)) return arrayOperator(apply, js)(a, b);
    const other = b instanceof NDArray || typeof b === "number" || typeof b === "boolean" ? b : asarray(b);
    const computed = resultDType(resultType(a, other));
    if (KIND_ORDER[computed] > KIND_ORDER[a.dtype]) {
      throw new TypeError(`Cannot cast ufunc '${name}' output from dtype('${computed}') to dtype('${a.dtype}') with casting rule 'same_kind'`);
    }
    return apply(a, other, { out: a });
  };
}

/**
 * The helpers rewritten operators call, preloaded in notebooks as `__tsdl_ops`.
 * @example
 * ops.mul(100, ops.div(A, cal.reshape(1, 4)))   // what `100 * A / cal.reshape(1, 4)` runs as
 * ops.iadd(W, dW)                               // `W += dW`: W updated in place
 */
export const ops = {
  /** `a + b` (np.add). @example ops.add(A, 1) */
  add: arrayOperator(ufunc.add, (a, b) => a + b) as ArrayOperator,
  /** `a - b` (np.subtract). @example ops.sub(1, A) */
  sub: arrayOperator(ufunc.subtract, (a, b) => a - b) as ArrayOperator,
  /** `a * b` (np.multiply). @example ops.mul(A, B) */
  mul: arrayOperator(ufunc.multiply, (a, b) => a * b) as ArrayOperator,
  /** `a / b`, true division (np.divide). @example ops.div(A, 2) */
  div: arrayOperator(ufunc.divide, (a, b) => a / b, toFloat) as ArrayOperator,
  /** `a % b` with the divisor's sign, as numpy (np.mod). @example ops.mod(A, 3) */
  mod: arrayOperator(ufunc.mod, (a, b) => a % b) as ArrayOperator,
  /** `a ** b` (np.power). @example ops.pow(A, 2) */
  pow: arrayOperator(ufunc.power, (a, b) => a ** b) as ArrayOperator,
  /** `a < b` elementwise (np.less). @example ops.lt(A, 0) */
  lt: arrayOperator(ufunc.less, (a, b) => a < b, toBool) as ArrayComparison,
  /** `a <= b` elementwise (np.less_equal). @example ops.le(A, 0) */
  le: arrayOperator(ufunc.less_equal, (a, b) => a <= b, toBool) as ArrayComparison,
  /** `a > b` elementwise (np.greater). @example ops.gt(A, 0) */
  gt: arrayOperator(ufunc.greater, (a, b) => a > b, toBool) as ArrayComparison,
  /** `a >= b` elementwise (np.greater_equal). @example ops.ge(A, 0) */
  ge: arrayOperator(ufunc.greater_equal, (a, b) => a >= b, toBool) as ArrayComparison,
  /** `-a` (np.negative; into `a` when it is a temporary, as every unary ufunc does). @example ops.neg(A) */
  neg: ((a: ArrayLike) => (a instanceof NDArray ? ufunc.negative(a) : -(a as number))) as {
    (a: NDArray): NDArray;
    (a: ArrayLike): NDArray | number;
  },
  /**
   * Marks a new array that is the direct operand of an operator or a unary ufunc, which may then write into it
   * (np/temporaries); the kernel inserts it, only around such arrays. @example ops.mul(ops.temp(ops.sub(1, Y)), B)   // (1 - Y) * B
   */
  temp: markTemporary,
  /** `a += b`, in place. @example ops.iadd(W, dW) */
  iadd: inPlaceOperator("add", ufunc.add, (a, b) => a + b) as InPlaceOperator,
  /** `a -= b`, in place. @example ops.isub(W, dW.mul(0.01)) */
  isub: inPlaceOperator("subtract", ufunc.subtract, (a, b) => a - b) as InPlaceOperator,
  /** `a *= b`, in place. @example ops.imul(A, 2) */
  imul: inPlaceOperator("multiply", ufunc.multiply, (a, b) => a * b) as InPlaceOperator,
  /** `a /= b`, in place; an integer `a` cannot hold the float quotient. @example ops.idiv(A, 2) */
  idiv: inPlaceOperator("divide", ufunc.divide, (a, b) => a / b, toFloat) as InPlaceOperator,
  /** `a %= b`, in place. @example ops.imod(A, 2) */
  imod: inPlaceOperator("remainder", ufunc.mod, (a, b) => a % b) as InPlaceOperator,
  /** `a **= b`, in place. @example ops.ipow(A, 2) */
  ipow: inPlaceOperator("power", ufunc.power, (a, b) => a ** b) as InPlaceOperator,
};

/** The name of a helper in `ops`. */
export type OperatorHelper = keyof typeof ops;
