/**
 * Products, norms and linear systems (numpy's `dot`, `matmul`, `outer`, `tensordot`, `einsum`, `trace`,
 * `cross`, `linalg.norm`, `linalg.inv`, `linalg.det`, `linalg.solve`, `linalg.matrix_power`).
 */
import { isFloat, promoteTypes, type DType, type TypedArray } from "./dtype";
import { IndexError, LinAlgError, ValueError, formatShape, normalizeAxis, normalizeAxisTuple } from "./errors";
import { NDArray, asarray, broadcastShapes, broadcastTo, empty, ravelData, shapeSize, type ArrayLike } from "./ndarray";
import { diagonal, ravel, reshape, stack, swapaxes, transpose } from "./shape";
import { abs, multiply, negative, sqrt, subtract } from "./ufunc";
import { max, min, sum } from "./reduce";
import { nativeBackend } from "./native";

/**
 * C = A·B for 2-D operands given as views (any strides), accumulated in float64. The native backend packs
 * float64 operands itself, whatever their strides. The TypeScript path packs operands into contiguous
 * row-major buffers first, so transposed inputs cost one pass and the loop stays unit-stride.
 */
function gemm(a: NDArray, b: NDArray, out: NDArray): void {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const float64 = a.dtype === "float64" && b.dtype === "float64" && out.dtype === "float64";
  if (float64 && m * n * k <= SMALL_PRODUCT) {
    smallGemm(a, b, out, m, n, k);
    return;
  }
  const native = nativeBackend();
  if (native && float64) {
    native.gemm(a, b, out, m, n, k);
    return;
  }
  const A = contiguousFloat64(a);
  const B = contiguousFloat64(b);
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let p = 0; p < k; p++) {
      const aip = A[i * k + p];
      if (aip === 0) continue;
      const col = p * n;
      for (let j = 0; j < n; j++) C[row + j] += aip * B[col + j];
    }
  }
  out.assign(new NDArray(C, [m, n], "float64"));
}

/**
 * Up to this many multiply-adds, a product runs fastest as dot products straight over the operands' strides
 * (0.08 µs for a (3,4)·(4,3), against 0.24 µs for the native call and 2 µs for packing); the native kernel
 * wins from about 5·5·5 on.
 */
const SMALL_PRODUCT = 100;

function smallGemm(a: NDArray, b: NDArray, out: NDArray, m: number, n: number, k: number): void {
  const A = a.data;
  const B = b.data;
  const C = out.data;
  const [rowA, stepA] = a.strides;
  const [stepB, colB] = b.strides;
  const [rowC, colC] = out.strides;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0, ap = a.offset + i * rowA, bp = b.offset + j * colB; p < k; p++, ap += stepA, bp += stepB) sum += A[ap] * B[bp];
      C[out.offset + i * rowC + j * colC] = sum;
    }
  }
}

function contiguousFloat64(x: NDArray): TypedArray {
  return x.isContiguous ? ravelData(x) : ravelData(x.copy());
}

function productDType(a: NDArray, b: NDArray): DType {
  return promoteTypes(a.dtype, b.dtype);
}

/** Batched 2-D products over leading dimensions that are already broadcast to each other. */
function batchedProduct(a: NDArray, b: NDArray, batch: readonly number[], outShape: readonly number[]): NDArray {
  const out = empty(outShape, productDType(a, b), "unspecified");
  const m = a.shape[a.ndim - 2];
  const n = b.shape[b.ndim - 1];
  const index = batch.map(() => 0);
  const count = batch.reduce((p, len) => p * len, 1);
  for (let t = 0; t < count; t++) {
    const pick = (x: NDArray) => x.view(x.shape.slice(-2), x.strides.slice(-2), x.offset + index.reduce((o, i, d) => o + i * x.strides[d], 0));
    const target = out.view([m, n], out.strides.slice(-2), out.offset + index.reduce((o, i, d) => o + i * out.strides[d], 0));
    gemm(pick(a), pick(b), target);
    for (let d = batch.length - 1; d >= 0 && ++index[d] === batch[d]; d--) index[d] = 0;
  }
  return out;
}

/**
 * Dot product (numpy's `np.dot`): inner product of 1-D arrays (a 0-d array), matrix product of 2-D ones,
 * and for N-D a sum product over the last axis of `a` and the second-to-last of `b`.
 * @example
 * np.dot(W, X)                         // (n_h, n_x)·(n_x, m) → (n_h, m)
 * np.dot(np.array([1, 2]), np.array([3, 4]))  // array(11)
 */
