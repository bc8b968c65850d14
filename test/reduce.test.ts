import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase } from "./helpers/cases";
import { loadGolden } from "./helpers/golden";

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
