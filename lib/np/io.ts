/**
 * np.save / np.load: numpy's `.npy` format and `.npz` archives (np.savez), so arrays move between Python and
 * TypeScript both ways; and text tables: np.loadtxt, np.genfromtxt, np.savetxt.
 *
 * Writing produces the bytes `np.save` produces (format 1.0, 2.0 only when the header needs it, the header
 * padded to 64 bytes with numpy's room for growth); reading takes versions 1.0, 2.0 and 3.0, C or Fortran
 * order, either byte order, for the dtypes tsdl has: `<f8 <f4 <i4 <i8 |u1 |b1`.
 * @example
 * np.save("weights.npy", W);          // in Python: np.load("weights.npy")
 * const X = np.load("data.npy");      // written by np.save in Python
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { allocate, checkDType, checkIntegerFits, type DType, type TypedArray } from "./dtype";
import { AttributeError, BadZipFile, KeyError, OverflowError, ValueError } from "./errors";
import { NDArray, asarray, ravelData, shapeSize, type ArrayLike } from "./ndarray";
import { array_str, format_float_positional, format_float_scientific } from "./print";

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
    const escaped = v
      .replace(/\\/g, "\\\\")
      .replace(/\n/g, "\\n")
      .replace(/\r/g, "\\r")
      .replace(/\t/g, "\\t")
      .replace(/[\x00-\x1f\x7f-\xa0]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
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
 * Reads a `.npy` file as an array, or a `.npz` archive as an {@link NpzFile} (numpy's `np.load`); which one
 * is decided by the file's first bytes, as numpy does. A literal path ending in `.npy` or `.npz` gets the
 * precise type; any other path gets the union to narrow (`instanceof NpzFile`). Pickled objects are not supported.
 * @example
 * const W = np.load("W.npy");               // saved in Python with np.save("W.npy", W)
 * const model = np.load("model.npz");       // np.savez("model.npz", W1=W1, b1=b1)
 * const W1 = model.get("W1");               // model.files: ["W1", "b1"]
 */