export function dot(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  if (x.ndim === 2 && y.ndim === 2 && x.shape[1] === y.shape[0]) {
    const out = empty([x.shape[0], y.shape[1]], productDType(x, y), "unspecified");
    gemm(x, y, out);
    return out;
  }
  const contractedY = y.ndim === 1 ? 0 : y.ndim - 2;
  const k = x.shape[x.ndim - 1];
  if (k !== y.shape[contractedY]) {
    throw new ValueError(`shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} not aligned: ${k} (dim ${x.ndim - 1}) != ${y.shape[contractedY]} (dim ${contractedY})`);
  }
  // Fold everything but the contracted axes into one 2-D product, then restore numpy's result shape.
  const rest = [...y.shape.keys()].filter((d) => d !== contractedY);
  // 2-D and 1-D operands are used as the views they are (reshape would copy a transposed one).
  const rows = x.ndim === 2 ? x : x.reshape(-1, k);
  const cols = y.ndim === 2 ? y : y.ndim === 1 ? y.view([k, 1], [y.strides[0], 1], y.offset) : y.transpose([contractedY, ...rest]).reshape(k, -1);
  const out2d = empty([rows.shape[0], cols.shape[1]], productDType(x, y), "unspecified");
  gemm(rows, cols, out2d);
  const shape = [...x.shape.slice(0, -1), ...rest.map((d) => y.shape[d])];
  return out2d.reshape(shape);
}

/**
 * Matrix product with broadcasting over leading dimensions (numpy's `np.matmul`, the `@` operator);
 * 1-D operands act as a row or column vector. Scalars are not allowed.
 * @example np.matmul(np.ones([5, 2, 3]), np.ones([3, 4])).shape // [5, 2, 4]
 */
