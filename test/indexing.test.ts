import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase, checkCaseParts } from "./helpers/cases";
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

describe("index tricks match numpy", () => {
  for (const c of loadGolden("index_tricks")) test(c.name, () => checkCaseParts(c));
});

test("fill_diagonal, put and putmask write through views into the base array", () => {
  const base = np.zeros([4, 6]);
  np.fill_diagonal(base.get(":, ::2"), [1, 2]);
  np.put(base.get("3"), [-1, 0], [7, 8]);
  np.putmask(base.get(":, 1"), [true, false, true, false], 5);
  expect(base.tolist()).toEqual([
    [1, 5, 0, 0, 0, 0],
    [0, 0, 2, 0, 0, 0],
    [0, 5, 0, 0, 1, 0],
    [8, 0, 0, 0, 0, 7],
  ]);
});

test("ix_ selects the cross product; unravel_index inverts ravel_multi_index", () => {
  const a = np.arange(20).reshape(4, 5);
  expect(a.get(...np.ix_([0, 3], [1, 4])).tolist()).toEqual([[1, 4], [16, 19]]);
  const flat = np.arange(12);
  const [i, j, k] = np.unravel_index(flat, [2, 3, 2]);
  expect(np.ravel_multi_index([i, j, k], [2, 3, 2]).tolist()).toEqual(flat.tolist());
  const [rows, cols] = np.tril_indices(3);
  expect(a.get(rows, cols).tolist()).toEqual([0, 5, 6, 10, 11, 12]);
});
