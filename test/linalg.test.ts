import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase, linalgTolerance } from "./helpers/cases";
import { loadGolden, type GoldenCase } from "./helpers/golden";

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
