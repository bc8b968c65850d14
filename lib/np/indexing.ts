/**
 * numpy's indexing: `a[...]` reads and `a[...] = v` writes. Integers, slices, newaxis and ellipsis select a
 * view; index arrays and boolean masks (advanced indexing) select elements by offset, giving copies.
 */
import { castScalar, checkIntegerFits, isInteger, promoteTypes, resultType, type DType, type TypedArray } from "./dtype";
import { IndexError, ValueError } from "./errors";
import { NDArray, asarray, broadcastShapes, broadcastTo, empty, ravelData, sameShape, shapeSize, type ArrayLike, type IndexItem } from "./ndarray";

type Parsed =
  | { kind: "int"; value: number }
  | { kind: "slice"; start: number | null; stop: number | null; step: number | null }
  | { kind: "newaxis" }
  | { kind: "ellipsis" }
  | { kind: "array"; value: NDArray };

function parseText(text: string): Parsed {
  const t = text.trim();
  if (t === "...") return { kind: "ellipsis" };
  if (t === "None" || t === "newaxis") return { kind: "newaxis" };
  if (t.includes(":")) {
    const parts = t.split(":").map((p) => p.trim());
    if (parts.length > 3) throw new IndexError(`invalid slice '${t}'`);
    const [start, stop, step] = parts.map((p) => (p === "" || p === undefined ? null : parseInteger(p, t)));
    return { kind: "slice", start, stop, step: step ?? null };
  }
  return { kind: "int", value: parseInteger(t, t) };
}

function parseInteger(text: string, item: string): number {
  if (!/^[+-]?\d+$/.test(text)) {
    throw new IndexError(`only integers, slices (\`:\`), ellipsis (\`...\`), numpy.newaxis (\`None\`) and integer or boolean arrays are valid indices (got '${item}')`);
  }
  return Number(text);
}

// Notebook code indexes with the same few literals (":, 0", "0:5") again and again; their parse is kept.
const parsedTexts = new Map<string, readonly Parsed[]>();
const PARSED_TEXTS_KEPT = 1024;

function parseTexts(text: string): readonly Parsed[] {
  let parsed = parsedTexts.get(text);
  if (parsed === undefined) {
    parsed = text.split(",").map(parseText);
    if (parsedTexts.size < PARSED_TEXTS_KEPT) parsedTexts.set(text, parsed);
  }
  return parsed;
}

function parseItems(items: readonly IndexItem[]): readonly Parsed[] {
  if (items.length === 1 && typeof items[0] === "string") return parseTexts(items[0]);
  const parsed: Parsed[] = [];
  for (const item of items) {
    if (typeof item === "string") parsed.push(...parseTexts(item));
    else if (item === null) parsed.push({ kind: "newaxis" });
    else if (typeof item === "number") {
      if (!Number.isInteger(item)) {
        throw new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
      }
      parsed.push({ kind: "int", value: item });
    } else {
      const value = asarray(item as ArrayLike);
      if (value.dtype === "float64" || value.dtype === "float32") {
        if (value.size > 0) throw new IndexError("arrays used as indices must be of integer (or boolean) type");
      }
      parsed.push({ kind: "array", value });
    }
  }
  return parsed;
}

/** Resolves a slice against a length the way Python's `slice.indices` does: [start, step, count]. */
function resolveSlice(s: { start: number | null; stop: number | null; step: number | null }, n: number): [number, number, number] {
  const step = s.step ?? 1;
  if (step === 0) throw new ValueError("slice step cannot be zero");
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? n - 1 : n;
  const clamp = (v: number | null, fallback: number) => {
    if (v === null) return fallback;
    const x = v < 0 ? v + n : v;
    return Math.min(Math.max(x, lower), upper);
  };
  const start = clamp(s.start, step < 0 ? upper : lower);
  const stop = clamp(s.stop, step < 0 ? lower : upper);
  const count = step < 0 ? (stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0) : start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return [start, step, count];
}

function checkBound(index: number, size: number, axis: number): number {
  if (index < -size || index >= size) throw new IndexError(`index ${index} is out of bounds for axis ${axis} with size ${size}`);
  return index < 0 ? index + size : index;
}