export function matmul(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) throw new ValueError("matmul: Input operand " + (x.ndim === 0 ? 0 : 1) + " does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)");
  const x2 = x.ndim === 1 ? x.reshape(1, x.shape[0]) : x;
  const y2 = y.ndim === 1 ? y.reshape(y.shape[0], 1) : y;
  const k = x2.shape[x2.ndim - 1];
  if (y2.shape[y2.ndim - 2] !== k) {
    throw new ValueError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${y2.shape[y2.ndim - 2]} is different from ${k})`,
    );
  }
  const batch = broadcastShapes(x2.shape.slice(0, -2), y2.shape.slice(0, -2));
  const xb = broadcastTo(x2, [...batch, ...x2.shape.slice(-2)]);
  const yb = broadcastTo(y2, [...batch, ...y2.shape.slice(-2)]);
  const m = x2.shape[x2.ndim - 2];
  const n = y2.shape[y2.ndim - 1];
  const out = batchedProduct(xb, yb, batch, [...batch, m, n]);
  const shape = [...batch, ...(x.ndim === 1 ? [] : [m]), ...(y.ndim === 1 ? [] : [n])];
  return out.reshape(shape);
}

/**
 * Outer product of two vectors, flattened first (numpy's `np.outer`).
 * @example np.outer([1, 2], [1, 10]) // array([[ 1, 10], [ 2, 20]])
 */
export function outer(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  return multiply(x.reshape(-1, 1), y.reshape(1, -1));
}

/** The axes `tensordot` sums over: the last n of `a` with the first n of `b`, or an axis (list) for each. */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

/** A dimension as Python's `shape[axis]` reads it: negative axes from the end, IndexError past either end. */
function dimension(shape: readonly number[], axis: number): number {
  if (axis < -shape.length || axis >= shape.length) throw new IndexError("tuple index out of range");
  return shape[axis < 0 ? axis + shape.length : axis];
}

/**
 * Sum product over the given axes of `a` and `b` (numpy's `np.tensordot`): by default the last two of `a`
 * with the first two of `b`. The result's axes are `a`'s remaining ones, then `b`'s.
 * @example
 * np.tensordot(np.ones([3, 4, 5]), np.ones([4, 5, 2])).shape                   // [3, 2]
 * np.tensordot(a, b, { axes: [[1, 0], [0, 1]] })                                // a's axes 1, 0 with b's 0, 1
 */
export function tensordot(a: ArrayLike, b: ArrayLike, options: { axes?: TensordotAxes } = {}): NDArray {
  const axes = options.axes ?? 2;
  const asList = (spec: number | readonly number[]) => (typeof spec === "number" ? [spec] : [...spec]);
  const count = typeof axes === "number" ? Math.max(axes, 0) : 0;
  const [axesA, axesB] =
    typeof axes === "number" ? [Array.from({ length: count }, (_, k) => k - count), Array.from({ length: count }, (_, k) => k)] : [asList(axes[0]), asList(axes[1])];
  if (new Set(axesA).size !== axesA.length || new Set(axesB).size !== axesB.length) throw new ValueError("duplicate axes are not allowed in tensordot");
  const x = asarray(a);
  const y = asarray(b);
  if (axesA.length !== axesB.length || axesA.some((axis, k) => dimension(x.shape, axis) !== dimension(y.shape, axesB[k]))) {
    throw new ValueError("shape-mismatch for sum");
  }
  const summedA = axesA.map((axis) => (axis < 0 ? axis + x.ndim : axis));
  const summedB = axesB.map((axis) => (axis < 0 ? axis + y.ndim : axis));
  const keptA = [...x.shape.keys()].filter((d) => !summedA.includes(d));
  const keptB = [...y.shape.keys()].filter((d) => !summedB.includes(d));
  const size = (shape: readonly number[], dims: number[]) => shapeSize(dims.map((d) => shape[d]));
  const k = size(x.shape, summedA);
  const rows = transpose(x, [...keptA, ...summedA]).reshape(size(x.shape, keptA), k);
  const cols = transpose(y, [...summedB, ...keptB]).reshape(k, size(y.shape, keptB));
  return dot(rows, cols).reshape([...keptA.map((d) => x.shape[d]), ...keptB.map((d) => y.shape[d])]);
}

/**
 * Inner product over the last axes (numpy's `np.inner`): of vectors a 0-d array, else an array of shape
 * `a.shape[:-1] + b.shape[:-1]`; a scalar operand multiplies.
 * @example np.inner(np.array([1, 2, 3]), np.array([0, 1, 0])) // array(2)
 */
export function inner(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  // numpy's own route: dot with b's last two axes swapped, whose error messages it shares.
  return dot(x, y.ndim >= 2 ? swapaxes(y, -1, -2) : y);
}

/**
 * Dot product of the two arrays flattened, which must have the same size (numpy's `np.vdot`; tsdl has no
 * complex numbers to conjugate).
 * @example np.vdot(np.array([[1, 2], [3, 4]]), np.array([[1, 1], [1, 1]])) // array(10)
 */
export function vdot(a: ArrayLike, b: ArrayLike): NDArray {
  const x = ravel(a);
  return dot(x, reshape(b, [x.size]));
}

/**
 * Kronecker product: blocks of `b` scaled by each element of `a` (numpy's `np.kron`); the operand with fewer
 * dimensions gets leading length-1 axes.
 * @example np.kron(np.eye(2), np.ones([2, 2])).shape // [4, 4]
 */
export function kron(a: ArrayLike, b: ArrayLike): NDArray {
  const x = asarray(a);
  const y = asarray(b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  const ndim = Math.max(x.ndim, y.ndim);
  const padded = (shape: readonly number[]) => [...new Array<number>(ndim - shape.length).fill(1), ...shape];
  const shapeA = padded(x.shape);
  const shapeB = padded(y.shape);
  // a's axes interleaved with b's, so that the product's C order is the block layout.
  const blocks = multiply(x.reshape(shapeA.flatMap((n) => [n, 1])), y.reshape(shapeB.flatMap((n) => [1, n])));
  return blocks.reshape(shapeA.map((n, d) => n * shapeB[d]));
}

export interface TraceOptions {
  /** The diagonal: 0 the main one, positive above it, negative below. */
  offset?: number;
  /** The axes spanning the matrices, 0 and 1 by default. */
  axis1?: number;
  axis2?: number;
}

/**
 * Sum along a diagonal (numpy's `np.trace`), summed in sum's dtype (bool and small integers in int64): a
 * number for a matrix, an array for a stack of them.
 * @example
 * np.trace(np.array([[1, 2], [3, 4]]))                        // 5
 * np.trace(np.ones([2, 3, 3]), { axis1: 1, axis2: 2 })        // array([3., 3.])
 */
export function trace(a: ArrayLike, options: TraceOptions = {}): NDArray | number {
  const total = sum(diagonal(a, options), { axis: -1 });
  return total.ndim === 0 ? total.item() : total;
}

export interface CrossOptions {
  /** The axis of `a`, `b` and the result holding the vectors, overriding the three below. */
  axis?: number;
  axisa?: number;
  axisb?: number;
  axisc?: number;
}

/**
 * Cross product of 3-vectors along the last axis, broadcasting the others (numpy's `np.cross`). 2-vectors,
 * deprecated in numpy 2 but still accepted, count as having a zero third component; two of them give the z
 * component alone.
 * @example np.cross(np.array([1, 0, 0]), np.array([0, 1, 0])) // array([0, 0, 1])
 */
export function cross(a: ArrayLike, b: ArrayLike, options: CrossOptions = {}): NDArray {
  const { axisa = -1, axisb = -1, axisc = -1 } = options.axis === undefined ? options : { axisa: options.axis, axisb: options.axis, axisc: options.axis };
  let x = asarray(a);
  let y = asarray(b);
  if (x.ndim < 1 || y.ndim < 1) throw new ValueError("At least one array has zero dimension");
  const toEnd = (v: NDArray, axis: number) => transpose(v, [...[...v.shape.keys()].filter((d) => d !== axis), axis]);
  x = toEnd(x, normalizeAxisTuple(axisa, x.ndim, "axisa")[0]);
  y = toEnd(y, normalizeAxisTuple(axisb, y.ndim, "axisb")[0]);
  const [n, m] = [x.shape[x.ndim - 1], y.shape[y.ndim - 1]];
  if ((n !== 2 && n !== 3) || (m !== 2 && m !== 3)) throw new ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)");
  const [vectorsA, vectorsB] = [x.shape.slice(0, -1), y.shape.slice(0, -1)];
  let shape: number[];
  try {
    shape = broadcastShapes(vectorsA, vectorsB);
  } catch {
    // np.broadcast's message writes the shapes as Python tuples.
    const tuple = (shape: readonly number[]) => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`);
    throw new ValueError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${tuple(vectorsA)} and arg 1 with shape ${tuple(vectorsB)}.`,
    );
  }
  const outAxis = n === 3 || m === 3 ? normalizeAxisTuple(axisc, shape.length + 1, "axisc")[0] : null;
  const dtype = promoteTypes(x.dtype, y.dtype);
  x = asarray(x, { dtype });
  y = asarray(y, { dtype });
  // Component i of a vector; a 2-vector's third is null, a zero that numpy leaves out of the arithmetic.
  const component = (v: NDArray, i: number) => (i < v.shape[v.ndim - 1] ? v.view(v.shape.slice(0, -1), v.strides.slice(0, -1), v.offset + i * v.strides[v.ndim - 1]) : null);
  const determinant = (i: number, j: number): NDArray => {
    const [ai, bj, aj, bi] = [component(x, i), component(y, j), component(x, j), component(y, i)];
    const plus = ai && bj && multiply(ai, bj);
    const minus = aj && bi && multiply(aj, bi);
    if (!minus) return plus!;
    return plus ? subtract(plus, minus) : negative(minus);
  };
  if (outAxis === null) return determinant(0, 1);
  const product = stack([determinant(1, 2), determinant(2, 0), determinant(0, 1)], { axis: -1 });
  const order = [...product.shape.keys()].slice(0, -1);
  order.splice(outAxis, 0, product.ndim - 1);
  return transpose(product, order);
}

/**
 * An einsum operand's axes by label: a subscript letter, or `…k` for the k-th of the broadcast dimensions
 * an ellipsis stands for, counted so that every operand's broadcast dimensions align on the right.
 */
interface Labeled {
  array: NDArray;
  labels: string[];
}

const SUBSCRIPT = /^[A-Za-z]$/;
const broadcastLabel = (k: number) => `…${k}`;

/**
 * One operand's subscripts as numpy's parse_operand_subscripts reads them: letters and at most one
 * ellipsis, spaces ignored; `null` marks each broadcast dimension the ellipsis covers.
 */
function operandSubscripts(subscripts: string, ndim: number, index: number, counts: Map<string, number>): (string | null)[] {
  const labels: string[] = [];
  let ellipsis = -1;
  for (let i = 0; i < subscripts.length; i++) {
    const c = subscripts[i];
    if (SUBSCRIPT.test(c)) {
      if (labels.length >= ndim) throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${index}`);
      labels.push(c);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    } else if (c === ".") {
      if (ellipsis !== -1 || i + 2 >= subscripts.length || subscripts[++i] !== "." || subscripts[++i] !== ".") {
        throw new ValueError(`einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand ${index}`);
      }
      ellipsis = labels.length;
    } else if (c !== " ") {
      throw new ValueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (ellipsis === -1 && labels.length !== ndim) {
    throw new ValueError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
  }
  if (ellipsis === -1) return labels;
  return [...labels.slice(0, ellipsis), ...new Array<null>(ndim - labels.length).fill(null), ...labels.slice(ellipsis)];
}

