/**
 * Products, norms, linear systems and decompositions (numpy's `dot`, `matmul`, `outer`, `tensordot`,
 * `einsum`, `trace`, `cross`, `linalg.norm`, `linalg.inv`, `linalg.det`, `linalg.solve`,
 * `linalg.matrix_power`, `linalg.eigh`, `linalg.svd`, `linalg.qr`, `linalg.cholesky`, `linalg.lstsq`,
 * `linalg.pinv`, `linalg.matrix_rank`, `linalg.slogdet` and their relatives).
 */
import { inspect } from "node:util";
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
    const [sign, logdet] = luSignLogdet((lu.data as Float64Array).subarray(lu.offset + t * n * n, lu.offset + (t + 1) * n * n), n, pivots);
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

// ---- Decompositions: eigh, svd, qr, cholesky, and what builds on them ----
// Every matrix is factored in a float64 row-major copy (numpy's linalg computes in float64 too); results are
// float32 only when the input is.

const EPS = 2 ** -52;

/** An operand of svd, qr and the functions on them: a matrix or a stack of them, any shape. */
function stacked2d(a: ArrayLike): NDArray {
  const x = asarray(a);
  if (x.ndim < 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be at least two-dimensional`);
  return x;
}

/** Calls `each` with every matrix of a stack as a float64 row-major copy of its own, and its place t in the stack. */
function eachMatrix(x: NDArray, each: (matrix: Float64Array, t: number) => void): void {
  const [m, n] = x.shape.slice(-2);
  const data = x.astype("float64").data as Float64Array;
  const count = shapeSize(x.shape.slice(0, -2));
  for (let t = 0; t < count; t++) each(data.subarray(t * m * n, (t + 1) * m * n), t);
}

/**
 * A float64 stack (batch + item shape) of per-matrix results: `put(t, values)` writes the t-th item;
 * `result(dtype)` casts once at the end.
 */
function resultStack(batch: readonly number[], item: readonly number[]) {
  const out = empty([...batch, ...item], "float64", "unspecified");
  const size = shapeSize(item);
  return {
    put: (t: number, values: Float64Array) => (out.data as Float64Array).set(values, t * size),
    result: (dtype: DType) => (dtype === "float64" ? out : out.astype(dtype)),
  };
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

function transposed(a: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}

/**
 * A tuple that also names its items, like Python's namedtuple: `[w, v] = r` and `r.eigenvalues` both work; it
 * shows itself as numpy's repr does, `EighResult(eigenvalues=array(…), eigenvectors=array(…))`.
 */
function namedTuple<R>(name: string, fields: Record<string, unknown>): R {
  const tuple = Object.assign(Object.values(fields), fields);
  const repr = () => `${name}(${Object.entries(fields).map(([field, value]) => `${field}=${inspect(value)}`).join(", ")})`;
  Object.defineProperty(tuple, Symbol.for("nodejs.util.inspect.custom"), { value: repr });
  return tuple as R;
}

/**
 * Householder QR of the m×n row-major matrix `a`, in place, as LAPACK's geqr2 stores it: R on and above the
 * diagonal, each reflector's vector below it (its leading 1 implied), and its scale in the returned `tau`.
 * The reflectors are LAPACK's (R's diagonal is negative where the column's head is positive), so Q and R
 * come out with numpy's signs.
 */
function householderQR(a: Float64Array, m: number, n: number): Float64Array {
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  const w = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    let tail = 0;
    for (let i = c + 1; i < m; i++) tail += a[i * n + c] * a[i * n + c];
    // A column already zero below the diagonal needs no reflection (LAPACK's tau = 0), NaN propagates.
    if (tail === 0) continue;
    const alpha = a[c * n + c];
    const length = Math.sqrt(alpha * alpha + tail);
    const beta = alpha >= 0 ? -length : length;
    tau[c] = (beta - alpha) / beta;
    const scale = 1 / (alpha - beta);
    for (let i = c + 1; i < m; i++) a[i * n + c] *= scale;
    a[c * n + c] = beta;
    applyReflector(a, n, c, c + 1, n, m, tau[c], a, n, c, w);
  }
  return tau;
}

/**
 * Applies the reflector I − τ·v·vᵀ to rows `row`… of columns [from, to) of the matrix `target` (row-major,
 * `width` columns); v is column `col` of `h` (`hWidth` columns) from row `row` down, with an implied 1 at the
 * top. Row by row, so that every inner loop is unit-stride.
 */
function applyReflector(target: Float64Array, width: number, row: number, from: number, to: number, m: number, tau: number, h: Float64Array, hWidth: number, col: number, w: Float64Array): void {
  for (let j = from; j < to; j++) w[j] = target[row * width + j];
  for (let i = row + 1; i < m; i++) {
    const v = h[i * hWidth + col];
    for (let j = from; j < to; j++) w[j] += v * target[i * width + j];
  }
  for (let j = from; j < to; j++) {
    w[j] *= tau;
    target[row * width + j] -= w[j];
  }
  for (let i = row + 1; i < m; i++) {
    const v = h[i * hWidth + col];
    for (let j = from; j < to; j++) target[i * width + j] -= w[j] * v;
  }
}

/** The first `columns` columns of Q from householderQR's reflectors (LAPACK's orgqr): an m×columns row-major matrix. */
function householderQ(h: Float64Array, m: number, n: number, tau: Float64Array, columns: number): Float64Array {
  const q = new Float64Array(m * columns);
  for (let i = 0; i < Math.min(m, columns); i++) q[i * columns + i] = 1;
  const w = new Float64Array(columns);
  // Backwards, so that each reflector meets only the columns from its own on (the others are still e_j there).
  for (let k = Math.min(m, n) - 1; k >= 0; k--) if (tau[k] !== 0) applyReflector(q, columns, k, k, columns, m, tau[k], h, n, k, w);
  return q;
}

/**
 * Householder reduction of the symmetric n×n matrix in `v` (row-major, lower triangle read) to tridiagonal
 * form, d the diagonal and e the subdiagonal (e[i] beside d[i]), `v` becoming the orthogonal transformation.
 * The Handbook's tred2 (Wilkinson & Reinsch), as JAMA writes it.
 */
function tridiagonalize(v: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const V = (i: number, j: number) => i * n + j;
  for (let j = 0; j < n; j++) d[j] = v[V(n - 1, j)];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = v[V(i - 1, j)];
        v[V(i, j)] = 0;
        v[V(j, i)] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        v[V(j, i)] = f;
        g = e[j] + v[V(j, j)] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[V(k, j)] * d[k];
          e[k] += v[V(k, j)] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) v[V(k, j)] -= f * e[k] + g * d[k];
        d[j] = v[V(i - 1, j)];
        v[V(i, j)] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    v[V(n - 1, i)] = v[V(i, i)];
    v[V(i, i)] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[V(k, i + 1)] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[V(k, i + 1)] * v[V(k, j)];
        for (let k = 0; k <= i; k++) v[V(k, j)] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) v[V(k, i + 1)] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[V(n - 1, j)];
    v[V(n - 1, j)] = 0;
  }
  if (n > 0) v[V(n - 1, n - 1)] = 1;
  e[0] = 0;
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix (d, e) by the implicit QL method (the Handbook's tql2, as
 * JAMA writes it), sorted ascending into d. With `vectors` (the transformation from tridiagonalize,
 * transposed: row i the i-th basis vector), its rows become the eigenvectors, in the same order.
 */
function tridiagonalEigen(d: Float64Array, e: Float64Array, n: number, vectors: Float64Array | null): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  if (n > 0) e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const rotate = (i: number, c: number, s: number) => {
    if (!vectors) return;
    for (let k = 0, a = i * n, b = (i + 1) * n; k < n; k++, a++, b++) {
      const h = vectors[b];
      vectors[b] = s * vectors[a] + c * h;
      vectors[a] = c * vectors[a] - s * h;
    }
  };
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
    if (m > l) {
      let iterations = 0;
      do {
        // LAPACK's steqr gives up after 30 iterations per eigenvalue; so does numpy then.
        if (++iterations > 30 * n) throw new LinAlgError("Eigenvalues did not converge");
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          rotate(i, c, s);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    for (let j = i + 1; j < n; j++) if (d[j] < d[k]) k = j;
    if (k === i) continue;
    [d[i], d[k]] = [d[k], d[i]];
    if (vectors) for (let j = 0; j < n; j++) [vectors[i * n + j], vectors[k * n + j]] = [vectors[k * n + j], vectors[i * n + j]];
  }
}

/**
 * Eigenvalues (ascending) and, when asked, eigenvectors (columns of an n×n row-major matrix) of the symmetric
 * matrix whose `uplo` triangle `a` holds. Non-finite input gives NaN throughout (LAPACK's answer there is
 * unspecified).
 */
function symmetricEigen(a: Float64Array, n: number, uplo: "L" | "U", wantVectors: boolean): { values: Float64Array; vectors: Float64Array | null } {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (uplo === "L") a[j * n + i] = a[i * n + j];
      else a[i * n + j] = a[j * n + i];
    }
  }
  const values = new Float64Array(n);
  if (!allFinite(a)) return { values: values.fill(NaN), vectors: wantVectors ? new Float64Array(n * n).fill(NaN) : null };
  const e = new Float64Array(n);
  tridiagonalize(a, n, values, e);
  const basis = wantVectors ? transposed(a, n, n) : null;
  tridiagonalEigen(values, e, n, basis);
  return { values, vectors: basis && transposed(basis, n, n) };
}

/** The rows of `a` (n rows of length `length`) made orthonormal by one-sided Jacobi rotations, applied to the rows of `v` too. */
function jacobiOrthogonalize(a: Float64Array, n: number, length: number, v: Float64Array | null): void {
  const tolerance = Math.max(length, 1) * EPS;
  const rotate = (x: Float64Array, p: number, q: number, len: number, c: number, s: number) => {
    for (let i = 0, ip = p * len, iq = q * len; i < len; i++, ip++, iq++) {
      const xp = x[ip];
      const xq = x[iq];
      x[ip] = c * xp - s * xq;
      x[iq] = s * xp + c * xq;
    }
  };
  // Cyclic sweeps converge quadratically: a handful for any size; LAPACK's gesvj allows 30.
  for (let sweep = 0; sweep < 30; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0, ip = p * length, iq = q * length; i < length; i++, ip++, iq++) {
          alpha += a[ip] * a[ip];
          beta += a[iq] * a[iq];
          gamma += a[ip] * a[iq];
        }
        if (Math.abs(gamma) <= tolerance * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.hypot(1, zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        rotate(a, p, q, length, c, c * t);
        if (v) rotate(v, p, q, n, c, c * t);
      }
    }
    if (!rotated) return;
  }
  throw new LinAlgError("SVD did not converge");
}

/**
 * Fills the zero rows of `u` (n orthonormal-or-zero rows of length n) with unit vectors orthogonal to the
 * others: the singular vectors of zero singular values, which any orthonormal completion serves.
 */
function completeOrthonormal(u: Float64Array, n: number, zero: boolean[]): void {
  const candidate = new Float64Array(n);
  const project = (x: Float64Array) => {
    for (let j = 0; j < n; j++) {
      if (zero[j]) continue;
      let dotj = 0;
      for (let i = 0; i < n; i++) dotj += u[j * n + i] * x[i];
      for (let i = 0; i < n; i++) x[i] -= dotj * u[j * n + i];
    }
  };
  for (let k = 0; k < n; k++) {
    if (!zero[k]) continue;
    // The unit vector with the most left after projection: at least 1/n of it remains, so it is well defined.
    let best = -1;
    let bestNorm = 0;
    for (let b = 0; b < n; b++) {
      candidate.fill(0);
      candidate[b] = 1;
      project(candidate);
      const norm = Math.hypot(...candidate);
      if (norm > bestNorm) [best, bestNorm] = [b, norm];
    }
    candidate.fill(0);
    candidate[best] = 1;
    project(candidate);
    project(candidate);
    const norm = Math.hypot(...candidate);
    for (let i = 0; i < n; i++) u[k * n + i] = candidate[i] / norm;
    zero[k] = false;
  }
}

type SVDVectors = "none" | "reduced" | "complete";

/**
 * The SVD of the m×n row-major matrix `a` (overwritten): singular values descending, U (m×m when complete,
 * else m×min(m,n)) and Vᵀ (n×n when complete, else min(m,n)×n), row-major. A tall matrix is first reduced to
 * its n×n R by Householder QR, whose columns one-sided Jacobi then makes orthogonal: R·V = U_R·diag(s), and
 * U = Q·U_R. A wide one is factored transposed.
 */
function svdMatrix(a: Float64Array, m: number, n: number, vectors: SVDVectors): { s: Float64Array; u: Float64Array; vt: Float64Array } {
  if (!allFinite(a)) throw new LinAlgError("SVD did not converge");
  if (m < n) {
    const { s, u, vt } = svdMatrix(transposed(a, m, n), n, m, vectors);
    return vectors === "none" ? { s, u, vt } : { s, u: transposed(vt, m, m), vt: transposed(u, n, u.length / n) };
  }
  const tau = householderQR(a, m, n);
  const columns = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) columns[j * n + i] = a[i * n + j];
  const v = vectors === "none" ? null : new Float64Array(n * n);
  for (let i = 0; v && i < n; i++) v[i * n + i] = 1;
  jacobiOrthogonalize(columns, n, n, v);
  const norms = Array.from({ length: n }, (_, j) => Math.hypot(...columns.subarray(j * n, (j + 1) * n)));
  const order = [...norms.keys()].sort((x, y) => norms[y] - norms[x]);
  const s = Float64Array.from(order, (j) => norms[j]);
  if (!v) return { s, u: new Float64Array(0), vt: new Float64Array(0) };
  const vt = new Float64Array(n * n);
  const uR = new Float64Array(n * n);
  order.forEach((j, k) => {
    vt.set(v.subarray(j * n, (j + 1) * n), k * n);
    if (s[k] !== 0) for (let i = 0; i < n; i++) uR[k * n + i] = columns[j * n + i] / s[k];
  });
  completeOrthonormal(uR, n, [...s].map((x) => x === 0));
  const width = vectors === "complete" ? m : n;
  const q = householderQ(a, m, n, tau, width);
  const u = new Float64Array(m * width);
  for (let r = 0; r < m; r++) {
    for (let k = 0; k < n; k++) {
      let total = 0;
      for (let i = 0; i < n; i++) total += q[r * width + i] * uR[k * n + i];
      u[r * width + k] = total;
    }
    for (let k = n; k < width; k++) u[r * width + k] = q[r * width + k];
  }
  return { s, u, vt };
}

export interface EighOptions {
  /** Which triangle of the matrix is read: "L" (default) or "U"; the other is ignored. */
  UPLO?: "L" | "U" | "l" | "u";
}

/** numpy 2's `EighResult`: destructure as `[eigenvalues, eigenvectors]` or read the fields. */
export type EighResult = readonly [eigenvalues: NDArray, eigenvectors: NDArray] & { readonly eigenvalues: NDArray; readonly eigenvectors: NDArray };

function eighBatch(a: ArrayLike, options: EighOptions, wantVectors: boolean): { values: NDArray; vectors: NDArray } {
  const uplo = (options.UPLO ?? "L").toUpperCase();
  if (uplo !== "L" && uplo !== "U") throw new ValueError("UPLO argument must be 'L' or 'U'");
  const x = stackedSquare(a);
  const n = x.shape[x.ndim - 1];
  const batch = x.shape.slice(0, -2);
  const values = resultStack(batch, [n]);
  const vectors = resultStack(wantVectors ? batch : [0], [n, n]);
  eachMatrix(x, (matrix, t) => {
    const eigen = symmetricEigen(matrix, n, uplo, wantVectors);
    values.put(t, eigen.values);
    if (eigen.vectors) vectors.put(t, eigen.vectors);
  });
  const dtype = linalgDType(x);
  return { values: values.result(dtype), vectors: vectors.result(dtype) };
}

/**
 * Eigenvalues (ascending) and orthonormal eigenvectors (the columns) of a symmetric matrix, or of each in a
 * stack (numpy's `np.linalg.eigh`); only the `UPLO` triangle is read. Householder tridiagonalisation and
 * implicit QL iteration. Eigenvectors are unique only up to sign (and, for a repeated eigenvalue, a rotation
 * among its own), so they may differ from numpy's by those; a·v = v·diag(w) holds either way. NaN or
 * infinity in the triangle read gives NaN throughout, where numpy's LAPACK returns unspecified values.
 * @example
 * const { eigenvalues, eigenvectors } = np.linalg.eigh(np.array([[2, 1], [1, 2]]))  // eigenvalues array([1., 3.])
 * const [w, v] = np.linalg.eigh(cov)
 */
export function eigh(a: ArrayLike, options: EighOptions = {}): EighResult {
  const { values, vectors } = eighBatch(a, options, true);
  return namedTuple<EighResult>("EighResult", { eigenvalues: values, eigenvectors: vectors });
}

/**
 * Eigenvalues (ascending) of a symmetric matrix, or of each in a stack (numpy's `np.linalg.eigvalsh`); only
 * the `UPLO` triangle is read.
 * @example np.linalg.eigvalsh(np.array([[2, 1], [1, 2]])) // array([1., 3.])
 */
export function eigvalsh(a: ArrayLike, options: EighOptions = {}): NDArray {
  return eighBatch(a, options, false).values;
}

export interface SVDOptions {
  /** U of shape (M, M) and Vh (N, N) (default), or the reduced (M, K) and (K, N), K = min(M, N). */
  full_matrices?: boolean;
  /** False returns the singular values alone. */
  compute_uv?: boolean;
}

/** numpy 2's `SVDResult`: destructure as `[U, S, Vh]` or read the fields. */
export type SVDResult = readonly [U: NDArray, S: NDArray, Vh: NDArray] & { readonly U: NDArray; readonly S: NDArray; readonly Vh: NDArray };

/**
 * Singular value decomposition a = U·diag(S)·Vh of a matrix, or of each in a stack (numpy's
 * `np.linalg.svd`): singular values descending, U and Vh orthonormal. Householder QR, then one-sided Jacobi
 * on R. Singular vectors are unique only up to sign (and rotation among equal singular values), so they may
 * differ from numpy's by those. A matrix holding NaN or infinity raises numpy's LinAlgError "SVD did not
 * converge" (numpy's LAPACK raises it for NaN, and returns NaN singular values for infinity).
 * @example
 * const { U, S, Vh } = np.linalg.svd(X, { full_matrices: false })
 * np.linalg.svd(np.array([[3, 0], [0, 4]]), { compute_uv: false }) // array([4., 3.])
 */
export function svd(a: ArrayLike, options: SVDOptions & { compute_uv: false }): NDArray;
export function svd(a: ArrayLike, options?: SVDOptions & { compute_uv?: true }): SVDResult;
export function svd(a: ArrayLike, options?: SVDOptions): SVDResult | NDArray;
export function svd(a: ArrayLike, options: SVDOptions = {}): SVDResult | NDArray {
  const x = stacked2d(a);
  const [m, n] = x.shape.slice(-2);
  const k = Math.min(m, n);
  const batch = x.shape.slice(0, -2);
  const vectors: SVDVectors = options.compute_uv === false ? "none" : options.full_matrices === false ? "reduced" : "complete";
  const [uColumns, vRows] = vectors === "complete" ? [m, n] : [k, k];
  const unused = vectors === "none";
  const S = resultStack(batch, [k]);
  const U = resultStack(unused ? [0] : batch, [m, uColumns]);
  const Vh = resultStack(unused ? [0] : batch, [vRows, n]);
  eachMatrix(x, (matrix, t) => {
    const { s, u, vt } = svdMatrix(matrix, m, n, vectors);
    S.put(t, s);
    if (vectors === "none") return;
    U.put(t, u);
    Vh.put(t, vt);
  });
  const dtype = linalgDType(x);
  if (vectors === "none") return S.result(dtype);
  return namedTuple<SVDResult>("SVDResult", { U: U.result(dtype), S: S.result(dtype), Vh: Vh.result(dtype) });
}

/**
 * Singular values of a matrix, or of each in a stack, descending (numpy's `np.linalg.svdvals`, which is
 * `svd(x, compute_uv=False)`).
 * @example np.linalg.svdvals(np.array([[3, 0], [0, 4]])) // array([4., 3.])
 */
export function svdvals(x: ArrayLike): NDArray {
  return svd(x, { compute_uv: false });
}

export interface QROptions {
  /**
   * "reduced" (default): Q (M, K) and R (K, N), K = min(M, N); "complete": Q (M, M) and R (M, N); "r": R
   * alone, (K, N). numpy's "raw" and its deprecated aliases are not supported.
   */
  mode?: "reduced" | "complete" | "r";
}

/** numpy 2's `QRResult`: destructure as `[Q, R]` or read the fields. */
export type QRResult = readonly [Q: NDArray, R: NDArray] & { readonly Q: NDArray; readonly R: NDArray };

/**
 * QR factorisation a = Q·R of a matrix, or of each in a stack (numpy's `np.linalg.qr`): Q with orthonormal
 * columns, R upper triangular. Householder reflections chosen as LAPACK chooses them, so the signs agree
 * with numpy's (R's diagonal is negative where the column's leading element is positive).
 * @example
 * const { Q, R } = np.linalg.qr(np.array([[3, 1], [4, 2]]))  // R array([[-5. , -2.2], [ 0. ,  0.4]])
 * np.linalg.qr(A, { mode: "r" })                              // R alone
 */
export function qr(a: ArrayLike, options: { mode: "r" }): NDArray;
export function qr(a: ArrayLike, options?: { mode?: "reduced" | "complete" }): QRResult;
export function qr(a: ArrayLike, options?: QROptions): QRResult | NDArray;
export function qr(a: ArrayLike, options: QROptions = {}): QRResult | NDArray {
  const mode = options.mode ?? "reduced";
  if (mode !== "reduced" && mode !== "complete" && mode !== "r") throw new ValueError(`Unrecognized mode '${mode}'`);
  const x = stacked2d(a);
  const [m, n] = x.shape.slice(-2);
  const k = Math.min(m, n);
  const rows = mode === "complete" ? m : k;
  const batch = x.shape.slice(0, -2);
  const Q = resultStack(mode === "r" ? [0] : batch, [m, rows]);
  const R = resultStack(batch, [rows, n]);
  eachMatrix(x, (matrix, t) => {
    const tau = householderQR(matrix, m, n);
    const r = new Float64Array(rows * n);
    for (let i = 0; i < k; i++) r.set(matrix.subarray(i * n + i, (i + 1) * n), i * n + i);
    R.put(t, r);
    if (mode !== "r") Q.put(t, householderQ(matrix, m, n, tau, rows));
  });
  const dtype = linalgDType(x);
  return mode === "r" ? R.result(dtype) : namedTuple<QRResult>("QRResult", { Q: Q.result(dtype), R: R.result(dtype) });
}

/**
 * The Cholesky factor of a symmetric positive-definite matrix, or of each in a stack (numpy's
 * `np.linalg.cholesky`): lower triangular L with a = L·Lᵀ, reading a's lower triangle; with `upper`, the
 * upper triangular U = Lᵀ with a = Uᵀ·U, reading a's upper triangle.
 * @example np.linalg.cholesky(np.array([[4, 2], [2, 3]])) // array([[2.        , 0.        ], [1.        , 1.41421356]])
 */
export function cholesky(a: ArrayLike, options: { upper?: boolean } = {}): NDArray {
  const x = stackedSquare(a);
  const n = x.shape[x.ndim - 1];
  const factors = resultStack(x.shape.slice(0, -2), [n, n]);
  eachMatrix(options.upper ? swapaxes(x, -1, -2) : x, (matrix, t) => {
    const l = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      for (let i = j; i < n; i++) {
        let total = matrix[i * n + j];
        for (let p = 0; p < j; p++) total -= l[i * n + p] * l[j * n + p];
        if (i > j) {
          l[i * n + j] = total / l[j * n + j];
          continue;
        }
        // NaN passes on, as LAPACK's potrf lets it; only a pivot that is not positive stops it.
        if (total <= 0) throw new LinAlgError("Matrix is not positive definite");
        l[j * n + j] = Math.sqrt(total);
      }
    }
    factors.put(t, options.upper ? transposed(l, n, n) : l);
  });
  return factors.result(linalgDType(x));
}

/** numpy 2's `SlogdetResult`: destructure as `[sign, logabsdet]` or read the fields. */
export type SlogdetResult<T = NDArray | number> = readonly [sign: T, logabsdet: T] & { readonly sign: T; readonly logabsdet: T };

/** Sign and log|det| of the n×n matrix factored in place by luFactor; a singular one gives (0, −∞). */
function luSignLogdet(matrix: Float64Array, n: number, pivots: Int32Array): [number, number] {
  if (!luFactor(matrix, n, pivots)) return [0, -Infinity];
  let sign = 1;
  let logdet = 0;
  for (let i = 0; i < n; i++) {
    const u = matrix[i * n + i];
    if (pivots[i] !== i) sign = -sign;
    if (u < 0) sign = -sign;
    logdet += Math.log(Math.abs(u));
  }
  return [sign, logdet];
}

/**
 * Sign and natural log of the absolute value of the determinant, of a square matrix (numbers) or of each in
 * a stack (arrays), numpy's `np.linalg.slogdet`: the determinant without its overflow or underflow. A
 * singular matrix gives sign 0 and logabsdet −Infinity.
 * @example const { sign, logabsdet } = np.linalg.slogdet(np.multiply(np.eye(3), 1e200)) // 1, 1381.55...
 */
export function slogdet(a: ArrayLike): SlogdetResult {
  const x = stackedSquare(a);
  const n = x.shape[x.ndim - 1];
  const batch = x.shape.slice(0, -2);
  const signs = empty(batch, "float64", "unspecified");
  const logdets = empty(batch, "float64", "unspecified");
  const pivots = new Int32Array(n);
  eachMatrix(x, (matrix, t) => ([signs.data[t], logdets.data[t]] = luSignLogdet(matrix, n, pivots)));
  const dtype = linalgDType(x);
  const finish = (values: NDArray) => (batch.length === 0 ? values.astype(dtype).item() : values.astype(dtype));
  return namedTuple<SlogdetResult>("SlogdetResult", { sign: finish(signs), logabsdet: finish(logdets) });
}

/** Σ over singular values above `cutoff`: Vᵀ's row l (as a column) · (U's column l · b)/s_l, for every column of b (rows×k). */
function pseudoSolve(u: Float64Array, s: Float64Array, vt: Float64Array, m: number, n: number, cutoff: number, b: Float64Array, k: number): Float64Array {
  const r = s.length;
  const x = new Float64Array(n * k);
  const projection = new Float64Array(k);
  for (let l = 0; l < r && s[l] > cutoff; l++) {
    projection.fill(0);
    for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) projection[j] += u[i * r + l] * b[i * k + j];
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) x[i * k + j] += (vt[l * n + i] * projection[j]) / s[l];
  }
  return x;
}

/**
 * Least-squares solution x minimising ‖b − a·x‖ (numpy's `np.linalg.lstsq`), the one of least norm when a is
 * rank-deficient; `a` is (M, N), `b` (M,) or (M, K). Returns numpy's tuple `[x, residuals, rank, s]`:
 * residuals are the squared residual norms per column, given only when rank = N < M (else empty); s are a's
 * singular values. Singular values at or below `rcond`·s_max count as zero (default machine epsilon ·
 * max(M, N); a negative rcond means machine epsilon).
 * @example
 * const [x, residuals, rank, s] = np.linalg.lstsq(np.array([[0, 1], [1, 1], [2, 1], [3, 1]]), np.array([-1, 0.2, 0.9, 2.1]))
 * // x array([ 1.  , -0.95])
 */
export function lstsq(a: ArrayLike, b: ArrayLike, options: { rcond?: number | null } = {}): [x: NDArray, residuals: NDArray, rank: number, s: NDArray] {
  const x = asarray(a);
  const y = asarray(b);
  const vector = y.ndim === 1;
  for (const operand of [x, vector ? y.reshape(-1, 1) : y]) {
    if (operand.ndim !== 2) throw new LinAlgError(`${operand.ndim}-dimensional array given. Array must be two-dimensional`);
  }
  const [m, n] = x.shape;
  if (y.shape[0] !== m) throw new LinAlgError("Incompatible dimensions");
  const k = vector ? 1 : y.shape[1];
  const matrix = x.astype("float64").data as Float64Array;
  const rhs = y.astype("float64").data as Float64Array;
  if (!allFinite(matrix) || !allFinite(rhs)) throw new LinAlgError("SVD did not converge in Linear Least Squares");
  const rcond = options.rcond ?? EPS * Math.max(m, n);
  const { s, u, vt } = m * n === 0 ? { s: new Float64Array(0), u: new Float64Array(0), vt: new Float64Array(0) } : svdMatrix(matrix.slice(), m, n, "reduced");
  const cutoff = (rcond < 0 ? EPS : rcond) * (s[0] ?? 0);
  const rank = s.filter((value) => value > cutoff).length;
  const solution = new NDArray(pseudoSolve(u, s, vt, m, n, cutoff, rhs, k), vector ? [n] : [n, k], "float64");
  let residuals = empty([0]);
  if (rank === n && m > n) {
    const misfit = subtract(y.astype("float64"), dot(x.astype("float64"), solution));
    residuals = asarray(sum(multiply(misfit, misfit), { axis: 0 })).reshape(-1);
  }
  const dtype = linalgDType(x, y);
  return [solution.astype(dtype), residuals.astype(dtype), rank, new NDArray(s, [s.length], "float64").astype(dtype)];
}

export interface PinvOptions {
  /** Singular values at or below rcond·s_max count as zero; 1e-15 by default. */
  rcond?: number | null;
  /** The array-API name for rcond; null means max(M, N)·eps of the dtype. Not together with rcond. */
  rtol?: number | null;
}

/**
 * The Moore–Penrose pseudo-inverse of a matrix, or of each in a stack (numpy's `np.linalg.pinv`), from its
 * SVD: singular values at or below rcond·s_max are dropped. An empty matrix gives an empty (N, M) of its dtype.
 * @example np.linalg.pinv(np.array([[1, 2], [2, 4]])) // array([[0.04, 0.08], [0.08, 0.16]])
 */
export function pinv(a: ArrayLike, options: PinvOptions = {}): NDArray {
  const { rtol } = options;
  if (options.rcond != null && rtol !== undefined) throw new ValueError("`rtol` and `rcond` can't be both set.");
  const x = stacked2d(a);
  const [m, n] = x.shape.slice(-2);
  const rcond = options.rcond ?? (rtol === undefined ? 1e-15 : rtol ?? Math.max(m, n) * dtypeEps(x.dtype));
  const batch = x.shape.slice(0, -2);
  if (m * n === 0) return empty([...batch, n, m], x.dtype);
  const inverses = resultStack(batch, [n, m]);
  const k = Math.min(m, n);
  eachMatrix(x, (matrix, t) => {
    const { s, u, vt } = svdMatrix(matrix, m, n, "reduced");
    // Vᵀ's rows (as columns) · diag(1/s) · U's columns (as rows), over the singular values kept.
    const inverse = new Float64Array(n * m);
    for (let l = 0; l < k && s[l] > rcond * s[0]; l++) {
      for (let i = 0; i < n; i++) {
        const scaled = vt[l * n + i] / s[l];
        for (let j = 0; j < m; j++) inverse[i * m + j] += scaled * u[j * k + l];
      }
    }
    inverses.put(t, inverse);
  });
  return inverses.result(linalgDType(x));
}

/** Machine epsilon of a float dtype as numpy's finfo gives it (float32's for float32, else float64's). */
function dtypeEps(dtype: DType): number {
  return dtype === "float32" ? 2 ** -23 : EPS;
}

export interface MatrixRankOptions {
  /** Singular values at or below tol count as zero; by default s_max·max(M, N)·eps. */
  tol?: number | null;
  /** A relative tol: s_max·rtol. Not together with tol. */
  rtol?: number | null;
}

/**
 * The rank of a matrix (a number), or of each in a stack (an int64 array), from its SVD: the singular values
 * above the tolerance (numpy's `np.linalg.matrix_rank`). A 0-d or 1-d array has rank 1 unless all zero.
 * @example np.linalg.matrix_rank(np.array([[1, 2], [2, 4]])) // 1
 */
export function matrix_rank(A: ArrayLike, options: MatrixRankOptions = {}): NDArray | number {
  const { tol, rtol } = options;
  if (tol != null && rtol != null) throw new ValueError("`tol` and `rtol` can't be both set.");
  const x = asarray(A);
  if (x.ndim < 2) return ravelData(x).some((value) => value !== 0) ? 1 : 0;
  const s = svd(x, { compute_uv: false });
  // numpy compares in the singular values' dtype: float32 ones against a float32 tolerance.
  const round = s.dtype === "float32" ? Math.fround : (value: number) => value;
  const [m, n] = x.shape.slice(-2);
  const k = Math.min(m, n);
  const values = ravelData(s);
  const ranks = empty(x.shape.slice(0, -2), "int64", "unspecified");
  for (let t = 0; t < ranks.size; t++) {
    const own = values.subarray(t * k, (t + 1) * k);
    const threshold = tol ?? round(Math.max(0, ...own) * round(rtol ?? Math.max(m, n) * dtypeEps(s.dtype)));
    ranks.data[t] = own.filter((value) => value > threshold).length;
  }
  return ranks.ndim === 0 ? ranks.item() : ranks;
}
