/**
 * Sorting, searching and counting (numpy's `sort`, `argsort`, `unique`, `argwhere`, `flatnonzero`,
 * `searchsorted`, `isin`).
 *
 * Every sort here is stable. numpy's default kind, quicksort, leaves the order of equal elements unspecified
 * (on a CPU with AVX-512 it is not even the input order for 8 elements), so no fixed order could match it
 * everywhere; the order of numpy's `kind: "stable"` is the one that is well defined, and tsdl gives it for
 * every kind.
 */
import { allocate, isInteger, type TypedArray } from "./dtype";
import { ValueError, normalizeAxis } from "./errors";
import { nonzero } from "./indexing";
import { NDArray, alongAxis, asarray, empty, laneOffsets, ravelData, type ArrayLike } from "./ndarray";
import { nativeBackend } from "./native";
import { ravel, stack } from "./shape";

/** numpy's sorting algorithms; all sort stably in tsdl (see the module comment). */
export type SortKind = "quicksort" | "mergesort" | "heapsort" | "stable";

export interface SortOptions {
  /** The axis to sort along, the last by default; `null` sorts the flattened array. */
  axis?: number | null;
  kind?: SortKind;
}

/** Whether x sorts before y in numpy's order: ascending, NaN after every number, -0 equal to 0. */
function before(x: number, y: number): boolean {
  return x < y || (y !== y && x === x);
}

/** From this length a float64 lane goes to the native radix sort, when the native backend is active. */
const NATIVE_SORT_MIN = 1 << 12;

/** The stable order of a long float64 lane from the native radix sort, or undefined to sort it here. */
function nativeOrder(values: TypedArray): Float64Array | undefined {
  const native = nativeBackend();
  if (!native || values.length < NATIVE_SORT_MIN || !(values instanceof Float64Array)) return undefined;
  const order = new Float64Array(values.length);
  native.stableOrder(values, order);
  return order;
}

/**
 * Sorts a lane in place, stably. A long float64 lane is put in the native radix sort's order. Otherwise a
 * typed array's own sort (native, NaN last) orders everything but signed zeros, which it puts -0 first; a
 * stable sort keeps the zeros in their input order, restored after it.
 */
function sortLane(lane: TypedArray): void {
  const order = nativeOrder(lane);
  if (order) {
    const values = lane.slice();
    for (let i = 0; i < order.length; i++) lane[i] = values[order[i]];
    return;
  }
  const negativeZeros: boolean[] = [];
  let anyNegative = false;
  for (let i = 0; i < lane.length; i++) {
    if (lane[i] !== 0) continue;
    const negative = Object.is(lane[i], -0);
    negativeZeros.push(negative);
    anyNegative ||= negative;
  }
  lane.sort();
  if (!anyNegative) return;
  const first = lane.findIndex((v) => v === 0);
  negativeZeros.forEach((negative, k) => (lane[first + k] = negative ? -0 : 0));
}

/** Small runs are insertion-sorted before merging: fewer passes, and no scratch traffic for them. */
const RUN = 16;

/** A lane's values and their indices, sorted together so that comparisons read memory in order. */
interface Keyed {
  values: Float64Array;
  indices: Float64Array;
}

/**
 * Sorts `lane.indices` (with `lane.values`) stably in numpy's order and returns the pair holding the result,
 * `lane` or `scratch`: insertion-sorted runs, then merged bottom-up. Several times faster than a typed
 * array's sort with a comparator, which calls a closure for every comparison.
 */
function sortKeyed(lane: Keyed, scratch: Keyed): Keyed {
  const { values, indices } = lane;
  const n = values.length;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const value = values[i];
      const index = indices[i];
      let j = i - 1;
      for (; j >= lo && before(value, values[j]); j--) {
        values[j + 1] = values[j];
        indices[j + 1] = indices[j];
      }
      values[j + 1] = value;
      indices[j + 1] = index;
    }
  }
  let from = lane;
  let to = scratch;
  for (let width = RUN; width < n; width *= 2) {
    const [fv, fi, tv, ti] = [from.values, from.indices, to.values, to.indices];
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // Taking from the right only when strictly before keeps equal elements in order.
      for (; i < mid && j < hi; k++) {
        const next = before(fv[j], fv[i]) ? j++ : i++;
        tv[k] = fv[next];
        ti[k] = fi[next];
      }
      tv.set(fv.subarray(i, mid), k);
      ti.set(fi.subarray(i, mid), k);
      k += mid - i;
      tv.set(fv.subarray(j, hi), k);
      ti.set(fi.subarray(j, hi), k);
    }
    [from, to] = [to, from];
  }
  return from;
}

