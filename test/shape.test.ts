import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase } from "./helpers/cases";
import { loadGolden } from "./helpers/golden";

describe("shape operations match numpy", () => {
  for (const c of loadGolden("shape")) test(c.name, () => checkCase(c));
});

test("reshape, transpose, squeeze and ravel of contiguous data are views", () => {
  const a = np.zeros([2, 3]);
  for (const view of [a.reshape(3, 2), a.T, a.reshape(1, 6).squeeze(), a.ravel(), np.expand_dims(a, 0), a.swapaxes(0, 1)]) {
    expect(view.data).toBe(a.data);
  }
  a.reshape(6).set(4, 9);
  expect(a.item(1, 1)).toBe(9);
  expect(a.T.ravel().data).not.toBe(a.data);
  expect(a.flatten().data).not.toBe(a.data);
  const c = a.copy();
  c.set(0, 0, 5);
  expect(a.item(0, 0)).toBe(0);
});

test("reshape takes varargs or one array", () => {
  expect(np.arange(6).reshape(2, 3).shape).toEqual([2, 3]);
  expect(np.arange(6).reshape([3, -1]).shape).toEqual([3, 2]);
});
