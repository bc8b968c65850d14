import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase } from "./helpers/cases";
import { loadGolden } from "./helpers/golden";

describe("isclose, allclose and array_equal match numpy", () => {
  for (const c of loadGolden("logic")) test(c.name, () => checkCase(c));
});

test("array_equal: what does not make an array equals nothing", () => {
  expect(np.array_equal([[1, 2], [3]], [[1, 2], [3]])).toBe(false);
  expect(np.array_equal([1, 2], np.array([1, 2]))).toBe(true);
});