export function load(path: `${string}.npy`): NDArray;
export function load(path: `${string}.npz`): NpzFile;
export function load(path: string): NDArray | NpzFile;
export function load(path: string): NDArray | NpzFile {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const file = readHeaderBytes(fd, size);
    if ([ZIP_PREFIX, EMPTY_ZIP_PREFIX].some((prefix) => prefix.every((b, i) => file[i] === b))) {
      const archive = new Uint8Array(size);
      readFully(fd, archive, 0);
      return new NpzFile(archive, path);
    }
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

// ---------------------------------------------------------------------------------------------------------
// Text files: loadtxt, genfromtxt, savetxt
// ---------------------------------------------------------------------------------------------------------

/** A text file to read: its path, or its lines (numpy also takes a list of strings). */
export type TextSource = string | readonly string[];

// Python's `str.isspace` characters (JS's \s also has \ufeff and lacks \x1c-\x1f and \x85).
const PY_SPACE = "\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`);
const SURROUNDING_SPACE = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");

/** The lines of a text source, split at \n, \r\n and \r as Python's text files are. */
function readLines(fname: TextSource, encoding: string | null | undefined): string[] {
  if (typeof fname !== "string") {
    return fname.map((line) => {
      const content = line.replace(/(?:\r\n|\r|\n)$/, "");
      if (/[\r\n]/.test(content)) {
        throw new ValueError("Found an unquoted embedded newline within a single line of input.  This is currently not supported.");
      }
      return content;
    });
  }
  // numpy's default (None) is the locale's encoding, UTF-8 here; "bytes" means the same for plain numbers.
  const label = encoding == null || encoding === "bytes" ? "utf-8" : encoding;
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(readFileSync(fname));
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Python's `operator.index` check and numpy's `_check_nonneg_int`. */
function nonNegativeInteger(value: number): number {
  if (!Number.isInteger(value)) throw new TypeError("argument must be an integer");
  if (value < 0) throw new ValueError("argument must be nonnegative");
  return value;
}

function checkNdmin(ndmin: number): void {
  if (ndmin !== 0 && ndmin !== 1 && ndmin !== 2) throw new ValueError(`Illegal value of ndmin keyword: ${ndmin}`);
}

/**
 * numpy's `_ensure_ndmin_ndarray` for a freshly read C-contiguous array: length-1 axes squeezed away above
 * `ndmin`, then axes added up to it (a column for ndmin 2, as `atleast_2d(a).T`).
 */
function withNdmin(a: NDArray, ndmin: number): NDArray {
  let shape = [...a.shape];
  if (shape.length > ndmin) shape = shape.filter((n) => n !== 1);
  if (shape.length < ndmin) shape = ndmin === 1 ? [1] : shape.length === 0 ? [1, 1] : [shape[0], 1];
  return new NDArray(a.data, shape, a.dtype);
}

function filledArray(values: readonly number[], shape: readonly number[], dtype: DType): NDArray {
  const data = allocate(dtype, values.length, "unspecified");
  data.set(values);
  return new NDArray(data, shape, dtype);
}

/** A usecols option as a list, with numpy's TypeError for non-integers. */
function columnList(usecols: number | readonly number[] | null | undefined): number[] | null {
  if (usecols == null) return null;
  const list = typeof usecols === "number" ? [usecols] : [...usecols];
  if (list.some((c) => !Number.isInteger(c))) {
    throw new TypeError("usecols must be an int or a sequence of ints but it contains at least one element of type 'float'");
  }
  return list;
}

const FLOAT_TEXT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const INTEGER_TEXT = /^[+-]?\d+$/;
const INTEGER_BOUNDS: Partial<Record<DType, [bigint, bigint]>> = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint8: [0n, 255n],
  bool: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** A float's text as numpy's loadtxt parses it (C's strtod rules: no underscores or hex), or undefined. */
function parseFloatText(text: string): number | undefined {
  const t = text.replace(SURROUNDING_SPACE, "");
  if (!FLOAT_TEXT.test(t)) return undefined;
  const lower = t.toLowerCase();
  if (lower.endsWith("nan")) return NaN;
  if (lower.endsWith("inf") || lower.endsWith("infinity")) return lower[0] === "-" ? -Infinity : Infinity;
  return Number(t);
}

/**
 * The parser loadtxt uses for a dtype: floats by strtod rules (float32 rounded from the double, as numpy
 * does), integers as plain decimal digits within the dtype's range (unsigned ones without a sign), bools as
 * integers compared with 0.
 */
function loadtxtParser(dtype: DType): (text: string) => number | undefined {
  if (dtype === "float64") return parseFloatText;
  if (dtype === "float32") {
    return (text) => {
      const x = parseFloatText(text);
      return x === undefined ? undefined : Math.fround(x);
    };
  }
  const [lowest, highest] = INTEGER_BOUNDS[dtype]!;
  return (text) => {
    const t = text.replace(SURROUNDING_SPACE, "");
    if (!INTEGER_TEXT.test(t) || (lowest === 0n && t[0] === "-")) return undefined;
    const n = BigInt(t);
    if (n < lowest || n > highest) return undefined;
    return dtype === "bool" ? (n !== 0n ? 1 : 0) : Number(n);
  };
}

/** The fields of one line: the comment cut off, then split at the delimiter (or at runs of whitespace). */
function splitFields(line: string, delimiter: string | null, comment: string | null): string[] {
  const at = comment === null ? -1 : line.indexOf(comment);
  const content = at < 0 ? line : line.slice(0, at);
  if (delimiter === null) return content.split(SPACE_RUN).filter((field) => field !== "");
  const fields = content.split(delimiter);
  return fields.length === 1 && fields[0] === "" ? [] : fields;
}

export interface LoadtxtOptions {
  /** Element type of the result; `float64` by default. */
  dtype?: DType;
  /** Characters or strings that start a comment (`"#"` by default); `null` for none. */
  comments?: string | readonly string[] | null;
  /** The single character between values; `null` (default) splits at any run of whitespace. */
  delimiter?: string | null;
  /** Lines to skip at the start, comments and blank lines included. */
  skiprows?: number;
  /** Which columns to read (negative counts from each row's end). */
  usecols?: number | readonly number[] | null;
  /** Transpose the result, so `const [x, y] = ...` gets the columns. */
  unpack?: boolean;
  /** Minimum number of dimensions: 0 (default), 1 or 2. */
  ndmin?: number;
  /** Encoding of the file; UTF-8 by default. */
  encoding?: string | null;
  /** Read at most this many rows of data (blank and comment lines don't count). */
  max_rows?: number | null;
}

/**
 * Reads an array from a text file, one row per line (numpy's `np.loadtxt`): whitespace-separated unless a
 * `delimiter` is given, `#` comments and blank lines skipped, with numpy's errors for ragged rows and values
 * that don't parse as the dtype. `fname` is a path or an array of lines.
 * @example
 * const data = np.loadtxt("data.csv", { delimiter: ",", skiprows: 1 });
 * const [x, y] = np.loadtxt("xy.txt", { unpack: true }).tolist() as number[][];
 */
export function loadtxt(fname: TextSource, options: LoadtxtOptions = {}): NDArray {
  const dtype = checkDType(options.dtype ?? "float64");
  const ndmin = options.ndmin ?? 0;
  checkNdmin(ndmin);
  const usecols = columnList(options.usecols);
  const delimiter = options.delimiter ?? null;
  let comments = options.comments === undefined ? ["#"] : options.comments === null ? [] : typeof options.comments === "string" ? [options.comments] : [...options.comments];
  if (comments.includes("")) throw new ValueError("comments cannot be an empty string. Use comments=None to disable comments.");
  // A single one-character comment is cut while splitting; several, or longer ones, are cut from each line first.
  const comment = comments.length === 1 && [...comments[0]].length === 1 ? comments[0] : null;
  if (comment !== null) comments = [];
  else if (comments.length > 1 && delimiter !== null && comments.includes(delimiter)) {
    throw new TypeError(`Comment characters '${pyRepr({ tuple: comments })}' cannot include the delimiter '${delimiter}'`);
  }
  const skiprows = nonNegativeInteger(options.skiprows ?? 0);
  const maxRows = options.max_rows == null ? -1 : nonNegativeInteger(options.max_rows);
  if (delimiter !== null && [...delimiter].length !== 1) {
    throw new TypeError(`Text reading control character must be a single unicode character or None; but got: ${pyRepr(delimiter)}`);
  }
  if (comment !== null && comment === delimiter) {
    throw new TypeError("The values for control characters 'comment' and 'delimiter' are incompatible");
  }

  let lines = readLines(fname, options.encoding);
  if (comments.length > 0) lines = lines.map((line) => comments.reduce((text, c) => text.split(c, 1)[0], line));
  const parse = loadtxtParser(dtype);
  const values: number[] = [];
  let columns = usecols ? usecols.length : -1;
  let rows = 0;
  for (let i = skiprows; i < lines.length && (maxRows < 0 || rows < maxRows); i++) {
    const fields = splitFields(lines[i], delimiter, comment);
    if (fields.length === 0) continue;
    if (columns < 0) columns = fields.length;
    if (!usecols && fields.length !== columns) {
      throw new ValueError(`the number of columns changed from ${columns} to ${fields.length} at row ${rows + 1}; use \`usecols\` to select a subset and avoid this error`);
    }
    for (let j = 0; j < columns; j++) {
      let column = j;
      if (usecols) {
        column = usecols[j] < 0 ? usecols[j] + fields.length : usecols[j];
        if (column < 0 || column >= fields.length) {
          throw new ValueError(`invalid column index ${usecols[j]} at row ${rows + 1} with ${fields.length} columns`);
        }
      }
      const value = parse(fields[column]);
      if (value === undefined) {
        // numpy shows at most 100 characters of the string's repr.
        throw new ValueError(`could not convert string ${pyRepr(fields[column]).slice(0, 100)} to ${dtype} at row ${rows}, column ${column + 1}.`);
      }
      values.push(value);
    }
    rows++;
  }
  const result = withNdmin(filledArray(values, [rows, columns < 0 ? 1 : columns], dtype), ndmin);
  return options.unpack ? result.T : result;
}

const PY_FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?|inf|infinity|nan)$/i;
const PY_INT_TEXT = /^[+-]?\d(?:_?\d)*$/;

/** Python's `float(text)`, or undefined where it raises ValueError. */
function pythonFloat(text: string): number | undefined {
  const t = text.replace(SURROUNDING_SPACE, "");
  return PY_FLOAT_TEXT.test(t) ? parseFloatText(t.replace(/_/g, "")) : undefined;
}

/**
 * The converter genfromtxt gives a dtype: `float()` for floats, `np.int64()` (Python's int syntax) for int64,
 * `int(float())` for the other integers, and `str2bool` ("true"/"false" in any case) for bool; undefined
 * stands for the ValueError after which the column's filling value is used.
 */
function genfromtxtConverter(dtype: DType): (text: string) => number | undefined {
  switch (dtype) {
    case "float64":
    case "float32":
      return pythonFloat;
    case "int64":
      return (text) => {
        const t = text.replace(SURROUNDING_SPACE, "");
        if (!PY_INT_TEXT.test(t)) return undefined;
        const n = BigInt(t.replace(/_/g, ""));
        if (n < INTEGER_BOUNDS.int64![0] || n > INTEGER_BOUNDS.int64![1]) throw new OverflowError("Python int too large to convert to C long");
        return Number(n);
      };
    case "bool":
      return (text) => (text.toUpperCase() === "TRUE" ? 1 : text.toUpperCase() === "FALSE" ? 0 : undefined);
    default:
      return (text) => {
        const x = pythonFloat(text);
        if (x === undefined || Number.isNaN(x)) return undefined; // int(nan) is a ValueError too
        if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
        return Math.trunc(x) + 0;
      };
  }
}

/** A Python number stored into an element of `dtype` as `np.array(rows, dtype)` does, with its errors. */
function storedAs(dtype: DType, value: number): number {
  if (dtype === "float64") return value;
  if (dtype === "float32") return Math.fround(value);
  if (dtype === "bool") return value !== 0 ? 1 : 0;
  if (Number.isNaN(value)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(value)) throw new OverflowError("cannot convert float infinity to integer");
  const n = Math.trunc(value) + 0;
  checkIntegerFits(dtype, n);
  return n;
}

export interface GenfromtxtOptions {
  /** Element type of the result; `float64` by default. */
  dtype?: DType;
  /** The string that starts a comment (`"#"` by default); `null` for none. */
  comments?: string | null;
  /** The string between values; `null` (default) splits at whitespace. */
  delimiter?: string | null;
  /** Lines to skip at the start. */
  skip_header?: number;
  /** Which columns to read (negative counts from the end of the first row). */
  usecols?: number | readonly number[] | null;
  /**
   * What missing or unparsable values become: one value for every column, a list by column, or a record
   * from column to value. By default nan for floats, -1 for integers, false for bool.
   */
  filling_values?: number | boolean | readonly (number | boolean | null)[] | Readonly<Record<number, number | boolean>> | null;
  /** Read at most this many rows of data. */
  max_rows?: number | null;
  /** Transpose the result. */
  unpack?: boolean;
  /** Minimum number of dimensions: 0 (default), 1 or 2. */
  ndmin?: number;
  /** Encoding of the file; UTF-8 by default. */
  encoding?: string | null;
}

/**
 * Reads a text table with missing values (numpy's `np.genfromtxt`, its basic form): empty or unparsable
 * fields become nan (or `filling_values`); rows with the wrong number of fields are reported together, as
 * numpy does. Names, structured dtypes, converters, masks and fixed-width fields are not supported.
 * @example
 * np.genfromtxt(["1,2,3", "4,,6"], { delimiter: "," })  // array([[ 1.,  2.,  3.], [ 4., nan,  6.]])
 */
export function genfromtxt(fname: TextSource, options: GenfromtxtOptions = {}): NDArray {
  const dtype = checkDType(options.dtype ?? "float64");
  const ndmin = options.ndmin ?? 0;
  checkNdmin(ndmin);
  const maxRows = options.max_rows ?? null;
  if (maxRows !== null && maxRows < 1) throw new ValueError("'max_rows' must be at least 1.");
  const comments = options.comments === undefined ? "#" : options.comments;
  const delimiter = options.delimiter || null;
  const skipHeader = options.skip_header ?? 0;
  const split = (line: string): string[] => {
    const content = (comments === null ? line : line.split(comments)[0]).replace(/^[ \r\n]+|[ \r\n]+$/g, "");
    if (content === "") return [];
    return delimiter === null ? content.split(SPACE_RUN).filter((field) => field !== "") : content.split(delimiter);
  };

  const lines = readLines(fname, options.encoding);
  let next = Math.max(skipHeader, 0);
  while (next < lines.length && split(lines[next]).length === 0) next++;
  const firstValues = next < lines.length ? split(lines[next]) : [];
  let usecols = columnList(options.usecols);
  if (usecols) usecols = usecols.map((c) => (c < 0 ? c + firstValues.length : c));
  const columns = usecols && usecols.length > 0 ? usecols.length : firstValues.length;

  const rows: string[][] = [];
  const invalid: string[] = [];
  for (let i = 0; next + i < lines.length; i++) {
    let values = split(lines[next + i]);
    if (values.length === 0) continue;
    const lineNumber = i + skipHeader + 1;
    if (usecols && usecols.length > 0) {
      const picked = usecols.map((c) => values[c < 0 ? c + values.length : c]);
      if (picked.some((v) => v === undefined)) {
        invalid.push(`    Line #${lineNumber} (got ${values.length} columns instead of ${columns})`);
        continue;
      }
      values = picked;
    } else if (values.length !== columns) {
      invalid.push(`    Line #${lineNumber} (got ${values.length} columns instead of ${columns})`);
      continue;
    }
    rows.push(values);
    if (rows.length === maxRows) break;
  }
  if (invalid.length > 0) throw new ValueError(["Some errors were detected !", ...invalid].join("\n"));

  const fills = fillingValues(options.filling_values, columns, usecols, dtype === "bool" ? 0 : dtype.startsWith("float") ? NaN : -1);
  const convert = genfromtxtConverter(dtype);
  const values: number[] = [];
  for (const row of rows) row.forEach((text, j) => values.push(storedAs(dtype, convert(text) ?? fills[j])));
  const result = withNdmin(filledArray(values, rows.length === 0 ? [0] : [rows.length, columns], dtype), ndmin);
  return options.unpack ? result.T : result;
}

/** The filling value of each column, as genfromtxt spreads its `filling_values` argument over them. */
function fillingValues(option: GenfromtxtOptions["filling_values"], columns: number, usecols: number[] | null, fallback: number): number[] {
  const fills = new Array<number>(columns).fill(fallback);
  if (option == null) return fills;
  if (typeof option === "number" || typeof option === "boolean") return fills.fill(Number(option));
  if (Array.isArray(option)) {
    option.slice(0, columns).forEach((v, j) => (fills[j] = v === null ? fallback : Number(v)));
    return fills;
  }
  for (const [key, value] of Object.entries(option as Record<number, number | boolean>)) {
    let column = Number(key);
    // A key names a file column: with usecols, the result column reading it.
    if (usecols && usecols.includes(column)) column = usecols.indexOf(column);
    fills[column < 0 ? column + columns : column] = Number(value);
  }
  return fills;
}

/** Python's name of a NumPy scalar's type, for its error messages. */
function numpyTypeName(dtype: DType): string {
  return dtype === "bool" ? "numpy.bool" : `numpy.${dtype}`;
}

/** Python's repr of a NumPy scalar (numpy 2): `np.float64(1.5)`, `np.True_`. */
function scalarRepr(text: string, dtype: DType): string {
  if (dtype === "bool") return text === "True" ? "np.True_" : "np.False_";
  return `np.${dtype}(${text})`;
}

/** The digits of a finite, non-negative float in a %e, %f or %g conversion, exactly rounded (ties to even). */
function floatDigits(x: number, kind: string, precision: number, alternate: boolean): string {
  const trim = precision === 0 && !alternate ? "-" : "k";
  if (kind === "e") return format_float_scientific(x, { precision, unique: false, trim });
  if (kind === "f") return format_float_positional(x, { precision, unique: false, trim });
  // %g: scientific when the exponent is below -4 or reaches the precision, and trailing zeros dropped.
  const significant = precision === 0 ? 1 : precision;
  const scientific = format_float_scientific(x, { precision: significant - 1, unique: false, trim: significant === 1 && !alternate ? "-" : "k" });
  const exponent = Number(scientific.slice(scientific.indexOf("e") + 1));
  const chosen = exponent >= -4 && exponent < significant ? floatDigits(x, "f", significant - 1 - exponent, alternate) : scientific;
  if (alternate) return chosen;
  const e = chosen.indexOf("e");
  const mantissa = e < 0 ? chosen : chosen.slice(0, e);
  const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "").replace(/\.$/, "") : mantissa;
  return trimmed + (e < 0 ? "" : chosen.slice(e));
}

/** One conversion of Python's %-formatting applied to a NumPy scalar (element `at` of `data`). */
function convertScalar(kind: string, flags: string, width: number, precision: number | undefined, a: NDArray, at: number): string {
  const value = a.data[at];
  const dtype = a.dtype;
  const isFloatType = dtype === "float64" || dtype === "float32";
  let sign = "";
  let prefix = "";
  let body: string;
  let numeric = true;
  if (kind === "s" || kind === "r" || kind === "a") {
    const text = array_str(new NDArray(a.data, [], dtype, [], at));
    body = kind === "s" ? text : scalarRepr(text, dtype);
    if (precision !== undefined) body = body.slice(0, precision);
    numeric = false;
  } else if (kind === "c") {
    if (isFloatType || dtype === "bool") throw new TypeError(`%c requires an int or a unicode character, not ${numpyTypeName(dtype)}`);
    if (value < 0 || value > 0x10ffff) throw new OverflowError("%c arg not in range(0x110000)");
    body = String.fromCodePoint(value);
    numeric = false;
  } else if ("diuxXo".includes(kind)) {
    if (kind !== "d" && kind !== "i" && kind !== "u" && (isFloatType || dtype === "bool")) {
      throw new TypeError(`%${kind} format: an integer is required, not ${numpyTypeName(dtype)}`);
    }
    if (Number.isNaN(value)) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(value)) throw new OverflowError("cannot convert float infinity to integer");
    const n = BigInt(Math.trunc(value));
    const radix = kind === "x" || kind === "X" ? 16 : kind === "o" ? 8 : 10;
    body = (n < 0n ? -n : n).toString(radix);
    if (kind === "X") body = body.toUpperCase();
    if (precision !== undefined) body = body.padStart(precision, "0");
    if (n < 0n) sign = "-";
    if (flags.includes("#") && radix !== 10) prefix = kind === "o" ? "0o" : kind === "x" ? "0x" : "0X";
  } else {
    const x = Number(value);
    if (Number.isNaN(x)) body = "nan";
    else if (!Number.isFinite(x)) body = "inf";
    else body = floatDigits(Math.abs(x), kind.toLowerCase(), precision ?? 6, flags.includes("#"));
    if (kind !== kind.toLowerCase()) body = body.toUpperCase();
    if (x < 0 || Object.is(x, -0)) sign = "-";
  }
  if (numeric && sign === "") sign = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  const text = sign + prefix + body;
  if (text.length >= width) return text;
  if (flags.includes("-")) return text.padEnd(width);
  if (numeric && flags.includes("0")) return sign + prefix + body.padStart(width - sign.length - prefix.length, "0");
  return text.padStart(width);
}

