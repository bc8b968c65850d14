import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check, loadMnist, loadPlanarDataset, MNIST_PIXELS } from "../lib/data";
import type { NDArray } from "../lib/np";
import { decodeArray } from "./helpers/cases";

const course = JSON.parse(readFileSync(join(__dirname, "fixtures", "course.json"), "utf8"));
const PYTHON = join(__dirname, "..", ".venv", "bin", "python");

describe("loadPlanarDataset", () => {
  it("generates the course's flower points exactly as numpy does (test/golden/course.py)", () => {
    const { X, Y } = loadPlanarDataset();
    const numpyX = decodeArray(course.planar.X);
    const numpyY = decodeArray(course.planar.Y);
    expect(X.shape).toEqual([2, 400]);
    expect(Y.dtype).toBe("uint8");
    expect(Y.tolist()).toEqual(numpyY.tolist());
    // Math.sin/cos may differ from numpy's libm in the last bit; the points agree to 1e-12.
    expect(X.sub(numpyX).abs().max()).toBeLessThan(1e-12);
  });
});

describe("loadMnist", () => {
  const data = loadMnist({ digit: 3, train: 500, test: 200 });

  it("puts one flattened 28×28 image per column and labels the chosen digit 1", () => {
    expect(data.trainX.shape).toEqual([MNIST_PIXELS, 500]);
    expect(data.testX.shape).toEqual([MNIST_PIXELS, 200]);
    expect(data.trainY.shape).toEqual([1, 500]);
    expect(data.trainY.tolist()).toEqual(data.trainDigits.eq(3).astype("uint8").tolist());
    expect(data.trainX.min()).toBe(0);
    expect(data.trainX.max()).toBe(1);
  });

  it("takes images round-robin over the digits, so one in ten is positive", () => {
    expect(data.trainDigits.get(0, "0:12").tolist()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    expect(data.trainY.sum()).toBe(50);
    expect(data.testY.sum()).toBe(20);
  });

  it("is deterministic and keeps test images out of the training set", () => {
    const again = loadMnist({ digit: 3, train: 500, test: 200 });
    expect(again.trainX.tolist()).toEqual(data.trainX.tolist());
    const column = (X: NDArray, i: number) => JSON.stringify(X.get(":", i).tolist());
    const train = new Set(Array.from({ length: 500 }, (_, i) => column(data.trainX, i)));
    const shared = Array.from({ length: 200 }, (_, i) => column(data.testX, i)).filter((c) => train.has(c));
    expect(shared).toEqual([]);
  });

  it("refuses a digit outside 0–9 and more images than the package has", () => {
    expect(() => loadMnist({ digit: 10 })).toThrow(RangeError);
    expect(() => loadMnist({ digit: 1, train: 20000 })).toThrow(/MNIST has only \d+ train images/);
  });
});

describe("loadH5", () => {
  const dir = mkdtempSync(join(tmpdir(), "tsdl-h5-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads an .h5 file laid out like train_catvnoncat.h5 (made with h5py)", () => {
    const path = join(dir, "cats.h5");
    execFileSync(PYTHON, ["-c", `
import h5py, numpy as np
with h5py.File(${JSON.stringify(path)}, "w") as f:
    f["train_set_x"] = np.arange(2 * 4 * 4 * 3).reshape(2, 4, 4, 3).astype(np.uint8)
    f["train_set_y"] = np.array([1, 0])
    f["list_classes"] = np.array([b"non-cat", b"cat"])
    f.create_group("layer")["w"] = np.array([[1.5, -2.25]], dtype=np.float32)
    f["layer"]["b"] = np.array([[0.1], [0.2]])
`]);
    // loadH5 imports the h5wasm ES module at run time, which vitest's module sandbox cannot do: run the built
    // module in plain Node, as the kernel does, and compare what it loaded.
    const script = `require(${JSON.stringify(join(__dirname, "..", "dist", "lib", "data"))}).loadH5(${JSON.stringify(path)}).then((data) =>
      console.log(JSON.stringify(Object.fromEntries(Object.entries(data).map(([key, value]) =>
        [key, Array.isArray(value) ? value : { shape: value.shape, dtype: value.dtype, values: value.tolist() }])))))`;
    const data = JSON.parse(execFileSync(process.execPath, ["-e", script]).toString());
    expect(Object.keys(data).sort()).toEqual(["layer/b", "layer/w", "list_classes", "train_set_x", "train_set_y"]);
    expect([data.train_set_x.shape, data.train_set_x.dtype]).toEqual([[2, 4, 4, 3], "uint8"]);
    expect(data.train_set_x.values[1][3][3][2]).toBe(95);
    expect(data.train_set_y).toEqual({ shape: [2], dtype: "int64", values: [1, 0] });
    expect(data.list_classes).toEqual(["non-cat", "cat"]);
    expect(data["layer/w"]).toEqual({ shape: [1, 2], dtype: "float32", values: [[1.5, -2.25]] });
    expect(data["layer/b"].values).toEqual([[0.1], [0.2]]);
  });
});

describe("check", () => {
  it("prints the value when it matches and throws when it does not", () => {
    const printed: string[] = [];
    const log = console.log;
    console.log = (line: string) => printed.push(line);
    try {
      check("L1", 1.1000000001, 1.1);
    } finally {
      console.log = log;
    }
    expect(printed).toEqual(["✓ L1 = 1.1000000001"]);
    expect(() => check("L1", 1.2, 1.1)).toThrow(/✗ L1: got/);
    expect(() => check("shape", [[1, 2]] as never, [1, 2])).toThrow(/✗ shape/);
  });
});
