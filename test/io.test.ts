/**
 * np.save / np.load both ways: .npy files numpy wrote (test/golden/io.py) load as numpy loads them, and
 * files tsdl writes load in a numpy subprocess with the same dtype, shape and values — byte for byte what
 * np.save would have written.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeNpy, encodeNpy, load, save } from "../lib/np/io";
import { NDArray } from "../lib/np/ndarray";
import type { DType } from "../lib/np/dtype";
import { expectGolden, loadGolden, type GoldenValue } from "./helpers/golden";

const NPY = join(__dirname, "fixtures", "npy");
const venvPython = join(__dirname, "..", ".venv", "bin", "python");
const PYTHON = existsSync(venvPython) ? venvPython : "python3";

interface Outcome {
  error: string;
  message: string;
}

/** numpy's F_CONTIGUOUS flag (an empty array counts as contiguous either way). */
function isFortranContiguous(a: NDArray): boolean {
  if (a.size === 0) return true;
  let step = 1;
  for (let d = 0; d < a.ndim; d++) {
    if (a.shape[d] !== 1 && a.strides[d] !== step) return false;
    step *= a.shape[d];
  }
  return true;
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

describe("np.load reads what numpy wrote", () => {
  const cases = loadGolden("npy/expected");
  for (const c of cases.filter((c) => c.kind === "array")) {
    it(c.name, () => {
      const path = join(NPY, c.file as string);
      const a = load(path);
      expectGolden(a, c.result!);
      expect(a.isContiguous, "C-contiguous as numpy's").toBe(c.c_contiguous);
      expect(isFortranContiguous(a), "F-contiguous as numpy's").toBe(c.f_contiguous);
      const bytes = new Uint8Array(readFileSync(path));
      expectGolden(decodeNpy(bytes), c.result!, {}, "decodeNpy");
      if (c.by_np_save) expect(Buffer.from(encodeNpy(a)).equals(Buffer.from(bytes)), "encodeNpy = np.save's bytes").toBe(true);
    });
  }

  for (const c of cases.filter((c) => c.kind === "broken")) {
    it(`broken file: ${c.name}`, () => {
      const path = join(NPY, c.file as string);
      for (const [label, fn, golden] of [
        ["np.load", () => load(path), c.load],
        ["read_array", () => decodeNpy(new Uint8Array(readFileSync(path))), c.read_array],
      ] as const) {
        const e = thrown(fn);
        expect(e.name, label).toBe((golden as Outcome).error);
        expect(e.message, label).toBe((golden as Outcome).message);
      }
    });
  }

  it("refuses dtypes tsdl does not have, saying so", () => {
    for (const [file, descr] of [["unsupported_complex128.npy", "<c16"], ["unsupported_int16.npy", "<i2"]]) {
      const e = thrown(() => load(join(NPY, file)));
      expect(e).toBeInstanceOf(TypeError);
      expect(e.message).toContain(`'${descr}'`);
    }
  });
});

describe("np.save writes what numpy reads", () => {
  const dir = mkdtempSync(join(tmpdir(), "tsdl-npy-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const make = (dtype: DType, values: number[], shape: number[], strides?: number[], offset = 0) => {
    const storage = { float64: Float64Array, int64: Float64Array, float32: Float32Array, int32: Int32Array, uint8: Uint8Array, bool: Uint8Array }[dtype];
    return new NDArray(storage.from(values), shape, dtype, strides, offset);
  };
  const grid = make("float64", Array.from({ length: 12 }, (_, i) => i * 0.5 - 2), [3, 4]);
  const arrays: Record<string, NDArray> = {
    float64: make("float64", [0, -0, Infinity, -Infinity, NaN, 5e-324, 1.7976931348623157e308, 1 / 3], [2, 4]),
    float32: make("float32", [1.5, -0.1, 3.4028234663852886e38, NaN], [4]),
    int32: make("int32", [-(2 ** 31), -1, 0, 2 ** 31 - 1], [2, 2]),
    int64: make("int64", [-(2 ** 53), -1, 0, 1, 2 ** 53, 2 ** 62, -(2 ** 63)], [7]),
    uint8: make("uint8", [0, 1, 127, 128, 255, 42], [3, 2]),
    bool: make("bool", [1, 0, 0, 1, 1, 1], [1, 2, 3]),
    scalar: make("float64", [2.75], []),
    empty: make("int32", [], [0, 3]),
    transposed: grid.T, // Fortran-contiguous: written in Fortran order, as np.save does
    every_other_column: new NDArray(grid.data, [3, 2], "float64", [4, 2], 1), // neither: written in C order
    fortran_3d: make("int64", Array.from({ length: 24 }, (_, i) => i - 12), [2, 3, 4], [1, 2, 6]),
  };

  it("round-trips every dtype through numpy", () => {
    for (const [name, a] of Object.entries(arrays)) save(join(dir, name), a); // ".npy" appended as np.save does
    const script = `
import io, json, sys, numpy as np
out = {}
for name in sys.argv[1:]:
    a = np.load(name + ".npy")
    again = io.BytesIO()
    np.save(again, a)
    with open(name + ".npy", "rb") as f:
        same = f.read() == again.getvalue()
    out[name] = {"dtype": a.dtype.name, "shape": list(a.shape), "data": [x if x == x and abs(x) != float("inf") else repr(x) for x in a.ravel().tolist()],
                 "fortran": bool(a.flags.f_contiguous and not a.flags.c_contiguous), "same_bytes": same}
print(json.dumps(out))
`;
    const names = Object.keys(arrays).map((name) => join(dir, name));
    const seen = JSON.parse(execFileSync(PYTHON, ["-c", script, ...names], { encoding: "utf8" }));
    for (const [name, a] of Object.entries(arrays)) {
      const numpy = seen[join(dir, name)];
      // Non-finite floats travel as Python's repr ("nan", "inf", "-inf"), as golden fixtures carry them.
      const golden: GoldenValue = { dtype: numpy.dtype, shape: numpy.shape, data: numpy.data };
      expectGolden(a, golden, {}, name);
      expect(numpy.fortran, `${name} Fortran order`).toBe(name === "transposed" || name === "fortran_3d");
      expect(numpy.same_bytes, `${name}: np.save writes the same bytes`).toBe(true);
    }
  });

  it("loads back what it saved, -0 and NaN included", () => {
    for (const [name, a] of Object.entries(arrays)) {
      const back = load(join(dir, `${name}.npy`));
      expect(back.dtype, name).toBe(a.dtype);
      expect(back.shape, name).toEqual(a.shape);
      expect(back.toArray(), name).toEqual(a.toArray());
    }
  });
});
