/**
 * The core of lib/np: an n-dimensional view (shape, strides, offset) on a typed buffer, plus the few
 * primitives every family of operations builds on. Families live in their own files; NDArray's fluent
 * methods delegate to them.
 */
import { ITEMSIZE, allocate, castScalar, checkDType, scalarDType, promoteTypes, type DType, type Fill, type TypedArray } from "./dtype";
import { MemoryError, ValueError, formatShape, normalizeAxis } from "./errors";
import { elementwise } from "./kernels";
import * as ufunc from "./ufunc";
import * as reduce from "./reduce";
import * as shapeOps from "./shape";
import * as indexing from "./indexing";
import * as linalg from "./linalg";
import * as sorting from "./sorting";
import * as print from "./print";

export type Scalar = number | boolean;
/** Nested JavaScript arrays of numbers or booleans, as `np.array` accepts them. */
export type NestedArray = Scalar | readonly NestedArray[];
/** Anything np functions accept as an array: an NDArray, a scalar, nested arrays or a typed array. */
export type ArrayLike = NDArray | NestedArray | TypedArray;
/** Result of `tolist()`: nested arrays of numbers (booleans for bool arrays). */
export type NestedList = Scalar | NestedList[];

/** One index item: an integer, a slice string like `"1:5:2"`, `":"`, `"..."`, `null` (newaxis), or an index array. */
export type IndexItem = number | string | null | NDArray | readonly number[] | readonly boolean[];

export interface AxisOptions {
  /** Axis or axes to reduce over (negative counts from the end); all axes when omitted. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as length-1 dimensions so the result broadcasts against the input. */
  keepdims?: boolean;
}

/**
 * What a reduction returns for its options: an array when an axis or keepdims is given, a JS value (a number;
 * a boolean for all/any) for a full reduction, as numpy returns a scalar there.
 */
export type Reduced<O, Value = number> = O extends { axis: number | readonly number[] } | { keepdims: true }
  ? NDArray
  : O extends { axis?: null; keepdims?: false }
    ? Value
    : NDArray | Value;

export interface VarianceOptions extends AxisOptions {
  /** Delta degrees of freedom: the divisor is `N - ddof`. */
  ddof?: number;
}

const DISPLAY = Symbol.for("Jupyter.display");
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** C-order (row-major) strides, in elements, of a contiguous array of `shape`. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= shape[d];
  }
  return strides;
}

/** Whether two shapes are equal, dimension for dimension. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let d = 0; d < a.length; d++) if (a[d] !== b[d]) return false;
  return true;
}

export function shapeSize(shape: readonly number[]): number {
  let size = 1;
  for (const n of shape) size *= n;
  return size;
}

/**
 * An n-dimensional array (numpy's `ndarray`): a typed buffer seen through `shape`, `strides` and `offset`.
 * Views (slices, transposes, reshapes of contiguous data) share the buffer; `copy()` does not.
 * @example
 * const a = np.array([[1, 2], [3, 4]]);
 * a.shape        // [2, 2]
 * a.T.get(0)     // array([1, 3])
 */
export class NDArray {
  /** The buffer the elements live in, shared between views. */
  readonly data: TypedArray;
  /** Length of each dimension. */
  readonly shape: readonly number[];
  /** Elements to step in `data` to move one along each dimension. */
  readonly strides: readonly number[];
  /** Index in `data` of the first element. */
  readonly offset: number;
  /** Element type, numpy's name for it. */
  readonly dtype: DType;

  constructor(data: TypedArray, shape: readonly number[], dtype: DType, strides?: readonly number[], offset = 0) {
    this.data = data;
    this.shape = shape.slice();
    this.strides = strides ? strides.slice() : contiguousStrides(shape);
    this.offset = offset;
    this.dtype = dtype;
  }

