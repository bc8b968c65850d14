import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCaseParts } from "./helpers/cases";
import { loadGolden, type GoldenCase, type Tolerance } from "./helpers/golden";

/**
 * numpy's float64 convolve and correlate sum products with BLAS's ddot, in its own order; float32 sums
 * (trapezoid's) accumulate in float32 there, in float64 here (see reduce.test.ts): those agree to rounding.
 */
function tolerance(c: GoldenCase): Tolerance {
  if (/^(convolve|correlate) /.test(c.name) && c.result?.dtype === "float64") return { rtol: 1e-13, atol: 1e-15 };
  if (c.name.startsWith("trapezoid ") && c.result?.dtype === "float32") return { rtol: 2e-6, atol: 1e-6 };
  return {};
}

describe("interp, gradient, trapezoid, convolve, correlate and cumulative sums match numpy", () => {
  for (const c of loadGolden("calculus")) test(c.name, () => checkCaseParts(c, tolerance(c)));
});

test("gradient takes the options object after the spacings", () => {
  const y = np.array([0, 1, 4, 9, 16]);
  expect((np.gradient(y, 0.5, { edge_order: 2 }) as np.NDArray).tolist()).toEqual([0, 4, 8, 12, 16]);
  const [dy0, dy1] = np.gradient(np.array([[1, 2, 4], [3, 5, 9]])) as np.NDArray[];
  expect(dy0.tolist()).toEqual([[2, 3, 5], [2, 3, 5]]);
  expect(dy1.tolist()).toEqual([[1, 1.5, 2], [2, 3, 4]]);
});

test("trapezoid of a 1-D array is a number", () => {
  expect(np.trapezoid([1, 2, 3], { x: [4, 6, 8] })).toBe(8);
});
