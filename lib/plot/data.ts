/** Turns whatever the user passed to a plot function (NDArray, nested number[], typed array) into float64 values. */
import { asarray, type ArrayLike as ArrayInput, type NDArray } from "../np";
// ravelData is np's own C-order read of any strided array (not part of the public np namespace).
import { ravelData } from "../np/ndarray";

/** Anything the plot functions accept as data: an NDArray, `number[]`, `number[][]`, a typed array. */
export type PlotData = ArrayInput;

/** Values in C order with their numpy shape. */
export interface Grid {
  readonly shape: readonly number[];
  /** numpy's dtype of the input: images are 0–255 when it is an integer type and [0, 1] when float. */
  readonly dtype: string;
  readonly values: Float64Array;
}

/** The array's values as float64 in C order, with its shape (numpy's `np.asarray(x, dtype=float)`). @example toGrid([[1, 2]]).shape // [1, 2] */
export function toGrid(data: PlotData, what = "data"): Grid {
  let array: NDArray;
  try {
    array = asarray(data);
  } catch (error) {
    throw new TypeError(`plt: ${what} must be an NDArray, a (nested) number array or a typed array: ${(error as Error).message}`);
  }
  const raw = ravelData(array);
  return { shape: array.shape, dtype: array.dtype, values: raw instanceof Float64Array ? raw : Float64Array.from(raw) };
}

/**
 * A 1-D view of the data as matplotlib sees a vector: an (n,), (1, n) or (n, 1) array is n values.
 * Course code passes row vectors like `Y` of shape (1, m) straight to `c=`, so those are accepted.
 * @example toVector([[0, 1, 1]]) // Float64Array [0, 1, 1]
 */
export function toVector(data: PlotData, what = "data"): Float64Array {
  const { shape, values } = toGrid(data, what);
  const nonUnit = shape.filter((n) => n !== 1);
  if (nonUnit.length > 1) throw new Error(`plt: ${what} must be 1-D (or a row/column vector), got shape (${shape.join(", ")})`);
  return values;
}

/** Columns of a 2-D array (matplotlib plots each column of a 2-D `y` as its own line); a vector is one column. @example toColumns([[1, 2], [3, 4]]) // [[1, 3], [2, 4]] */
export function toColumns(data: PlotData, what = "data"): Float64Array[] {
  const { shape, values } = toGrid(data, what);
  if (shape.length <= 1) return [values];
  if (shape.length !== 2) throw new Error(`plt: ${what} must be 1-D or 2-D, got shape (${shape.join(", ")})`);
  const [rows, cols] = shape;
  return Array.from({ length: cols }, (_, c) => Float64Array.from({ length: rows }, (_, r) => values[r * cols + c]));
}

/** Smallest and largest finite value, or undefined when there is none. @example finiteExtent([3, NaN, 1]) // [1, 3] */
export function finiteExtent(values: ArrayLike<number>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * Numbers as they go into plotly's JSON: NaN and ±Infinity become null (a gap in the line, as matplotlib leaves one),
 * and values are cut to 8 significant digits – far below a pixel, and half the bytes of a full float64 printout.
 * @example jsonNumbers([1 / 3, NaN]) // [0.33333333, null]
 */
export function jsonNumbers(values: ArrayLike<number>): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isFinite(v) ? roundSignificant(v) : null;
  }
  return out;
}

function roundSignificant(v: number): number {
  if (v === 0 || Number.isInteger(v)) return v;
  return Number(v.toPrecision(8));
}
