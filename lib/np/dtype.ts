import { OverflowError } from "./errors";

/** The element types tsdl supports, named as numpy names them. */
export type DType = "float64" | "float32" | "int32" | "int64" | "uint8" | "bool";

/** Storage of an array's elements. int64 lives in a Float64Array (exact within ±2^53); bool in a Uint8Array of 0/1. */
export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

export const DTYPES: readonly DType[] = ["bool", "uint8", "int32", "int64", "float32", "float64"];

const STORAGE: Record<DType, { new (n: number): TypedArray; new (buffer: ArrayBuffer, byteOffset: number, length: number): TypedArray }> = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  int64: Float64Array,
  uint8: Uint8Array,
  bool: Uint8Array,
};

// Small arrays are carved out of shared 64 KiB slabs: a view on an existing ArrayBuffer costs a seventh of a
// new ArrayBuffer, which dominates the per-call cost of operations on tiny arrays. A slab is freed when the
// last array carved from it is.
const SLAB_BYTES = 1 << 16;
const SMALL_BYTES = 1024;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** What a new buffer holds: zeros, or whatever the memory held before (for results that overwrite every element). */
export type Fill = "zeros" | "unspecified";

/**
 * A buffer of `size` elements of `dtype` (its byteOffset may be non-zero), zero-filled unless `fill` says
 * "unspecified": large buffers then skip zeroing, which costs as much as a whole elementwise operation
 * (0.5 ms for 8 MB measured here), as numpy's `np.empty` does.
 */
export function allocate(dtype: DType, size: number, fill: Fill = "zeros"): TypedArray {
  const Storage = STORAGE[dtype];
  const bytes = size * ITEMSIZE[dtype];
  if (bytes > SMALL_BYTES) return fill === "zeros" ? new Storage(size) : new Storage(Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer, 0, size);
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  const array = new Storage(slab, slabUsed, size);
  slabUsed += (bytes + 7) & ~7;
  return array;
}

/** Bytes per element, as numpy counts them (int64 and bool as numpy stores them, not as tsdl does). */
export const ITEMSIZE: Record<DType, number> = { float64: 8, float32: 4, int32: 4, int64: 8, uint8: 1, bool: 1 };

export function isFloat(dtype: DType): boolean {
  return dtype === "float64" || dtype === "float32";
}

export function isInteger(dtype: DType): boolean {
  return dtype === "int32" || dtype === "int64" || dtype === "uint8";
}

export function checkDType(dtype: string): DType {
  if (!(DTYPES as readonly string[]).includes(dtype)) throw new TypeError(`data type '${dtype}' not understood`);
  return dtype as DType;
}

// Rank in numpy's promotion lattice restricted to our dtypes; the exceptions are listed in promoteTypes.
const RANK: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, int64: 3, float32: 4, float64: 5 };

/**
 * The smallest dtype both can be safely cast to (numpy's `np.promote_types`).
 * @example promoteTypes("int32", "float32") // "float64", as numpy says
 */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  const [lo, hi] = RANK[a] < RANK[b] ? [a, b] : [b, a];
  // float32 holds integers only up to 2^24: numpy promotes int32 and int64 with it to float64.
  if (hi === "float32" && (lo === "int32" || lo === "int64")) return "float64";
  return hi;
}

/** An operand's contribution to type promotion: an array's dtype, or a Python-like "weak" scalar (NEP 50). */
export type Operand = { dtype: DType } | number | boolean;

/**
 * The dtype numpy gives a binary operation's result (`np.result_type`), with JS numbers treated as Python
 * scalars: an integral number is a weak int, any other a weak float, a boolean a weak bool.
 */
export function resultType(a: Operand, b: Operand): DType {
  if (typeof a === "object" && typeof b === "object") return promoteTypes(a.dtype, b.dtype);
  if (typeof a !== "object" && typeof b !== "object") return promoteTypes(scalarDType(a), scalarDType(b));
  const array = (typeof a === "object" ? a : b) as { dtype: DType };
  const scalar = (typeof a === "object" ? b : a) as number | boolean;
  if (typeof scalar === "boolean") return array.dtype;
  if (Number.isInteger(scalar)) return array.dtype === "bool" ? "int64" : array.dtype;
  return isFloat(array.dtype) ? array.dtype : "float64";
}

/** The dtype numpy infers for a lone Python scalar. */
export function scalarDType(value: number | boolean): DType {
  if (typeof value === "boolean") return "bool";
  return Number.isInteger(value) ? "int64" : "float64";
}

/**
 * The float dtype a transcendental function returns for an input dtype. numpy gives float16 for bool and
 * uint8; tsdl has no float16 and uses float32, the nearest wider type.
 */
export function floatResult(dtype: DType): DType {
  if (dtype === "float32" || dtype === "bool" || dtype === "uint8") return "float32";
  return "float64";
}

const INTEGER_RANGE: Partial<Record<DType, [number, number]>> = { uint8: [0, 255], int32: [-(2 ** 31), 2 ** 31 - 1] };

/** numpy 2's OverflowError (NEP 50) when an integer meets an integer dtype it does not fit. */
export function checkIntegerFits(dtype: DType, value: number): void {
  const range = INTEGER_RANGE[dtype];
  if (range && Number.isInteger(value) && (value < range[0] || value > range[1])) {
    throw new OverflowError(`Python integer ${value} out of bounds for ${dtype}`);
  }
}

/** Converts a JS value to what an element of `dtype` holds (truncation toward zero for integers, as numpy's cast). */
export function castScalar(dtype: DType, value: number | boolean): number {
  const v = Number(value);
  switch (dtype) {
    case "bool":
      return v !== 0 ? 1 : 0;
    case "int32":
      return v | 0;
    case "int64":
      return Number.isFinite(v) ? Math.trunc(v) + 0 : v;
    case "uint8":
      return v & 255;
    case "float32":
      return Math.fround(v);
    default:
      return v;
  }
}
