import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { callCase, checkCase } from "./helpers/cases";
import { expectGolden, loadGolden, type GoldenValue, type Tolerance } from "./helpers/golden";

// float64 sums follow numpy's order (pairwise on contiguous rows) and must agree to the bit; variance takes a
// square root or a division of such sums; float32 reductions accumulate in float64 here (numpy in float32).
function tolerance(name: string) {
  if (name.includes("float32")) return { rtol: 2e-6, atol: 1e-6 };
  if (/^(std|var|mean)/.test(name)) return { ulp: 4 };
  return {};
}

describe("reductions match numpy", () => {
  for (const c of loadGolden("reduce")) {
    // numpy sums uint8 in uint64, a dtype tsdl does not have: the values must agree, in int64.
    if (c.result?.dtype === "uint64") c.result.dtype = "int64";
    test(c.name, () => checkCase(c, tolerance(c.name)));
  }
});

test("the fluent form is the function", () => {
  const a = np.arange(12).reshape(3, 4);
  expect((a.sum({ axis: 0, keepdims: true }) as np.NDArray).tolist()).toEqual([[12, 15, 18, 21]]);
  expect(a.mean()).toBe(5.5);
  expect(a.max({ axis: 1 }).tolist()).toEqual([3, 7, 11]);
  expect(a.gt(5).any()).toBe(true);
  expect(a.gt(-1).all({ axis: 0 }).tolist()).toEqual([true, true, true, true]);
  expect(a.cumsum({ axis: 1 }).tolist()).toEqual(np.cumsum(a, { axis: 1 }).tolist());
  expect(a.cumprod().tolist()).toEqual(np.cumprod(a).tolist());
});

/**
 * Statistics that sum agree with numpy as the reductions above do, except where numpy's summation order is not
 * tsdl's: float32 sums accumulate in float64 here (numpy in float32); numpy sums weights transposed to the order
 * of `axis` in their memory order (tsdl in C order); cov and corrcoef multiply through numpy's BLAS, whose
 * dot products add in their own order. Quantiles, extrema, arg-extrema and diff are exact.
 */
function statisticsTolerance(name: string): Tolerance {
  if (/^(cov|corrcoef) /.test(name)) return { ulp: 4 };
  if (/^(average|nansum|nanmean|nanstd|nanvar) /.test(name) && name.includes("float32")) return { rtol: 2e-6, atol: 1e-6 };
  if (/^average .*weights 2-D \(1, 0\)/.test(name)) return { ulp: 2 };
  return {};
}

describe("statistics match numpy", () => {
  for (const c of loadGolden("statistics")) {
    // numpy sums uint8 in uint64, a dtype tsdl does not have: the values must agree, in int64.
    if (c.result?.dtype === "uint64") c.result.dtype = "int64";
    const tol = statisticsTolerance(c.name);
    test(c.name, () => {
      if (!c.scale) return checkCase(c, tol);
      // average with `returned`: numpy's pair, the average as the result and the sum of weights as "scale".
      const [avg, scale] = callCase(c) as [unknown, unknown];
      expectGolden(avg, c.result!, tol, c.name);
      expectGolden(scale, c.scale as GoldenValue, tol, `${c.name} scale`);
    });
  }
});

test("diff with n: 0 returns its input itself, as numpy does", () => {
  const a = np.array([1, 4, 9]);
  expect(np.diff(a, { n: 0 })).toBe(a);
  expect(np.diff(a).tolist()).toEqual([3, 5]);
});

test("quantiles take q as a number, a list or an array; a number and a full reduction give a JS number", () => {
  const a = np.arange(10);
  expect(np.quantile(a, 0.5)).toBe(4.5);
  expect(np.percentile(a, np.array([10, 90])).tolist()).toEqual(np.percentile(a, [10, 90]).tolist());
  expect(np.percentile(a, [10, 90], { method: "lower" }).tolist()).toEqual([0, 8]);
});

test("NDArray's ptp is np.ptp", () => {
  const a = np.array([[1, 5], [-2, 3]]);
  expect(a.ptp()).toBe(7);
  expect((a.ptp({ axis: 0 }) as np.NDArray).tolist()).toEqual([3, 2]);
});
