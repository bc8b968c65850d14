import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { callCase, checkCase } from "./helpers/cases";
import { expectGolden, loadGolden, type GoldenValue } from "./helpers/golden";

describe("sorting, searching and counting match numpy", () => {
  for (const c of loadGolden("sorting")) {
    test(c.name, () => {
      if (!c.fields) return checkCase(c);
      // unique with return_* options: numpy's tuple, by unique_all's field names.
      const result = callCase(c) as Record<string, np.NDArray>;
      const fields = c.fields as Record<string, GoldenValue>;
      expect(Object.keys(result).sort()).toEqual(Object.keys(fields).sort());
      for (const [field, golden] of Object.entries(fields)) expectGolden(result[field], golden, {}, `${c.name} ${field}`);
    });
  }
});

test("every kind sorts stably: ties and signed zeros keep their order", () => {
  const ties = np.array([1, 0, 1, 0, 1, 0, 2, 2, 1, 0]);
  const stable = [1, 3, 5, 9, 0, 2, 4, 8, 6, 7];
  for (const kind of [undefined, "quicksort", "heapsort", "mergesort", "stable"] as const) {
    expect(np.argsort(ties, { kind }).tolist()).toEqual(stable);
  }
  const zeros = np.sort(np.array([0, -0, 1, -0, 0, -1], { dtype: "float64" }));
  expect(Array.from(zeros.data, (v) => Object.is(v, -0))).toEqual([false, false, true, true, false, false]);
});

test("sort walks strided lanes and leaves its input alone", () => {
  const a = np.array([[3, 1, 2], [9, 7, 8]]).T;
  expect(np.sort(a, { axis: 0 }).tolist()).toEqual([[1, 7], [2, 8], [3, 9]]);
  expect(a.tolist()).toEqual([[3, 9], [1, 7], [2, 8]]);
});

test("a.sort() sorts in place, through a view, and returns nothing; a.argsort() is np.argsort", () => {
  const a = np.array([[3, 1, 2], [9, 7, 8]]);
  expect(a.argsort({ axis: 0 }).tolist()).toEqual(np.argsort(a, { axis: 0 }).tolist());
  expect(a.sort()).toBeUndefined();
  expect(a.tolist()).toEqual([[1, 2, 3], [7, 8, 9]]);
  const b = np.array([[3, 9], [1, 7], [2, 8]]);
  b.T.sort();
  expect(b.tolist()).toEqual([[1, 7], [2, 8], [3, 9]]);
  expect(() => a.sort({ axis: 2 })).toThrow("axis 2 is out of bounds for array of dimension 2");
});

test("long lanes with ties, NaN and signed zeros: argsort is the stable order, sort its values", () => {
  np.random.seed(9);
  const values = np.random.randint(-5, 5, [1037]).astype("float64").div(2);
  values.set(values.eq(0.5), NaN);
  values.set(values.eq(-0.5), -0);
  const plain = values.toArray();
  const stable = plain.map((_, i) => i).sort((i, j) => {
    const [x, y] = [plain[i], plain[j]];
    return x !== x ? (y !== y ? 0 : 1) : y !== y ? -1 : x - y;
  });
  expect(np.argsort(values).toArray()).toEqual(stable);
  const sorted = Array.from(np.sort(values).data);
  stable.forEach((i, k) => expect(Object.is(sorted[k], plain[i]), `element ${k}`).toBe(true));
});

describe("searchsorted and isin match numpy", () => {
  for (const c of loadGolden("searching")) test(c.name, () => checkCase(c));
});

test("searchsorted finds every insertion point in long sorted and unsorted runs of values", () => {
  np.random.seed(5);
  const a = np.sort(np.random.randint(0, 50, [200]));
  const values = np.random.randint(-5, 55, [300]);
  const data = a.toArray();
  for (const side of ["left", "right"] as const) {
    const expected = values.toArray().map((v) => data.filter((x) => (side === "left" ? x < v : x <= v)).length);
    expect(np.searchsorted(a, values, { side }).toArray()).toEqual(expected);
    expect(np.searchsorted(a, np.sort(values), { side }).toArray()).toEqual([...expected].sort((x, y) => x - y));
  }
});

test("NDArray's searchsorted and nonzero are np.searchsorted and np.nonzero", () => {
  const edges = np.array([0, 1, 2, 3]);
  expect(edges.searchsorted([0.5, 3], { side: "right" }).tolist()).toEqual([1, 4]);
  const mask = np.array([[true, false], [false, true]]);
  expect(mask.nonzero().map((i) => i.tolist())).toEqual([[0, 1], [0, 1]]);
});

test("partition and argpartition put the kth smallest in place, smaller before and larger after", () => {
  const x = np.random.default_rng(4).integers(0, 50, [3, 40]) as np.NDArray;
  for (const kth of [0, 7, [3, 20], -1]) {
    const parts = np.partition(x, kth);
    const order = np.argpartition(x, kth);
    const sorted = np.sort(x);
    for (const k of typeof kth === "number" ? [kth] : kth) {
      const at = k < 0 ? k + 40 : k;
      expect(parts.get(`:, ${at}`).tolist()).toEqual(sorted.get(`:, ${at}`).tolist());
      for (let row = 0; row < 3; row++) {
        const pivot = parts.item(row, at);
        const lane = parts.get(`${row}`).toArray();
        expect(lane.slice(0, at).every((v) => v <= pivot) && lane.slice(at + 1).every((v) => v >= pivot)).toBe(true);
        // argpartition's indices pick the same lane.
        expect(order.get(`${row}`).toArray().map((i) => x.item(row, i))).toEqual(lane);
      }
    }
  }
  expect(np.partition(np.array([[3, 1], [0, 2]]), 0, { axis: null }).tolist()).toEqual([0, 1, 2, 3]);
});