const CONVERSION = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?/y;

/** Python's `format % tuple(row)` where the row holds the elements of `a` at `offsets`, as NumPy scalars. */
function percentFormat(format: string, a: NDArray, offsets: readonly number[]): string {
  let out = "";
  let used = 0;
  let at = 0;
  while (at < format.length) {
    const percent = format.indexOf("%", at);
    if (percent < 0) {
      out += format.slice(at);
      break;
    }
    out += format.slice(at, percent);
    if (format[percent + 1] === "(") throw new TypeError("format requires a mapping");
    CONVERSION.lastIndex = percent;
    const [spec, flags, width, precision] = CONVERSION.exec(format)!;
    const kindAt = percent + spec.length;
    if (kindAt >= format.length) throw new ValueError("incomplete format");
    const kind = format[kindAt];
    at = kindAt + 1;
    if (kind === "%") {
      out += "%";
      continue;
    }
    if (!"diouxXeEfFgGcrsa".includes(kind)) {
      throw new ValueError(`unsupported format character '${kind}' (0x${kind.charCodeAt(0).toString(16)}) at index ${kindAt}`);
    }
    // A `*` width or precision takes a Python int from the arguments, which a NumPy scalar is not.
    if (width === "*" || precision === "*") throw new TypeError("* wants int");
    if (used >= offsets.length) throw new TypeError("not enough arguments for format string");
    out += convertScalar(kind, flags, width ? Number(width) : 0, precision === undefined ? undefined : Number(precision), a, offsets[used++]);
  }
  if (used < offsets.length) throw new TypeError("not all arguments converted during string formatting");
  return out;
}