/** numpy reads a sort kind by its first letter. */
function checkKind(kind: string | undefined): void {
  if (kind !== undefined && !/^[qhmsQHMS]/.test(kind)) {
    throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${kind}')`);
  }
}

/** Sorts every lane of `a` along `axis` in place: numpy's `ndarray.sort`, which the method `a.sort()` runs. */
export function sortInPlace(a: NDArray, options: { axis?: number; kind?: SortKind } = {}): void {
  checkKind(options.kind);
  const axis = normalizeAxis(options.axis ?? -1, a.ndim);
  const n = a.shape[axis];
  const step = a.strides[axis];
  const lane = allocate(a.dtype, n);
  for (const start of laneOffsets(a, axis)) {
    if (step === 1) {
      sortLane(a.data.subarray(start, start + n));
      continue;
    }
    for (let i = 0; i < n; i++) lane[i] = a.data[start + i * step];
    sortLane(lane);
    for (let i = 0; i < n; i++) a.data[start + i * step] = lane[i];
  }
}

/**
 * A sorted copy, along the last axis by default, NaN last (numpy's `np.sort`); `axis: null` sorts the
 * flattened array.
 * @example
 * np.sort(np.array([3, 1, 2]))                     // array([1, 2, 3])
 * np.sort(np.array([[3, 1], [0, 2]]), { axis: 0 }) // array([[0, 1], [3, 2]])
 */
export function sort(a: ArrayLike, options: SortOptions = {}): NDArray {
  const x = asarray(a);
  const out = options.axis === null ? x.flatten() : x.copy();
  sortInPlace(out, { axis: options.axis ?? -1, kind: options.kind });
  return out;
}

/**
 * The indices that sort the array along an axis, the last by default; equal elements keep their order
 * (numpy's `np.argsort` with `kind: "stable"`). `axis: null` sorts the flattened array.
 * @example np.argsort(np.array([3, 1, 2])) // array([1, 2, 0])
 */
export function argsort(a: ArrayLike, options: SortOptions = {}): NDArray {
  checkKind(options.kind);
  const [x, axis] = alongAxis(asarray(a), options.axis === undefined ? -1 : options.axis);
  const out = empty(x.shape, "int64", "unspecified");
  const n = x.shape[axis];
  const step = x.strides[axis];
  const outStep = out.strides[axis];
  const outStarts = laneOffsets(out, axis);
  const lane: Keyed = { values: new Float64Array(n), indices: new Float64Array(n) };
  const scratch: Keyed = { values: new Float64Array(n), indices: new Float64Array(n) };
  laneOffsets(x, axis).forEach((start, k) => {
    for (let i = 0; i < n; i++) {
      lane.values[i] = x.data[start + i * step];
      lane.indices[i] = i;
    }
    const sorted = nativeOrder(lane.values) ?? sortKeyed(lane, scratch).indices;
    for (let i = 0; i < n; i++) out.data[outStarts[k] + i * outStep] = sorted[i];
  });
  return out;
}

/** Checks `kth` against a lane of `n` as numpy does: integers, negative ones counted from the end. */
function checkKth(kth: number | readonly number[], n: number): void {
  for (const k of typeof kth === "number" ? [kth] : kth) {
    if (!Number.isInteger(k)) throw new TypeError("Partition index must be integer");
    const at = k < 0 ? k + n : k;
    if (at < 0 || at >= n) throw new ValueError(`kth(=${at}) out of bounds (${n})`);
  }
}

/**
 * A copy in which the element at each `kth` index is the one a sort would put there, smaller ones before it and
 * larger ones after (numpy's `np.partition`), along the last axis by default. numpy leaves the order within
 * each part unspecified; tsdl sorts the lane, which is one such order.
 * @example np.partition(np.array([7, 1, 5, 3]), 1) // 1 and 3 first, then 5 and 7
 */
export function partition(a: ArrayLike, kth: number | readonly number[], options: { axis?: number | null; kind?: string } = {}): NDArray {
  const source = asarray(a);
  // numpy flattens a 0-d array for argpartition, but partition raises numpy's AxisError for it.
  if (source.ndim === 0 && options.axis !== null) normalizeAxis(options.axis ?? -1, 0);
  const [x, axis] = alongAxis(source, options.axis === undefined ? -1 : options.axis);
  checkKth(kth, x.shape[axis]);
  return sort(x, { axis });
}

