import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { callCase, checkCase, linalgTolerance } from "./helpers/cases";
import { decodeScalar, expectGolden, loadGolden, type GoldenCase, type Tolerance } from "./helpers/golden";

describe("linear algebra matches numpy", () => {
  for (const c of loadGolden("linalg")) test(c.name, () => checkCase(c, linalgTolerance(c)));
});

test("dot of transposed views reads through strides without materialising them", () => {
  const a = np.arange(6).reshape(2, 3).astype("float64");
  expect(a.T.dot(a).tolist()).toEqual([[9, 12, 15], [12, 17, 22], [15, 22, 29]]);
  expect(np.dot(a, a.T).tolist()).toEqual([[5, 14], [14, 50]]);
});

test("products small enough for the direct loop equal the packed product, in every operand layout", () => {
  // Integer-valued elements make every summation order exact, so the two kernels must agree to the bit;
  // zero padding along k makes the same product big enough for the packed (or native) kernel.
  np.random.seed(11);
  const integers = (m: number, n: number) => np.random.randint(-8, 8, [m, n]).astype("float64");
  for (const [m, n, k] of [[1, 1, 1], [3, 3, 4], [4, 5, 5], [2, 7, 7]]) {
    const base = integers(2 * m + 1, 2 * k + 1);
    const other = integers(2 * n + 1, 2 * k + 1);
    const lefts = [base.get(`0:${m}, 0:${k}`).copy(), base.T.get(`0:${k}, 0:${m}`).T, base.get(`1::2, 1::2`).get(`0:${m}, 0:${k}`)];
    const rights = [other.get(`0:${n}, 0:${k}`).T, other.get(`0:${n}, 0:${k}`).T.copy(), other.get(`::-2, ::2`).get(`0:${n}, 0:${k}`).T];
    for (const x of lefts) {
      for (const y of rights) {
        const padded = np.dot(np.hstack([x, np.zeros([m, 128])]), np.vstack([y, np.zeros([128, n])]));
        expect(np.dot(x, y).tolist()).toEqual(padded.tolist());
      }
    }
  }
});

