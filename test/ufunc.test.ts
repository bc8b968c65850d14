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

const CREATION = new Set(["identity", "eye", "logspace", "geomspace", "tri", "linspace"]);

describe("more elementwise math matches numpy (isinf, logaddexp, copysign, float_power, nan_to_num, …)", () => {
  for (const c of loadGolden("math_functions")) if (!CREATION.has(c.op as string)) test(c.name, () => checkCase(c, ufuncTolerance(c.name)));
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

test("signbit and copysign read the sign of -0 and of a negative NaN", () => {
  const bits = new Float64Array([NaN, -0, 0]);
  new Uint32Array(bits.buffer)[1] |= 0x80000000; // NaN with its sign bit set, as numpy's -np.nan
  const x = new np.NDArray(bits, [3], "float64");
  expect(np.signbit(x).tolist()).toEqual([true, true, false]);
  expect(np.copysign(2, x).tolist()).toEqual([-2, -2, 2]);
  expect(np.signbit(x.astype("float32")).tolist()).toEqual([true, true, false]);
});

test("nan_to_num copies unless copy: false, and then writes into a float array", () => {
  const a = np.array([NaN, Infinity, 1]);
  const copied = np.nan_to_num(a);
  expect(copied === a).toBe(false);
  expect(Number.isNaN(a.item(0))).toBe(true);
  const same = np.nan_to_num(a, { copy: false, posinf: 9 });
  expect(same).toBe(a);
  expect(a.tolist()).toEqual([0, 9, 1]);
  const ints = np.array([1, 2]);
  expect(np.nan_to_num(ints) === ints).toBe(false);
  expect(np.nan_to_num(ints, { copy: false })).toBe(ints);
  const column = np.array([[NaN, 1], [2, -Infinity]]).get(":, 0");
  np.nan_to_num(column, { copy: false });
  expect(column.tolist()).toEqual([0, 2]);
});

test("numpy's aliases are the same functions, and the new ufuncs take out=", () => {
  expect(np.remainder).toBe(np.mod);
  expect(np.true_divide).toBe(np.divide);
  expect(np.degrees).toBe(np.rad2deg);
  expect(np.radians).toBe(np.deg2rad);
  const out = np.zeros([3], { dtype: "bool" });
  expect(np.isinf(np.array([1, -Infinity, NaN]), { out })).toBe(out);
  expect(out.tolist()).toEqual([false, true, false]);
  const sums = np.zeros([2]);
  expect(np.logaddexp(np.array([0, 1]), 0, { out: sums })).toBe(sums);
  expect(() => np.float_power(np.array([1, 2]), 2, { out: np.zeros([3]) })).toThrow("non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,)");
});

test("float results of bool and uint8: numpy's float16 held in float32", () => {
  for (const op of [np.fabs, np.cbrt, np.deg2rad, np.rad2deg]) expect(op(np.array([1, 200], { dtype: "uint8" })).dtype).toBe("float32");
  const h = np.heaviside(np.array([true, false]), np.array([false, true]));
  expect([h.dtype, h.tolist()]).toEqual(["float32", [1, 1]]);
  expect(np.float_power(np.array([true]), 2).dtype).toBe("float64");
});