/**
 * The indices that would partition the array at `kth` (numpy's `np.argpartition`), e.g. the k smallest:
 * `np.argpartition(scores, k).get(":k")`. Like `partition`, the order within each part is a sort's.
 * @example np.argpartition(np.array([7, 1, 5, 3]), 1) // array([1, 3, 2, 0])
 */
export function argpartition(a: ArrayLike, kth: number | readonly number[], options: { axis?: number | null; kind?: string } = {}): NDArray {
  const [x, axis] = alongAxis(asarray(a), options.axis === undefined ? -1 : options.axis);
  checkKth(kth, x.shape[axis]);
  return argsort(x, { axis });
}

export interface UniqueOptions {
  /** Also return the index of each value's first occurrence in the flattened input (`indices`). */
  return_index?: boolean;
  /** Also return, for each input element, the index of its value in `values` (`inverse_indices`, the input's shape). */
  return_inverse?: boolean;
  /** Also return how often each value occurs (`counts`). */
  return_counts?: boolean;
  /** Whether all NaNs count as one value (the default, as numpy's) or each as its own. */
  equal_nan?: boolean;
}

/** What `unique` returns: the sorted values alone, or with the requested extras named as numpy's `unique_all` names them. */
export type Unique<O extends UniqueOptions> = O extends { return_index: true } | { return_inverse: true } | { return_counts: true }
  ? { values: NDArray } & (O extends { return_index: true } ? { indices: NDArray } : {}) &
      (O extends { return_inverse: true } ? { inverse_indices: NDArray } : {}) &
      (O extends { return_counts: true } ? { counts: NDArray } : {})
  : NDArray;

/**
 * The sorted distinct values of the flattened array (numpy's `np.unique`); the options add first indices,
 * the inverse mapping and counts, returned together in an object.
 * @example
 * np.unique(np.array([3, 1, 3, 2]))                               // array([1, 2, 3])
 * const { values, counts } = np.unique(labels, { return_counts: true })
 */
export function unique<const O extends UniqueOptions = {}>(a: ArrayLike, options?: O): Unique<O> {
  const x = asarray(a);
  const order = argsort(x, { axis: null }).data;
  const flat = ravel(x);
  const n = order.length;
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = flat.data[flat.offset + order[k]];
  const equalNan = options?.equal_nan ?? true;
  // A value starts a run where it differs from the one before; NaN differs from NaN unless equal_nan.
  const starts: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = sorted[k];
    const w = sorted[k - 1];
    if (k === 0 || (v !== w && !(equalNan && v !== v && w !== w))) starts.push(k);
  }
  const values = empty([starts.length], x.dtype, "unspecified");
  starts.forEach((start, r) => (values.data[r] = sorted[start]));
  if (!options?.return_index && !options?.return_inverse && !options?.return_counts) return values as Unique<O>;
  const result: Record<string, NDArray> = { values };
  if (options.return_index) {
    const indices = empty([starts.length], "int64", "unspecified");
    starts.forEach((start, r) => (indices.data[r] = order[start]));
    result.indices = indices;
  }
  if (options.return_inverse) {
    const inverse = empty(x.shape, "int64", "unspecified");
    for (let r = 0, k = 0; r < starts.length; r++) {
      for (const end = starts[r + 1] ?? n; k < end; k++) inverse.data[order[k]] = r;
    }
    result.inverse_indices = inverse;
  }
  if (options.return_counts) {
    const counts = empty([starts.length], "int64", "unspecified");
    starts.forEach((start, r) => (counts.data[r] = (starts[r + 1] ?? n) - start));
    result.counts = counts;
  }
  return result as Unique<O>;
}

/**
 * The indices of the non-zero elements, one row per element and one column per axis (numpy's `np.argwhere`).
 * @example np.argwhere(np.array([[0, 1], [2, 0]])) // array([[0, 1], [1, 0]])
 */
export function argwhere(a: ArrayLike): NDArray {
  const x = asarray(a);
  // numpy takes a 0-d array as 1-d and then keeps none of its columns: shape (1, 0) when true, (0, 0) when not.
  if (x.ndim === 0) return empty([x.item() !== 0 ? 1 : 0, 0], "int64");
  return stack(nonzero(x), { axis: 1 });
}

