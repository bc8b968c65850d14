/**
 * np.save / np.load: numpy's `.npy` format, so arrays move between Python and TypeScript both ways.
 *
 * Writing produces the bytes `np.save` produces (format 1.0, 2.0 only when the header needs it, the header
 * padded to 64 bytes with numpy's room for growth); reading takes versions 1.0, 2.0 and 3.0, C or Fortran
 * order, either byte order, for the dtypes tsdl has: `<f8 <f4 <i4 <i8 |u1 |b1`.
 * @example
 * np.save("weights.npy", W);          // in Python: np.load("weights.npy")
 * const X = np.load("data.npy");      // written by np.save in Python
 */
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from "node:fs";
import { allocate, type DType, type TypedArray } from "./dtype";
import { ValueError } from "./errors";
import { NDArray, asarray, ravelData, shapeSize, type ArrayLike } from "./ndarray";

const MAGIC = Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // "\x93NUMPY"
const ARRAY_ALIGN = 64;
/** numpy leaves room in the header for the growing axis to reach this many digits. */
const GROWTH_AXIS_MAX_DIGITS = 21;
const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** How each dtype's elements are laid out in a .npy file: numpy's type code and byte width. */
const LAYOUT: Record<DType, { code: string; bytes: number }> = {
  float64: { code: "f8", bytes: 8 },
  float32: { code: "f4", bytes: 4 },
  int32: { code: "i4", bytes: 4 },
  int64: { code: "i8", bytes: 8 },
  uint8: { code: "u1", bytes: 1 },
  bool: { code: "b1", bytes: 1 },
};
const DTYPE_OF_CODE = new Map(Object.entries(LAYOUT).map(([dtype, { code }]) => [code, dtype as DType]));

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

/** numpy's `descr` for a dtype: `<` little-endian for multi-byte types, `|` (not applicable) for single bytes. */
function descrOf(dtype: DType): string {
  const { code, bytes } = LAYOUT[dtype];
  return (bytes === 1 ? "|" : "<") + code;
}

