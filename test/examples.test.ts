// The worked examples end to end: computed with np and printed, character for character as numpy prints them.
import { expect, test } from "vitest";
import * as np from "../lib/np";
import { loadGolden } from "./helpers/golden";

const printed = Object.fromEntries(loadGolden("examples").map((c) => [c.name, c]));

test("the calorie example prints what numpy prints", () => {
  const A = np.array([[56.0, 0.0, 4.4, 68.0], [1.2, 104.0, 52.0, 8.0], [1.8, 135.0, 99.0, 0.9]]);
  const cal = A.sum({ axis: 0 });
  const percentage = A.div(cal.reshape(1, 4)).mul(100);
  expect(np.array_repr(cal)).toBe(printed["calorie cal"].repr);
  expect(String(cal)).toBe(printed["calorie cal"].str);
  expect(np.array_repr(percentage)).toBe(printed["calorie percentage"].repr);
  expect(String(percentage)).toBe(printed["calorie percentage"].str);
});

test("seeded weights print as numpy's", () => {
  np.random.seed(1);
  expect(np.array_repr(np.random.randn(4, 3).mul(0.01))).toBe(printed["randn * 0.01 after seed(1)"].repr);
});

test("normalizeRows and softmax print as numpy's", () => {
  const x = np.array([[0, 3, 4], [1, 6, 4]]);
  const norm = np.linalg.norm(x, { axis: 1, keepdims: true }) as np.NDArray;
  expect(np.array_repr(x.div(norm))).toBe(printed["normalizeRows"].repr);
  const s = np.exp(np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]));
  expect(np.array_repr(s.div(s.sum({ axis: 1, keepdims: true })))).toBe(printed["softmax"].repr);
});
