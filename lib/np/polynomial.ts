/**
 * Polynomials as coefficient arrays, highest power first (numpy's lib/_polynomial_impl.py): `polyval`,
 * `polyder`, `polyint`, `polyfit`, and the Vandermonde matrix `vander`. `roots` is not here: it needs the
 * complex eigenvalues of the companion matrix, and tsdl has no complex dtype.
 */
import { promoteTypes } from "./dtype";
import { ValueError } from "./errors";
import { lstsq } from "./linalg";
import { NDArray, asarray, empty, ravelData, type ArrayLike } from "./ndarray";
import { arange, ones, zeros, zeros_like } from "./creation";
import { atleast_1d, concatenate } from "./shape";
import { add, divide, multiply } from "./ufunc";

/** `len(p)`, which Python refuses for a 0-d array. */
function length(p: NDArray): number {
  if (p.ndim === 0) throw new TypeError("len() of unsized object");
  return p.shape[0];
}

/**
 * The polynomial with coefficients `p` (highest power first) at `x`, by Horner's scheme (numpy's `np.polyval`).
 * @example
 * np.polyval([3, 0, 1], 5)            // array(76)
 * np.polyval([1, -2], np.arange(3))   // array([-2, -1,  0])
 */
export function polyval(p: ArrayLike, x: ArrayLike): NDArray {
  const coefficients = asarray(p);
  const at = asarray(x);
  let y = zeros_like(at);
  // Each coefficient is a numpy scalar there: it takes part in type promotion as an array does.
  for (const coefficient of coefficients) y = add(multiply(y, at), coefficient);
  return y;
}

/**
 * The `m`-th derivative of the polynomial `p` (numpy's `np.polyder`).
 * @example np.polyder([1, 1, 1, 1]) // array([3, 2, 1])
 */
export function polyder(p: ArrayLike, m = 1): NDArray {
  if (m < 0) throw new ValueError("Order of derivative must be positive (see polyint)");
  const coefficients = asarray(p);
  const n = length(coefficients) - 1;
  // numpy differentiates once before it looks at m, so even m = 0 checks that p can be differentiated.
  const derivative = multiply(coefficients.get(":-1"), arange(n, 0, -1));
  return m === 0 ? coefficients : polyder(derivative, m - 1);
}

/**
 * The `m`-th antiderivative of the polynomial `p` (numpy's `np.polyint`), with integration constants `k`
 * (zeros by default; one scalar for all, or one per integration, the first used first).
 * @example
 * np.polyint([3, 2, 1])               // array([1., 1., 1., 0.])
 * np.polyint([6], 2, { k: [1, 2] })   // array([3., 1., 2.])
 */
export function polyint(p: ArrayLike, m = 1, options: { k?: ArrayLike | null } = {}): NDArray {
  if (m < 0) throw new ValueError("Order of integral must be positive (see polyder)");
  let k = atleast_1d(options.k ?? zeros(m));
  if (length(k) === 1 && m > 1) k = multiply(k.get(0), ones(m));
  if (length(k) < m) throw new ValueError("k must be a scalar or a rank-1 array of length 1 or >m.");
  const coefficients = asarray(p);
  if (m === 0) return coefficients;
  const integral = concatenate([divide(coefficients, arange(length(coefficients), 0, -1)), asarray([k.item(0)], { dtype: "float64" })]);
  return polyint(integral, m - 1, { k: k.get("1:") });
}

/**
 * The Vandermonde matrix of `x`: columns are powers of `x`, decreasing from `N - 1` (increasing with
 * `increasing`), `N = len(x)` by default (numpy's `np.vander`). int64, or float64 for float input.
 * @example np.vander([1, 2, 3], { N: 3 }) // array([[1, 1, 1], [4, 2, 1], [9, 3, 1]])
 */
export function vander(x: ArrayLike, options: { N?: number | null; increasing?: boolean } = {}): NDArray {
  const values = asarray(x);
  if (values.ndim !== 1) throw new ValueError("x must be a one-dimensional array or sequence.");
  const rows = values.shape[0];
  const columns = options.N ?? rows;
  const out = empty([rows, columns], promoteTypes(values.dtype, "int64"));
  const xs = ravelData(values);
  for (let i = 0; i < rows; i++) {
    // Powers by repeated multiplication, numpy's multiply.accumulate.
    let power = 1;
    for (let j = 0; j < columns; j++) {
      out.data[i * columns + (options.increasing ? j : columns - 1 - j)] = power;
      power *= xs[i];
    }
  }
  return out;
}

export interface PolyfitOptions {
  /** A weight per sample, multiplying its residual (1/sigma for Gaussian errors). */
  w?: ArrayLike | null;
}

/**
 * The least-squares polynomial of degree `deg` through the points (`x`, `y`): its coefficients, highest power
 * first (numpy's `np.polyfit`). `y` may be 2-D, one fit per column. float64. Solved as numpy solves it, by
 * `np.linalg.lstsq` on the column-scaled Vandermonde matrix with rcond = len(x)·ε, so a rank-deficient fit gives
 * the minimum-norm coefficients (numpy also warns, RankWarning; tsdl does not).
 * @example
 * np.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1)   // array([2., 1.])
 * np.polyfit(x, y, 2, { w: weights })
 */
export function polyfit(x: ArrayLike, y: ArrayLike, deg: number, options: PolyfitOptions = {}): NDArray {
  const order = Math.trunc(deg) + 1;
  const xs = asarray(x, { dtype: "float64" });
  const ys = asarray(y, { dtype: "float64" });
  if (deg < 0) throw new ValueError("expected deg >= 0");
  if (xs.ndim !== 1) throw new TypeError("expected 1D vector for x");
  if (xs.size === 0) throw new TypeError("expected non-empty vector for x");
  if (ys.ndim < 1 || ys.ndim > 2) throw new TypeError("expected 1D or 2D array for y");
  if (xs.shape[0] !== ys.shape[0]) throw new TypeError("expected x and y to have same length");
  const m = xs.shape[0];
  const k = ys.ndim === 2 ? ys.shape[1] : 1;
  const lhs = Float64Array.from(ravelData(vander(xs, { N: order })));
  const rhs = Float64Array.from(ravelData(ys));
  if (options.w != null) {
    const w = asarray(options.w, { dtype: "float64" });
    if (w.ndim !== 1) throw new TypeError("expected a 1-d array for weights");
    if (w.shape[0] !== m) throw new TypeError("expected w and y to have the same length");
    const weights = ravelData(w);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < order; j++) lhs[i * order + j] *= weights[i];
      for (let c = 0; c < k; c++) rhs[i * k + c] *= weights[i];
    }
  }
  // numpy scales each column to unit norm first, which keeps high powers from swamping the others.
  const scale = new Float64Array(order);
  for (let j = 0; j < order; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += lhs[i * order + j] * lhs[i * order + j];
    scale[j] = Math.sqrt(s);
    for (let i = 0; i < m; i++) lhs[i * order + j] /= scale[j];
  }
  const [solution] = lstsq(new NDArray(lhs, [m, order], "float64"), new NDArray(rhs, [m, k], "float64"), { rcond: m * Number.EPSILON });
  const out = empty(ys.ndim === 2 ? [order, k] : [order], "float64");
  for (let j = 0; j < order; j++) for (let c = 0; c < k; c++) out.data[j * k + c] = solution.data[j * k + c] / scale[j];
  return out;
}
