/**
 * np — numpy's API for TypeScript. Import as `import { np } from "tsdl"` or `import * as np from "tsdl/np"`;
 * in a tsdl notebook it is preloaded as `np`.
 *
 * numpy ↔ tsdl:
 * | numpy                          | tsdl                                         |
 * |--------------------------------|----------------------------------------------|
 * | `A / cal.reshape(1, 4) * 100`  | `A.div(cal.reshape(1, 4)).mul(100)`          |
 * | `A.sum(axis=0, keepdims=True)` | `A.sum({ axis: 0, keepdims: true })`         |
 * | `X[:, 0]`, `A[0:5, 0]`         | `X.get(":, 0")`, `A.get("0:5, 0")`           |
 * | `dZ[Z <= 0] = 0`               | `dZ.set(Z.le(0), 0)`                         |
 * | `a[np.newaxis, :]`             | `a.get(np.newaxis, ":")`                     |
 * | `np.random.randn(3, 4)`        | `np.random.randn(3, 4)`                      |
 */
export { NDArray, array, asarray, broadcastShapes as broadcast_shapes } from "./ndarray";
export type { ArrayLike, AxisOptions, IndexItem, NestedArray, NestedList, Scalar, VarianceOptions } from "./ndarray";
export type { DType } from "./dtype";
export { promoteTypes as promote_types } from "./dtype";
export { AttributeError, AxisError, BadZipFile, IndexError, KeyError, MemoryError, OverflowError, ValueError, ZeroDivisionError } from "./errors";
export * from "./creation";
export * from "./ufunc";
export { abs as absolute, round as around } from "./ufunc";
export { all, any, argmax, argmin, average, corrcoef, count_nonzero, cov, cumprod, cumsum, diff, max, mean, median, min, nanargmax, nanargmin, nanmax, nanmean, nanmin, nanstd, nansum, nanvar, percentile, prod, ptp, quantile, std, sum, var } from "./reduce";
export type { AverageOptions, Averaged, CovOptions, CumulativeOptions, DiffOptions, QuantileMethod, QuantileOptions } from "./reduce";
export { max as amax, min as amin } from "./reduce";
export * from "./shape";
export { allclose, array_equal, isclose } from "./logic";
export type { CloseOptions } from "./logic";
export { diag_indices, diag_indices_from, fill_diagonal, indices, ix_, nonzero, put, putmask, ravel_multi_index, selectByCondition as select, tril_indices, tril_indices_from, triu_indices, triu_indices_from, unravel_index } from "./indexing";
export { bincount, digitize, histogram, histogram_bin_edges, type BinEstimator, type HistogramOptions } from "./histograms";
export { convolve, correlate, cumulative_prod, cumulative_sum, gradient, interp, trapezoid, type ConvolveMode, type CumulativeFunctionOptions, type GradientOptions, type InterpOptions, type TrapezoidOptions } from "./calculus";
export { polyder, polyfit, polyint, polyval, vander, type PolyfitOptions } from "./polynomial";
export { argpartition, argsort, argwhere, flatnonzero, isin, partition, searchsorted, sort, unique } from "./sorting";
export type { SearchSortedOptions } from "./sorting";
export type { SortKind, SortOptions, Unique, UniqueOptions } from "./sorting";
export { cross, dot, einsum, inner, kron, matmul, outer, tensordot, trace, vdot } from "./linalg";
export type { CrossOptions, TensordotAxes, TraceOptions } from "./linalg";
export { backend } from "./native";
export type { Backend } from "./native";
export * as linalg from "./linalg-namespace";
export * as random from "./random";
export { NpzFile, decodeNpy, encodeNpy, genfromtxt, load, loadtxt, save, savetxt, savez, savez_compressed } from "./io";
export type { GenfromtxtOptions, LoadtxtOptions, NpzArrays, SavetxtOptions, TextSource } from "./io";
export { array2string, array_repr, array_str, format_float_positional, format_float_scientific, get_printoptions, printoptions, set_printoptions } from "./print";

/** Inserts a length-1 axis when used in an index (numpy's `np.newaxis`). @example a.get(np.newaxis, ":") */
export const newaxis = null;
/** π (numpy's `np.pi`). */
export const pi = Math.PI;
/** Euler's number (numpy's `np.e`). */
export const e = Math.E;
/** Not a number (numpy's `np.nan`). */
export const nan = NaN;
/** Positive infinity (numpy's `np.inf`). */
export const inf = Infinity;
