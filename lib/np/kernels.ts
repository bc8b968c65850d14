/**
 * Strided elementwise loops, generated once per (expression, dtypes) and cached, so that every ufunc shares
 * one loop structure and V8 still sees monomorphic code for each. Operands arrive already broadcast to the
 * output's shape (a broadcast dimension has stride 0).
 */
import type { DType, TypedArray } from "./dtype";
import { NATIVE_MAX_DIMS, nativeBackend } from "./native";

export interface StridedOperand {
  readonly data: TypedArray;
  readonly offset: number;
  readonly strides: readonly number[];
}

/** Helper functions a kernel expression may call as `f.name(...)`. */
export type KernelHelpers = Readonly<Record<string, (...args: number[]) => number>>;

type Loop = (shape: readonly number[], operands: readonly StridedOperand[], constant: number, helpers: KernelHelpers) => void;

/** Compiled loops: expression → (operand dtypes as a base-6 number) → loop. */
const cache = new Map<string, Map<number, Loop>>();
/** A dtype as a small integer, for caches keyed by dtypes. */
export const DTYPE_CODE: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, int64: 3, float32: 4, float64: 5 };

const NAMES = ["x", "y", "z"];

/**
 * Compiles a loop that writes `expression` — over `x`, `y`, `z` (the inputs' elements), `w` (the output's
 * current element, for accumulating reductions), `c` (a constant) and `f` (helpers) — into operand 0 for
 * every index of `shape`.
 */
function compile(expression: string, arity: number): Loop {
  const inputs = NAMES.slice(0, arity);
  const ops = ["o", ...inputs];
  const lines: string[] = [];
  lines.push(`const nd = shape.length;`);
  ops.forEach((name, k) => lines.push(`const ${name}d = operands[${k}].data, ${name}s = operands[${k}].strides; let ${name}p = operands[${k}].offset;`));
  const reads = /\bw\b/.test(expression) ? ["o", ...inputs] : inputs;
  const read = (index: (name: string) => string) =>
    reads.map((name) => `const ${name === "o" ? "w" : name} = ${name}d[${index(name)}];`).join(" ");
  lines.push(`if (nd === 0) { ${read((n) => `${n}p`)} od[op] = ${expression}; return; }`);
  lines.push(`const n = shape[nd - 1];`);
  ops.forEach((name) => lines.push(`const ${name}i = ${name}s[nd - 1];`));
  lines.push(`let outer = 1; for (let d = 0; d < nd - 1; d++) outer *= shape[d];`);
  // A plain array: allocating a typed array costs more than the whole loop over a (3, 4) operand.
  lines.push(`const counter = []; for (let d = 0; d < nd - 1; d++) counter.push(0);`);
  lines.push(`const unit = ${ops.map((name) => `${name}i === 1`).join(" && ")};`);
  lines.push(`for (let r = 0; r < outer; r++) {`);
  lines.push(`  if (unit) { for (let i = 0; i < n; i++) { ${read((name) => `${name}p + i`)} od[op + i] = ${expression}; } }`);
  lines.push(`  else { ${ops.map((name) => `let ${name}q = ${name}p;`).join(" ")}`);
  lines.push(`    for (let i = 0; i < n; i++) { ${read((name) => `${name}q`)} od[oq] = ${expression}; ${ops.map((name) => `${name}q += ${name}i;`).join(" ")} } }`);
  lines.push(`  for (let d = nd - 2; d >= 0; d--) {`);
  lines.push(`    ${ops.map((name) => `${name}p += ${name}s[d];`).join(" ")}`);
  lines.push(`    if (++counter[d] < shape[d]) break;`);
  lines.push(`    counter[d] = 0; ${ops.map((name) => `${name}p -= ${name}s[d] * shape[d];`).join(" ")}`);
  lines.push(`  }`);
  lines.push(`}`);
  return new Function("shape", "operands", "c", "f", lines.join("\n")) as Loop;
}

/**
 * Merges adjacent dimensions that every operand walks contiguously and drops length-1 dimensions, so that
 * contiguous work runs as one flat loop.
 */
function collapse(shape: readonly number[], operands: readonly StridedOperand[]): [number[], StridedOperand[]] {
  const dims: number[] = [];
  const strides: number[][] = [];
  for (let k = 0; k < operands.length; k++) strides.push([]);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = dims.length - 1;
    let merges = last >= 0;
    for (let k = 0; k < operands.length && merges; k++) merges = strides[k][last] === operands[k].strides[d] * shape[d];
    if (merges) dims[last] *= shape[d];
    else dims.push(shape[d]);
    for (let k = 0; k < operands.length; k++) {
      if (merges) strides[k][last] = operands[k].strides[d];
      else strides[k].push(operands[k].strides[d]);
    }
  }
  const collapsed: StridedOperand[] = [];
  for (let k = 0; k < operands.length; k++) collapsed.push({ data: operands[k].data, offset: operands[k].offset, strides: strides[k] });
  return [dims, collapsed];
}

/**
 * Runs `expression` elementwise: operand 0 is written, the others (already broadcast to `shape`) are read as
 * `x`, `y`, `z`; `constant` is available as `c`. The dtypes are part of the cache key to keep loops monomorphic.
 */