/** What basic indexing leaves: a view, and where in it the advanced index arrays apply. */
interface Selection {
  view: NDArray;
  /** Positions in `view` of the dimensions the index arrays select along, ascending. */
  advancedDims: number[];
  /** One integer array per advanced dimension, broadcast to a common shape. */
  indices: NDArray[];
}

function select(a: NDArray, items: readonly IndexItem[]): Selection {
  const parsed = parseItems(items);
  let consumed = 0;
  let ellipses = 0;
  for (const p of parsed) {
    if (p.kind === "int" || p.kind === "slice") consumed++;
    else if (p.kind === "array") consumed += Math.max(p.value.dtype === "bool" ? p.value.ndim : 1, 1);
    else if (p.kind === "ellipsis") ellipses++;
  }
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (consumed > a.ndim) throw new IndexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a.offset;
  const advancedDims: number[] = [];
  const arrays: NDArray[] = [];
  let d = 0;
  const keep = () => {
    shape.push(a.shape[d]);
    strides.push(a.strides[d]);
    d++;
  };
  for (const p of parsed) {
    switch (p.kind) {
      case "ellipsis":
        for (let k = 0; k < a.ndim - consumed; k++) keep();
        break;
      case "newaxis":
        shape.push(1);
        strides.push(0);
        break;
      case "int":
        offset += checkBound(p.value, a.shape[d], d) * a.strides[d];
        d++;
        break;
      case "slice": {
        const [start, step, count] = resolveSlice(p, a.shape[d]);
        offset += count > 0 ? start * a.strides[d] : 0;
        shape.push(count);
        strides.push(step * a.strides[d]);
        d++;
        break;
      }
      case "array":
        if (p.value.dtype === "bool") {
          const mask = p.value;
          mask.shape.forEach((n, k) => {
            if (n !== a.shape[d + k]) {
              throw new IndexError(`boolean index did not match indexed array along axis ${d + k}; size of axis is ${a.shape[d + k]} but size of corresponding boolean axis is ${n}`);
            }
          });
          for (const positions of nonzero(mask)) {
            advancedDims.push(shape.length);
            arrays.push(positions);
            keep();
          }
        } else {
          const axis = d;
          const size = a.shape[d];
          const checked = empty(p.value.shape, "int64");
          const source = ravelData(p.value);
          for (let i = 0; i < source.length; i++) checked.data[i] = checkBound(source[i], size, axis);
          advancedDims.push(shape.length);
          arrays.push(checked);
          keep();
        }
        break;
    }
  }
  while (d < a.ndim) keep();
  const view = a.view(shape, strides, offset);
  if (arrays.length === 0) return { view, advancedDims, indices: [] };
  const common = broadcastShapes(...arrays.map((x) => x.shape));
  return { view, advancedDims, indices: arrays.map((x) => broadcastTo(x, common)) };
}

/** The index arrays of the true elements of a bool array, one per dimension (numpy's `np.nonzero`). @example np.nonzero(np.array([0, 3, 0, 4])) */
export function nonzero(a: ArrayLike): NDArray[] {
  const x = asarray(a);
  const flat = ravelData(x);
  let count = 0;
  for (let i = 0; i < flat.length; i++) if (flat[i] !== 0) count++;
  const out = x.shape.map(() => empty([count], "int64"));
  let k = 0;
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === 0) continue;
    let rest = i;
    for (let dim = x.ndim - 1; dim >= 0; dim--) {
      out[dim].data[k] = rest % x.shape[dim];
      rest = Math.floor(rest / x.shape[dim]);
    }
    k++;
  }
  return out;
}

/**
 * The layout of an advanced selection: `count` picks, each a buffer offset into `view` plus the sub-array of
 * the remaining dimensions; the result has `shape`, with the picks at dimension `at`.
 */
interface Picks {
  shape: number[];
  at: number;
  count: number;
  bases: Float64Array;
  restShape: number[];
  restStrides: number[];
}