/** Python's repr of a tuple of ints: `()`, `(3,)`, `(2, 3)`. */
function tupleRepr(items: readonly number[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

/** True when the elements lie in `data` in Fortran order without gaps (length-1 axes don't count). */
function isFortranContiguous(a: NDArray): boolean {
  let step = 1;
  for (let d = 0; d < a.ndim; d++) {
    if (a.shape[d] !== 1 && a.strides[d] !== step) return false;
    step *= a.shape[d];
  }
  return true;
}

/** The header numpy writes: the dict, growth room, then padding so the data starts on a 64-byte boundary. */
function encodeHeader(descr: string, fortranOrder: boolean, shape: readonly number[]): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortranOrder ? "True" : "False"}, 'shape': ${tupleRepr(shape)}, }`;
  if (shape.length > 0) {
    const growing = shape[fortranOrder ? shape.length - 1 : 0];
    header += " ".repeat(Math.max(GROWTH_AXIS_MAX_DIGITS - String(growing).length, 0));
  }
  // Version 1.0 stores the header length in 2 bytes, 2.0 in 4; numpy uses 2.0 only when 1.0 can't hold it.
  const headerLength = header.length + 1; // with the final newline
  let lengthBytes = 2;
  let padding = ARRAY_ALIGN - ((MAGIC.length + 2 + lengthBytes + headerLength) % ARRAY_ALIGN);
  if (headerLength + padding > 0xffff) {
    lengthBytes = 4;
    padding = ARRAY_ALIGN - ((MAGIC.length + 2 + lengthBytes + headerLength) % ARRAY_ALIGN);
  }
  const total = MAGIC.length + 2 + lengthBytes + headerLength + padding;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(MAGIC);
  out[MAGIC.length] = lengthBytes === 2 ? 1 : 2; // major version; minor stays 0
  const start = MAGIC.length + 2;
  if (lengthBytes === 2) view.setUint16(start, headerLength + padding, true);
  else view.setUint32(start, headerLength + padding, true);
  const text = header + " ".repeat(padding) + "\n";
  for (let i = 0; i < text.length; i++) out[start + lengthBytes + i] = text.charCodeAt(i);
  return out;
}

/** The elements of a C-contiguous buffer as little-endian bytes in the file's layout. */
function encodeElements(data: TypedArray, dtype: DType): Uint8Array {
  if (dtype !== "int64" && HOST_LITTLE_ENDIAN) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const { bytes } = LAYOUT[dtype];
  const out = new Uint8Array(data.length * bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i < data.length; i++) writeElement(view, i * bytes, dtype, data[i]);
  return out;
}

function writeElement(view: DataView, at: number, dtype: DType, value: number): void {
  switch (dtype) {
    case "float64":
      return view.setFloat64(at, value, true);
    case "float32":
      return view.setFloat32(at, value, true);
    case "int32":
      return view.setInt32(at, value, true);
    case "int64": {
      // int64 lives in a float64: split the integer into 32-bit words (exact for every integral double).
      const high = Math.floor(value / 4294967296);
      view.setUint32(at, value - high * 4294967296, true);
      return view.setInt32(at + 4, high, true);
    }
    default:
      return view.setUint8(at, value);
  }
}

/**
 * The bytes of a `.npy` file holding `a`, exactly as `np.save` writes them (without touching the file system).
 * A Fortran-contiguous array (e.g. a transpose) is written in Fortran order, as numpy does.
 * @example const bytes = np.encodeNpy(np.eye(2)); // Uint8Array, starts with "\x93NUMPY"
 */
export function encodeNpy(a: ArrayLike): Uint8Array {
  const array = asarray(a);
  const fortranOrder = !array.isContiguous && isFortranContiguous(array);
  // A Fortran-ordered array's elements in memory order are its reversed-axes view in C order.
  const inMemoryOrder = fortranOrder
    ? new NDArray(array.data, [...array.shape].reverse(), array.dtype, [...array.strides].reverse(), array.offset)
    : array;
  const header = encodeHeader(descrOf(array.dtype), fortranOrder, array.shape);
  const body = encodeElements(ravelData(inMemoryOrder), array.dtype);
  const out = new Uint8Array(header.length + body.length);
  out.set(header);
  out.set(body, header.length);
  return out;
}

/**
 * Writes `a` to a `.npy` file (numpy's `np.save`); `.npy` is appended to a path without it, as numpy does.
 * @example np.save("W1.npy", W1)   // Python: W1 = np.load("W1.npy")
 */
export function save(path: string, a: ArrayLike): void {
  writeFileSync(path.endsWith(".npy") ? path : `${path}.npy`, encodeNpy(a));
}

// ---------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------

/** A Python literal from the header: tuples are kept apart from lists because numpy requires a tuple shape. */
type PyValue = string | number | boolean | null | PyValue[] | { tuple: PyValue[] } | Map<PyValue, PyValue>;

class HeaderSyntaxError extends Error {}

/** Parses the Python literal (a dict of strings, bools and int tuples) numpy writes as the header. */
function parsePython(text: string): PyValue {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[at] !== char) throw new HeaderSyntaxError();
    at++;
  };
  /** Items up to `close`, with Python's optional trailing comma; reports whether any comma was seen. */
  const sequence = (close: string, item: () => void): boolean => {
    let comma = false;
    for (;;) {
      skipSpace();
      if (text[at] === close) break;
      item();
      skipSpace();
      if (text[at] === ",") {
        comma = true;
        at++;
      } else if (text[at] !== close) throw new HeaderSyntaxError();
    }
    at++;
    return comma;
  };
  const value = (): PyValue => {
    skipSpace();
    const char = text[at];
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, at + 1);
      if (end < 0) throw new HeaderSyntaxError();
      const s = text.slice(at + 1, end);
      at = end + 1;
      return s;
    }
    if (char === "{") {
      at++;
      const dict = new Map<PyValue, PyValue>();
      sequence("}", () => {
        const key = value();
        expect(":");
        dict.set(key, value());
      });
      return dict;
    }
    if (char === "(" || char === "[") {
      at++;
      const items: PyValue[] = [];
      const comma = sequence(char === "(" ? ")" : "]", () => items.push(value()));
      if (char === "[") return items;
      // `(x)` is just x in Python; `(x,)` and `()` are tuples.
      return items.length === 1 && !comma ? items[0] : { tuple: items };
    }
    const word = /^(?:True|False|None|[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)/.exec(text.slice(at));
    if (!word) throw new HeaderSyntaxError();
    at += word[0].length;
    if (word[0] === "True" || word[0] === "False") return word[0] === "True";
    if (word[0] === "None") return null;
    return Number(word[0]);
  };
  const result = value();
  skipSpace();
  if (at !== text.length) throw new HeaderSyntaxError();
  return result;
}

function isTuple(v: PyValue): v is { tuple: PyValue[] } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map);
}

/** Python's repr of a parsed value, for numpy's error messages. */
function pyRepr(v: PyValue): string {
  if (typeof v === "string") {
    // Python quotes with ' unless the text has a ' and no ".
    const quote = v.includes("'") && !v.includes('"') ? '"' : "'";
    const escaped = v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
    return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
  }
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null) return "None";
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
  return v.tuple.length === 1 ? `(${pyRepr(v.tuple[0])},)` : `(${v.tuple.map(pyRepr).join(", ")})`;
}

/** Python's repr of the first bytes of a file, as numpy shows a wrong magic string: `b'hello '`. */
function bytesRepr(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) {
    if (b === 0x5c) s += "\\\\";
    else if (b === 0x27) s += "\\'";
    else if (b === 0x0a) s += "\\n";
    else if (b === 0x0d) s += "\\r";
    else if (b === 0x09) s += "\\t";
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return `b'${s}'`;
}

interface Header {
  dtype: DType;
  littleEndian: boolean;
  fortranOrder: boolean;
  shape: number[];
  dataStart: number;
}

/** Reads and checks the magic string, version and header dict, with numpy's error messages. */
function decodeHeader(bytes: Uint8Array): Header {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (start: number, size: number, what: string) => {
    const got = Math.max(Math.min(bytes.length - start, size), 0);
    if (got < size) throw new ValueError(`EOF: reading ${what}, expected ${size} bytes got ${got}`);
  };
  need(0, MAGIC.length + 2, "magic string");
  if (MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ValueError(`the magic string is not correct; expected b'\\x93NUMPY', got ${bytesRepr(bytes.subarray(0, MAGIC.length))}`);
  }
  const major = bytes[MAGIC.length];
  const minor = bytes[MAGIC.length + 1];
  if (!(major >= 1 && major <= 3 && minor === 0)) {
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`);
  }
  const lengthBytes = major === 1 ? 2 : 4;
  const lengthAt = MAGIC.length + 2;
  need(lengthAt, lengthBytes, "array header length");
  const headerLength = lengthBytes === 2 ? view.getUint16(lengthAt, true) : view.getUint32(lengthAt, true);
  const headerAt = lengthAt + lengthBytes;
  need(headerAt, headerLength, "array header");
  const headerBytes = bytes.subarray(headerAt, headerAt + headerLength);
  const header = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(headerBytes);

  let dict: PyValue;
  try {
    dict = parsePython(header);
  } catch (e) {
    if (!(e instanceof HeaderSyntaxError)) throw e;
    throw new ValueError(`Cannot parse header: ${pyRepr(header)}`);
  }
  if (!(dict instanceof Map)) throw new ValueError(`Header is not a dictionary: ${pyRepr(dict)}`);
  const keys = [...dict.keys()];
  const expected = ["descr", "fortran_order", "shape"];
  if (keys.length !== 3 || !expected.every((k) => dict.has(k))) {
    const sorted = keys.map(pyRepr).sort();
    throw new ValueError(`Header does not contain the correct keys: [${sorted.join(", ")}]`);
  }
  const shape = dict.get("shape")!;
  if (!isTuple(shape) || !shape.tuple.every((n) => Number.isInteger(n))) {
    throw new ValueError(`shape is not valid: ${pyRepr(shape)}`);
  }
  const fortranOrder = dict.get("fortran_order")!;
  if (typeof fortranOrder !== "boolean") throw new ValueError(`fortran_order is not a valid bool: ${pyRepr(fortranOrder)}`);
  const descr = dict.get("descr")!;
  const parsed = typeof descr === "string" ? /^([<>|=]?)([a-zA-Z]\d+)$/.exec(descr) : null;
  const dtype = parsed ? DTYPE_OF_CODE.get(parsed[2]) : undefined;
  if (!parsed || !dtype) {
    if (parsed && /^[biufcmMSUV]/.test(parsed[2])) {
      throw new TypeError(`tsdl cannot load dtype ${pyRepr(descr)}: it has float64, float32, int32, int64, uint8 and bool`);
    }
    throw new ValueError(`descr is not a valid dtype descriptor: ${pyRepr(descr)}`);
  }
  const byteOrder = parsed[1] === "=" || parsed[1] === "" ? (HOST_LITTLE_ENDIAN ? "<" : ">") : parsed[1];
  return {
    dtype,
    littleEndian: byteOrder !== ">",
    fortranOrder,
    shape: shape.tuple as number[],
    dataStart: headerAt + headerLength,
  };
}

