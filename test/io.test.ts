/**
 * np.save / np.load both ways: .npy files numpy wrote (test/golden/io.py) load as numpy loads them, and
 * files tsdl writes load in a numpy subprocess with the same dtype, shape and values — byte for byte what
 * np.save would have written. Likewise for text tables (np.loadtxt, np.genfromtxt, np.savetxt) and .npz
 * archives (test/golden/text_files.py).
 */
import { execFileSync } from "node:child_process";
import { inspect } from "node:util";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BadZipFile, KeyError } from "../lib/np/errors";
import { NpzFile, decodeNpy, encodeNpy, genfromtxt, load, loadtxt, save, savetxt, savez, savez_compressed } from "../lib/np/io";
import { NDArray, asarray } from "../lib/np/ndarray";
import type { DType } from "../lib/np/dtype";
import { checkCase, decodeArray } from "./helpers/cases";
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
      const a = load(path) as NDArray;
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
      const back = load(join(dir, `${name}.npy`)) as NDArray;
      expect(back.dtype, name).toBe(a.dtype);
      expect(back.shape, name).toEqual(a.shape);
      expect(back.toArray(), name).toEqual(a.toArray());
    }
  });
});

const FIXTURES = join(__dirname, "fixtures");
const textCases = loadGolden("text_files");