  /** Number of dimensions (numpy's `ndim`). */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements (numpy's `size`). */
  get size(): number {
    return shapeSize(this.shape);
  }

  /** Bytes per element as numpy stores the dtype (numpy's `itemsize`). @example np.zeros(3).itemsize // 8 */
  get itemsize(): number {
    return ITEMSIZE[this.dtype];
  }

  /** Bytes of the elements as numpy would store them (numpy's `nbytes`). @example np.zeros([100, 100]).nbytes // 80000 */
  get nbytes(): number {
    return this.size * this.itemsize;
  }

  /** The transposed array, a view (numpy's `.T`). @example np.ones([2, 3]).T.shape // [3, 2] */
  get T(): NDArray {
    return shapeOps.transpose(this);
  }

  /** True when the elements lie in `data` in C order without gaps, from `offset` on. */
  get isContiguous(): boolean {
    let step = 1;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      if (this.shape[d] !== 1 && this.strides[d] !== step) return false;
      step *= this.shape[d];
    }
    return true;
  }

  /** A view with another shape/strides/offset on the same buffer. */
  view(shape: readonly number[], strides: readonly number[], offset: number): NDArray {
    return new NDArray(this.data, shape, this.dtype, strides, offset);
  }

  /** A new array with the same elements in its own C-contiguous buffer (numpy's `copy`). @example const b = a.copy() */
  copy(): NDArray {
    return this.astype(this.dtype);
  }

  /**
   * A copy converted to `dtype` (numpy's `astype`); floats cast to integers truncate toward zero.
   * @example np.array([1.7, -1.7]).astype("int32") // array([ 1, -1], dtype=int32)
   */
  astype(dtype: DType): NDArray {
    checkDType(dtype);
    const out = empty(this.shape, dtype);
    out.assign(this);
    return out;
  }

  /**
   * Writes `value` (broadcast to this array's shape, cast to its dtype) into every element, in place.
   * The primitive behind slice assignment and `fill`.
   */
  assign(value: ArrayLike): this {
    const source = asarray(value);
    let broadcast: NDArray;
    try {
      broadcast = broadcastTo(source, this.shape);
    } catch {
      throw new ValueError(`could not broadcast input array from shape ${formatShape(source.shape)} into shape ${formatShape(this.shape)}`);
    }
    elementwise(castExpression(source.dtype, this.dtype), this.shape, [this, broadcast]);
    return this;
  }

  /** Fills the array with a scalar, in place (numpy's `fill`). @example np.empty([2]).fill(7) */
  fill(value: Scalar): this {
    return this.assign(value);
  }

  /** The buffer index of the element at integer coordinates (no bounds check). */
  offsetOf(index: readonly number[]): number {
    let at = this.offset;
    for (let d = 0; d < index.length; d++) at += index[d] * this.strides[d];
    return at;
  }

  /** The value of element at a buffer index, as a JS number (or boolean for bool arrays). */
  scalarAt(at: number): Scalar {
    return this.dtype === "bool" ? this.data[at] !== 0 : this.data[at];
  }

  /**
   * Nested JS arrays with the elements (numpy's `tolist`); a 0-d array gives its scalar.
   * @example np.eye(2).tolist() // [[1, 0], [0, 1]]
   */
  tolist(): NestedList {
    const walk = (d: number, at: number): NestedList => {
      if (d === this.ndim) return this.scalarAt(at);
      const out: NestedList[] = [];
      for (let i = 0; i < this.shape[d]; i++) out.push(walk(d + 1, at + i * this.strides[d]));
      return out;
    };
    return walk(0, this.offset);
  }

  /** The elements in C order as a plain array of numbers (booleans as 0/1). */
  toArray(): number[] {
    return Array.from(ravelData(this));
  }

  /**
   * One element as a JS number (numpy's `item`): no index for a size-1 array, a flat index, or one index per axis.
   * @example np.array([[1, 2], [3, 4]]).item(1, 0) // 3
   */
  item(...index: number[]): number {
    return indexing.item(this, index);
  }

  /**
   * Basic and advanced indexing (numpy's `a[...]`). Each argument is one index item; a string may hold several
   * comma-separated items. Integers and slices give views; index arrays and boolean masks give copies.
   * @example
   * X.get(":, 0")        // X[:, 0]
   * A.get("0:5", 0)      // A[0:5, 0]
   * a.get(a.gt(0))       // a[a > 0]
   * a.get(null, "...")   // a[np.newaxis, ...]
   */
  get(...index: IndexItem[]): NDArray {
    return indexing.getItem(this, index);
  }

