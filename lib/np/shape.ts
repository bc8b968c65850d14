/** Shape manipulation (numpy's `reshape`, `transpose`, `concatenate`, …): views wherever numpy gives views. */
import { AxisError, IndexError, ValueError, ZeroDivisionError, formatShape, normalizeAxis, normalizeAxisTuple } from "./errors";
import { NDArray, alongAxis, asarray, broadcastTo, contiguousStrides, empty, ravelData, shapeSize, type ArrayLike } from "./ndarray";
import { isFloat, promoteTypes } from "./dtype";
import { getItem } from "./indexing";

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
  return concatenate(arrays.map((a) => atleast_2d(a)), { axis: 0 });
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

/**
 * A view of `a` repeated along new or length-1 axes to `shape`, without copying (numpy's `np.broadcast_to`).
 * @example np.broadcast_to(np.array([1, 2, 3]), [2, 3])
 */
export function broadcast_to(a: ArrayLike, shape: readonly number[]): NDArray {
  return broadcastTo(asarray(a), shape);
}

/** A shape as Python prints a tuple, `(1, 3)`: the wording of `np.broadcast`'s errors. */
function tupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** The common shape of `np.broadcast(*args)`, with its error naming the first two arguments that disagree. */
function broadcastArgs(shapes: readonly (readonly number[])[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let d = 0; d < ndim; d++) {
    let n = 1;
    let source = 0;
    for (let i = 0; i < shapes.length; i++) {
      const m = shapes[i][d - ndim + shapes[i].length] ?? 1;
      if (m === 1) continue;
      if (n === 1) [n, source] = [m, i];
      else if (m !== n) {
        throw new ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${source} with shape ${tupleRepr(shapes[source])} and arg ${i} with shape ${tupleRepr(shapes[i])}.`,
        );
      }
    }
    out.push(n);
  }
  return out;
}

/** `x[..., start:stop]` along `axis`, with Python's slice rules (negative bounds count from the end); a view. */
function sliceAlong(x: NDArray, axis: number, start: number, stop: number): NDArray {
  return getItem(x, [":,".repeat(axis) + `${start}:${stop}`]);
}

/**
 * Reverses the order of elements along `axis` — all axes by default; a view (numpy's `np.flip`).
 * @example np.flip(np.array([[1, 2], [3, 4]]), { axis: 1 }) // array([[2, 1], [4, 3]])
 */
export function flip(m: ArrayLike, options: { axis?: number | readonly number[] | null } = {}): NDArray {
  const x = asarray(m);
  const axes = options.axis == null ? x.shape.map((_, d) => d) : normalizeAxisTuple(options.axis, x.ndim);
  const strides = [...x.strides];
  let offset = x.offset;
  for (const d of axes) {
    if (x.shape[d] > 0) offset += (x.shape[d] - 1) * x.strides[d];
    strides[d] = -strides[d];
  }
  return x.view(x.shape, strides, offset);
}

/**
 * Reverses the columns (axis 1) of an array of at least 2 dimensions; a view (numpy's `np.fliplr`).
 * @example np.fliplr(np.eye(2)) // array([[0., 1.], [1., 0.]])
 */
export function fliplr(m: ArrayLike): NDArray {
  const x = asarray(m);
  if (x.ndim < 2) throw new ValueError("Input must be >= 2-d.");
  return flip(x, { axis: 1 });
}

/**
 * Reverses the rows (axis 0); a view (numpy's `np.flipud`).
 * @example np.flipud(np.array([1, 2, 3])) // array([3, 2, 1])
 */
export function flipud(m: ArrayLike): NDArray {
  const x = asarray(m);
  if (x.ndim < 1) throw new ValueError("Input must be >= 1-d.");
  return flip(x, { axis: 0 });
}

/**
 * Elements picked by index along `axis`, or from the flattened array without one (numpy's `np.take`). Negative
 * indices count from the end; `mode` "wrap" or "clip" maps out-of-range indices instead of raising.
 * @example np.take(np.array([[1, 2, 3], [4, 5, 6]]), [2, 0], { axis: 1 }) // array([[3, 1], [6, 4]])
 */
export function take(a: ArrayLike, indices: ArrayLike, options: { axis?: number | null; mode?: "raise" | "wrap" | "clip" } = {}): NDArray {
  const [x, axis] = alongAxis(asarray(a), options.axis ?? null);
  // numpy casts indices "same_kind": Python floats truncate, a float array does not cast.
  if (indices instanceof NDArray && isFloat(indices.dtype)) {
    throw new TypeError(`Cannot cast array data from dtype('${indices.dtype}') to dtype('int64') according to the rule 'same_kind'`);
  }
  const index = asarray(indices).astype("int64");
  const n = x.shape[axis];
  const shape = [...x.shape.slice(0, axis), ...index.shape, ...x.shape.slice(axis + 1)];
  if (shapeSize(shape) === 0) return empty(shape, x.dtype);
  if (n === 0) throw new IndexError("cannot do a non-empty take from an empty axes.");
  const mode = options.mode ?? "raise";
  if (mode !== "raise") {
    const data = index.data;
    for (let i = 0; i < data.length; i++) data[i] = mode === "wrap" ? ((data[i] % n) + n) % n : Math.min(Math.max(data[i], 0), n - 1);
  }
  return getItem(x, [...new Array<string>(axis).fill(":"), index]);
}

/**
 * Shifts elements along `axis` by `shift`, wrapping around; the flattened array when no axis is given. `shift`
 * and `axis` may be lists, paired up by broadcasting (numpy's `np.roll`).
 * @example np.roll(np.arange(5), 2) // array([3, 4, 0, 1, 2])
 */
export function roll(a: ArrayLike, shift: number | readonly number[], options: { axis?: number | readonly number[] | null } = {}): NDArray {
  const x = asarray(a);
  if (options.axis == null) return reshape(roll(ravel(x), shift, { axis: 0 }), x.shape);
  const axes = normalizeAxisTuple(options.axis, x.ndim, undefined, true);
  const shifts = typeof shift === "number" ? [shift] : [...shift];
  const [pairs = 1] = broadcastArgs([typeof shift === "number" ? [] : [shifts.length], typeof options.axis === "number" ? [] : [axes.length]]);
  const total = x.shape.map(() => 0);
  for (let i = 0; i < pairs; i++) total[axes[i % axes.length]] += shifts[i % shifts.length];
  let out = x;
  x.shape.forEach((n, d) => {
    const by = n === 0 ? 0 : ((total[d] % n) + n) % n;
    if (by !== 0) out = take(out, Array.from({ length: n }, (_, i) => (i - by + n) % n), { axis: d });
  });
  return out === x ? x.copy() : out;
}

/**
 * Repeats each element `repeats` times — or `repeats[i]` times for element i — along `axis`, or in the
 * flattened array without one (numpy's `np.repeat`).
 * @example np.repeat(np.array([1, 2]), [1, 3]) // array([1, 2, 2, 2])
 */
export function repeat(a: ArrayLike, repeats: ArrayLike, options: { axis?: number | null } = {}): NDArray {
  const [x, axis] = alongAxis(asarray(a), options.axis ?? null);
  const n = x.shape[axis];
  // numpy casts repeats "safe": Python floats truncate, a float array does not cast.
  if (repeats instanceof NDArray) {
    if (isFloat(repeats.dtype)) throw new TypeError(`Cannot cast array data from dtype('${repeats.dtype}') to dtype('int64') according to the rule 'safe'`);
    if (repeats.ndim > 1) throw new ValueError("object too deep for desired array");
  }
  const given = asarray(repeats);
  if (given.ndim > 1) throw new ValueError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
  const counts = given.toArray().map(Math.trunc);
  if (counts.length !== 1 && counts.length !== n) throw new ValueError(`operands could not be broadcast together with shape ${formatShape([n])} ${formatShape([counts.length])}`);
  if (counts.length === 1 && counts[0] < 0) throw new ValueError("negative dimensions are not allowed");
  if (counts.some((r) => r < 0)) throw new ValueError("repeats may not contain negative values.");
  const index: number[] = [];
  for (let i = 0; i < n; i++) for (let r = counts[counts.length === 1 ? 0 : i]; r > 0; r--) index.push(i);
  return take(x, index, { axis });
}

/**
 * `A` repeated `reps` times along each axis; `reps` and `A.ndim` are matched by prepending ones (numpy's `np.tile`).
 * @example np.tile(np.array([1, 2]), [2, 2]) // array([[1, 2, 1, 2], [1, 2, 1, 2]])
 */
export function tile(A: ArrayLike, reps: number | readonly number[]): NDArray {
  const x = asarray(A);
  const given = typeof reps === "number" ? [reps] : [...reps];
  if (given.some((r) => !Number.isInteger(r))) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (given.some((r) => r < 0)) throw new ValueError("negative dimensions are not allowed");
  const ndim = Math.max(given.length, x.ndim);
  const counts = [...new Array<number>(ndim - given.length).fill(1), ...given];
  const shape = [...new Array<number>(ndim - x.ndim).fill(1), ...x.shape];
  const strides = [...new Array<number>(ndim - x.ndim).fill(0), ...x.strides];
  // Each axis becomes a (count, length) pair whose count axis has stride 0: copying that view lays out the tiles.
  const tiled = x.view(shape.flatMap((n, d) => [counts[d], n]), strides.flatMap((s) => [0, s]), x.offset);
  return reshape(tiled.copy(), shape.map((n, d) => n * counts[d]));
}

/** The axis a split works along: numpy indexes `ary.shape[axis]` first, so a bad axis is Python's IndexError. */
function splitAxis(x: NDArray, axis: number): number {
  if (!Number.isInteger(axis) || axis < -x.ndim || axis >= x.ndim) throw new IndexError("tuple index out of range");
  return axis < 0 ? axis + x.ndim : axis;
}

/**
 * Splits into `sections` nearly equal parts (the first ones one longer) or at the given indices along `axis`;
 * views (numpy's `np.array_split`).
 * @example np.array_split(np.arange(7), 3) // [array([0, 1, 2]), array([3, 4]), array([5, 6])]
 */
export function array_split(ary: ArrayLike, indices_or_sections: number | readonly number[], options: { axis?: number } = {}): NDArray[] {
  const x = asarray(ary);
  const axis = splitAxis(x, options.axis ?? 0);
  const total = x.shape[axis];
  let bounds: number[];
  if (typeof indices_or_sections === "number") {
    const sections = Math.trunc(indices_or_sections);
    if (sections <= 0) throw new ValueError("number sections must be larger than 0.");
    const each = Math.floor(total / sections);
    const extras = total % sections;
    bounds = [0];
    for (let i = 0; i < sections; i++) bounds.push(bounds[i] + each + (i < extras ? 1 : 0));
  } else {
    bounds = [0, ...indices_or_sections, total];
  }
  return bounds.slice(1).map((stop, i) => sliceAlong(x, axis, bounds[i], stop));
}

/**
 * Splits into `sections` equal parts, or at the given indices, along `axis`; views (numpy's `np.split`).
 * @example np.split(np.arange(6), 3) // [array([0, 1]), array([2, 3]), array([4, 5])]
 */
export function split(ary: ArrayLike, indices_or_sections: number | readonly number[], options: { axis?: number } = {}): NDArray[] {
  const x = asarray(ary);
  if (typeof indices_or_sections === "number") {
    // numpy computes the remainder first, so 0 sections fails as Python's integer modulo does.
    if (Math.trunc(indices_or_sections) === 0) throw new ZeroDivisionError("integer modulo by zero");
    if (x.shape[splitAxis(x, options.axis ?? 0)] % indices_or_sections !== 0) throw new ValueError("array split does not result in an equal division");
  }
  return array_split(x, indices_or_sections, options);
}

function splitFrom(name: string, ary: ArrayLike, indices_or_sections: number | readonly number[], minNdim: number, axis: (ndim: number) => number): NDArray[] {
  const x = asarray(ary);
  if (x.ndim < minNdim) throw new ValueError(`${name} only works on arrays of ${minNdim} or more dimensions`);
  return split(x, indices_or_sections, { axis: axis(x.ndim) });
}

/**
 * Splits along axis 1, or axis 0 of a 1-D array (numpy's `np.hsplit`).
 * @example np.hsplit(np.ones([2, 4]), 2).map((p) => p.shape) // [[2, 2], [2, 2]]
 */
export function hsplit(ary: ArrayLike, indices_or_sections: number | readonly number[]): NDArray[] {
  return splitFrom("hsplit", ary, indices_or_sections, 1, (ndim) => (ndim > 1 ? 1 : 0));
}

/**
 * Splits along axis 0 an array of at least 2 dimensions (numpy's `np.vsplit`).
 * @example np.vsplit(np.ones([4, 2]), [1]).map((p) => p.shape) // [[1, 2], [3, 2]]
 */
export function vsplit(ary: ArrayLike, indices_or_sections: number | readonly number[]): NDArray[] {
  return splitFrom("vsplit", ary, indices_or_sections, 2, () => 0);
}

/**
 * Splits along axis 2 an array of at least 3 dimensions (numpy's `np.dsplit`).
 * @example np.dsplit(np.ones([1, 2, 4]), 2).map((p) => p.shape) // [[1, 2, 2], [1, 2, 2]]
 */
export function dsplit(ary: ArrayLike, indices_or_sections: number | readonly number[]): NDArray[] {
  return splitFrom("dsplit", ary, indices_or_sections, 3, () => 2);
}

/** numpy's atleast_Nd calling convention: one array gives an array, several (or none) a list. */
function eachArray(arrays: readonly ArrayLike[], promote: (x: NDArray) => NDArray): NDArray | NDArray[] {
  const out = arrays.map((a) => promote(asarray(a)));
  return out.length === 1 ? out[0] : out;
}

/**
 * The array viewed with at least one dimension: a 0-d array becomes shape (1,) (numpy's `np.atleast_1d`).
 * Several arrays give a list, as numpy gives a tuple.
 * @example np.atleast_1d(5).shape // [1]
 */
export function atleast_1d(a: ArrayLike): NDArray;
export function atleast_1d(...arrays: ArrayLike[]): NDArray[];
export function atleast_1d(...arrays: ArrayLike[]): NDArray | NDArray[] {
  return eachArray(arrays, (x) => (x.ndim === 0 ? reshape(x, [1]) : x));
}

/**
 * The array viewed with at least two dimensions: shape (N,) becomes (1, N), a 0-d array (1, 1)
 * (numpy's `np.atleast_2d`). Several arrays give a list.
 * @example np.atleast_2d(np.arange(3)).shape // [1, 3]
 */
export function atleast_2d(a: ArrayLike): NDArray;
export function atleast_2d(...arrays: ArrayLike[]): NDArray[];
export function atleast_2d(...arrays: ArrayLike[]): NDArray | NDArray[] {
  return eachArray(arrays, (x) => (x.ndim === 0 ? reshape(x, [1, 1]) : x.ndim === 1 ? expand_dims(x, 0) : x));
}

/**
 * The array viewed with at least three dimensions: (N,) becomes (1, N, 1), (M, N) becomes (M, N, 1), a 0-d
 * array (1, 1, 1) (numpy's `np.atleast_3d`). Several arrays give a list.
 * @example np.atleast_3d(np.ones([2, 3])).shape // [2, 3, 1]
 */
export function atleast_3d(a: ArrayLike): NDArray;
export function atleast_3d(...arrays: ArrayLike[]): NDArray[];
export function atleast_3d(...arrays: ArrayLike[]): NDArray | NDArray[] {
  return eachArray(arrays, (x) => (x.ndim === 0 ? reshape(x, [1, 1, 1]) : x.ndim === 1 ? expand_dims(expand_dims(x, 0), 2) : x.ndim === 2 ? expand_dims(x, 2) : x));
}

/**
 * Stacks 1-D arrays as the columns of a 2-D array; 2-D arrays are joined along axis 1 (numpy's `np.column_stack`).
 * @example np.column_stack([np.array([1, 2]), np.array([3, 4])]) // array([[1, 3], [2, 4]])
 */
export function column_stack(tup: readonly ArrayLike[]): NDArray {
  return concatenate(tup.map((a) => {
    const x = asarray(a);
    return x.ndim < 2 ? transpose(atleast_2d(x)) : x;
  }), { axis: 1 });
}

/**
 * Stacks arrays along the third axis, after making each at least 3-D (numpy's `np.dstack`).
 * @example np.dstack([np.array([1, 2]), np.array([3, 4])]).shape // [1, 2, 2]
 */
export function dstack(tup: readonly ArrayLike[]): NDArray {
  return concatenate(tup.map((a) => atleast_3d(a)), { axis: 2 });
}

/**
 * Moves axes to new positions, the others keeping their order; a view (numpy's `np.moveaxis`).
 * @example np.moveaxis(np.ones([3, 4, 5]), 0, -1).shape // [4, 5, 3]
 */
export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const x = asarray(a);
  const from = normalizeAxisTuple(source, x.ndim, "source");
  const to = normalizeAxisTuple(destination, x.ndim, "destination");
  if (from.length !== to.length) throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  const order = x.shape.map((_, d) => d).filter((d) => !from.includes(d));
  to.map((d, i) => [d, from[i]])
    .sort((p, q) => p[0] - q[0])
    .forEach(([d, s]) => order.splice(d, 0, s));
  return transpose(x, order);
}

/**
 * Rolls `axis` backwards until it lies before position `start`, the others keeping their order; a view
 * (numpy's older `np.rollaxis`; `moveaxis` says the same more plainly).
 * @example np.rollaxis(np.ones([3, 4, 5, 6]), 3, 1).shape // [3, 6, 4, 5]
 */
export function rollaxis(a: ArrayLike, axis: number, start = 0): NDArray {
  const x = asarray(a);
  const n = x.ndim;
  const from = normalizeAxis(axis, n);
  const at = start < 0 ? start + n : start;
  if (!(at >= 0 && at < n + 1)) {
    const error = new AxisError(start, n);
    error.message = `'start' arg requires ${-n} <= start < ${n + 1}, but ${at} was passed in`;
    throw error;
  }
  const order = x.shape.map((_, d) => d).filter((d) => d !== from);
  order.splice(from < at ? at - 1 : at, 0, from);
  return transpose(x, order);
}

/**
 * A new array of `new_shape` filled with `a`'s elements in C order, repeated as often as needed (numpy's
 * `np.resize`; the method `a.resize` in numpy pads with zeros instead).
 * @example np.resize(np.array([1, 2, 3]), [2, 4]) // array([[1, 2, 3, 1], [2, 3, 1, 2]])
 */
export function resize(a: ArrayLike, new_shape: number | readonly number[]): NDArray {
  const x = asarray(a);
  const shape = typeof new_shape === "number" ? [new_shape] : [...new_shape];
  if (shape.some((n) => n < 0)) throw new ValueError("all elements of `new_shape` must be non-negative");
  const out = empty(shape, x.dtype);
  const values = ravelData(x);
  // An empty `a` fills with zeros, as numpy's does.
  for (let i = 0; i < out.data.length; i++) out.data[i] = values.length ? values[i % values.length] : 0;
  return out;
}

/**
 * `values` joined to the end of `arr` along `axis`; both are flattened when no axis is given (numpy's `np.append`).
 * @example np.append(np.array([1, 2]), [3, 4]) // array([1, 2, 3, 4])
 */
export function append(arr: ArrayLike, values: ArrayLike, options: { axis?: number | null } = {}): NDArray {
  if (options.axis == null) return concatenate([ravel(arr), ravel(values)]);
  return concatenate([arr, values], { axis: options.axis });
}

/**
 * Views of the arrays broadcast against each other to one shape (numpy's `np.broadcast_arrays`).
 * @example np.broadcast_arrays(np.arange(3), np.zeros([2, 1])).map((x) => x.shape) // [[2, 3], [2, 3]]
 */
export function broadcast_arrays(...arrays: ArrayLike[]): NDArray[] {
  const xs = arrays.map((a) => asarray(a));
  const shape = broadcastArgs(xs.map((x) => x.shape));
  return xs.map((x) => broadcastTo(x, shape));
}

/** np.pad's modes that tsdl implements. */
export type PadMode = "constant" | "edge" | "reflect" | "symmetric" | "wrap";

/** numpy's modes tsdl has not implemented, told apart from names numpy does not know. */
const UNIMPLEMENTED_PAD_MODES = ["empty", "linear_ramp", "maximum", "mean", "median", "minimum"];

/**
 * For each mode but "constant": the source index, in an axis of length n (n > 0), of padded position i, where
 * i runs from -before to n + after - 1. numpy pads these modes periodically.
 */
const PAD_SOURCE: Record<Exclude<PadMode, "constant">, (i: number, n: number) => number> = {
  edge: (i, n) => Math.min(Math.max(i, 0), n - 1),
  wrap: (i, n) => ((i % n) + n) % n,
  // A length-1 axis repeats its element, numpy's legacy behaviour for "reflect".
  reflect: (i, n) => {
    if (n === 1) return 0;
    const m = ((i % (2 * n - 2)) + 2 * n - 2) % (2 * n - 2);
    return m < n ? m : 2 * n - 2 - m;
  },
  symmetric: (i, n) => {
    const m = ((i % (2 * n)) + 2 * n) % (2 * n);
    return m < n ? m : 2 * n - 1 - m;
  },
};

/** numpy's `_as_pairs`: a scalar, a (before, after) pair or one pair per axis, as `ndim` pairs. */
function asPairs(value: ArrayLike, ndim: number, isIndex: boolean): number[][] {
  const x = asarray(value);
  const flat = x.toArray();
  const checked = (pairs: number[][]) => {
    if (isIndex && pairs.some((pair) => pair[0] < 0 || pair[1] < 0)) throw new ValueError("index can't contain negative values");
    return pairs;
  };
  if (x.ndim < 3 && x.size === 1) return checked(new Array(ndim).fill([flat[0], flat[0]]));
  // [[b], [a]] is one width per axis, not a (before, after) pair.
  if (x.ndim < 3 && x.size === 2 && !(x.ndim === 2 && x.shape[1] === 1)) return checked(new Array(ndim).fill([flat[0], flat[1]]));
  if (isIndex && flat.some((w) => w < 0)) throw new ValueError("index can't contain negative values");
  return broadcastTo(x, [ndim, 2]).tolist() as number[][];
}

/**
 * The array with a border along each axis (numpy's `np.pad`). `pad_width` is one width for every side, a
 * (before, after) pair for every axis, or one pair per axis. Modes: "constant" (`constant_values`, 0 by
 * default, as a scalar or pairs in the same forms), "edge", "reflect", "symmetric" and "wrap"; numpy's
 * statistical and ramp modes are not implemented.
 * @example np.pad(np.array([1, 2]), [1, 2], { constant_values: 9 }) // array([9, 1, 2, 9, 9])
 */
export function pad(array: ArrayLike, pad_width: ArrayLike, options: { mode?: PadMode; constant_values?: ArrayLike } = {}): NDArray {
  const x = asarray(array);
  const width = asarray(pad_width);
  if (width.dtype !== "int64" && width.dtype !== "int32") throw new TypeError("`pad_width` must be of integral type.");
  const widths = asPairs(width, x.ndim, true);
  const mode = options.mode ?? "constant";
  if (UNIMPLEMENTED_PAD_MODES.includes(mode)) throw new ValueError(`mode '${mode}' of np.pad is not implemented in tsdl`);
  if (mode !== "constant" && !(mode in PAD_SOURCE)) throw new ValueError(`mode '${mode}' is not supported`);
  if (mode !== "constant" && options.constant_values !== undefined) throw new ValueError(`unsupported keyword arguments for mode '${mode}': {'constant_values'}`);
  const paddedShape = x.shape.map((n, d) => widths[d][0] + n + widths[d][1]);
  // numpy pads one axis after the other, each over the full extent of the axes already padded: corners take
  // the value of the last axis.
  if (mode === "constant") {
    const values = asPairs(options.constant_values ?? 0, x.ndim, false);
    return widths.reduce((out, [before, after], d) => {
      const side = (width: number, value: number) => empty(out.shape.map((n, k) => (k === d ? width : n)), x.dtype).fill(value);
      return concatenate([side(before, values[d][0]), out, side(after, values[d][1])], { axis: d });
    }, x.copy());
  }
  if (x.size === 0) {
    x.shape.forEach((n, d) => {
      if (n === 0 && (widths[d][0] > 0 || widths[d][1] > 0)) throw new ValueError(`can't extend empty axis ${d} using modes other than 'constant' or 'empty'`);
    });
    return empty(paddedShape, x.dtype);
  }
  const source = PAD_SOURCE[mode as Exclude<PadMode, "constant">];
  return widths.reduce((out, [before], d) => {
    const n = x.shape[d];
    return take(out, Array.from({ length: paddedShape[d] }, (_, i) => source(i - before, n)), { axis: d });
  }, x);
}

