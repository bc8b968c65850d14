/**
 * tsdl's native backend: a Node-API addon (native/, built by `npm install` through node-gyp) with a packed
 * AVX2/FMA matrix product on all cores, glibc's vectorised transcendental functions, and contiguous sums in
 * numpy's pairwise order. The families (ufunc, reduce, linalg) hand it float64 work through this module and
 * keep their TypeScript loops as the reference path, which runs wherever the addon is missing, cannot run on
 * this CPU, or TSDL_BACKEND=typescript asks for it.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { StridedOperand } from "./kernels";

/** Which implementation np's heavy operations run on. */
export type Backend = "native-avx2" | "typescript";

interface Addon {
  cpuSupported: boolean;
  threadedWork: number;
  unary(op: number, out: Float64Array, x: Float64Array, descriptor: Float64Array): void;
  binary(op: number, out: Float64Array, x: Float64Array, y: Float64Array, descriptor: Float64Array): void;
  sumRuns(x: Float64Array, out: Float64Array, descriptor: Float64Array): void;
  gemm(a: Float64Array, b: Float64Array, c: Float64Array, descriptor: Float64Array): void;
  stableOrder(values: Float64Array, order: Float64Array): void;
}

/** Operation codes of native/kernels.h, by numpy's ufunc name. */
const UNARY: Readonly<Record<string, number>> = { exp: 0, log: 1, log1p: 2, tanh: 3, sin: 4, cos: 5, sqrt: 6, negative: 7, absolute: 8, square: 9 };
const BINARY: Readonly<Record<string, number>> = { add: 0, subtract: 1, multiply: 2, divide: 3, maximum: 4, minimum: 5 };

/** Most dimensions a native view may have (TSDL_MAX_DIMS). */
export const NATIVE_MAX_DIMS = 32;

/**
 * Below this size the TypeScript elementwise loops win: a native call costs about 0.3 µs of argument
 * conversion, the whole cost of an operation on a tiny array. (Products choose in linalg.ts.)
 */
const DEFAULT_MIN_ELEMENTS = 512;

function findAddon(): string | undefined {
  // The package root holds build/: two levels above lib/np in the sources, three above dist/lib/np.
  for (let dir = __dirname, up = 0; up < 4; dir = dirname(dir), up++) {
    const path = join(dir, "build", "Release", "tsdl_native.node");
    if (existsSync(path)) return path;
  }
  return undefined;
}

function loadAddon(): Addon | null {
  const path = findAddon();
  if (!path) return null;
  try {
    const addon = require(path) as Addon;
    return addon.cpuSupported ? addon : null;
  } catch {
    return null;
  }
}

const addon = process.env.TSDL_BACKEND === "typescript" ? null : loadAddon();
if (process.env.TSDL_BACKEND === "native" && !addon) {
  throw new Error("TSDL_BACKEND=native, but tsdl's native backend is not built or this CPU lacks AVX2/FMA (run npm install)");
}

// One descriptor reused by every call: shape, then offset and strides per operand (see native/binding.c).
const descriptor = new Float64Array(1 + NATIVE_MAX_DIMS + 3 * (1 + NATIVE_MAX_DIMS));

function describe(shape: readonly number[], operands: readonly StridedOperand[]): Float64Array {
  let k = 0;
  descriptor[k++] = shape.length;
  for (const n of shape) descriptor[k++] = n;
  for (const op of operands) {
    descriptor[k++] = op.offset;
    for (const s of op.strides) descriptor[k++] = s;
  }
  return descriptor;
}

export interface NativeBackend {
  /** Elementwise work smaller than this stays on the TypeScript path. */
  readonly minElements: number;
  /** Elementwise operations of this many elements and more run split over the cores. */
  readonly threadedElements: number;
  /** Whether `name` (a numpy ufunc name) has a native loop of this arity. */
  has(name: string, arity: 1 | 2): boolean;
  /** out = name(x) or name(x, y) over `shape`, operands already broadcast (float64 storage). */
  elementwise(name: string, shape: readonly number[], operands: readonly StridedOperand[]): void;
  /** out[i] = numpy's pairwise sum of the i-th contiguous run: `x`'s last dimension, stride 1. */
  sumRuns(shape: readonly number[], x: StridedOperand, out: Float64Array): void;
  /** C = A·B for (m, k) A, (k, n) B and (m, n) C, any strides. */
  gemm(a: StridedOperand, b: StridedOperand, c: StridedOperand, m: number, n: number, k: number): void;
  /** order = the stable order of `values` in numpy's sort order (a radix sort; sorting.ts uses it on long lanes). */
  stableOrder(values: Float64Array, order: Float64Array): void;
}

function nativeBackendOf(binding: Addon, minElements: number): NativeBackend {
  return {
    minElements,
    threadedElements: binding.threadedWork,
    has: (name, arity) => (arity === 1 ? UNARY : BINARY)[name] !== undefined,
    elementwise(name, shape, [out, x, y]) {
      const data = (op: StridedOperand) => op.data as Float64Array;
      if (y) binding.binary(BINARY[name], data(out), data(x), data(y), describe(shape, [out, x, y]));
      else binding.unary(UNARY[name], data(out), data(x), describe(shape, [out, x]));
    },
    sumRuns(shape, x, out) {
      binding.sumRuns(x.data as Float64Array, out, describe(shape, [x]));
    },
    gemm(a, b, c, m, n, k) {
      const d = descriptor;
      d[0] = m; d[1] = n; d[2] = k;
      d[3] = a.offset; d[4] = a.strides[0]; d[5] = a.strides[1];
      d[6] = b.offset; d[7] = b.strides[0]; d[8] = b.strides[1];
      d[9] = c.offset; d[10] = c.strides[0]; d[11] = c.strides[1];
      binding.gemm(a.data as Float64Array, b.data as Float64Array, c.data as Float64Array, d);
    },
    stableOrder: (values, order) => binding.stableOrder(values, order),
  };
}

let active: NativeBackend | null = addon && nativeBackendOf(addon, DEFAULT_MIN_ELEMENTS);

/** The native backend when it is active, else null (the families then run their TypeScript loops). */
export function nativeBackend(): NativeBackend | null {
  return active;
}

/**
 * Which backend np runs on: "native-avx2" (the addon, built by `npm install`) or "typescript" (the reference
 * path: no addon, a CPU without AVX2/FMA, or TSDL_BACKEND=typescript).
 * @example np.backend() // "native-avx2"
 */
export function backend(): Backend {
  return active ? "native-avx2" : "typescript";
}

/**
 * Switches backends at run time, for comparing both in one process (tests, benchmarks). `minElements` lowers
 * the size from which elementwise work and sums go native, down to 0 to route every call to it.
 */
export function setBackend(name: Backend, thresholds: { minElements?: number } = {}): void {
  if (name === "typescript") {
    active = null;
    return;
  }
  if (!addon) throw new Error("tsdl's native backend is not available here (not built, or this CPU lacks AVX2/FMA)");
  active = nativeBackendOf(addon, thresholds.minElements ?? DEFAULT_MIN_ELEMENTS);
}