function readElement(view: DataView, at: number, dtype: DType, little: boolean): number {
  switch (dtype) {
    case "float64":
      return view.getFloat64(at, little);
    case "float32":
      return view.getFloat32(at, little);
    case "int32":
      return view.getInt32(at, little);
    case "int64": {
      const high = view.getInt32(little ? at + 4 : at, little);
      const low = view.getUint32(little ? at : at + 4, little);
      return high * 4294967296 + low; // rounds once, to the nearest float64, beyond 2^53
    }
    case "bool":
      return view.getUint8(at) !== 0 ? 1 : 0;
    default:
      return view.getUint8(at);
  }
}

/** Whether elements are stored in memory exactly as in the file, so the data can be read straight into place. */
function sameLayout({ dtype, littleEndian }: Header): boolean {
  return littleEndian === HOST_LITTLE_ENDIAN && (dtype === "float64" || dtype === "float32" || dtype === "int32" || dtype === "uint8");
}

/**
 * The array a header describes, its data bytes written by `read` into a buffer of exactly their length (the
 * caller has checked that the source holds them).
 */
function materialize(header: Header, read: (target: Uint8Array) => void): NDArray {
  const { dtype, shape, littleEndian } = header;
  const count = shapeSize(shape);
  const width = LAYOUT[dtype].bytes;
  let data: TypedArray;
  if (sameLayout(header)) {
    data = allocate(dtype, count, "unspecified");
    read(new Uint8Array(data.buffer, data.byteOffset, count * width));
  } else {
    const body = new Uint8Array(count * width);
    read(body);
    data = allocate(dtype, count);
    const view = new DataView(body.buffer);
    for (let i = 0; i < count; i++) data[i] = readElement(view, i * width, dtype, littleEndian);
  }
  if (!header.fortranOrder) return new NDArray(data, shape, dtype);
  // Fortran order: the first axis varies fastest, so strides grow from the first axis (numpy returns this view).
  const strides: number[] = [];
  let step = 1;
  for (const n of shape) {
    strides.push(step);
    step *= n;
  }
  return new NDArray(data, shape, dtype, strides);
}