/** The output subscripts, explicit after `->` (checked as numpy's parse_output_subscripts checks them) or implicit. */
function outputSubscripts(subscripts: string | null, broadcastDims: number, counts: Map<string, number>): string[] {
  const broadcast = Array.from({ length: broadcastDims }, (_, k) => broadcastLabel(k));
  // Implicitly: the broadcast dimensions, then every label used once, in alphabetical (ASCII) order.
  if (subscripts === null) return [...broadcast, ...[...counts.keys()].filter((label) => counts.get(label) === 1).sort()];
  const labels: string[] = [];
  let ellipsis = false;
  for (let i = 0; i < subscripts.length; i++) {
    const c = subscripts[i];
    if (SUBSCRIPT.test(c)) {
      if (subscripts.indexOf(c, i + 1) !== -1) throw new ValueError(`einstein sum subscripts string includes output subscript '${c}' multiple times`);
      if (!counts.has(c)) throw new ValueError(`einstein sum subscripts string included output subscript '${c}' which never appeared in an input`);
      labels.push(c);
    } else if (c === ".") {
      if (ellipsis || i + 2 >= subscripts.length || subscripts[++i] !== "." || subscripts[++i] !== ".") {
        throw new ValueError("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
      }
      ellipsis = true;
      labels.push(...broadcast);
    } else if (c !== " ") {
      throw new ValueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (!ellipsis && broadcastDims > 0) {
    throw new ValueError("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
  }
  return labels;
}

/**
 * A single operand whose every axis lands in the output, as numpy's get_single_op_view returns it: a view
 * (a transpose, a diagonal). Null when some axis is summed over.
 */
function singleOperandView(x: NDArray, labels: string[], output: string[]): NDArray | null {
  const shape = new Array<number>(output.length).fill(0);
  const strides = new Array<number>(output.length).fill(0);
  for (let d = 0; d < x.ndim; d++) {
    const at = output.indexOf(labels[d]);
    if (at === -1) return null;
    if (shape[at] !== 0 && shape[at] !== x.shape[d]) {
      throw new ValueError(`dimensions in single operand for collapsing index '${labels[d]}' don't match (${shape[at]} != ${x.shape[d]})`);
    }
    shape[at] = x.shape[d];
    strides[at] += x.strides[d];
  }
  return x.view(shape, strides, x.offset);
}

/** A label repeated within one operand takes the diagonal of its axes, a view (numpy's get_combined_dims_view). */
function combineRepeated(x: NDArray, labels: string[], index: number): Labeled {
  const unique: string[] = [];
  const shape: number[] = [];
  const strides: number[] = [];
  labels.forEach((label, d) => {
    const at = unique.indexOf(label);
    if (at === -1) {
      unique.push(label);
      shape.push(x.shape[d]);
      strides.push(x.strides[d]);
      return;
    }
    if (shape[at] !== x.shape[d]) throw new ValueError(`dimensions in operand ${index} for collapsing index '${label}' don't match (${shape[at]} != ${x.shape[d]})`);
    strides[at] += x.strides[d];
  });
  return { array: x.view(shape, strides, x.offset), labels: unique };
}

/** numpy's nditer way of writing a shape in a broadcast error: leading new axes left out, the others named. */
function remappedShape(dims: readonly number[]): string {
  const first = dims.findIndex((n) => n >= 0);
  if (first === -1) return "()";
  const written = dims.slice(first).map((n) => (n < 0 ? "newaxis" : String(n)));
  return dims.length === 1 ? `(${written[0]},)` : `(${written.join(",")})`;
}

/**
 * Every label's length, broadcast across the operands as numpy's iterator broadcasts them (equal, or 1),
 * with the iterator's error otherwise: each operand's shape and its axes in iteration order.
 */
function labelSizes(operands: Labeled[], iteration: string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const label of iteration) {
    let size = 1;
    for (const { array, labels } of operands) {
      const at = labels.indexOf(label);
      if (at === -1) continue;
      const n = array.shape[at];
      if (n === size || n === 1) continue;
      if (size !== 1) {
        const shapes = operands.map(({ array, labels }) => `${remappedShape(array.shape)}->${remappedShape(iteration.map((l) => (labels.includes(l) ? array.shape[labels.indexOf(l)] : -1)))} `);
        throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapes.join("")}`);
      }
      size = n;
    }
    sizes.set(label, size);
  }
  return sizes;
}

/** Sums away the axes whose labels are not in `keep`, in the dtype the einsum computes in. */
function sumOut(t: Labeled, keep: ReadonlySet<string>, dtype: DType): Labeled {
  const axes = t.labels.flatMap((label, d) => (keep.has(label) ? [] : [d]));
  if (axes.length === 0) return t;
  return { array: asarray(sum(t.array, { axis: axes }), { dtype }), labels: t.labels.filter((label) => keep.has(label)) };
}

/**
 * The product of two operands, summed over the labels they share that `keep` does not: a batched matrix
 * product of (shared kept) × (x only) × (summed) with (shared kept) × (summed) × (y only).
 */
function contractPair(x: Labeled, y: Labeled, keep: ReadonlySet<string>): Labeled {
  const shared = x.labels.filter((label) => y.labels.includes(label));
  const batch = shared.filter((label) => keep.has(label));
  const summed = shared.filter((label) => !keep.has(label));
  const left = x.labels.filter((label) => !shared.includes(label));
  const right = y.labels.filter((label) => !shared.includes(label));
  const lengths = (t: Labeled, labels: string[]) => labels.map((label) => t.array.shape[t.labels.indexOf(label)]);
  const arrange = (t: Labeled, groups: string[][]) =>
    transpose(t.array, groups.flat().map((label) => t.labels.indexOf(label))).reshape(groups.map((labels) => shapeSize(lengths(t, labels))));
  const product = matmul(arrange(x, [batch, left, summed]), arrange(y, [batch, summed, right]));
  return { array: product.reshape([...lengths(x, batch), ...lengths(x, left), ...lengths(y, right)]), labels: [...batch, ...left, ...right] };
}

/**
 * Einstein summation (numpy's `np.einsum`): subscript letters name each operand's axes; letters shared
 * between operands multiply, letters left out of the output are summed. Without `->` the output is every
 * letter used once, alphabetically. `...` stands for broadcast dimensions. Contractions run as matrix
 * products, two operands at a time from the left; a single operand with nothing to sum (a transpose, a
 * diagonal) gives a view, as numpy's does.
 * @example
 * np.einsum("ij,jk->ik", A, B)        // matrix product
 * np.einsum("ii", A)                  // trace
 * np.einsum("bij,bjk->bik", X, Y)     // batched matrix product
 * np.einsum("...ij->...ji", X)        // transpose of the last two axes, a view
 */
export function einsum(subscripts: string, ...operands: ArrayLike[]): NDArray {
  if (operands.length === 0) throw new ValueError("must specify the einstein sum subscripts string and at least one operand");
  const arrays = operands.map((a) => asarray(a));
  const counts = new Map<string, number>();
  let rest = subscripts;
  const parsed = arrays.map((x, index) => {
    const end = rest.search(/[,-]/);
    const length = end === -1 ? rest.length : end;
    const last = index === arrays.length - 1;
    if (last && rest[length] === ",") throw new ValueError("more operands provided to einstein sum function than specified in the subscripts string");
    if (!last && rest[length] !== ",") throw new ValueError("fewer operands provided to einstein sum function than specified in the subscripts string");
    const labels = operandSubscripts(rest.slice(0, length), x.ndim, index, counts);
    rest = rest.slice(last ? length : length + 1);
    return labels;
  });
  if (rest !== "" && !rest.startsWith("->")) throw new ValueError("einstein sum subscript string does not contain proper '->' output specified");
  const broadcastDims = Math.max(...parsed.map((labels) => labels.filter((label) => label === null).length));
  const output = outputSubscripts(rest === "" ? null : rest.slice(2), broadcastDims, counts);
  const inputs = parsed.map((labels) => {
    let k = broadcastDims - labels.filter((label) => label === null).length;
    return labels.map((label) => label ?? broadcastLabel(k++));
  });
  if (arrays.length === 1) {
    const view = singleOperandView(arrays[0], inputs[0], output);
    if (view) return view;
  }
  const combined = arrays.map((x, index) => combineRepeated(x, inputs[index], index));
  const iteration = [...output, ...[...counts.keys()].filter((label) => !output.includes(label)).sort()];
  const sizes = labelSizes(combined, iteration);
  const dtype = arrays.map((x) => x.dtype).reduce(promoteTypes);
  // Length-1 axes broadcast against their label's length (stride 0), so that every product lines up.
  const terms = combined.map(({ array, labels }) => ({
    array: asarray(array.view(labels.map((label) => sizes.get(label)!), array.strides.map((s, d) => (array.shape[d] === sizes.get(labels[d]) ? s : 0)), array.offset), { dtype }),
    labels,
  }));
  const needed = (from: number) => new Set([...output, ...terms.slice(from).flatMap((t) => t.labels)]);
  let result = sumOut(terms[0], needed(1), dtype);
  for (let j = 1; j < terms.length; j++) {
    const keep = needed(j + 1);
    const x = sumOut(result, new Set([...keep, ...terms[j].labels]), dtype);
    const y = sumOut(terms[j], new Set([...keep, ...x.labels]), dtype);
    result = contractPair(x, y, keep);
  }
  return transpose(result.array, output.map((label) => result.labels.indexOf(label)));
}

export interface NormOptions {
  /** Vector norm order: 2 (default), 1, Infinity, -Infinity, 0; for matrices only the Frobenius norm. */
  ord?: number | "fro";
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

/**
 * Vector or matrix norm (numpy's `np.linalg.norm`): by default the 2-norm of the flattened array (Frobenius
 * for matrices); with `axis`, norms along it.
 * @example
 * np.linalg.norm(np.array([3, 4]))                  // 5
 * np.linalg.norm(x, { axis: 1, keepdims: true })    // row norms, shape (n, 1)
 */
export function norm(a: ArrayLike, options: NormOptions = {}): NDArray | number {
  const input = asarray(a);
  const x = isFloat(input.dtype) ? input : input.astype("float64");
  const ord = options.ord ?? null;
  const axes = options.axis === undefined || options.axis === null ? null : typeof options.axis === "number" ? [options.axis] : [...options.axis];
  const reduceOver = { axis: axes, keepdims: options.keepdims };
  if (ord === null || ord === "fro" || (ord === 2 && axes !== null && axes.length === 1)) {
    if (axes !== null && axes.length === 1 && ord === "fro") throw new ValueError("Invalid norm order 'fro' for vectors");
    const squares = sum(multiply(x, x), reduceOver);
    return typeof squares === "number" ? Math.sqrt(squares) : sqrt(squares, { out: squares });
  }
  if (axes === null ? x.ndim !== 1 : axes.length !== 1) throw new ValueError("tsdl's norm supports only the Frobenius norm of matrices");
  if (axes !== null) normalizeAxis(axes[0], x.ndim);
  const magnitudes = abs(x);
  if (ord === Infinity) return max(magnitudes, reduceOver);
  if (ord === -Infinity) return min(magnitudes, reduceOver);
  if (ord === 0) return sum(magnitudes.ne(0).astype(x.dtype), reduceOver);
  if (ord === 1) return sum(magnitudes, reduceOver);
  const powered = sum(magnitudes.pow(ord), reduceOver);
  return typeof powered === "number" ? powered ** (1 / ord) : powered.pow(1 / ord);
}

/** An operand of inv, det or solve as numpy's linalg checks it: a matrix or a stack of them, square. */
function stackedSquare(a: ArrayLike): NDArray {
  const x = asarray(a);
  if (x.ndim < 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be at least two-dimensional`);
  if (x.shape[x.ndim - 1] !== x.shape[x.ndim - 2]) throw new LinAlgError("Last 2 dimensions of the array must be square");
  return x;
}

/** numpy's linalg computes in float64 and answers in float32 only when every operand is float32 (`_commonType`). */
function linalgDType(...operands: NDArray[]): DType {
  return operands.every((x) => x.dtype === "float32") ? "float32" : "float64";
}

/**
 * LU factorisation with partial pivoting of the n×n row-major matrix in `lu`, in place, as LAPACK's getrf
 * pivots: L below the diagonal (its unit diagonal implied), U on and above; row k was swapped with row
 * `pivots[k]`. False when a pivot is exactly zero, where LAPACK reports the matrix singular (and stops here).
 */
function luFactor(lu: Float64Array, n: number, pivots: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i * n + k]) > Math.abs(lu[p * n + k])) p = i;
    pivots[k] = p;
    if (lu[p * n + k] === 0) return false;
    if (p !== k) {
      for (let j = 0; j < n; j++) [lu[k * n + j], lu[p * n + j]] = [lu[p * n + j], lu[k * n + j]];
    }
    const pivot = lu[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const l = (lu[i * n + k] /= pivot);
      for (let j = k + 1; j < n; j++) lu[i * n + j] -= l * lu[k * n + j];
    }
  }
  return true;
}