function picks(s: Selection): Picks {
  const { view, advancedDims, indices } = s;
  const pickShape = [...indices[0].shape];
  const count = shapeSize(pickShape);
  const adjacent = advancedDims.every((dim, i) => i === 0 || dim === advancedDims[i - 1] + 1);
  const rest = view.shape.map((_, dim) => dim).filter((dim) => !advancedDims.includes(dim));
  const at = adjacent ? advancedDims[0] : 0;
  const restShape = rest.map((dim) => view.shape[dim]);
  const shape = [...restShape.slice(0, at), ...pickShape, ...restShape.slice(at)];
  const bases = new Float64Array(count);
  indices.forEach((index, k) => {
    const stride = view.strides[advancedDims[k]];
    const flat = index.isContiguous ? ravelData(index) : index.copy().data;
    for (let i = 0; i < count; i++) bases[i] += flat[i] * stride;
  });
  return { shape, at, count, bases, restShape, restStrides: rest.map((dim) => view.strides[dim]) };
}

/** The sub-array of `target` (contiguous, of the result's shape) that pick `k` fills. */
function pickSlot(target: NDArray, p: Picks, k: number): NDArray {
  const grouped = [...p.restShape.slice(0, p.at), p.count, ...p.restShape.slice(p.at)];
  const flat = target.reshape(grouped);
  const strides = flat.strides.filter((_, dim) => dim !== p.at);
  return target.view(p.restShape, strides, flat.offset + k * flat.strides[p.at]);
}

/** `a[index]`. */
export function getItem(a: NDArray, items: readonly IndexItem[]): NDArray {
  const s = select(a, items);
  if (s.indices.length === 0) return s.view;
  const p = picks(s);
  const out = empty(p.shape, a.dtype);
  if (p.restShape.length === 0) {
    for (let k = 0; k < p.count; k++) out.data[k] = a.data[s.view.offset + p.bases[k]];
  } else {
    for (let k = 0; k < p.count; k++) pickSlot(out, p, k).assign(s.view.view(p.restShape, p.restStrides, s.view.offset + p.bases[k]));
  }
  return out;
}

/** `a[index] = value`, broadcasting `value` and casting it to `a`'s dtype. */
export function setItem(a: NDArray, items: readonly IndexItem[], value: ArrayLike): void {
  if (typeof value === "number") checkIntegerFits(a.dtype, value);
  if (items.length === 1 && typeof value === "number" && setMasked(a, items[0], value)) return;
  const s = select(a, items);
  if (s.indices.length === 0) {
    s.view.assign(value);
    return;
  }
  const p = picks(s);
  const source = broadcastTo(asarray(value), p.shape).copy();
  if (p.restShape.length === 0) {
    for (let k = 0; k < p.count; k++) a.data[s.view.offset + p.bases[k]] = castScalar(a.dtype, source.data[k]);
  } else {
    for (let k = 0; k < p.count; k++) s.view.view(p.restShape, p.restStrides, s.view.offset + p.bases[k]).assign(pickSlot(source, p, k));
  }
}

/**
 * `a[mask] = value` for a bool mask of a's own shape and a number, in one pass over both (the course's
 * `dZ[Z <= 0] = 0`): no index arrays. Returns false, having done nothing, for any other index.
 */
function setMasked(a: NDArray, mask: IndexItem, value: number): boolean {
  if (!(mask instanceof NDArray && mask.dtype === "bool" && a.isContiguous && mask.isContiguous && sameShape(mask.shape, a.shape))) return false;
  const stored = castScalar(a.dtype, value);
  const data = a.data, flags = mask.data, shift = a.offset - mask.offset;
  for (let m = mask.offset, end = mask.offset + a.size; m < end; m++) if (flags[m] !== 0) data[m + shift] = stored;
  return true;
}