/** The matrices (last two axes; a 1-D array is broadcast to a square) with the elements of one triangle zeroed. */
function zeroTriangle(m: ArrayLike, k: number, part: "lower" | "upper"): NDArray {
  const x = asarray(m);
  if (x.ndim === 0) throw new TypeError("tri() missing 1 required positional argument: 'N'");
  const out = broadcastTo(x, x.ndim === 1 ? [x.size, x.size] : x.shape).copy();
  const [rows, cols] = out.shape.slice(-2);
  const data = out.data;
  for (let at = 0; at < out.size; at += rows * cols) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) if (part === "upper" ? j > i + k : j < i + k) data[at + i * cols + j] = 0;
    }
  }
  return out;
}

/**
 * The lower triangle of the matrix (or of each matrix in the last two axes): elements above the k-th
 * diagonal are zeroed (numpy's `np.tril`).
 * @example np.tril(np.ones([3, 3]), { k: -1 })
 */
export function tril(m: ArrayLike, options: { k?: number } = {}): NDArray {
  return zeroTriangle(m, options.k ?? 0, "upper");
}

/**
 * The upper triangle: elements below the k-th diagonal are zeroed (numpy's `np.triu`).
 * @example np.triu(np.ones([3, 3]), { k: 1 })
 */
export function triu(m: ArrayLike, options: { k?: number } = {}): NDArray {
  return zeroTriangle(m, options.k ?? 0, "lower");
}

