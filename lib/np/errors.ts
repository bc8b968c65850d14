/** numpy's ValueError: an argument has the right type but an unacceptable value (shapes, sizes). */
export class ValueError extends Error {
  override name = "ValueError";
}

/** numpy's IndexError: an index is out of range or malformed. */
export class IndexError extends Error {
  override name = "IndexError";
}

/** numpy's MemoryError: an array too large to allocate. */
export class MemoryError extends Error {
  override name = "MemoryError";
}

/** numpy's OverflowError: a Python integer does not fit the array's integer dtype (NEP 50). */
export class OverflowError extends Error {
  override name = "OverflowError";
}

/** numpy's `np.linalg.LinAlgError` (a ValueError): a linear-algebra function cannot work on its input, such as a singular matrix. */
export class LinAlgError extends ValueError {
  override name = "LinAlgError";
}

/** numpy's AxisError (a ValueError): an axis argument is out of range for the array's dimension. */
export class AxisError extends ValueError {
  override name = "AxisError";
  constructor(axis: number, ndim: number) {
    super(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
}

/** Normalises a possibly negative axis against `ndim`, raising numpy's AxisError when out of range. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) throw new AxisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/** numpy's way of writing a shape in messages: `(3,)`, `(2,3)`, `()`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}
