import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCaseParts } from "./helpers/cases";
import { loadGolden, type Tolerance } from "./helpers/golden";

// density divides by the counts' sum: float32 sums accumulate in float64 in tsdl (numpy's in float32, see reduce.test.ts).
const tolerance = (name: string): Tolerance => (name.includes("float32") && name.includes("density=True") ? { rtol: 2e-6, atol: 1e-6 } : {});

describe("histogram, bincount and digitize match numpy", () => {
  for (const c of loadGolden("histograms")) test(c.name, () => checkCaseParts(c, tolerance(c.name)));
});

test("the last bin includes its right edge, the others do not", () => {
  const [hist, edges] = np.histogram([0, 1, 2, 3], { bins: 3 });
  expect(hist.tolist()).toEqual([1, 1, 2]);
  expect(edges.tolist()).toEqual([0, 1, 2, 3]);
});

test("density integrates to one", () => {
  const [hist, edges] = np.histogram(np.array([0.5, 1.5, 1.7, 3.2, 9.9]), { bins: [0, 1, 2, 5, 10], density: true });
  const widths = np.diff(edges);
  expect(np.sum(hist.mul(widths))).toBeCloseTo(1, 15);
});

test("doane and stone are named as unsupported, not as invalid", () => {
  expect(() => np.histogram([1, 2, 3], { bins: "doane" as np.BinEstimator })).toThrow(/tsdl does not implement the "doane" estimator/);
});
