/** Array creation (numpy's `zeros`, `arange`, `linspace`, `eye`, …). */
import { isInteger, scalarDType, type DType } from "./dtype";
import { ValueError } from "./errors";
import { NDArray, asarray, empty as allocate, type ArrayLike, type Scalar } from "./ndarray";
import { multiply, power } from "./ufunc";

export type ShapeLike = number | readonly number[];
export interface DTypeOptions {
  dtype?: DType;
}

function toShape(shape: ShapeLike): number[] {
  return typeof shape === "number" ? [shape] : [...shape];
}

/**
 * A new array of `shape` without meaningful contents (numpy's `np.empty`; here it happens to be zeroed).
 * @example np.empty([2, 3])
 */
export function empty(shape: ShapeLike, options: DTypeOptions = {}): NDArray {
  return allocate(toShape(shape), options.dtype ?? "float64");
}

/**
 * An array of zeros (numpy's `np.zeros`), float64 unless `dtype` says otherwise.
 * @example np.zeros([n_h, 1])
 */
export function zeros(shape: ShapeLike, options: DTypeOptions = {}): NDArray {
  return empty(shape, options);
}

/**
 * An array of ones (numpy's `np.ones`).
 * @example np.ones([2, 2], { dtype: "int32" })
 */
export function ones(shape: ShapeLike, options: DTypeOptions = {}): NDArray {
  return empty(shape, options).fill(1);
}

/**
 * An array filled with `value`; the dtype follows the value as numpy's does (numpy's `np.full`).
 * @example np.full([2, 2], 7) // int64
 */
export function full(shape: ShapeLike, value: Scalar, options: DTypeOptions = {}): NDArray {
  return empty(shape, { dtype: options.dtype ?? scalarDType(value) }).fill(value);
}

function like(prototype: ArrayLike, options: DTypeOptions): [number[], DTypeOptions] {
  const p = asarray(prototype);
  return [[...p.shape], { dtype: options.dtype ?? p.dtype }];
}

/** Zeros with the shape and dtype of `a` (numpy's `np.zeros_like`). @example np.zeros_like(W) */
export function zeros_like(a: ArrayLike, options: DTypeOptions = {}): NDArray {
  return zeros(...like(a, options));
}
/** Ones with the shape and dtype of `a` (numpy's `np.ones_like`). @example np.ones_like(A) */
export function ones_like(a: ArrayLike, options: DTypeOptions = {}): NDArray {
  return ones(...like(a, options));
}
/** An uninitialised array like `a` (numpy's `np.empty_like`). @example np.empty_like(A) */
export function empty_like(a: ArrayLike, options: DTypeOptions = {}): NDArray {
  return empty(...like(a, options));
}
/** `value` everywhere, shaped like `a` (numpy's `np.full_like`). @example np.full_like(A, 0.5) */
export function full_like(a: ArrayLike, value: Scalar, options: DTypeOptions = {}): NDArray {
  const [shape, opts] = like(a, options);
  return full(shape, value, opts);
}

/**
 * Evenly spaced values in [start, stop) by `step` (numpy's `np.arange`); `arange(n)` is 0…n-1. Integer
 * arguments give int64, any fractional one float64.
 * @example
 * np.arange(5)            // array([0, 1, 2, 3, 4])
 * np.arange(0, 1, 0.25)   // array([0.  , 0.25, 0.5 , 0.75])
 */
export function arange(start: number, stop?: number, step = 1, options: DTypeOptions = {}): NDArray {
  if (stop === undefined) [start, stop] = [0, start];
  if (step === 0) throw new ValueError("Maximum allowed size exceeded");
  const length = Math.max(Math.ceil((stop - start) / step), 0);
  const dtype = options.dtype ?? ([start, stop, step].every(Number.isInteger) ? "int64" : "float64");
  const out = allocate([length], dtype);
  for (let i = 0; i < length; i++) out.data[i] = start + i * step;
  return out;
}

/** Python's `operator.index`: numpy's counts and offsets must be integers. */
function checkInteger(value: number): void {
  if (!Number.isInteger(value)) throw new TypeError("'float' object cannot be interpreted as an integer");
}

/**
 * `num` evenly spaced samples from `start` to `stop`, the last exactly `stop` unless `endpoint` is false
 * (numpy's `np.linspace`, same formula: `start + i * step`). An integer `dtype` rounds down, as numpy's does.
 * @example np.linspace(0, 1, 5) // array([0.  , 0.25, 0.5 , 0.75, 1.  ])
 */
export function linspace(start: number, stop: number, num = 50, options: { endpoint?: boolean; dtype?: DType } = {}): NDArray {
  checkInteger(num);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = options.endpoint ?? true;
  const divisions = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = delta / divisions;
  const out = allocate([num], "float64");
  // numpy's branches: a zero step (or a single sample) scales by delta instead of multiplying by step.
  for (let i = 0; i < num; i++) out.data[i] = (divisions === 0 ? i * delta : step === 0 ? (i / divisions) * delta : i * step) + start;
  if (endpoint && num > 1) out.data[num - 1] = stop;
  if (!options.dtype || options.dtype === "float64") return out;
  if (isInteger(options.dtype)) for (let i = 0; i < num; i++) out.data[i] = Math.floor(out.data[i]);
  return out.astype(options.dtype);
}