/**
 * The diagonal at `offset` of the 2-D sub-arrays spanned by `axis1` and `axis2`, as the last axis of a view
 * (numpy's `np.diagonal`; numpy's view is read-only, tsdl's writes through).
 * @example np.diagonal(np.array([[1, 2], [3, 4]])) // array([1, 4])
 */
export function diagonal(a: ArrayLike, options: { offset?: number; axis1?: number; axis2?: number } = {}): NDArray {
  const x = asarray(a);
  if (x.ndim < 2) throw new ValueError("diag requires an array of at least two dimensions");
  const [axis1] = normalizeAxisTuple(options.axis1 ?? 0, x.ndim, "axis1");
  const [axis2] = normalizeAxisTuple(options.axis2 ?? 1, x.ndim, "axis2");
  if (axis1 === axis2) throw new ValueError("axis1 and axis2 cannot be the same");
  const offset = options.offset ?? 0;
  const [rows, cols] = [x.shape[axis1], x.shape[axis2]];
  const length = Math.max(0, offset >= 0 ? Math.min(rows, cols - offset) : Math.min(rows + offset, cols));
  const start = length === 0 ? x.offset : x.offset + (offset >= 0 ? offset * x.strides[axis2] : -offset * x.strides[axis1]);
  const rest = x.shape.map((_, d) => d).filter((d) => d !== axis1 && d !== axis2);
  return x.view([...rest.map((d) => x.shape[d]), length], [...rest.map((d) => x.strides[d]), x.strides[axis1] + x.strides[axis2]], start);
}

