/** Shape manipulation (numpy's `reshape`, `transpose`, `concatenate`, …): views wherever numpy gives views. */
import { ValueError, formatShape, normalizeAxis } from "./errors";
import { NDArray, asarray, broadcastTo, contiguousStrides, empty, shapeSize, type ArrayLike } from "./ndarray";
import { promoteTypes } from "./dtype";

/**
 * The same elements in a new shape; one dimension may be -1 (numpy's `np.reshape`). A view when the data is
 * contiguous, a copy otherwise.
 * @example np.reshape(np.arange(6), [2, -1]) // shape (2, 3)
 */
export function reshape(a: ArrayLike, shape: readonly number[] | number): NDArray {
  const x = asarray(a);
  const requested = typeof shape === "number" ? [shape] : [...shape];
  const unknown = requested.indexOf(-1);
  if (requested.some((n, i) => (n < 0 && i !== unknown) || !Number.isInteger(n)) || requested.lastIndexOf(-1) !== unknown) {
    if (requested.filter((n) => n === -1).length > 1) throw new ValueError("can only specify one unknown dimension");
    throw new ValueError(`negative dimensions not allowed`);
  }
  if (unknown >= 0) {
    const known = requested.reduce((p, n, i) => (i === unknown ? p : p * n), 1);
    if (known === 0 || x.size % known !== 0) {
      // numpy's own wording: a leading -1 is left out, any other is written "newaxis".
      const written = requested.map((n, i) => (i !== unknown ? String(n) : i === 0 ? null : "newaxis")).filter((n) => n !== null);
      throw new ValueError(`cannot reshape array of size ${x.size} into shape (${written.join(",")})`);
    }
    requested[unknown] = x.size / known;
  }
  if (shapeSize(requested) !== x.size) throw new ValueError(`cannot reshape array of size ${x.size} into shape ${formatShape(requested)}`);
  const source = x.isContiguous ? x : x.copy();
  return source.view(requested, contiguousStrides(requested), source.offset);
}

/**
 * Permutes the axes, reversing them by default; a view (numpy's `np.transpose`).
 * @example np.transpose(np.ones([2, 3])).shape // [3, 2]
 */
export function transpose(a: ArrayLike, axes?: readonly number[]): NDArray {
  const x = asarray(a);
  const order = axes ? axes.map((axis) => normalizeAxis(axis, x.ndim)) : x.shape.map((_, d) => x.ndim - 1 - d);
  if (order.length !== x.ndim) throw new ValueError("axes don't match array");
  if (new Set(order).size !== order.length) throw new ValueError("repeated axis in transpose");
  return x.view(order.map((d) => x.shape[d]), order.map((d) => x.strides[d]), x.offset);
}

/**
 * Exchanges two axes; a view (numpy's `np.swapaxes`).
 * @example np.swapaxes(np.ones([2, 3, 4]), 0, 2).shape // [4, 3, 2]
 */
export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const x = asarray(a);
  const order = x.shape.map((_, d) => d);
  const i = normalizeAxis(axis1, x.ndim);
  const j = normalizeAxis(axis2, x.ndim);
  [order[i], order[j]] = [order[j], order[i]];
  return transpose(x, order);
}

/**
 * Removes length-1 axes — all of them, or those named (numpy's `np.squeeze`).
 * @example np.squeeze(np.ones([1, 3, 1]), 0).shape // [3, 1]
 */