/**
 * `num` samples from `base ** start` to `base ** stop`, evenly spaced in the exponent (numpy's `np.logspace`).
 * @example np.logspace(0, 3, 4) // array([   1.,   10.,  100., 1000.])
 */
export function logspace(start: number, stop: number, num = 50, options: { endpoint?: boolean; base?: number; dtype?: DType } = {}): NDArray {
  const values = power(options.base ?? 10, linspace(start, stop, num, { endpoint: options.endpoint }));
  return options.dtype && options.dtype !== values.dtype ? values.astype(options.dtype) : values;
}

/**
 * `num` samples from `start` to `stop` in geometric progression, both ends exact; negative ranges allowed,
 * zero not (numpy's `np.geomspace`). An integer `dtype` truncates, as numpy's does.
 * @example np.geomspace(1, 1000, 4) // array([   1.,   10.,  100., 1000.])
 */
export function geomspace(start: number, stop: number, num = 50, options: { endpoint?: boolean; dtype?: DType } = {}): NDArray {
  if (start === 0 || stop === 0) throw new ValueError("Geometric sequence cannot include zero");
  const endpoint = options.endpoint ?? true;
  // As numpy: rotate start to positive, space the logarithms, rotate back; in float64 whatever `dtype` is
  // (numpy's result_type of start and stop as int64 or float64 arrays with any float dtype).
  const sign = Math.sign(start);
  const first = start / sign;
  const last = stop / sign;
  const out = logspace(Math.log10(first), Math.log10(last), num, { endpoint });
  if (num > 0) out.data[0] = first;
  if (num > 1 && endpoint) out.data[num - 1] = last;
  multiply(out, sign, { out });
  return options.dtype && options.dtype !== "float64" ? out.astype(options.dtype) : out;
}

/**
 * A 2-D array with ones on the `k`-th diagonal (numpy's `np.eye`).
 * @example np.eye(3)
 */
export function eye(n: number, m: number = n, options: { k?: number; dtype?: DType } = {}): NDArray {
  const k = options.k ?? 0;
  for (const value of [n, m, k]) checkInteger(value);
  const out = allocate([n, m], options.dtype ?? "float64");
  for (let i = Math.max(0, -k); i < n && i + k < m; i++) out.data[i * m + i + k] = 1;
  return out;
}

/**
 * The `n`×`n` identity matrix (numpy's `np.identity`), float64 unless `dtype` says otherwise.
 * @example np.identity(3, { dtype: "int32" })
 */
export function identity(n: number, options: DTypeOptions = {}): NDArray {
  return eye(n, n, options);
}

/**
 * An `n`×`M` array with ones at and below the `k`-th diagonal (`j <= i + k`) and zeros above (numpy's `np.tri`);
 * `M` defaults to `n`, a negative size gives an empty dimension.
 * @example np.tri(3, { k: -1, dtype: "int64" }) // array([[0, 0, 0], [1, 0, 0], [1, 1, 0]])
 */
export function tri(n: number, options: { M?: number | null; k?: number; dtype?: DType } = {}): NDArray {
  const m = options.M ?? n;
  const k = options.k ?? 0;
  for (const value of [n, m, k]) checkInteger(value);
  const rows = Math.max(n, 0);
  const columns = Math.max(m, 0);
  const out = allocate([rows, columns], options.dtype ?? "float64");
  for (let i = 0; i < rows; i++) out.data.fill(1, i * columns, i * columns + Math.min(Math.max(i + k + 1, 0), columns));
  return out;
}

/**
 * Coordinate matrices from coordinate vectors (numpy's `np.meshgrid`, `indexing: "xy"` by default).
 * @example
 * const [xx, yy] = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h));
 */
export function meshgrid(...args: [...ArrayLike[], { indexing?: "xy" | "ij" }] | ArrayLike[]): NDArray[] {
  const last = args[args.length - 1];
  const hasOptions = last !== null && typeof last === "object" && !Array.isArray(last) && !(last instanceof NDArray) && !ArrayBuffer.isView(last);
  const indexing = hasOptions ? ((last as { indexing?: "xy" | "ij" }).indexing ?? "xy") : "xy";
  const vectors = (hasOptions ? args.slice(0, -1) : args).map((v) => asarray(v as ArrayLike).ravel());
  const shape = vectors.map((v) => v.size);
  if (indexing === "xy" && shape.length >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return vectors.map((v, i) => {
    const axis = indexing === "xy" && i < 2 && vectors.length >= 2 ? 1 - i : i;
    const strides = shape.map((_, d) => (d === axis ? v.strides[0] : 0));
    return v.view(shape, strides, v.offset).copy();
  });
}

/**
 * A copy of `a` in a new buffer (numpy's `np.copy`).
 * @example const b = np.copy(a)
 */
export function copy(a: ArrayLike): NDArray {
  return asarray(a).copy();
}