/**
 * A 2-D array with the 1-D `v` on its k-th diagonal, or the k-th diagonal of a 2-D `v` (a view) (numpy's `np.diag`).
 * @example np.diag(np.array([1, 2])) // array([[1, 0], [0, 2]])
 */
export function diag(v: ArrayLike, options: { k?: number } = {}): NDArray {
  const x = asarray(v);
  const k = options.k ?? 0;
  if (x.ndim === 2) return diagonal(x, { offset: k });
  if (x.ndim !== 1) throw new ValueError("Input must be 1- or 2-d.");
  const n = x.size + Math.abs(k);
  const out = empty([n, n], x.dtype);
  diagonal(out, { offset: k }).assign(x);
  return out;
}

/**
 * Number of dimensions (numpy's `np.ndim`).
 * @example np.ndim([[1, 2], [3, 4]]) // 2
 */
export function ndim(a: ArrayLike): number {
  return asarray(a).ndim;
}

/**
 * Number of elements, or the length along `axis` (the product over several axes) (numpy's `np.size`).
 * @example np.size(np.ones([2, 3]), { axis: 1 }) // 3
 */
export function size(a: ArrayLike, options: { axis?: number | readonly number[] | null } = {}): number {
  const x = asarray(a);
  if (options.axis == null) return x.size;
  return normalizeAxisTuple(options.axis, x.ndim).reduce((n, d) => n * x.shape[d], 1);
}