/** numpy's `a.item(...)`: one element as a JS number. */
export function item(a: NDArray, index: readonly number[]): number {
  let at: number;
  if (index.length === 0) {
    if (a.size !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
    at = a.offsetOf(a.shape.map(() => 0));
  } else if (index.length === 1 && a.ndim !== 1) {
    const flat = index[0] < 0 ? index[0] + a.size : index[0];
    if (flat < 0 || flat >= a.size) throw new IndexError(`index ${index[0]} is out of bounds for size ${a.size}`);
    const coords: number[] = [];
    let rest = flat;
    for (let d = a.ndim - 1; d >= 0; d--) {
      coords[d] = rest % a.shape[d];
      rest = Math.floor(rest / a.shape[d]);
    }
    at = a.offsetOf(coords);
  } else {
    if (index.length !== a.ndim) throw new ValueError("incorrect number of indices for array");
    at = a.offsetOf(index.map((i, d) => checkBound(i, a.shape[d], d)));
  }
  return a.data[at];
}

// ---------------------------------------------------------------------------------------------------------
// Index tricks (numpy's lib/_index_tricks_impl.py and its compiled helpers): converting between flat and
// multi-dimensional indices, index grids, and in-place writes by index or mask.
// ---------------------------------------------------------------------------------------------------------

/** The buffer offset of the element at C-order flat position `k` of `a`, whatever its layout. */
function flatOffset(a: NDArray, k: number): number {
  let at = a.offset;
  for (let d = a.ndim - 1; d >= 0; d--) {
    const n = a.shape[d];
    at += (k % n) * a.strides[d];
    k = Math.floor(k / n);
  }
  return at;
}

/** An index argument numpy converts to integers: integer or boolean arrays only. */
function integerIndices(value: ArrayLike): NDArray {
  const x = asarray(value);
  if (!isInteger(x.dtype) && x.dtype !== "bool") throw new TypeError("only int indices permitted");
  return x;
}

/**
 * Values to write into `a`, flattened, converted as numpy converts them: a JS number (or list of them) is a
 * Python integer that must fit `a`'s dtype; an array casts.
 */
function valuesFor(a: NDArray, values: ArrayLike): TypedArray {
  const x = asarray(values);
  const flat = ravelData(x);
  if (!(values instanceof NDArray) && x.dtype === "int64") for (const v of flat) checkIntegerFits(a.dtype, v);
  return flat;
}

type ClipMode = "raise" | "wrap" | "clip";

function checkClipMode(mode: string): ClipMode {
  if (mode === "raise" || mode === "wrap" || mode === "clip") return mode;
  throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${mode}')`);
}

/**
 * The multi-dimensional indices of flat indices into an array of `shape` (numpy's `np.unravel_index`): one
 * int64 array per dimension, of `indices`' shape, in C order (or Fortran order with `order: "F"`).
 * @example np.unravel_index([22, 41, 37], [7, 6]) // [array([3, 6, 6]), array([4, 5, 1])]
 */
export function unravel_index(indices: ArrayLike, shape: number | readonly number[], options: { order?: "C" | "F" } = {}): NDArray[] {
  const dims = typeof shape === "number" ? [shape] : [...shape];
  const index = integerIndices(indices);
  const size = dims.reduce((p, n) => p * n, 1);
  const flat = ravelData(index);
  const out = dims.map(() => empty(index.shape, "int64"));
  // The dimension that varies fastest comes first.
  const fastestFirst = dims.map((_, d) => (options.order === "F" ? d : dims.length - 1 - d));
  for (let k = 0; k < flat.length; k++) {
    let rest = flat[k];
    if (rest < 0 || rest >= size) throw new ValueError(`index ${rest} is out of bounds for array with size ${size}`);
    for (const d of fastestFirst) {
      out[d].data[k] = rest % dims[d];
      rest = Math.floor(rest / dims[d]);
    }
  }
  return out;
}

/**
 * The flat indices of multi-dimensional indices into an array of shape `dims` (numpy's
 * `np.ravel_multi_index`): one index array per dimension, broadcast together. `mode` ("raise", "wrap" or
 * "clip", or one per dimension) handles indices out of range.
 * @example np.ravel_multi_index([[3, 6, 6], [4, 5, 1]], [7, 6]) // array([22, 41, 37])
 */
export function ravel_multi_index(
  multi_index: readonly ArrayLike[],
  dims: readonly number[],
  options: { mode?: ClipMode | readonly ClipMode[]; order?: "C" | "F" } = {},
): NDArray {
  const requested = options.mode ?? "raise";
  const modes = (typeof requested === "string" ? dims.map(() => requested) : [...requested]).map(checkClipMode);
  if (multi_index.length !== dims.length) throw new ValueError(`parameter multi_index must be a sequence of length ${dims.length}`);
  const arrays = multi_index.map(integerIndices);
  const shape = broadcastShapes(...arrays.map((x) => x.shape));
  const coordinates = arrays.map((x) => ravelData(broadcastTo(x, shape)));
  const strides = new Array<number>(dims.length);
  let step = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = options.order === "F" ? i : dims.length - 1 - i;
    strides[d] = step;
    step *= dims[d];
  }
  const out = empty(shape, "int64");
  for (let k = 0; k < out.size; k++) {
    let flat = 0;
    for (let d = 0; d < dims.length; d++) {
      let i = coordinates[d][k];
      const n = dims[d];
      if (i < 0 || i >= n) {
        if (modes[d] === "raise") throw new ValueError("invalid entry in coordinates array");
        i = modes[d] === "wrap" ? ((i % n) + n) % n : Math.min(Math.max(i, 0), n - 1);
      }
      flat += i * strides[d];
    }
    out.data[k] = flat;
  }
  return out;
}

