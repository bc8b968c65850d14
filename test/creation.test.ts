import { describe, expect, test } from "vitest";
import * as np from "../lib/np";
import { checkCase, callCase, ufuncTolerance } from "./helpers/cases";
import { expectGolden, loadGolden, type GoldenValue } from "./helpers/golden";

describe("creation matches numpy", () => {
  for (const c of loadGolden("creation")) {
    test(c.name, () => {
      if (c.results) {
        const arrays = callCase(c) as np.NDArray[];
        (c.results as GoldenValue[]).forEach((r, i) => expectGolden(arrays[i], r, {}, `${c.name}[${i}]`));
      } else checkCase(c);
    });
  }
});

describe("identity, logspace, geomspace, tri match numpy", () => {
  const CREATION = new Set(["identity", "eye", "logspace", "geomspace", "tri", "linspace"]);
  for (const c of loadGolden("math_functions")) if (CREATION.has(c.op as string)) test(c.name, () => checkCase(c, ufuncTolerance(c.name)));
});

test("linspace ends exactly at stop and asarray does not copy", () => {
  const x = np.linspace(-0.1, 0.7, 1000);
  expect(x.item(999)).toBe(0.7);
  const a = np.ones([2]);
  expect(np.asarray(a) === a).toBe(true);
  expect(np.array(a) === a).toBe(false);
});

test("*_like keep shape and dtype", () => {
  const a = np.array([[1, 2, 3]], { dtype: "int32" });
  for (const made of [np.zeros_like(a), np.ones_like(a), np.empty_like(a), np.full_like(a, 4)]) {
    expect([made.shape, made.dtype]).toEqual([[1, 3], "int32"]);
  }
  expect(np.full_like(a, 4).tolist()).toEqual([[4, 4, 4]]);
  expect(np.ones_like(a, { dtype: "float32" }).dtype).toBe("float32");
});

test("itemsize and nbytes count numpy's bytes per dtype", () => {
  // numpy: np.zeros((100, 100)).nbytes == 80000; int64 stores 8 bytes, int32 4, float32 4, uint8 and bool 1.
  expect(np.zeros([100, 100]).nbytes).toBe(80000);
  expect((["int64", "int32", "float32", "uint8", "bool"] as const).map((dtype) => np.zeros(2, { dtype }).itemsize)).toEqual([8, 4, 4, 1, 1]);
});