  /**
   * Assignment through an index (numpy's `a[...] = value`): the index items, then the value (broadcast).
   * @example
   * dZ.set(Z.le(0), 0)   // dZ[Z <= 0] = 0
   * A.set(":, 0", 1)     // A[:, 0] = 1
   */
  set(...indexAndValue: [...IndexItem[], ArrayLike]): this {
    const value = indexAndValue[indexAndValue.length - 1] as ArrayLike;
    indexing.setItem(this, indexAndValue.slice(0, -1) as IndexItem[], value);
    return this;
  }

  // ---- shape (lib/np/shape.ts) ----

  /** numpy's `reshape`: same data, new shape; one dimension may be -1. A view when the data is contiguous. @example np.arange(6).reshape(2, 3) */
  reshape(...shape: number[] | [readonly number[]]): NDArray {
    return shapeOps.reshape(this, (Array.isArray(shape[0]) ? shape[0] : shape) as number[]);
  }
  /** numpy's `transpose`: axes reversed, or permuted as given; a view. @example np.ones([2, 3, 4]).transpose(2, 0, 1).shape // [4, 2, 3] */
  transpose(...axes: number[] | [readonly number[]]): NDArray {
    const list = (Array.isArray(axes[0]) ? axes[0] : axes) as number[];
    return shapeOps.transpose(this, list.length ? list : undefined);
  }
  /** numpy's `swapaxes`: a view with two axes exchanged. @example np.ones([2, 3]).swapaxes(0, 1).shape // [3, 2] */
  swapaxes(axis1: number, axis2: number): NDArray {
    return shapeOps.swapaxes(this, axis1, axis2);
  }
  /** numpy's `squeeze`: drops length-1 axes (all, or the given ones). @example np.ones([1, 3, 1]).squeeze().shape // [3] */
  squeeze(axis?: number | readonly number[]): NDArray {
    return shapeOps.squeeze(this, axis);
  }
  /** numpy's `ravel`: the elements as 1-D, a view when contiguous. @example np.eye(2).ravel() // array([1., 0., 0., 1.]) */
  ravel(): NDArray {
    return shapeOps.ravel(this);
  }
  /** numpy's `flatten`: a 1-D copy. @example np.eye(2).flatten() */
  flatten(): NDArray {
    return this.copy().reshape(this.size);
  }
  /** Each element repeated, flattened or along `axis` (numpy's `repeat`). @example np.array([1, 2]).repeat(2) // array([1, 1, 2, 2]) */
  repeat(repeats: ArrayLike, options?: { axis?: number | null }): NDArray { return shapeOps.repeat(this, repeats, options); }
  /** Elements at `indices`, flattened or along `axis` (numpy's `take`). @example X.take([0, 2], { axis: 1 }) */
  take(indices: ArrayLike, options?: { axis?: number | null; mode?: "raise" | "wrap" | "clip" }): NDArray { return shapeOps.take(this, indices, options); }
  /** The `offset`-th diagonal, a view (numpy's `diagonal`). @example np.eye(3).diagonal() // array([1., 1., 1.]) */
  diagonal(options?: { offset?: number; axis1?: number; axis2?: number }): NDArray { return shapeOps.diagonal(this, options); }

  // ---- elementwise (lib/np/ufunc.ts) ----