/**
 * The index grid of an array of shape `dimensions` (numpy's `np.indices`): shape `[N, ...dimensions]` with
 * entry `[d, i0, i1, …] = i_d`; `sparse` gives one broadcastable array per dimension instead.
 * @example np.indices([2, 3]).get(1) // array([[0, 1, 2], [0, 1, 2]])
 */
export function indices(dimensions: readonly number[], options: { dtype?: DType; sparse?: boolean } = {}): NDArray | NDArray[] {
  const dims = [...dimensions];
  const dtype = options.dtype ?? "int64";
  const axis = (d: number) => {
    const out = empty(dims.map((n, j) => (j === d ? n : 1)), dtype);
    for (let i = 0; i < dims[d]; i++) out.data[i] = i;
    return out;
  };
  if (options.sparse) return dims.map((_, d) => axis(d));
  const out = empty([dims.length, ...dims], dtype);
  dims.forEach((_, d) => out.get(d).assign(axis(d)));
  return out;
}

/**
 * An open mesh from 1-D sequences (numpy's `np.ix_`): the k-th becomes shape `(1, …, n, …, 1)` so that
 * indexing with all of them selects the cross product; boolean sequences give their true positions.
 * @example a.get(...np.ix_([0, 1], [2, 4])) // rows 0, 1 × columns 2, 4
 */
export function ix_(...args: ArrayLike[]): NDArray[] {
  return args.map((arg, k) => {
    let x = asarray(arg);
    // numpy types an empty sequence as an index (intp), where it would default to float.
    if (!(arg instanceof NDArray) && x.size === 0) x = x.astype("int64");
    if (x.ndim !== 1) throw new ValueError("Cross index must be 1 dimensional");
    if (x.dtype === "bool") x = nonzero(x)[0];
    return x.reshape(args.map((_, j) => (j === k ? x.size : 1)));
  });
}

/**
 * Elementwise choice among several arrays (numpy's `np.select`): where `condlist[i]` is the first true
 * condition, `choicelist[i]`; where none is, `default` (0).
 * Named apart from this file's `select` (of an index); np exports it as `select`.
 * @example np.select([x.lt(3), x.gt(5)], [x, x.pow(2)], { default: 42 })
 */
