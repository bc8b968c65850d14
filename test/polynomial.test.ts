import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase } from "./helpers/cases";
import { loadGolden, type Tolerance } from "./helpers/golden";

// polyfit solves by tsdl's lstsq (one-sided Jacobi SVD), numpy by LAPACK's gelsd: coefficients agree to
// rounding, scaled by the conditioning of the fit.
const tolerance = (name: string): Tolerance => (name.startsWith("polyfit ") ? { rtol: 1e-9, atol: 1e-9 } : {});

describe("polyval, polyder, polyint, vander and polyfit match numpy", () => {
  for (const c of loadGolden("polynomial")) test(c.name, () => checkCase(c, tolerance(c.name)));
});

test("polyval evaluates what polyfit fits", () => {
  const x = np.linspace(0, 1, 5);
  const p = np.polyfit(x, np.polyval([2, -1, 0.5], x), 2);
  expect(np.allclose(p, [2, -1, 0.5])).toBe(true);
});