/** numpy's outcome of a savetxt case: the text written, or the error. */
function savedText(dir: string, c: (typeof textCases)[number]): { text: string } | { error: string; message: string } {
  const path = join(dir, "out.txt");
  try {
    savetxt(path, decodeArray(c.array as GoldenValue), c.kwargs as object);
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
  return { text: readFileSync(path, "utf8") };
}

describe("np.loadtxt and np.genfromtxt read as numpy reads", () => {
  for (const c of textCases.filter((c) => c.op)) {
    it(`${c.op} ${c.name}`, () => {
      const args = c.file ? [join(FIXTURES, (c.args as string[])[0])] : c.args;
      const { filling_values, ...kwargs } = c.kwargs as Record<string, unknown>;
      if (filling_values === null || typeof filling_values !== "object" || Array.isArray(filling_values)) return checkCase({ ...c, args });
      // A record of filling values by column: cases.ts would take the object for an encoded array.
      expectGolden(genfromtxt((args as string[][])[0], { ...(kwargs as object), filling_values: filling_values as Record<number, number> }), c.result!);
    });
  }

  it("unpack returns the transposed view, as numpy's arr.T", () => {
    const columns = loadtxt(["1 2", "3 4", "5 6"], { unpack: true });
    expect(columns.strides).toEqual([1, 2]);
    expect(columns.tolist()).toEqual([[1, 3, 5], [2, 4, 6]]);
  });

  it("genfromtxt reads a table savetxt wrote, and loadtxt reads it back exactly", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsdl-txt-"));
    try {
      const X = new NDArray(Float64Array.from([0.1, -1 / 3, 1e-300, 2 ** 60, -0, 6.02214076e23]), [3, 2], "float64");
      savetxt(join(dir, "x.txt"), X);
      expect(loadtxt(join(dir, "x.txt")).tolist()).toEqual(X.tolist());
      expect(genfromtxt(join(dir, "x.txt")).tolist()).toEqual(X.tolist());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("np.savetxt writes numpy's text byte for byte", () => {
  const dir = mkdtempSync(join(tmpdir(), "tsdl-savetxt-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const c of textCases.filter((c) => c.kind === "savetxt")) {
    it(c.name, () => {
      const expected = c.error ? { error: c.error, message: c.message } : { text: c.text };
      expect(savedText(dir, c)).toEqual(expected);
    });
  }
});

describe("np.load reads the .npz archives numpy wrote", () => {
  for (const c of textCases.filter((c) => c.kind === "npz")) {
    it(c.name, () => {
      const npz = load(join(FIXTURES, c.file as string) as `${string}.npz`);
      expect(npz).toBeInstanceOf(NpzFile);
      expect(npz.files).toEqual(c.files);
      const arrays = c.arrays as Record<string, GoldenValue>;
      for (const name of npz.files) expectGolden(npz.get(name), arrays[name], {}, name);
      expect(Object.fromEntries(npz).constructor).toBe(Object);
    });
  }

  it("raises KeyError for a missing name, and takes the member name with .npy", () => {
    const npz = load(join(FIXTURES, "text", "savez_positional.npz") as `${string}.npz`);
    expect(npz.has("arr_1")).toBe(true);
    expect(npz.get("arr_1.npy").tolist()).toEqual([[1, 0], [0, 1]]);
    const e = (() => {
      try {
        npz.get("W");
      } catch (err) {
        return err as Error;
      }
      throw new Error("expected KeyError");
    })();
    expect(e).toBeInstanceOf(KeyError);
    expect(e.message).toBe("W is not a file in the archive");
  });

  it("refuses a member whose CRC-32 does not match", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsdl-npz-"));
    try {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, "text", "savez_positional.npz")));
      bytes[bytes.length - 200] ^= 0xff; // inside arr_1's data, before the central directory
      writeFileSync(join(dir, "bad.npz"), bytes);
      const npz = load(join(dir, "bad.npz") as `${string}.npz`);
      expect(() => npz.get("arr_1")).toThrow(BadZipFile);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("np.savez and np.savez_compressed write what numpy reads", () => {
  const dir = mkdtempSync(join(tmpdir(), "tsdl-savez-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const W1 = new NDArray(Float64Array.from({ length: 12 }, (_, i) => Math.sin(i) * 1e3), [3, 4], "float64");
  const named = {
    W1,
    b1: new NDArray(Int32Array.from([1, -2, 3]), [3], "int32"),
    flags: new NDArray(Uint8Array.from([1, 0]), [2], "bool"),
    transposed: W1.T,
    scalar: 2.5,
    "caf\u00e9": [[1, 2]],
  };

  it("named and positional arrays, stored and deflated", () => {
    savez(join(dir, "named"), named); // ".npz" appended, as numpy does
    savez_compressed(join(dir, "named_compressed.npz"), named);
    savez(join(dir, "positional.npz"), [W1, [1, 2, 3]]);
    savez(join(dir, "empty.npz"), {});
    const script = `
import json, sys, zipfile, numpy as np
out = {}
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None  # every CRC-32 checks
        methods = sorted({info.compress_type for info in z.infolist()})
    with np.load(path) as npz:
        out[path] = {"files": npz.files, "methods": methods, "repr": repr(npz),
                     "arrays": {k: {"dtype": npz[k].dtype.name, "shape": list(npz[k].shape), "data": npz[k].ravel().tolist()} for k in npz.files}}
print(json.dumps(out))
`;
    const paths = ["named.npz", "named_compressed.npz", "positional.npz", "empty.npz"].map((name) => join(dir, name));
    const seen = JSON.parse(execFileSync(PYTHON, ["-c", script, ...paths], { encoding: "utf8" }));
    for (const [file, arrays, method] of [
      ["named.npz", named, 0],
      ["named_compressed.npz", named, 8],
      ["positional.npz", { arr_0: W1, arr_1: [1, 2, 3] }, 0],
      ["empty.npz", {}, null],
    ] as const) {
      const numpy = seen[join(dir, file)];
      expect(numpy.files, file).toEqual(Object.keys(arrays));
      expect(numpy.methods, file).toEqual(method === null ? [] : [method]);
      const back = load(join(dir, file) as `${string}.npz`);
      expect(inspect(back), `${file} shows itself as numpy's NpzFile does`).toBe(numpy.repr);
      for (const [name, a] of Object.entries(arrays)) {
        expectGolden(asarray(a), numpy.arrays[name], {}, `numpy reads ${file} ${name}`);
        expectGolden(back.get(name), numpy.arrays[name], {}, `tsdl reads ${file} ${name}`);
      }
    }
  });
});