export function selectByCondition(condlist: readonly ArrayLike[], choicelist: readonly ArrayLike[], options: { default?: ArrayLike } = {}): NDArray {
  if (condlist.length !== choicelist.length) throw new ValueError("list of cases must be same length as list of conditions");
  if (condlist.length === 0) throw new ValueError("select with an empty condition list is not possible");
  const fallback = options.default ?? 0;
  const choices = [...choicelist, fallback];
  // numpy's result_type: JS numbers are weak Python scalars, everything else (booleans too) an array.
  const strong = choices.filter((c) => typeof c !== "number").map((c) => asarray(c).dtype);
  let dtype: DType = strong.length ? strong.reduce(promoteTypes) : choices.every((c) => Number.isInteger(c)) ? "int64" : "float64";
  if (strong.length) for (const c of choices) if (typeof c === "number") dtype = resultType({ dtype }, c);
  const conds = broadcastArrays(condlist.map((c) => asarray(c)));
  const choiceArrays = broadcastArrays(choices.map((c) => asarray(c)));
  conds.forEach((c, i) => {
    if (c.dtype !== "bool") throw new TypeError(`invalid entry ${i} in condlist: should be boolean ndarray`);
  });
  const shape = choiceArrays[0].ndim === 0 ? conds[0].shape : broadcastShapes(conds[0].shape, choiceArrays[0].shape);
  const out = empty(shape, dtype);
  out.assign(choiceArrays[choiceArrays.length - 1]);
  for (let i = conds.length - 1; i >= 0; i--) {
    const where = ravelData(broadcastTo(conds[i], shape));
    const choice = ravelData(broadcastTo(choiceArrays[i], shape));
    for (let k = 0; k < where.length; k++) if (where[k]) out.data[k] = castScalar(dtype, choice[k]);
  }
  return out;
}

function broadcastArrays(arrays: NDArray[]): NDArray[] {
  const shape = broadcastShapes(...arrays.map((x) => x.shape));
  return arrays.map((x) => broadcastTo(x, shape));
}

/**
 * Writes `val` along the main diagonal of `a`, in place (numpy's `np.fill_diagonal`): `a[i, i, …]`, all
 * dimensions equal beyond 2-D. A tall matrix's diagonal restarts below the square with `wrap`. Values repeat
 * if fewer than the diagonal.
 * @example np.fill_diagonal(A, 0)
 */
export function fill_diagonal(a: NDArray, val: ArrayLike, options: { wrap?: boolean } = {}): void {
  if (a.ndim < 2) throw new ValueError("array must be at least 2-d");
  let step: number;
  let end = a.size;
  if (a.ndim === 2) {
    step = a.shape[1] + 1;
    if (!options.wrap) end = Math.min(end, a.shape[1] * a.shape[1]);
  } else {
    if (a.shape.some((n) => n !== a.shape[0])) throw new ValueError("All dimensions of input must be of equal length");
    step = 1;
    for (let d = 0, p = 1; d < a.ndim - 1; d++) step += p *= a.shape[d];
  }
  const values = valuesFor(a, val);
  if (values.length === 0) return;
  for (let k = 0, i = 0; k < end; k += step, i++) a.data[flatOffset(a, k)] = castScalar(a.dtype, values[i % values.length]);
}

/**
 * Writes `v` at the flat (C-order) indices `ind` of `a`, in place (numpy's `np.put`); values repeat if fewer
 * than the indices. `mode` handles indices out of range: "raise" (negative ones count from the end), "wrap", "clip".
 * @example np.put(a, [0, 2], [-44, -55])
 */
export function put(a: NDArray, ind: ArrayLike, v: ArrayLike, options: { mode?: ClipMode } = {}): void {
  const mode = checkClipMode(options.mode ?? "raise");
  // numpy converts a list of indices by force (floats truncate) but casts an index array safely.
  if (ind instanceof NDArray && (ind.dtype === "float64" || ind.dtype === "float32")) {
    throw new TypeError(`Cannot cast array data from dtype('${ind.dtype}') to dtype('int64') according to the rule 'safe'`);
  }
  const positions = ravelData(asarray(ind));
  const values = valuesFor(a, v);
  if (values.length === 0 || positions.length === 0) return;
  const n = a.size;
  if (n === 0) throw new IndexError("cannot replace elements of an empty array");
  for (let i = 0; i < positions.length; i++) {
    let k = Math.trunc(positions[i]);
    if (mode === "raise") {
      if (k < -n || k >= n) throw new IndexError(`index ${k} is out of bounds for axis 0 with size ${n}`);
      if (k < 0) k += n;
    } else k = mode === "wrap" ? ((k % n) + n) % n : Math.min(Math.max(k, 0), n - 1);
    a.data[flatOffset(a, k)] = castScalar(a.dtype, values[i % values.length]);
  }
}

