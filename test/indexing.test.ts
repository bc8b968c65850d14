import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase } from "./helpers/cases";
import { loadGolden } from "./helpers/golden";

describe("indexing and assignment match numpy", () => {
  for (const c of loadGolden("indexing")) test(c.name, () => checkCase(c));
});

test("basic indexing gives views that write through; advanced indexing gives copies", () => {
  const a = np.arange(12).reshape(3, 4);
  const column = a.get(":, 1");
  expect(column.data).toBe(a.data);
  column.set(":", 0);
  expect(a.tolist()).toEqual([[0, 0, 2, 3], [4, 0, 6, 7], [8, 0, 10, 11]]);
  const picked = a.get([0, 2]);
  picked.set(":", -1);
  expect(a.item(0, 0)).toBe(0);
});

test("the course's idioms", () => {
  const Z = np.array([[1.5, -2], [0, 3]]);
  const dZ = np.ones([2, 2]);
  dZ.set(Z.le(0), 0);
  expect(dZ.tolist()).toEqual([[1, 0], [0, 1]]);
  const X = np.arange(10).reshape(5, 2);
  expect(X.get(":, 0").tolist()).toEqual([0, 2, 4, 6, 8]);
  expect(X.get("0:3", 1).tolist()).toEqual([1, 3, 5]);
  expect(X.get(np.newaxis, "...").shape).toEqual([1, 5, 2]);
  expect(X.item(4, 1)).toBe(9);
  expect(() => X.item(5, 0)).toThrow("index 5 is out of bounds for axis 0 with size 5");
  expect([...np.arange(6).reshape(3, 2)].map((row) => row.tolist())).toEqual([[0, 1], [2, 3], [4, 5]]);
});
