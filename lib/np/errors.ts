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

/** Python's AttributeError, which `np.savetxt` raises for a list of formats of the wrong length. */
export class AttributeError extends Error {
  override name = "AttributeError";
}

/** Python's KeyError, raised for a name an .npz archive does not hold. */
export class KeyError extends Error {
  override name = "KeyError";
}

/** Python's zipfile.BadZipFile: an .npz archive that is not a valid zip. */
export class BadZipFile extends Error {
  override name = "BadZipFile";
}

/** Python's ZeroDivisionError, which numpy raises where Python arithmetic divides by zero (`average`'s zero weights, `split` into 0). */
export class ZeroDivisionError extends Error {
  override name = "ZeroDivisionError";
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

/**
 * An axis argument (one axis or several) as numpy's `normalize_axis_tuple` reads it: each normalised, with
 * `argname` prefixing the AxisError when numpy names the argument, and none repeated unless `allowDuplicate`.
 */
export function normalizeAxisTuple(axis: number | readonly number[], ndim: number, argname?: string, allowDuplicate = false): number[] {
  const axes = (typeof axis === "number" ? [axis] : [...axis]).map((d) => {
    try {
      return normalizeAxis(d, ndim);
    } catch (e) {
      if (argname && e instanceof AxisError) e.message = `${argname}: ${e.message}`;
      throw e;
    }
  });
  if (!allowDuplicate && new Set(axes).size !== axes.length) throw new ValueError(argname ? `repeated axis in \`${argname}\` argument` : "repeated axis");
  return axes;
}