  /** `this + other` with broadcasting (numpy's `add`). @example a.add(1) */
  add(other: ArrayLike): NDArray { return ufunc.add(this, other); }
  /** `this - other` (numpy's `subtract`). @example a.sub(b) */
  sub(other: ArrayLike): NDArray { return ufunc.subtract(this, other); }
  /** `this * other` (numpy's `multiply`). @example a.mul(2) */
  mul(other: ArrayLike): NDArray { return ufunc.multiply(this, other); }
  /** `this / other`, true division (numpy's `divide`). @example a.div(b.reshape(1, 4)) */
  div(other: ArrayLike): NDArray { return ufunc.divide(this, other); }
  /** `this // other` (numpy's `floor_divide`). @example a.floordiv(2) */
  floordiv(other: ArrayLike): NDArray { return ufunc.floor_divide(this, other); }
  /** `this % other`, sign of the divisor as in numpy (numpy's `mod`). @example a.mod(3) */
  mod(other: ArrayLike): NDArray { return ufunc.mod(this, other); }
  /** `this ** other` (numpy's `power`). @example a.pow(2) */
  pow(other: ArrayLike): NDArray { return ufunc.power(this, other); }
  /** `-this` (numpy's `negative`). @example a.neg() */
  neg(): NDArray { return ufunc.negative(this); }
  /** `abs(this)` (numpy's `abs`). @example a.abs() */
  abs(): NDArray { return ufunc.abs(this); }
  /** `this > other` elementwise, a bool array (numpy's `greater`). @example a.gt(0) */
  gt(other: ArrayLike): NDArray { return ufunc.greater(this, other); }
  /** `this >= other` (numpy's `greater_equal`). @example a.ge(0) */
  ge(other: ArrayLike): NDArray { return ufunc.greater_equal(this, other); }
  /** `this < other` (numpy's `less`). @example a.lt(0) */
  lt(other: ArrayLike): NDArray { return ufunc.less(this, other); }
  /** `this <= other` (numpy's `less_equal`). @example Z.le(0) */
  le(other: ArrayLike): NDArray { return ufunc.less_equal(this, other); }
  /** `this == other` elementwise (numpy's `equal`; JS `===` compares identity). @example a.eq(b) */
  eq(other: ArrayLike): NDArray { return ufunc.equal(this, other); }
  /** `this != other` elementwise (numpy's `not_equal`). @example a.ne(0) */
  ne(other: ArrayLike): NDArray { return ufunc.not_equal(this, other); }
  /** numpy's `clip`: limits values to [min, max]. @example a.clip(0, 1) */
  clip(min: ArrayLike | null, max: ArrayLike | null): NDArray { return ufunc.clip(this, min, max); }
  /** Rounded to `decimals` places, halves to even (numpy's `round`). @example a.round(2) */
  round(decimals = 0): NDArray { return ufunc.round(this, decimals); }

  // ---- reductions (lib/np/reduce.ts); a full reduction gives a number ----