/**
 * Solves A·X = B in place in `b` (n×m, row-major) from A's factorisation, in LAPACK getrs's order: B's rows
 * swapped as A's were, L·Y = B forward, then U·X = Y backward, each row of X taking its terms from the last
 * row up before the division by the pivot.
 */
function luSolve(lu: Float64Array, n: number, pivots: Int32Array, b: Float64Array, m: number): void {
  for (let k = 0; k < n; k++) {
    const p = pivots[k];
    if (p !== k) for (let j = 0; j < m; j++) [b[k * m + j], b[p * m + j]] = [b[p * m + j], b[k * m + j]];
  }
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < i; k++) {
      const l = lu[i * n + k];
      for (let j = 0; j < m; j++) b[i * m + j] -= l * b[k * m + j];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = n - 1; k > i; k--) {
      const u = lu[i * n + k];
      for (let j = 0; j < m; j++) b[i * m + j] -= u * b[k * m + j];
    }
    const pivot = lu[i * n + i];
    for (let j = 0; j < m; j++) b[i * m + j] /= pivot;
  }
}

/**
 * Solves every system of a batch: `a` holds `count` n×n matrices and `b` as many n×m right-hand sides, both
 * contiguous float64; each solution replaces its right-hand side.
 */
function solveBatch(a: NDArray, b: NDArray, count: number, n: number, m: number): void {
  const pivots = new Int32Array(n);
  for (let t = 0; t < count; t++) {
    const lu = (a.data as Float64Array).subarray(a.offset + t * n * n, a.offset + (t + 1) * n * n);
    if (!luFactor(lu, n, pivots)) throw new LinAlgError("Singular matrix");
    luSolve(lu, n, pivots, (b.data as Float64Array).subarray(b.offset + t * n * m, b.offset + (t + 1) * n * m), m);
  }
}