/**
 * Writes `values` where `mask` is true, in place (numpy's `np.putmask`): element k (in C order) gets
 * `values[k % values.length]`, so values repeat by position, not by count of true elements.
 * @example np.putmask(x, x.gt(2), x.pow(2))
 */
export function putmask(a: NDArray, mask: ArrayLike, values: ArrayLike): void {
  const flags = asarray(mask);
  if (flags.size !== a.size) throw new ValueError("putmask: mask and data must be the same size");
  const source = valuesFor(a, values);
  if (source.length === 0) return;
  const where = ravelData(flags);
  for (let k = 0; k < a.size; k++) if (where[k]) a.data[flatOffset(a, k)] = castScalar(a.dtype, source[k % source.length]);
}

/**
 * The indices of the main diagonal of an `n`×…×`n` array of `ndim` dimensions (numpy's `np.diag_indices`).
 * @example A.set(...np.diag_indices(3), 0)
 */
export function diag_indices(n: number, ndim = 2): NDArray[] {
  const index = empty([Math.max(n, 0)], "int64");
  for (let i = 0; i < n; i++) index.data[i] = i;
  return new Array<NDArray>(ndim).fill(index);
}

/** The indices of the main diagonal of `arr` (numpy's `np.diag_indices_from`). @example np.diag_indices_from(np.eye(3)) */
export function diag_indices_from(arr: ArrayLike): NDArray[] {
  const a = asarray(arr);
  if (a.ndim < 2) throw new ValueError("input array must be at least 2-d");
  if (a.shape.some((n) => n !== a.shape[0])) throw new ValueError("All dimensions of input must be of equal length");
  return diag_indices(a.shape[0], a.ndim);
}

/** Row and column indices of the entries of an n×m matrix kept by `keep(row, column)`, in C order. */
function triangle(n: number, m: number, keep: (i: number, j: number) => boolean): NDArray[] {
  const rows: number[] = [];
  const columns: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!keep(i, j)) continue;
      rows.push(i);
      columns.push(j);
    }
  }
  return [asarray(rows, { dtype: "int64" }).reshape(rows.length), asarray(columns, { dtype: "int64" }).reshape(columns.length)];
}

/**
 * The row and column indices of the lower triangle of an n×m matrix (m = n by default), diagonal `k` and
 * below (numpy's `np.tril_indices`).
 * @example np.tril_indices(3) // [array([0, 1, 1, 2, 2, 2]), array([0, 0, 1, 0, 1, 2])]
 */
export function tril_indices(n: number, options: { k?: number; m?: number | null } = {}): NDArray[] {
  const k = options.k ?? 0;
  return triangle(n, options.m ?? n, (i, j) => j - i <= k);
}

/**
 * The row and column indices of the upper triangle of an n×m matrix, diagonal `k` and above (numpy's `np.triu_indices`).
 * @example np.triu_indices(3, { k: 1 }) // [array([0, 0, 1]), array([1, 2, 2])]
 */
export function triu_indices(n: number, options: { k?: number; m?: number | null } = {}): NDArray[] {
  const k = options.k ?? 0;
  return triangle(n, options.m ?? n, (i, j) => j - i >= k);
}

function matrixShape(arr: ArrayLike): readonly number[] {
  const a = asarray(arr);
  if (a.ndim !== 2) throw new ValueError("input array must be 2-d");
  return a.shape;
}

/** The lower-triangle indices of the 2-D `arr` (numpy's `np.tril_indices_from`). @example np.tril_indices_from(A, { k: -1 }) */
export function tril_indices_from(arr: ArrayLike, options: { k?: number } = {}): NDArray[] {
  const [n, m] = matrixShape(arr);
  return tril_indices(n, { k: options.k, m });
}

/** The upper-triangle indices of the 2-D `arr` (numpy's `np.triu_indices_from`). @example np.triu_indices_from(A, { k: 1 }) */
export function triu_indices_from(arr: ArrayLike, options: { k?: number } = {}): NDArray[] {
  const [n, m] = matrixShape(arr);
  return triu_indices(n, { k: options.k, m });
}