type Truncated = (header: Header, count: number, available: number) => string;

/** Checks that `available` bytes after the header hold the data, with the caller's wording of numpy's error. */
function checkLength(header: Header, available: number, truncated: Truncated): void {
  const count = shapeSize(header.shape);
  if (available < count * LAYOUT[header.dtype].bytes) throw new ValueError(truncated(header, count, available));
}

/** Reads a whole .npy file's bytes; `truncated` words the error for missing data (numpy's differs by source). */
function decode(bytes: Uint8Array, truncated: Truncated): NDArray {
  const header = decodeHeader(bytes);
  checkLength(header, Math.max(bytes.length - header.dataStart, 0), truncated);
  return materialize(header, (target) => target.set(bytes.subarray(header.dataStart, header.dataStart + target.length)));
}

/**
 * The array in the bytes of a `.npy` file (numpy's `np.lib.format.read_array` on a byte stream), without
 * the file system; the result owns a copy of the data.
 * @example const a = np.decodeNpy(new Uint8Array(await (await fetch("a.npy")).arrayBuffer()));
 */
export function decodeNpy(bytes: Uint8Array): NDArray {
  return decode(bytes, ({ dtype }, count, available) => {
    return `EOF: reading array data, expected ${count * LAYOUT[dtype].bytes} bytes got ${available}`;
  });
}

