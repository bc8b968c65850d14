/**
 * numpy's indexing: `a[...]` reads and `a[...] = v` writes. Integers, slices, newaxis and ellipsis select a
 * view; index arrays and boolean masks (advanced indexing) select elements by offset, giving copies.
 */
import { castScalar, checkIntegerFits } from "./dtype";
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