test("inv, det and solve agree with each other; LinAlgError is numpy's, a ValueError, under np.linalg", () => {
  np.random.seed(4);
  const a = np.random.randn(6, 6);
  const b = np.random.randn(6, 2);
  expect(np.allclose(np.dot(a, np.linalg.inv(a)), np.eye(6))).toBe(true);
  expect(np.allclose(np.dot(a, np.linalg.solve(a, b)), b)).toBe(true);
  expect(np.linalg.det(a.T) as number).toBeCloseTo(np.linalg.det(a) as number, 10);
  let error: unknown;
  try {
    np.linalg.solve(np.ones([3, 3]), np.ones(3));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(np.linalg.LinAlgError);
  expect(error).toBeInstanceOf(np.ValueError);
  expect((error as Error).message).toBe("Singular matrix");
});

describe("tensordot, inner, vdot, kron, trace, cross, einsum and matrix_power match numpy", () => {
  // Integer and bool products must be exact; float ones agree with numpy's BLAS to rounding.
  const tolerance = (c: GoldenCase) => (c.result && /^(float32|float64)$/.test(c.result.dtype ?? "float64") ? linalgTolerance(c) : {});
  for (const c of loadGolden("linalg_products")) test(c.name, () => checkCase(c, tolerance(c)));
});

test("einsum of one operand with nothing to sum is a view, as numpy's: a diagonal or transpose writes through", () => {
  const a = np.arange(9).reshape(3, 3);
  np.einsum("ii->i", a).set(":", -1);
  expect(a.tolist()).toEqual([[-1, 1, 2], [3, -1, 5], [6, 7, -1]]);
  np.einsum("ij->ji", a).set(0, 1, 100);
  expect(a.item(1, 0)).toBe(100);
  const total = np.einsum("ij->i", a);
  total.set(":", 0);
  expect(a.item(0, 1)).toBe(1);
});

test("einsum contractions agree with matmul and tensordot on operands past the small-product kernel", () => {
  np.random.seed(12);
  const x = np.random.randint(-9, 9, [4, 12, 15]).astype("float64");
  const y = np.random.randint(-9, 9, [4, 15, 11]).astype("float64");
  // Integer-valued floats: every summation order is exact, so the results must be equal to the bit.
  expect(np.einsum("bij,bjk->bik", x, y).tolist()).toEqual(np.matmul(x, y).tolist());
  expect(np.einsum("bij,bjk->ik", x, y).tolist()).toEqual(np.tensordot(x, y, { axes: [[0, 2], [0, 1]] }).tolist());
  expect(np.einsum("bij,cjk->bcik", x, y).tolist()).toEqual(np.tensordot(x, y, { axes: [[2], [1]] }).transpose(0, 2, 1, 3).tolist());
  expect(np.einsum("bji,bjk", x.transpose(0, 2, 1), y).tolist()).toEqual(np.matmul(x, y).sum({ axis: 0 }).tolist());
});

test("matrix_power of 1 returns the matrix itself and trace of a matrix a number, as numpy's do", () => {
  const a = np.array([[1, 2], [3, 4]]);
  expect(np.linalg.matrix_power(a, 1)).toBe(a);
  expect(np.trace(a)).toBe(5);
  expect(np.linalg.trace(a)).toBe(5);
});

test("NDArray's trace is np.trace", () => {
  expect(np.eye(3).trace()).toBe(3);
  expect((np.ones([2, 3, 3]).trace({ axis1: 1, axis2: 2 }) as np.NDArray).tolist()).toEqual([3, 3]);
});

describe("eigh, svd, qr, cholesky, lstsq, pinv, matrix_rank and slogdet match numpy", () => {
  // A case compares one part of the result (test/golden/linalg_decompositions.py): a unique output as it is,
  // or a sign-independent quantity computed in float64 from the outputs, whose dtypes and shapes are
  // checked against numpy's as well.
  const f64 = (x: np.NDArray) => x.astype("float64");
  const gram = (x: np.NDArray) => np.matmul(np.swapaxes(f64(x), -1, -2), f64(x));
  const quantities: Record<string, (r: any) => unknown> = {
    eigenvalues: (r) => r.eigenvalues,
    S: (r) => r.S,
    sign: (r) => r.sign,
    logabsdet: (r) => r.logabsdet,
    "|R|": (r) => np.abs(r instanceof np.NDArray ? r : r.R),
    "V diag(w) Vt": ([w, v]) => np.matmul(np.multiply(f64(v), np.expand_dims(f64(w), -2)), np.swapaxes(f64(v), -1, -2)),
    "U diag(S) Vh": ({ U, S, Vh }) => {
      const k = S.shape[S.ndim - 1];
      return np.matmul(np.multiply(f64(U).get("...", `:, :${k}`), np.expand_dims(f64(S), -2)), f64(Vh).get("...", `:${k}, :`));
    },
    QR: ({ Q, R }) => np.matmul(f64(Q), f64(R)),
    QtQ: ({ Q }) => gram(Q),
    UtU: ({ U }) => gram(U),
    VtV: ({ eigenvectors }) => gram(eigenvectors),
    VhVht: ({ Vh }) => gram(np.swapaxes(Vh, -1, -2)),
  };
  // Results agree with LAPACK's to rounding, as linalgTolerance allows, except that the absolute part scales
  // with the largest value: LAPACK's (and tsdl's) error bounds are normwise, so a singular value far below
  // the largest (the "graded" case: 1.9e-7 next to 7e8) is only known to about eps·s_max, in numpy too.
  // float32 outputs are float64 ones rounded, to within 1 ulp relative, but float64 zeros rounded (a
  // rank-deficient matrix's last singular values, ~1e-16) need an absolute 1e-6; quantities derived from
  // float32 factors sum n terms of float32 rounding, so those agree to 1e-5 (float32 inputs are ~N(0, 1)).
  // A -inf (the log of a singular determinant) is compared exactly, as the rtol check can't.
  const tolerance = (c: GoldenCase): Tolerance => {
    const expected = c.result!.data.map(decodeScalar).map(Number);
    if (expected.some((x) => x === Infinity || x === -Infinity)) return {};
    const single = c.result!.dtype === "float32" || (c.outputs as { dtype: string }[] | undefined)?.some((o) => o.dtype === "float32");
    if (!single) return { rtol: 1e-12, atol: 1e-12 * Math.max(1, ...expected.filter(Number.isFinite).map(Math.abs)) };
    return typeof c.part === "string" && !(c.part in { eigenvalues: 1, S: 1, sign: 1, logabsdet: 1 }) ? { rtol: 1e-5, atol: 1e-5 } : { rtol: 2 ** -23, atol: 1e-6 };
  };
  for (const c of loadGolden("linalg_decompositions")) {
    test(c.name, () => {
      if (c.error) return checkCase(c);
      const result = callCase(c) as any;
      const outputs = c.outputs as { dtype: string; shape: number[] }[] | undefined;
      if (outputs) {
        const arrays: np.NDArray[] = result instanceof np.NDArray ? [result] : [...result];
        expect(arrays.map((x) => x.dtype)).toEqual(outputs.map((o) => o.dtype));
        expect(arrays.map((x) => [...x.shape])).toEqual(outputs.map((o) => o.shape));
      }
      const part = c.part as string | number | null;
      const value = part === null ? result : typeof part === "number" ? result[part] : quantities[part](result);
      expectGolden(value, c.result!, tolerance(c), c.name);
    });
  }
});

describe("decompositions satisfy their defining properties", () => {
  // Eigenvectors and singular vectors are unique only up to sign, so these check what defines them rather
  // than numpy's values: a·v = v·diag(w), a = U·diag(S)·Vh, a = Q·R, with orthonormal factors.
  np.random.seed(21);
  const close = (actual: np.NDArray, expected: np.ArrayLike, tol = 1e-10) => {
    const e = np.asarray(expected);
    expect([...actual.shape]).toEqual([...e.shape]);
    const scale = Math.max(1, ...(e.size ? e.toArray().map(Math.abs) : [0]));
    expect(e.size === 0 || np.allclose(actual, e, { rtol: 0, atol: tol * scale })).toBe(true);
  };
  const T = (x: np.NDArray) => np.swapaxes(x, -1, -2);
  const identity = (n: number, batch: number[] = []) => np.broadcast_to(np.eye(n), [...batch, n, n]);
  const isUpperTriangular = (r: np.NDArray) => np.all(np.equal(np.tril(r.reshape(-1, ...r.shape.slice(-2)).get(0), { k: -1 }), 0));
  const rankDeficient = (m: number, n: number, rank: number) => np.matmul(np.random.randn(m, rank), np.random.randn(rank, n));
  const shapes: [string, np.NDArray][] = [
    ["square", np.random.randn(7, 7)],
    ["tall", np.random.randn(40, 13)],
    ["wide", np.random.randn(9, 30)],
    ["rank-deficient tall", rankDeficient(12, 8, 3)],
    ["rank-deficient wide", rankDeficient(5, 11, 2)],
    ["1x1", np.array([[-3.5]])],
    ["zeros", np.zeros([4, 3])],
    ["stacked", np.random.randn(3, 2, 6, 4)],
    ["stacked wide", np.random.randn(2, 3, 5)],
    ["float32", np.random.randn(8, 5).astype("float32")],
    ["int", np.random.randint(-5, 5, [6, 6])],
  ];

  for (const [name, a] of shapes) {
    const batch = a.shape.slice(0, -2);
    const [m, n] = a.shape.slice(-2);
    const k = Math.min(m, n);
    const tol = a.dtype === "float32" ? 1e-5 : 1e-10;
    const a64 = a.astype("float64");

    test(`svd of ${name}: U·diag(S)·Vh = a, U and Vh orthonormal, S descending and non-negative`, () => {
      for (const full_matrices of [true, false]) {
        const { U, S, Vh } = np.linalg.svd(a, { full_matrices });
        expect([U.dtype, S.dtype, Vh.dtype]).toEqual(new Array(3).fill(a.dtype === "float32" ? "float32" : "float64"));
        const [u, s, vh] = [U, S, Vh].map((x) => x.astype("float64"));
        const thinU = u.get("...", `:, :${k}`);
        close(np.matmul(np.multiply(thinU, np.expand_dims(s, -2)), vh.get("...", `:${k}, :`)), a64, tol);
        close(np.matmul(T(u), u), identity(full_matrices ? m : k, batch), tol);
        close(np.matmul(vh, T(vh)), identity(full_matrices ? n : k, batch), tol);
        const values = s.reshape(-1, k);
        expect(np.all(np.greater_equal(values, 0))).toBe(true);
        if (k > 1) expect(np.all(np.greater_equal(np.diff(values.get("...", "::-1"), { axis: -1 }), 0))).toBe(true);
        close(np.linalg.svdvals(a).astype("float64"), s, tol);
      }
    });

    test(`qr of ${name}: Q·R = a, Q orthonormal, R upper triangular, in every mode`, () => {
      for (const mode of ["reduced", "complete"] as const) {
        const { Q, R } = np.linalg.qr(a, { mode });
        const rows = mode === "complete" ? m : k;
        expect([...Q.shape]).toEqual([...batch, m, rows]);
        expect([...R.shape]).toEqual([...batch, rows, n]);
        close(np.matmul(Q.astype("float64"), R.astype("float64")), a64, tol);
        close(np.matmul(T(Q.astype("float64")), Q.astype("float64")), identity(rows, batch), tol);
        expect(isUpperTriangular(R)).toBe(true);
      }
      close(np.linalg.qr(a, { mode: "r" }), np.linalg.qr(a).R, 0);
    });

    if (m !== n) continue;
    const symmetric = np.add(a64, T(a64));
    test(`eigh of ${name} made symmetric: a·v = v·diag(w), v orthonormal, w ascending`, () => {
      const { eigenvalues: w, eigenvectors: v } = np.linalg.eigh(symmetric);
      close(np.matmul(symmetric, v), np.multiply(v, np.expand_dims(w, -2)));
      close(np.matmul(T(v), v), identity(n, batch));
      if (n > 1) expect(np.all(np.greater_equal(np.diff(w, { axis: -1 }), 0))).toBe(true);
      expect(np.linalg.eigvalsh(symmetric).tolist()).toEqual(w.tolist());
    });
  }

  test("eigh, svd and qr results destructure as tuples and name their fields, as numpy 2's namedtuples", () => {
    const a = np.array([[2, 1], [1, 2]]);
    const result = np.linalg.eigh(a);
    const [w, v] = result;
    expect(w).toBe(result.eigenvalues);
    expect(v).toBe(result.eigenvectors);
    expect(np.allclose(result[0], [1, 3])).toBe(true);
    const [U, S, Vh] = np.linalg.svd(a);
    expect([U, S, Vh].map((x) => [...x.shape])).toEqual([[2, 2], [2], [2, 2]]);
    const [Q, R] = np.linalg.qr(a);
    expect(np.allclose(np.matmul(Q, R), a)).toBe(true);
    const { sign, logabsdet } = np.linalg.slogdet(a);
    expect([sign, logabsdet]).toEqual([1, Math.log(3)]);
    expect(np.linalg.svd(a, { compute_uv: false })).toBeInstanceOf(np.NDArray);
  });

  test("larger matrices: eigh of a covariance, svd of a data matrix, and lstsq against the normal equations", () => {
    const x = np.random.randn(150, 60);
    const cov = np.cov(x, { rowvar: false });
    const { eigenvalues, eigenvectors } = np.linalg.eigh(cov);
    close(np.matmul(cov, eigenvectors), np.multiply(eigenvectors, eigenvalues));
    const { U, S, Vh } = np.linalg.svd(x, { full_matrices: false });
    close(np.matmul(np.multiply(U, S), Vh), x);
    // The covariance's eigenvalues are the centred data's squared singular values over (n - 1).
    const centred = np.subtract(x, np.mean(x, { axis: 0 }));
    close(np.sort(np.divide(np.square(np.linalg.svdvals(centred)), 149)), eigenvalues);
    const b = np.random.randn(150, 2);
    const [solution, residuals, rank] = np.linalg.lstsq(x, b);
    close(solution, np.linalg.solve(np.matmul(x.T, x), np.matmul(x.T, b)), 1e-9);
    expect(rank).toBe(60);
    close(residuals, np.sum(np.square(np.subtract(b, np.matmul(x, solution))), { axis: 0 }));
  });

  test("pinv satisfies the Moore–Penrose conditions, also for a rank-deficient matrix", () => {
    for (const a of [np.random.randn(6, 4), rankDeficient(5, 7, 2)]) {
      const p = np.linalg.pinv(a);
      close(np.matmul(np.matmul(a, p), a), a);
      close(np.matmul(np.matmul(p, a), p), p);
      close(T(np.matmul(a, p)), np.matmul(a, p));
      close(T(np.matmul(p, a)), np.matmul(p, a));
    }
  });

  test("cholesky: L·Lᵀ = a with L lower triangular; upper gives Lᵀ", () => {
    const b = np.random.randn(3, 5, 5);
    const a = np.add(np.matmul(b, T(b)), np.eye(5));
    const l = np.linalg.cholesky(a);
    close(np.matmul(l, T(l)), a);
    expect(np.all(np.equal(np.triu(l.get(1), { k: 1 }), 0))).toBe(true);
    close(np.linalg.cholesky(a, { upper: true }), T(l), 1e-15);
  });

  test("slogdet agrees with det where det neither overflows nor underflows, and with matrix_rank's view of singularity", () => {
    const a = np.random.randn(4, 6, 6);
    const { sign, logabsdet } = np.linalg.slogdet(a) as { sign: np.NDArray; logabsdet: np.NDArray };
    close(np.multiply(sign, np.exp(logabsdet)), np.linalg.det(a) as np.NDArray);
    expect((np.linalg.matrix_rank(a) as np.NDArray).tolist()).toEqual([6, 6, 6, 6]);
    expect(np.linalg.matrix_rank(rankDeficient(6, 6, 4))).toBe(4);
  });

  test("svd and what builds on it raise numpy's LinAlgError for infinities too, where numpy's LAPACK returns NaN", () => {
    const a = np.array([[Infinity, 1], [1, 2]]);
    for (const call of [() => np.linalg.svd(a), () => np.linalg.svdvals(a), () => np.linalg.pinv(a), () => np.linalg.matrix_rank(a)]) {
      expect(call).toThrow(np.linalg.LinAlgError);
      expect(call).toThrow("SVD did not converge");
    }
  });

  test("eigh of a matrix with NaN or infinity in the triangle it reads is NaN throughout", () => {
    const { eigenvalues, eigenvectors } = np.linalg.eigh(np.array([[1, 2], [NaN, 3]]));
    expect(np.all(np.isnan(eigenvalues))).toBe(true);
    expect(np.all(np.isnan(eigenvectors))).toBe(true);
    expect(np.linalg.eigvalsh(np.array([[1, Infinity], [2, 3]]), { UPLO: "U" }).toArray().every(Number.isNaN)).toBe(true);
  });
});

test("qr's reflectors are LAPACK's, so Q and R have numpy's signs", () => {
  // numpy: np.linalg.qr([[3, 1], [4, 2]]) → Q [[-0.6, -0.8], [-0.8, 0.6]], R [[-5, -2.2], [0, 0.4]].
  const { Q, R } = np.linalg.qr(np.array([[3, 1], [4, 2]]));
  expect(np.allclose(Q, [[-0.6, -0.8], [-0.8, 0.6]], { rtol: 0, atol: 1e-15 })).toBe(true);
  expect(np.allclose(R, [[-5, -2.2], [0, 0.4]], { rtol: 0, atol: 1e-15 })).toBe(true);
});

test("named results show themselves as numpy's reprs do", async () => {
  const { inspect } = await import("node:util");
  // numpy 2.4: repr(np.linalg.eigh(np.eye(2)))
  expect(inspect(np.linalg.eigh(np.eye(2)))).toBe("EighResult(eigenvalues=array([1., 1.]), eigenvectors=array([[1., 0.],\n       [0., 1.]]))");
});
