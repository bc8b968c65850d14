/**
 * Reads HDF5 files (the format of the course's original data sets, e.g. train_catvnoncat.h5) with h5wasm,
 * the HDF5 C library compiled to WebAssembly.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as np from "../np";
import type { DType, NDArray } from "../np";

/** What a dataset of an .h5 file becomes: numbers → an NDArray of the same shape, strings → a string[]. */
export type H5Value = NDArray | string[];

/** The parts of h5wasm's API this module uses. */
interface H5Dataset {
  readonly shape: number[] | null;
  readonly value: unknown;
  readonly metadata: { type: number; size: number; signed: boolean };
}
interface H5Group {
  keys(): string[];
  get(path: string): unknown;
}
interface H5Module {
  ready: Promise<unknown>;
  File: new (path: string, mode: "r") => H5Group & { close(): void };
  Group: new (...args: never[]) => H5Group;
  Dataset: new (...args: never[]) => H5Dataset;
}

/**
 * h5wasm is an ES module whose exports map offers only `import`. This package compiles to CommonJS, so it
 * is loaded with Node's require(esm) (Node ≥ 20.19) from its file, found along the usual node_modules paths.
 */
function requireH5wasm(): H5Module {
  const entry = join("h5wasm", "dist", "node", "hdf5_hl.js");
  const dir = (require.resolve.paths("h5wasm") ?? []).find((candidate) => existsSync(join(candidate, entry)));
  if (!dir) throw new Error("loadH5 needs the h5wasm package: npm install h5wasm");
  return (require(join(dir, entry)) as { default: H5Module }).default;
}

/** HDF5 type classes (H5T_class_t) h5wasm reports in `metadata.type`. */
const H5T_INTEGER = 0;
const H5T_FLOAT = 1;
const H5T_STRING = 3;

/** The tsdl dtype holding an HDF5 number type without loss (the nearest wider one where tsdl lacks numpy's). */
function dtypeOf({ type, size, signed }: H5Dataset["metadata"], path: string): DType {
  if (type === H5T_FLOAT) return size === 4 ? "float32" : "float64";
  if (type === H5T_INTEGER) {
    if (size === 1 && !signed) return "uint8";
    return size < 4 || (size === 4 && signed) ? "int32" : "int64";
  }
  throw new TypeError(`loadH5: dataset ${path} has an HDF5 type (class ${type}) tsdl cannot hold`);
}

function convert(dataset: H5Dataset, path: string): H5Value {
  const { value, shape } = dataset;
  if (dataset.metadata.type === H5T_STRING) return (Array.isArray(value) ? value : [value]).map(String);
  const dtype = dtypeOf(dataset.metadata, path);
  const flat = value instanceof BigInt64Array || value instanceof BigUint64Array ? Array.from(value, Number) : value;
  if (typeof flat === "number" || typeof flat === "bigint") return np.array(Number(flat), { dtype });
  return np.array(flat as ArrayLike<number> as number[], { dtype }).reshape(shape ?? []);
}

/**
 * Loads every dataset of an HDF5 file, keyed by its path inside the file (`"train_set_x"`, `"group/w"`).
 * Number datasets keep their shape and dtype (int8/int16/uint16 become int32, uint32/uint64 int64);
 * string datasets become string arrays.
 * @example
 * const train = await loadH5("datasets/train_catvnoncat.h5");
 * const trainX = train.train_set_x as NDArray; // (209, 64, 64, 3) uint8
 * train.list_classes; // ["non-cat", "cat"]
 */
export async function loadH5(path: string): Promise<Record<string, H5Value>> {
  const h5wasm = requireH5wasm();
  await h5wasm.ready;
  const file = new h5wasm.File(path, "r");
  const out: Record<string, H5Value> = {};
  const visit = (group: H5Group, prefix: string): void => {
    for (const key of group.keys()) {
      const node = group.get(key);
      const nodePath = prefix + key;
      if (node instanceof h5wasm.Group) visit(node, `${nodePath}/`);
      else if (node instanceof h5wasm.Dataset) out[nodePath] = convert(node, nodePath);
    }
  };
  try {
    visit(file, "");
  } finally {
    file.close();
  }
  return out;
}
