import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { callCase, checkCase } from "./helpers/cases";
import { expectGolden, loadGolden, type GoldenValue } from "./helpers/golden";

describe("shape operations match numpy", () => {
  for (const c of loadGolden("shape")) test(c.name, () => checkCase(c));
});

describe("shape manipulation matches numpy", () => {
  for (const c of loadGolden("shape_manipulation")) {
    // Cases whose numpy function returns a list of arrays (split, broadcast_arrays, …) record one result each.
    const results = c.results as GoldenValue[] | undefined;
    test(c.name, () => {
      if (!results) return checkCase(c);
      const actual = callCase(c) as unknown[];
      expect(actual.length, `${c.name} count`).toBe(results.length);
      results.forEach((r, i) => expectGolden(actual[i], r, {}, `${c.name} [${i}]`));
    });
  }
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

test("flip, moveaxis, split, broadcast_arrays, diagonal and atleast_Nd give views; the copying functions do not", () => {
  const a = np.arange(24).reshape(2, 3, 4);
  const views = [
    np.flip(a),
    np.flip(a, { axis: 1 }),
    np.fliplr(a),
    np.flipud(a),
    np.moveaxis(a, 0, -1),
    ...np.split(a, 2, { axis: 2 }),
    ...np.array_split(a, [1], { axis: 1 }),
    ...np.broadcast_arrays(a, np.zeros([3, 1])).slice(0, 1),
    np.diagonal(a, { axis1: 1, axis2: 2 }),
    np.atleast_3d(a.get(0)),
    np.atleast_2d(a.get(0, 0)),
  ];
  for (const view of views) expect(view.data).toBe(a.data);
  np.flip(a).set(0, 0, 0, -1);
  expect(a.item(1, 2, 3)).toBe(-1);
  np.split(a, 2, { axis: 2 })[1].set(0, 0, 0, -2);
  expect(a.item(0, 0, 2)).toBe(-2);
  for (const copy of [np.roll(a, 0), np.repeat(a, 1), np.tile(a, 1), np.take(a, [0]), np.pad(a, 0), np.append(a, []), np.tril(a), np.triu(a), np.diag(a.get(0, 0))]) {
    expect(copy.data).not.toBe(a.data);
  }
});

test("atleast_Nd gives an array for one argument, a list for several", () => {
  expect(np.atleast_2d(5).shape).toEqual([1, 1]);
  expect(np.atleast_1d(1, [2, 3]).map((x) => x.shape)).toEqual([[1], [2]]);
  expect(np.atleast_3d()).toEqual([]);
});

test("flipped views (negative strides) read the same through every path", () => {
  const a = np.arange(12).reshape(3, 4);
  for (const f of [np.flip(a), np.flip(a, { axis: 0 }), np.fliplr(a.T), np.flip(a).get("::2, 1:")]) {
    const nested = f.tolist() as number[][];
    expect(f.copy().tolist()).toEqual(nested);
    expect(f.reshape(f.size).toArray()).toEqual(nested.flat());
    expect(f.add(1).tolist()).toEqual(nested.map((row) => row.map((x) => x + 1)));
    expect(f.T.copy().T.tolist()).toEqual(nested);
    expect(np.take(f, [0], { axis: 1 }).ravel().toArray()).toEqual(nested.map((row) => row[0]));
    expect(f.sum()).toBe(nested.flat().reduce((s, x) => s + x, 0));
  }
});

test("NDArray's repeat, take and diagonal are np.repeat, np.take and np.diagonal", () => {
  const a = np.arange(12).reshape(3, 4);
  expect(a.repeat(2, { axis: 0 }).tolist()).toEqual(np.repeat(a, 2, { axis: 0 }).tolist());
  expect(a.take([0, 3], { axis: 1 }).tolist()).toEqual([[0, 3], [4, 7], [8, 11]]);
  const d = a.diagonal({ offset: 1 });
  expect(d.tolist()).toEqual([1, 6, 11]);
  expect(d.data).toBe(a.data); // a view, as numpy's
});