/**
 * The inverse of a square matrix, or of each in a stack, by LU factorisation with partial pivoting (numpy's
 * `np.linalg.inv`); a singular matrix raises numpy's LinAlgError.
 * @example np.linalg.inv(np.array([[4, 7], [2, 6]])) // array([[ 0.6, -0.7], [-0.2,  0.4]])
 */
export function inv(a: ArrayLike): NDArray {
  const x = stackedSquare(a);
  const n = x.shape[x.ndim - 1];
  const count = x.size / (n * n) || 0;
  const lu = x.astype("float64");
  const identity = empty(x.shape, "float64");
  for (let t = 0; t < count; t++) for (let i = 0; i < n; i++) identity.data[t * n * n + i * n + i] = 1;
  solveBatch(lu, identity, count, n, n);
  return identity.astype(linalgDType(x));
}

/**
 * The determinant of a square matrix, a number, or of each in a stack, an array (numpy's `np.linalg.det`).
 * It is computed as numpy computes it, sign·exp(Σ log|uᵢᵢ|) over the LU factors, so it shows the same
 * rounding in the last digits (which libm's log and exp can still move by an ulp); a singular matrix gives 0.
 * @example np.linalg.det(np.array([[4, 7], [2, 6]])) // 10.000000000000002, as in numpy
 */