export interface SavetxtOptions {
  /** A %-format for every value (`"%.18e"` by default), a list with one per column, or one for the whole row. */
  fmt?: string | readonly string[];
  /** Written between columns; `" "` by default. */
  delimiter?: string;
  /** Written after each row; `"\n"` by default. */
  newline?: string;
  /** Text written first, each of its lines prefixed with `comments`. */
  header?: string;
  /** Text written last, each of its lines prefixed with `comments`. */
  footer?: string;
  /** Prefix of the header and footer lines; `"# "` by default. */
  comments?: string;
  /** `"utf-8"` (default) or `"latin1"`. */
  encoding?: string | null;
}

/**
 * The text `np.savetxt` writes for `X`, byte for byte: each row through Python's %-formatting with `fmt`.
 * @example np.savetxt("out.csv", X, { fmt: "%.3f", delimiter: ",", header: "x,y", comments: "" })
 */
export function savetxt(fname: string, X: ArrayLike, options: SavetxtOptions = {}): void {
  const encoding = options.encoding ?? "utf-8";
  const nodeEncoding = ({ "utf-8": "utf8", utf8: "utf8", latin1: "latin1", "latin-1": "latin1", "iso-8859-1": "latin1" } as const)[encoding.toLowerCase()];
  if (!nodeEncoding) throw new ValueError(`tsdl's savetxt writes utf-8 or latin1, not ${pyRepr(encoding)}`);
  writeFileSync(fname, savetxtText(X, options), nodeEncoding);
}