/**
 * The indices of the non-zero elements of the flattened array (numpy's `np.flatnonzero`).
 * @example np.flatnonzero(np.array([0, 3, 0, 4])) // array([1, 3])
 */
export function flatnonzero(a: ArrayLike): NDArray {
  return nonzero(ravel(a))[0];
}

export interface SearchSortedOptions {
  /** "left": the first index where `v` could go (before equal elements); "right": the last (after them). */
  side?: "left" | "right";
  /** Indices that sort `a` (from `argsort`), when `a` itself is not sorted. */
  sorter?: ArrayLike;
}

/** numpy's side argument: exactly "left" or "right"; it names the near misses (its old abbreviations) apart. */
function checkSide(side: string): void {
  if (side === "left" || side === "right") return;
  if (/^[lLrR]/.test(side)) throw new ValueError("search side must be one of 'left' or 'right'");
  throw new ValueError(`search side must be 'left' or 'right' (got '${side}')`);
}

/**
 * Where each value of `v` would be inserted into the sorted 1-D array `a` to keep it sorted (numpy's
 * `np.searchsorted`), by binary search in numpy's order (NaN last). int64 indices of `v`'s shape.
 * @example
 * np.searchsorted(np.array([1, 2, 2, 3]), 2)                          // array(1)
 * np.searchsorted(np.array([1, 2, 2, 3]), [2, 5], { side: "right" })  // array([3, 4])
 */
export function searchsorted(a: ArrayLike, v: ArrayLike, options: SearchSortedOptions = {}): NDArray {
  const side = options.side ?? "left";
  checkSide(side);
  const x = asarray(a);
  if (x.ndim > 1) throw new ValueError("object too deep for desired array");
  if (x.ndim === 0) throw new ValueError("object of too small depth for desired array");
  const n = x.size;
  let order: ((i: number) => number) | null = null;
  if (options.sorter !== undefined) {
    const sorter = asarray(options.sorter);
    if (sorter.ndim !== 1) throw new TypeError("could not parse sorter argument");
    if (!isInteger(sorter.dtype)) throw new TypeError("sorter must only contain integers");
    if (sorter.size !== n) throw new ValueError("sorter.size must equal a.size");
    order = (i) => sorter.data[sorter.offset + i * sorter.strides[0]];
  }
  const values = asarray(v);
  const keys = ravelData(values);
  const out = empty(values.shape, "int64", "unspecified");
  // left: the first element not before the value; right: the first element the value is before.
  const goesAfter = side === "left" ? before : (element: number, value: number) => !before(value, element);
  // numpy's binary search, bounds carried over from the previous value (a head start when the values are
  // sorted too); it checks only the sorter entries it reads, so a bad entry elsewhere goes unnoticed as there.
  let lo = 0;
  let hi = n;
  for (let k = 0; k < keys.length; k++) {
    if (k > 0 && goesAfter(keys[k - 1], keys[k])) hi = n;
    else {
      lo = 0;
      hi = Math.min(hi + 1, n);
    }
    while (lo < hi) {
      const mid = lo + ((hi - lo) >> 1);
      const index = order ? order(mid) : mid;
      if (index < 0 || index >= n) throw new ValueError("Sorter index out of range.");
      if (goesAfter(x.data[x.offset + index * x.strides[0]], keys[k])) lo = mid + 1;
      else hi = mid;
    }
    out.data[k] = lo;
  }
  return out;
}

/**
 * Whether each element of `element` occurs in `test_elements` (numpy's `np.isin`): a bool array of
 * `element`'s shape, negated with `invert`. NaN is in nothing, as NaN != NaN.
 * @example np.isin(np.array([1, 2, 3]), [2, 3]) // array([False,  True,  True])
 */
export function isin(element: ArrayLike, test_elements: ArrayLike, options: { invert?: boolean } = {}): NDArray {
  const x = asarray(element);
  // A Set compares as numpy's == does, -0 equal to 0, except that it finds NaN: NaN is checked apart.
  const tests = new Set(ravelData(asarray(test_elements)));
  const flat = ravelData(x);
  const out = empty(x.shape, "bool", "unspecified");
  const invert = options.invert ?? false;
  for (let k = 0; k < flat.length; k++) out.data[k] = (flat[k] === flat[k] && tests.has(flat[k])) !== invert ? 1 : 0;
  return out;
}