/**
 * Reads an array from a `.npy` file (numpy's `np.load`). `.npz` archives and pickled objects are not supported.
 * @example const W = np.load("W.npy")   // saved in Python with np.save("W.npy", W)
 */
export function load(path: string): NDArray {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const file = readHeaderBytes(fd, size);
    if (file[0] === 0x50 && file[1] === 0x4b) throw new ValueError(`tsdl reads .npy files only; ${path} is a .npz (zip) archive`);
    if (MAGIC.some((b, i) => file[i] !== b)) {
      // numpy takes anything else for a pickle, which it refuses to load by default.
      throw new ValueError(
        "This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.",
      );
    }
    const header = decodeHeader(file);
    checkLength(header, Math.max(size - header.dataStart, 0), ({ shape, dtype }, count, available) => {
      const read = Math.floor(available / LAYOUT[dtype].bytes);
      return `Failed to read all data for array. Expected ${tupleRepr(shape)} = ${count} elements, could only read ${read} elements. (file seems not fully written?)`;
    });
    // Read straight into the array: reading the whole file first would hold the data twice until the next GC.
    return materialize(header, (target) => readFully(fd, target, header.dataStart));
  } finally {
    closeSync(fd);
  }
}

/** The start of a file up to the end of its .npy header (or the whole file, if shorter). */
function readHeaderBytes(fd: number, size: number): Uint8Array {
  const prefix = new Uint8Array(Math.min(size, 4096));
  readFully(fd, prefix, 0);
  // The header's length sits after the magic string and version: 2 bytes in format 1.0, 4 in 2.0 and 3.0.
  const lengthAt = MAGIC.length + 2;
  if (prefix.length < lengthAt + 4) return prefix;
  const view = new DataView(prefix.buffer);
  const end = prefix[MAGIC.length] === 1 ? lengthAt + 2 + view.getUint16(lengthAt, true) : lengthAt + 4 + view.getUint32(lengthAt, true);
  if (end <= prefix.length) return prefix;
  const whole = new Uint8Array(Math.min(size, end));
  whole.set(prefix);
  readFully(fd, whole.subarray(prefix.length), prefix.length);
  return whole;
}

/** Fills `target` from the file at `position` (a read may return fewer bytes than asked). */
function readFully(fd: number, target: Uint8Array, position: number): void {
  for (let done = 0; done < target.length; ) {
    const n = readSync(fd, target, done, target.length - done, position + done);
    if (n === 0) throw new ValueError("the file shrank while it was read");
    done += n;
  }
}