function savetxtText(X: ArrayLike, options: SavetxtOptions): string {
  const { fmt = "%.18e", delimiter = " ", newline = "\n", header = "", footer = "", comments = "# " } = options;
  let a = asarray(X);
  if (a.ndim === 0 || a.ndim > 2) throw new ValueError(`Expected 1D or 2D array, got ${a.ndim}D array instead`);
  if (a.ndim === 1) a = new NDArray(a.data, [a.shape[0], 1], a.dtype, [a.strides[0], 0], a.offset);
  const columns = a.shape[1];
  let format: string;
  if (typeof fmt !== "string") {
    if (fmt.length !== columns) throw new AttributeError(`fmt has wrong shape.  [${fmt.map(pyRepr).join(", ")}]`);
    format = fmt.join(delimiter);
  } else {
    const conversions = fmt.split("%").length - 1;
    if (conversions === 1) format = new Array<string>(columns).fill(fmt).join(delimiter);
    else if (conversions !== columns) throw new ValueError(`fmt has wrong number of % formats:  ${fmt}`);
    else format = fmt;
  }
  let text = header.length > 0 ? comments + header.replace(/\n/g, "\n" + comments) + newline : "";
  for (let i = 0; i < a.shape[0]; i++) {
    const offsets = Array.from({ length: columns }, (_, j) => a.offset + i * a.strides[0] + j * a.strides[1]);
    try {
      text += percentFormat(format, a, offsets) + newline;
    } catch (e) {
      if (e instanceof TypeError) throw new TypeError(`Mismatch between array dtype ('${a.dtype}') and format specifier ('${format}')`);
      throw e;
    }
  }
  if (footer.length > 0) text += comments + footer.replace(/\n/g, "\n" + comments) + newline;
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// .npz archives: zip files of .npy members
// ---------------------------------------------------------------------------------------------------------

const ZIP_PREFIX = [0x50, 0x4b, 0x03, 0x04]; // a local file header: "PK\x03\x04"
const EMPTY_ZIP_PREFIX = [0x50, 0x4b, 0x05, 0x06]; // an archive without members starts at its end record
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const STORED = 0;
const DEFLATED = 8;
/** MS-DOS date of 1980-01-01, the earliest a zip can say (and what Python's ZipInfo defaults to). */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/** A zip archive of the members, stored or deflated, as Python's zipfile writes one (without ZIP64). */
function encodeZip(members: readonly [string, Uint8Array][], compress: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [name, body] of members) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = compress ? new Uint8Array(deflateRawSync(body)) : body;
    const fields = {
      flags: /[^\x00-\x7f]/.test(name) ? 0x800 : 0, // bit 11: the name is UTF-8
      method: compress ? DEFLATED : STORED,
      crc: crc32(body),
    };
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_HEADER, true);
    lv.setUint16(4, 20, true); // version needed: 2.0
    lv.setUint16(6, fields.flags, true);
    lv.setUint16(8, fields.method, true);
    lv.setUint16(12, DOS_DATE_1980, true);
    lv.setUint32(14, fields.crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, body.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);

    const entry = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, CENTRAL_HEADER, true);
    cv.setUint16(4, (3 << 8) | 20, true); // made by Unix, version 2.0
    cv.setUint16(6, 20, true);
    cv.setUint16(8, fields.flags, true);
    cv.setUint16(10, fields.method, true);
    cv.setUint16(14, DOS_DATE_1980, true);
    cv.setUint32(16, fields.crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, body.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    cv.setUint32(42, offset, true);
    entry.set(nameBytes, 46);

    parts.push(local, data);
    directory.push(entry);
    offset += local.length + data.length;
    if (offset > 0xffffffff) throw new ValueError("tsdl writes .npz archives up to 4 GiB (it does not write ZIP64)");
  }
  const directorySize = directory.reduce((n, entry) => n + entry.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  ev.setUint16(8, members.length, true);
  ev.setUint16(10, members.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...directory, end]);
}

