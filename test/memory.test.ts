/**
 * np frees dead large arrays promptly (lib/np/memory.ts): a loop that drops a large array per step stays
 * within a bound set by its live arrays instead of holding V8's ~64 MB of dead buffers, and collecting early
 * frees nothing still referenced — views, reshapes and the raw buffer of a dropped array keep its data.
 * Each case runs in a fresh process on the built np (as a user's script loads it), where nothing else
 * allocates.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MALLOC_ENV } from "../kernel/malloc-env";

const ROOT = join(__dirname, "..");
const MiB = 2 ** 20;
/** The arrays the loops below allocate and drop: (1000, 1000) float64. */
const TRANSIENT = 8 * 10 ** 6;
const NATIVE_BUILT = existsSync(join(ROOT, "build", "Release", "tsdl_native.node"));

/** Runs a script in a fresh node process and returns the JSON it prints. */
function run<T>(script: string, env: Record<string, string>): T {
  const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  return JSON.parse(out) as T;
}

const PRELUDE = `
const fs = require("node:fs");
const np = require("./dist/lib/np");
const peak = () => Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))[1]) * 1024;
`;

/**
 * A training-like loop: an 8 MB input kept throughout, parameters replaced every step, an 8 MB gradient
 * dropped every step, each step a function as the course's code is. Reports how far peak resident memory
 * (VmHWM) rose over what the process held before the loop.
 */
const TRAINING = `${PRELUDE}
const X = np.ones([1000, 1000]);
let W = np.ones([100, 1000]).mul(1e-3);
function step() {
  const A = np.maximum(0, W.dot(X));
  const dX = W.T.dot(A);
  W = W.sub(A.dot(dX).mul(1e-9));
}
const before = peak();
for (let i = 0; i < 100; i++) step();
console.log(JSON.stringify({ growth: peak() - before }));
`;

describe.skipIf(!NATIVE_BUILT)("dropped large arrays are freed before they pile up", () => {
  // Measured here: without the collections np asks for, the loop's peak grows by 36–45 MiB (V8 waits for
  // ~64 MB of dead buffers); with them by 17–20 MiB (the gradient, a young-generation budget of dead ones,
  // the product's pack buffers, the context np takes V8's gc from), 27 MiB once on a loaded machine.
  const bound = 4 * TRANSIENT;

  it("in a plain node process", () => {
    expect(run<{ growth: number }>(TRAINING, { TSDL_BACKEND: "native" }).growth / MiB).toBeLessThan(bound / MiB);
  });

  it("under the kernel's malloc settings", () => {
    expect(run<{ growth: number }>(TRAINING, { ...MALLOC_ENV, TSDL_BACKEND: "native" }).growth / MiB).toBeLessThan(bound / MiB);
  });
});

/**
 * An array dropped while views of it live on, then 40 × 16 MB of dropped arrays: the views must still read
 * the array's values, and the dead arrays must have been collected along the way (the peak of live
 * ArrayBuffer bytes over the start).
 */
const VIEWS = `${PRELUDE}
let base = np.arange(10 ** 6).reshape(1000, 1000);
const transposed = base.T;
const row = base.get("3, :");
const stepped = base.get("::7, 1::2");
const flat = base.reshape(-1);
const data = base.data;
const buffer = data.buffer;
base = null;
const start = process.memoryUsage().arrayBuffers;
let top = start;
for (let i = 0; i < 40; i++) {
  np.ones([1000, 1000]).mul(i);
  top = Math.max(top, process.memoryUsage().arrayBuffers);
}
const values = [transposed.item(5, 3), row.item(999), stepped.item(2, 4), flat.item(999999), data[123456], new Float64Array(buffer)[654321]];
transposed.set("7, 3", -1);
values.push(row.item(7), flat.item(3007));
console.log(JSON.stringify({ growth: top - start, values }));
`;

describe.each(NATIVE_BUILT ? ["native", "typescript"] : ["typescript"])("on the %s backend", (backend) => {
  it("views, reshapes and the raw buffer of a dropped array keep its values while dead arrays are collected", () => {
    const { growth, values } = run<{ growth: number; values: number[] }>(VIEWS, { TSDL_BACKEND: backend });
    // Writing through one alias shows through the others: they still share one live buffer.
    expect(values).toEqual([3005, 3999, 14 * 1000 + 9, 999_999, 123_456, 654_321, -1, -1]);
    // V8 alone let 4–7 dead arrays accumulate here; np scavenges once 8 MiB of them are allocated, so
    // between iterations two are left.
    expect(growth / MiB, "dead arrays collected along the way").toBeLessThan((2.5 * TRANSIENT) / MiB);
  });
});