  /** Sum of elements (numpy's `sum`). @example a.sum({ axis: 0, keepdims: true }) */
  sum<const O extends AxisOptions = {}>(options?: O): Reduced<O> { return reduce.sum(this, options) as Reduced<O>; }
  /** Arithmetic mean (numpy's `mean`). @example a.mean({ axis: 1 }) */
  mean<const O extends AxisOptions = {}>(options?: O): Reduced<O> { return reduce.mean(this, options) as Reduced<O>; }
  /** Largest element (numpy's `max`); NaN wins. @example a.max() */
  max<const O extends AxisOptions = {}>(options?: O): Reduced<O> { return reduce.max(this, options) as Reduced<O>; }
  /** Smallest element (numpy's `min`). @example a.min({ axis: 0 }) */
  min<const O extends AxisOptions = {}>(options?: O): Reduced<O> { return reduce.min(this, options) as Reduced<O>; }
  /** Product of elements (numpy's `prod`). @example a.prod() */
  prod<const O extends AxisOptions = {}>(options?: O): Reduced<O> { return reduce.prod(this, options) as Reduced<O>; }
  /** Standard deviation (numpy's `std`, `ddof` 0 by default). @example a.std() */
  std<const O extends VarianceOptions = {}>(options?: O): Reduced<O> { return reduce.std(this, options) as Reduced<O>; }
  /** Variance (numpy's `var`). @example a.var({ axis: 0 }) */
  var<const O extends VarianceOptions = {}>(options?: O): Reduced<O> { return reduce.variance(this, options) as Reduced<O>; }
  /** Index of the largest element, flat or along `axis` (numpy's `argmax`). @example a.argmax({ axis: 1 }) */
  argmax<const O extends { axis?: number; keepdims?: boolean } = {}>(options?: O): Reduced<O> { return reduce.argmax(this, options) as Reduced<O>; }
  /** Index of the smallest element (numpy's `argmin`). @example a.argmin() */
  argmin<const O extends { axis?: number; keepdims?: boolean } = {}>(options?: O): Reduced<O> { return reduce.argmin(this, options) as Reduced<O>; }
  /** Whether every element is true (numpy's `all`). @example a.gt(0).all() */
  all<const O extends AxisOptions = {}>(options?: O): Reduced<O, boolean> { return reduce.all(this, options) as Reduced<O, boolean>; }
  /** Whether any element is true (numpy's `any`). @example np.isnan(a).any() */
  any<const O extends AxisOptions = {}>(options?: O): Reduced<O, boolean> { return reduce.any(this, options) as Reduced<O, boolean>; }
  /** Range of values, max − min (numpy's `ptp`). @example a.ptp({ axis: 0 }) */
  ptp<const O extends AxisOptions = {}>(options?: O): Reduced<O> { return reduce.ptp(this, options); }
  /** Running sums along `axis`, flattened without one (numpy's `cumsum`). @example a.cumsum({ axis: 0 }) */
  cumsum(options?: reduce.CumulativeOptions): NDArray { return reduce.cumsum(this, options); }
  /** Running products along `axis`, flattened without one (numpy's `cumprod`). @example a.cumprod() */
  cumprod(options?: reduce.CumulativeOptions): NDArray { return reduce.cumprod(this, options); }

  // ---- sorting (lib/np/sorting.ts) ----

  /**
   * Sorts in place along `axis`, the last by default, and returns nothing (numpy's `a.sort()`); `np.sort(a)`
   * gives a sorted copy. @example a.sort({ axis: 0 })
   */
  sort(options?: { axis?: number; kind?: sorting.SortKind }): void { sorting.sortInPlace(this, options); }
  /** The indices that sort the array along `axis`, stably (numpy's `argsort`). @example a.argsort() */
  argsort(options?: sorting.SortOptions): NDArray { return sorting.argsort(this, options); }
  /** Where `v` would be inserted to keep this sorted 1-D array sorted (numpy's `searchsorted`). @example edges.searchsorted(x) */
  searchsorted(v: ArrayLike, options?: sorting.SearchSortedOptions): NDArray { return sorting.searchsorted(this, v, options); }
  /** The indices of the nonzero elements, one array per dimension (numpy's `nonzero`). @example mask.nonzero() */
  nonzero(): NDArray[] { return indexing.nonzero(this); }

  // ---- linear algebra (lib/np/linalg.ts) ----

  /** numpy's `dot`. @example W.dot(X) */
  dot(other: ArrayLike): NDArray { return linalg.dot(this, other); }
  /** Sum along a diagonal: a number for a matrix (numpy's `trace`). @example np.eye(3).trace() // 3 */
  trace(options?: linalg.TraceOptions): NDArray | number { return linalg.trace(this, options); }

  // ---- printing (lib/np/print.ts) ----

  /** numpy's `str(a)`: `[[1. 2.]\n [3. 4.]]`. */
  toString(): string {
    return print.array_str(this);
  }
  /** numpy's `repr(a)`: `array([[1., 2.], …])`; also what `console.log` shows. */
  [INSPECT](): string {
    return print.array_repr(this);
  }
  /** The notebook display: numpy's repr as text, and an HTML table. */
  [DISPLAY](): Record<string, string> {
    return { "text/plain": print.array_repr(this), "text/html": print.array_html(this) };
  }

  *[Symbol.iterator](): Iterator<NDArray> {
    if (this.ndim === 0) throw new TypeError("iteration over a 0-d array");
    for (let i = 0; i < this.shape[0]; i++) yield indexing.getItem(this, [i]);
  }
}