interface ZipMember {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/** The members of a zip archive by name, from its central directory (ZIP64 sizes and offsets included). */
function readZipDirectory(archive: Uint8Array): Map<string, ZipMember> {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  let end = -1;
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new BadZipFile("File is not a zip file");
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const zip64End = Number(view.getBigUint64(end - 12, true));
    count = Number(view.getBigUint64(zip64End + 32, true));
    at = Number(view.getBigUint64(zip64End + 48, true));
  }
  const members = new Map<string, ZipMember>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > archive.length || view.getUint32(at, true) !== CENTRAL_HEADER) throw new BadZipFile("Bad magic number for central directory");
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(archive.subarray(at + 46, at + 46 + nameLength));
    const member: ZipMember = {
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    };
    // A ZIP64 extra field holds, in this order, the sizes and offset whose 32-bit fields are saturated.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = view.getUint16(x, true);
      const length = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let field = x + 4;
        for (const key of ["size", "compressedSize", "localHeader"] as const) {
          if (member[key] === 0xffffffff) {
            member[key] = Number(view.getBigUint64(field, true));
            field += 8;
          }
        }
      }
      x += 4 + length;
    }
    members.set(name, member);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/** How many names an NpzFile's repr lists (numpy's `_MAX_REPR_ARRAY_COUNT`). */