export function squeeze(a: ArrayLike, axis?: number | readonly number[]): NDArray {
  const x = asarray(a);
  const drop =
    axis === undefined ? x.shape.map((n, d) => (n === 1 ? d : -1)).filter((d) => d >= 0) : (typeof axis === "number" ? [axis] : [...axis]).map((d) => normalizeAxis(d, x.ndim));
  for (const d of drop) {
    if (x.shape[d] !== 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
  }
  const keep = x.shape.map((_, d) => d).filter((d) => !drop.includes(d));
  return x.view(keep.map((d) => x.shape[d]), keep.map((d) => x.strides[d]), x.offset);
}

/**
 * Inserts a length-1 axis at `axis` (numpy's `np.expand_dims`); a view.
 * @example np.expand_dims(np.arange(3), 0).shape // [1, 3]
 */
export function expand_dims(a: ArrayLike, axis: number): NDArray {
  const x = asarray(a);
  const at = normalizeAxis(axis, x.ndim + 1);
  const shape = [...x.shape];
  const strides = [...x.strides];
  shape.splice(at, 0, 1);
  strides.splice(at, 0, 0);
  return x.view(shape, strides, x.offset);
}

/**
 * The elements as a 1-D array, a view when contiguous (numpy's `np.ravel`).
 * @example np.ravel(np.eye(2)) // array([1., 0., 0., 1.])
 */
export function ravel(a: ArrayLike): NDArray {
  const x = asarray(a);
  return reshape(x, [x.size]);
}

/**
 * Joins arrays along an existing axis (numpy's `np.concatenate`).
 * @example np.concatenate([np.zeros([2, 3]), np.ones([1, 3])]) // shape (3, 3)
 */
export function concatenate(arrays: readonly ArrayLike[], options: { axis?: number } = {}): NDArray {
  const xs = arrays.map((a) => asarray(a));
  if (xs.length === 0) throw new ValueError("need at least one array to concatenate");
  const first = xs[0];
  if (first.ndim === 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
  const axis = normalizeAxis(options.axis ?? 0, first.ndim);
  xs.forEach((x, i) => {
    if (x.ndim !== first.ndim) {
      throw new ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${x.ndim} dimension(s)`,
      );
    }
    x.shape.forEach((n, d) => {
      if (d !== axis && n !== first.shape[d]) {
        throw new ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${first.shape[d]} and the array at index ${i} has size ${n}`,
        );
      }
    });
  });
  const shape = [...first.shape];
  shape[axis] = xs.reduce((n, x) => n + x.shape[axis], 0);
  const out = empty(shape, xs.map((x) => x.dtype).reduce(promoteTypes));
  let start = 0;
  for (const x of xs) {
    out.view(x.shape, out.strides, out.offset + start * out.strides[axis]).assign(x);
    start += x.shape[axis];
  }
  return out;
}

/**
 * Joins arrays of the same shape along a new axis (numpy's `np.stack`).
 * @example np.stack([np.zeros(3), np.ones(3)]).shape // [2, 3]
 */
export function stack(arrays: readonly ArrayLike[], options: { axis?: number } = {}): NDArray {
  const xs = arrays.map((a) => asarray(a));
  if (xs.length === 0) throw new ValueError("need at least one array to stack");
  if (xs.some((x) => x.ndim !== xs[0].ndim || x.shape.some((n, d) => n !== xs[0].shape[d]))) {
    throw new ValueError("all input arrays must have the same shape");
  }
  const axis = normalizeAxis(options.axis ?? 0, xs[0].ndim + 1);
  return concatenate(xs.map((x) => expand_dims(x, axis)), { axis });
}

/**
 * Stacks arrays vertically, rows after rows; 1-D arrays become rows (numpy's `np.vstack`).
 * @example np.vstack([np.array([1, 2]), np.array([3, 4])]) // shape (2, 2)
 */
export function vstack(arrays: readonly ArrayLike[]): NDArray {
  return concatenate(arrays.map((a) => atLeast2d(asarray(a))), { axis: 0 });
}

/**
 * Stacks arrays horizontally: along axis 1, or axis 0 for 1-D arrays (numpy's `np.hstack`).
 * @example np.hstack([np.array([1, 2]), np.array([3])]) // array([1, 2, 3])
 */
export function hstack(arrays: readonly ArrayLike[]): NDArray {
  const xs = arrays.map((a) => {
    const x = asarray(a);
    return x.ndim === 0 ? x.reshape(1) : x;
  });
  return concatenate(xs, { axis: xs[0]?.ndim === 1 ? 0 : 1 });
}

function atLeast2d(x: NDArray): NDArray {
  if (x.ndim >= 2) return x;
  return x.reshape(1, x.size);
}

/**
 * A view of `a` repeated along new or length-1 axes to `shape`, without copying (numpy's `np.broadcast_to`).
 * @example np.broadcast_to(np.array([1, 2, 3]), [2, 3])
 */
export function broadcast_to(a: ArrayLike, shape: readonly number[]): NDArray {
  return broadcastTo(asarray(a), shape);
}