export function det(a: ArrayLike): NDArray | number {
  const x = stackedSquare(a);
  const n = x.shape[x.ndim - 1];
  const lu = x.astype("float64");
  const out = empty(x.shape.slice(0, -2), "float64", "unspecified");
  const pivots = new Int32Array(n);
  for (let t = 0; t < out.size; t++) {
    const matrix = (lu.data as Float64Array).subarray(lu.offset + t * n * n, lu.offset + (t + 1) * n * n);
    if (!luFactor(matrix, n, pivots)) {
      out.data[t] = 0;
      continue;
    }
    let sign = 1;
    let logdet = 0;
    for (let i = 0; i < n; i++) {
      const u = matrix[i * n + i];
      if (pivots[i] !== i) sign = -sign;
      if (u < 0) sign = -sign;
      logdet += Math.log(Math.abs(u));
    }
    out.data[t] = sign * Math.exp(logdet);
  }
  const result = out.astype(linalgDType(x));
  return result.ndim === 0 ? result.item() : result;
}

/**
 * The solution x of a·x = b for a square `a` (numpy's `np.linalg.solve`). A 1-D `b` is one right-hand side;
 * otherwise `b` is a matrix of them, or a stack broadcast against a stack of `a`s.
 * @example np.linalg.solve(np.array([[3, 1], [1, 2]]), np.array([9, 8])) // array([2., 3.])
 */