const NPZ_REPR_NAMES = 5;

/**
 * An `.npz` archive read by `np.load` (numpy's `NpzFile`): `files` lists the array names (member names
 * without `.npy`), `get(name)` decodes one array (afresh on each call, as numpy's indexing does). Iterating
 * gives `[name, array]` pairs, so `Object.fromEntries(np.load("a.npz"))` makes a plain record.
 * @example
 * const npz = np.load("model.npz");
 * npz.files              // ["W1", "b1"]
 * const W1 = npz.get("W1");
 */
export class NpzFile implements Iterable<[string, NDArray]> {
  /** The names of the arrays, in archive order. */
  readonly files: readonly string[];
  private readonly archive: Uint8Array;
  private readonly members: Map<string, ZipMember>;

  /** `archive`: the .npz file's bytes; `filename`: where they came from, for the repr (numpy's `fid`). */
  constructor(archive: Uint8Array, private readonly filename = "object") {
    this.archive = archive;
    this.members = readZipDirectory(archive);
    this.files = [...this.members.keys()].map((name) => (name.endsWith(".npy") ? name.slice(0, -4) : name));
  }

  /** numpy's repr: the file and the first five names. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const names = this.files.slice(0, NPZ_REPR_NAMES).join(", ") + (this.files.length > NPZ_REPR_NAMES ? "..." : "");
    return `NpzFile ${pyRepr(this.filename)} with keys: ${names}`;
  }

  /** Whether the archive holds an array of this name. */
  has(name: string): boolean {
    return this.members.has(`${name}.npy`) || this.members.has(name);
  }