export function elementwise(
  expression: string,
  shape: readonly number[],
  operands: readonly (StridedOperand & { dtype: DType })[],
  constant = 0,
  helpers: KernelHelpers = {},
): void {
  if (shape.includes(0)) return;
  let byDTypes = cache.get(expression);
  if (!byDTypes) {
    byDTypes = new Map();
    cache.set(expression, byDTypes);
  }
  let code = 0;
  for (const op of operands) code = code * 6 + DTYPE_CODE[op.dtype];
  let loop = byDTypes.get(code);
  if (!loop) {
    loop = compile(expression, operands.length - 1);
    byDTypes.set(code, loop);
  }
  const [dims, collapsed] = collapse(shape, operands);
  loop(dims, collapsed, constant, helpers);
}

/** An input of a flat loop: a contiguous run of a buffer, or a scalar that every element sees. */
export type FlatInput = { readonly data: TypedArray; readonly offset: number; readonly dtype: DType } | number;

type FlatLoop = (n: number, od: TypedArray, op: number, x: TypedArray | number, xp: number, y: TypedArray | number, yp: number, f: KernelHelpers) => void;

const flatCache = new Map<string, Map<number, FlatLoop>>();
/** Code of a scalar input in a flat loop's cache key, after the dtypes' codes. */
const SCALAR_CODE = 6;

function compileFlat(expression: string, scalars: readonly boolean[]): FlatLoop {
  const hoisted: string[] = [];
  const reads: string[] = [];
  scalars.forEach((scalar, k) => {
    const name = NAMES[k];
    if (scalar) hoisted.push(`const ${name} = ${name}a;`);
    else reads.push(`const ${name} = ${name}a[${name}p + i];`);
  });
  const body = `${hoisted.join(" ")} for (let i = 0; i < n; i++) { ${reads.join(" ")} od[op + i] = ${expression}; }`;
  return new Function("n", "od", "op", "xa", "xp", "ya", "yp", "f", body) as FlatLoop;
}

/**
 * `elementwise` for the case tiny arrays meet most: every array operand contiguous and of the output's shape
 * (`n` elements), scalars passed as numbers. It skips broadcasting views and dimension merging, which cost
 * more than the arithmetic on a (3, 4) array; the expression and its values are the same.
 */
export function elementwiseFlat(
  expression: string,
  n: number,
  out: { readonly data: TypedArray; readonly offset: number; readonly dtype: DType },
  inputs: readonly [FlatInput] | readonly [FlatInput, FlatInput],
  helpers: KernelHelpers = {},
): void {
  let byCode = flatCache.get(expression);
  if (!byCode) {
    byCode = new Map();
    flatCache.set(expression, byCode);
  }
  const [x, y] = inputs;
  let code = DTYPE_CODE[out.dtype];
  for (const input of inputs) code = code * 7 + (typeof input === "number" ? SCALAR_CODE : DTYPE_CODE[input.dtype]);
  let loop = byCode.get(code);
  if (!loop) {
    loop = compileFlat(expression, inputs.map((input) => typeof input === "number"));
    byCode.set(code, loop);
  }
  const xa = typeof x === "number" ? x : x.data;
  const xp = typeof x === "number" ? 0 : x.offset;
  const ya = y === undefined ? 0 : typeof y === "number" ? y : y.data;
  const yp = y === undefined || typeof y === "number" ? 0 : y.offset;
  loop(n, out.data, out.offset, xa, xp, ya, yp, helpers);
}

/** Whether the native backend would run ufunc `name` of this arity on `size` float64 elements. */
export function nativeTakes(name: string, arity: 1 | 2, size: number): boolean {
  const backend = nativeBackend();
  return backend !== null && size >= backend.minElements && backend.has(name, arity);
}

/** Whether `x` reads memory that `out` writes other than element for element (a shifted or transposed view). */
function overlapsPartially(out: StridedOperand, x: StridedOperand): boolean {
  if (out.data.buffer !== x.data.buffer) return false;
  const same = out.data.byteOffset === x.data.byteOffset && out.offset === x.offset && out.strides.every((s, d) => s === x.strides[d]);
  return !same;
}

/**
 * Runs numpy's ufunc `name` on the native backend when it has a loop for it and the work is float64 and large
 * enough to pay for the call; returns false, having done nothing, otherwise. Same operands as `elementwise`.
 */
export function nativeElementwise(name: string, shape: readonly number[], operands: readonly (StridedOperand & { dtype: DType })[]): boolean {
  const backend = nativeBackend();
  if (!backend || !backend.has(name, operands.length === 2 ? 1 : 2)) return false;
  let size = 1;
  for (const n of shape) size *= n;
  if (size < backend.minElements || size === 0) return false;
  if (operands.some((op, k) => op.dtype !== "float64" || (k > 0 && overlapsPartially(operands[0], op)))) return false;
  const [dims, collapsed] = collapse(shape, operands);
  if (dims.length > NATIVE_MAX_DIMS) return false;
  backend.elementwise(name, dims, collapsed);
  return true;
}