export function solve(a: ArrayLike, b: ArrayLike): NDArray {
  const x = stackedSquare(a);
  const y = asarray(b);
  const n = x.shape[x.ndim - 1];
  // numpy's gufuncs: solve1 for a single vector b, solve for (stacks of) matrices, with their own messages.
  const vector = y.ndim === 1;
  const [name, signature] = vector ? ["solve1", "(m,m),(m)->(m)"] : ["solve", "(m,m),(m,n)->(m,n)"];
  if (y.ndim === 0) throw new ValueError(`solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature ${signature} requires 2)`);
  const core = vector ? y.shape : y.shape.slice(-2);
  if (core[0] !== n) {
    throw new ValueError(`${name}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${signature} (size ${core[0]} is different from ${n})`);
  }
  const m = vector ? 1 : core[1];
  let batch: number[];
  try {
    batch = broadcastShapes(x.shape.slice(0, -2), y.shape.slice(0, y.ndim - core.length));
  } catch {
    const remapped = (operand: NDArray, coreDims: number) =>
      `${formatShape(operand.shape)}->(${[...operand.shape.slice(0, operand.ndim - coreDims), ...new Array<string>(coreDims).fill("newaxis")].join(",")})`;
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${remapped(x, 2)} ${remapped(y, core.length)}  and requested shape ${formatShape(core)}`);
  }
  const lu = broadcastTo(x, [...batch, n, n]).astype("float64");
  const solution = broadcastTo(vector ? y.reshape(n, 1) : y, [...batch, n, m]).astype("float64");
  solveBatch(lu, solution, lu.size / (n * n) || 0, n, m);
  return solution.reshape([...batch, ...core]).astype(linalgDType(x, y));
}

/**
 * A square matrix, or each in a stack, raised to an integer power by repeated squaring (numpy's
 * `np.linalg.matrix_power`): the identity for 0, powers of the inverse for negative exponents. As in numpy,
 * a power of 1 returns the matrix itself.
 * @example np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 10) // array([[89, 55], [55, 34]])
 */
export function matrix_power(a: ArrayLike, n: number): NDArray {
  let x = stackedSquare(a);
  if (!Number.isInteger(n)) throw new TypeError("exponent must be an integer");
  if (n === 0) {
    const identity = empty(x.shape, x.dtype);
    diagonal(identity, { axis1: -2, axis2: -1 }).fill(1);
    return identity;
  }
  if (n < 0) x = inv(x);
  let exponent = Math.abs(n);
  // numpy's order of products, so that float results round as numpy's do.
  if (exponent === 1) return x;
  if (exponent === 2) return matmul(x, x);
  if (exponent === 3) return matmul(matmul(x, x), x);
  let square: NDArray | null = null;
  let result: NDArray | null = null;
  for (; exponent > 0; exponent = Math.floor(exponent / 2)) {
    square = square === null ? x : matmul(square, square);
    if (exponent % 2 === 1) result = result === null ? square : matmul(result, square);
  }
  return result!;
}

/**
 * Sum along a diagonal of the last two axes, for a matrix or a stack of them (numpy's `np.linalg.trace`).
 * @example np.linalg.trace(np.ones([4, 3, 3])) // array([3., 3., 3., 3.])
 */
export function linalgTrace(x: ArrayLike, options: { offset?: number } = {}): NDArray | number {
  return trace(x, { offset: options.offset, axis1: -2, axis2: -1 });
}

/**
 * Outer product of two vectors, which must be 1-D (numpy's `np.linalg.outer`; `np.outer` flattens instead).
 * @example np.linalg.outer(np.array([1, 2]), np.array([1, 10])) // array([[ 1, 10], [ 2, 20]])
 */
export function linalgOuter(x1: ArrayLike, x2: ArrayLike): NDArray {
  const x = asarray(x1);
  const y = asarray(x2);
  if (x.ndim !== 1 || y.ndim !== 1) throw new ValueError(`Input arrays must be one-dimensional, but they are x1.ndim=${x.ndim} and x2.ndim=${y.ndim}.`);
  return outer(x, y);
}