  /** The array of this name (numpy's `npz[name]`); KeyError when there is none. */
  get(name: string): NDArray {
    const memberName = this.members.has(`${name}.npy`) ? `${name}.npy` : name;
    const member = this.members.get(memberName);
    if (!member) throw new KeyError(`${name} is not a file in the archive`);
    const view = new DataView(this.archive.buffer, this.archive.byteOffset, this.archive.byteLength);
    const start = member.localHeader + 30 + view.getUint16(member.localHeader + 26, true) + view.getUint16(member.localHeader + 28, true);
    const stored = this.archive.subarray(start, start + member.compressedSize);
    let bytes: Uint8Array;
    if (member.method === STORED) bytes = stored;
    else if (member.method === DEFLATED) bytes = new Uint8Array(inflateRawSync(stored));
    else throw new ValueError(`tsdl reads stored and deflated .npz members; '${memberName}' uses compression method ${member.method}`);
    if (crc32(bytes) !== member.crc) throw new BadZipFile(`Bad CRC-32 for file '${memberName}'`);
    return decodeNpy(bytes);
  }

  /** The names of the arrays (as `files`). */
  keys(): string[] {
    return [...this.files];
  }

  *[Symbol.iterator](): Iterator<[string, NDArray]> {
    for (const name of this.files) yield [name, this.get(name)];
  }
}

/** Arrays to put in an .npz archive: named by a record, or a list named `arr_0`, `arr_1`, … as numpy names them. */
export type NpzArrays = Readonly<Record<string, ArrayLike>> | readonly ArrayLike[];

function writeNpz(file: string, arrays: NpzArrays, compress: boolean): void {
  const named: [string, ArrayLike][] = Array.isArray(arrays) ? arrays.map((a, i) => [`arr_${i}`, a]) : Object.entries(arrays);
  const members = named.map(([name, a]): [string, Uint8Array] => [`${name}.npy`, encodeNpy(a)]);
  writeFileSync(file.endsWith(".npz") ? file : `${file}.npz`, encodeZip(members, compress));
}

/**
 * Saves several arrays in one uncompressed `.npz` archive (numpy's `np.savez`); `.npz` is appended to a path
 * without it. A record names the arrays; a list names them `arr_0`, `arr_1`, ….
 * @example np.savez("model.npz", { W1, b1 })   // Python: np.load("model.npz")["W1"]
 */
export function savez(file: string, arrays: NpzArrays): void {
  writeNpz(file, arrays, false);
}

/**
 * As `savez`, with each member deflated (numpy's `np.savez_compressed`).
 * @example np.savez_compressed("data.npz", [X, y])   // Python: np.load("data.npz")["arr_0"]
 */
export function savez_compressed(file: string, arrays: NpzArrays): void {
  writeNpz(file, arrays, true);
}
