/**
 * Products, norms and linear systems (numpy's `dot`, `matmul`, `outer`, `linalg.norm`, `linalg.inv`,
 * `linalg.det`, `linalg.solve`).
 */
import { isFloat, promoteTypes, type DType, type TypedArray } from "./dtype";
import { LinAlgError, ValueError, formatShape, normalizeAxis } from "./errors";
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