/** The elementwise expression that converts `value`, a `from` element, to a `to` element. */
export function castExpression(from: DType, to: DType, value = "x"): string {
  if (to === "bool" && from !== "bool") return `(${value} !== 0 ? 1 : 0)`;
  if (to === "int64" && (from === "float64" || from === "float32")) return `Math.trunc(${value}) + 0`;
  return value;
}

/** numpy's `_size_to_string`: bytes in binary units with three significant digits, as in "7.28 TiB". */
function sizeToString(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let unit = Math.floor(Math.max(Math.floor(Math.log2(Math.max(bytes, 1))), 1) / 10);
  let value = bytes / 2 ** (unit * 10);
  if (Math.round(value) === 1024) {
    unit += 1;
    value /= 1024;
  }
  if (unit === 0) return `${value.toFixed(0)} ${units[0]}`;
  return `${Number(value.toPrecision(3))} ${units[unit]}`;
}

/** A shape as Python prints a tuple, `(2, 3)`: numpy's wording in some messages. */
function tupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** A new array, zero-filled unless `fill` is "unspecified" (for results that overwrite every element): the allocation primitive of every family. */
export function empty(shape: readonly number[], dtype: DType = "float64", fill: Fill = "zeros"): NDArray {
  for (const n of shape) {
    if (!Number.isInteger(n) || n < 0) throw new ValueError("negative dimensions are not allowed");
  }
  const size = shapeSize(shape);
  let data: TypedArray;
  try {
    data = allocate(dtype, size, fill);
  } catch {
    throw new MemoryError(`Unable to allocate ${sizeToString(size * ITEMSIZE[dtype])} for an array with shape ${tupleRepr(shape)} and data type ${dtype}`);
  }
  return new NDArray(data, shape, dtype);
}

/** The elements of `a` in C order in a contiguous buffer: `a.data` itself when it already is one. */
export function ravelData(a: NDArray): TypedArray {
  if (a.isContiguous) {
    return a.offset === 0 && a.data.length === a.size ? a.data : a.data.subarray(a.offset, a.offset + a.size);
  }
  return a.copy().data;
}

/**
 * The array and axis that a function along one axis works on, as numpy's PyArray_CheckAxis gives them: no
 * axis (null) means the flattened array, a 0-d array counts as 1-d, and the axis is normalised (AxisError
 * when out of range).
 */
export function alongAxis(a: NDArray, axis: number | null): [NDArray, number] {
  const x = axis === null || a.ndim === 0 ? shapeOps.ravel(a) : a;
  return [x, normalizeAxis(axis ?? 0, x.ndim)];
}

/**
 * Where each 1-D lane of `a` along `axis` starts in `a.data`, one per index of the other axes in C order:
 * element i of lane k is at `offsets[k] + i * a.strides[axis]`. Functions along an axis (scans, sorts,
 * argmax) walk arrays of any layout this way.
 */
export function laneOffsets(a: NDArray, axis: number): number[] {
  const shape = a.shape.filter((_, d) => d !== axis);
  const strides = a.strides.filter((_, d) => d !== axis);
  const count = shapeSize(shape);
  const offsets = new Array<number>(count);
  const index = new Array<number>(shape.length).fill(0);
  let at = a.offset;
  for (let k = 0; k < count; k++) {
    offsets[k] = at;
    for (let d = shape.length - 1; d >= 0; d--) {
      at += strides[d];
      if (++index[d] < shape[d]) break;
      at -= strides[d] * shape[d];
      index[d] = 0;
    }
  }
  return offsets;
}

function inferNested(value: readonly NestedArray[]): { shape: number[]; dtype: DType } {
  const shape: number[] = [];
  let level: NestedArray = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = (level as readonly NestedArray[])[0];
  }
  let dtype: DType = "bool";
  let seen = false;
  const visit = (node: NestedArray, d: number): void => {
    if (d === shape.length) {
      if (Array.isArray(node)) throw new ValueError(inhomogeneous(d, shape));
      const t = scalarDType(node as Scalar);
      dtype = seen ? promoteTypes(dtype, t) : t;
      seen = true;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[d]) throw new ValueError(inhomogeneous(d, shape));
    for (const child of node) visit(child, d + 1);
  };
  visit(value, 0);
  return { shape, dtype: seen ? dtype : "float64" };
}

