import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase, ufuncTolerance } from "./helpers/cases";
import { loadGolden } from "./helpers/golden";

// numpy answers these in int8, a dtype tsdl does not have; tsdl keeps bool.
const NO_INT8 = new Set(["floor_divide bool bool", "mod bool bool", "power bool bool"]);

describe("ufuncs match numpy (values, dtypes, broadcasting, errors)", () => {
  for (const c of loadGolden("ufunc")) {
    // numpy rounds bool to float16, which tsdl does not have: float32 holds the same 0s and 1s.
    if (c.result?.dtype === "float16") c.result.dtype = "float32";
    if (NO_INT8.has(c.name)) test.skip(`${c.name} — numpy gives int8, which tsdl does not have`, () => {});
    else test(c.name, () => checkCase(c, ufuncTolerance(c.name)));
  }
});

test("out= writes into an existing array and checks its shape", () => {
  const a = np.arange(4).astype("float64");
  const out = np.zeros([4]);
  expect(np.add(a, 1, { out })).toBe(out);
  expect(out.tolist()).toEqual([1, 2, 3, 4]);
  expect(() => np.add(a, 1, { out: np.zeros([3]) })).toThrow("non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (4,)");
});

test("fluent methods are the functions", () => {
  const a = np.array([[1.5, -2], [3, 4]]);
  const b = np.array([2, 0.5]);
  const pairs: [np.NDArray, np.NDArray][] = [
    [a.add(b), np.add(a, b)], [a.sub(b), np.subtract(a, b)], [a.mul(b), np.multiply(a, b)], [a.div(b), np.divide(a, b)],
    [a.pow(2), np.power(a, 2)], [a.mod(b), np.mod(a, b)], [a.floordiv(b), np.floor_divide(a, b)], [a.neg(), np.negative(a)],
    [a.gt(b), np.greater(a, b)], [a.ge(b), np.greater_equal(a, b)], [a.lt(b), np.less(a, b)], [a.le(b), np.less_equal(a, b)],
    [a.eq(b), np.equal(a, b)], [a.ne(b), np.not_equal(a, b)], [a.abs(), np.abs(a)], [a.clip(0, 2), np.clip(a, 0, 2)],
    [a.round(), np.round(a)], [a.div(3).round(2), np.round(a.div(3), 2)],
  ];
  for (const [method, fn] of pairs) expect(method.tolist()).toEqual(fn.tolist());
});

test("operations on views read through strides", () => {
  const a = np.arange(12).reshape(3, 4);
  expect(a.T.add(np.arange(3)).tolist()).toEqual([[0, 5, 10], [1, 6, 11], [2, 7, 12], [3, 8, 13]]);
  expect(a.get("::-1, ::2").mul(10).tolist()).toEqual([[80, 100], [40, 60], [0, 20]]);
});

test("reciprocal of bool: numpy's int8 values (1 and 0) in int32", () => {
  const r = np.reciprocal(np.array([true, false]));
  expect(r.dtype).toBe("int32");
  expect(r.tolist()).toEqual([1, 0]);
});

test("round: integers give a copy, out= receives the result in its own dtype", () => {
  const a = np.arange(3);
  const copy = np.round(a);
  expect(copy === a).toBe(false);
  expect(copy.tolist()).toEqual([0, 1, 2]);
  const out = np.zeros([3], { dtype: "float32" });
  expect(np.round(np.array([1.25, 2.35, -0.5]), 1, { out })).toBe(out);
  expect(out.tolist()).toEqual([1.2000000476837158, 2.4000000953674316, -0.5]);
  expect(np.round(np.array([15, 25]), -1, { out: np.zeros([2]) }).tolist()).toEqual([20, 20]);
});
