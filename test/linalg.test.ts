import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase } from "./helpers/cases";
import { loadGolden } from "./helpers/golden";

// numpy's BLAS sums in its own order: products agree to rounding, not to the bit.
describe("linear algebra matches numpy", () => {
  for (const c of loadGolden("linalg")) test(c.name, () => checkCase(c, { rtol: 1e-12, atol: 1e-12 }));
});

test("dot of transposed views reads through strides without materialising them", () => {
  const a = np.arange(6).reshape(2, 3).astype("float64");
  expect(a.T.dot(a).tolist()).toEqual([[9, 12, 15], [12, 17, 22], [15, 22, 29]]);
  expect(np.dot(a, a.T).tolist()).toEqual([[5, 14], [14, 50]]);
});
