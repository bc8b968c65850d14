/** Products and norms (numpy's `dot`, `matmul`, `outer`, `linalg.norm`). */
import { isFloat, promoteTypes, type DType, type TypedArray } from "./dtype";
import { ValueError, formatShape, normalizeAxis } from "./errors";
import { NDArray, asarray, broadcastShapes, broadcastTo, empty, ravelData, type ArrayLike } from "./ndarray";
import { abs, multiply, sqrt } from "./ufunc";
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