function inhomogeneous(depth: number, shape: readonly number[]): string {
  return `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${formatShape(shape.slice(0, depth))} + inhomogeneous part.`;
}

function fromTypedArray(value: TypedArray): DType {
  if (value instanceof Float32Array) return "float32";
  if (value instanceof Int32Array) return "int32";
  if (value instanceof Uint8Array) return "uint8";
  return "float64";
}

/**
 * An array from nested JS arrays, a scalar, a typed array or another NDArray, always a new buffer (numpy's
 * `np.array`). Without `dtype` the type is inferred as numpy does: all integers → int64, any float → float64,
 * all booleans → bool.
 * @example
 * np.array([[1, 2], [3, 4]])            // int64
 * np.array([1, 2.5])                    // float64
 * np.array([1, 2], { dtype: "float32" })
 */
export function array(value: ArrayLike, options: { dtype?: DType } = {}): NDArray {
  if (value instanceof NDArray) return value.astype(options.dtype ?? value.dtype);
  if (ArrayBuffer.isView(value)) {
    const source = new NDArray(value as TypedArray, [(value as TypedArray).length], fromTypedArray(value as TypedArray));
    return source.astype(options.dtype ?? source.dtype);
  }
  if (!Array.isArray(value)) {
    const dtype = options.dtype ?? scalarDType(value as Scalar);
    const out = empty([], dtype);
    out.data[0] = castScalar(dtype, value as Scalar);
    return out;
  }
  const { shape, dtype: inferred } = inferNested(value);
  const dtype = options.dtype ? checkDType(options.dtype) : inferred;
  const out = empty(shape, dtype);
  const data = out.data;
  let k = 0;
  const fill = (node: NestedArray, d: number): void => {
    if (d === shape.length) data[k++] = castScalar(dtype, node as Scalar);
    else for (const child of node as readonly NestedArray[]) fill(child, d + 1);
  };
  fill(value, 0);
  return out;
}

/**
 * Like `array`, but an NDArray of the requested dtype is returned as is, without a copy (numpy's `asarray`).
 * @example np.asarray([1, 2, 3])
 */
export function asarray(value: ArrayLike, options: { dtype?: DType } = {}): NDArray {
  if (value instanceof NDArray && (!options.dtype || options.dtype === value.dtype)) return value;
  if (typeof value === "number" || typeof value === "boolean") {
    const dtype = options.dtype ?? scalarDType(value);
    const out = new NDArray(allocate(dtype, 1), [], dtype);
    out.data[0] = castScalar(dtype, value);
    return out;
  }
  return array(value, options);
}

/** The shape numpy broadcasting gives operands of these shapes, or numpy's ValueError. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out: number[] = [];
  for (let d = 0; d < ndim; d++) out.push(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = ndim - s.length + i;
      const n = s[i];
      if (n === out[d] || n === 1) continue;
      if (out[d] === 1) out[d] = n;
      else {
        throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(formatShape).join(" ")} `);
      }
    }
  }
  return out;
}

/**
 * A read-only-intended view of `a` broadcast to `shape` (numpy's `broadcast_to`): repeated dimensions get
 * stride 0, so nothing is copied.
 * @example np.broadcast_to(np.arange(3), [2, 3])
 */
export function broadcastTo(a: NDArray, shape: readonly number[]): NDArray {
  if (sameShape(a.shape, shape)) return a;
  const lead = shape.length - a.ndim;
  if (lead < 0) throw new ValueError(`input operand has more dimensions than allowed by the axis remapping`);
  const strides = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < a.ndim; i++) {
    const n = a.shape[i];
    if (n === shape[lead + i]) strides[lead + i] = n === 1 ? 0 : a.strides[i];
    else if (n !== 1) {
      throw new ValueError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(a.shape)}  and requested shape ${formatShape(shape)}`,
      );
    }
  }
  return a.view(shape, strides, a.offset);
}
