/**
 * Prompt release of dead large arrays.
 *
 * numpy frees an array the moment its last reference goes (reference counting). V8 frees an ArrayBuffer's
 * memory only when a garbage collection finds the buffer dead, and schedules collections by its own heap,
 * where a large array is a 100-byte object: the buffers' bytes count only towards a full collection, once
 * ~64 MB of them have accumulated since the last one. A training loop that drops a 12.5 MB gradient every
 * iteration thus holds five dead ones, and glibc keeps their pages resident.
 *
 * So np counts the bytes of the large arrays it allocates. Once they pass `YOUNG_BUDGET` since the last
 * collection, it has V8 collect the young generation before the next large allocation (a scavenge: 0.1–0.5 ms
 * in a script, 1–4 ms in the kernel, in proportion to the surviving young objects, not to the heap): arrays
 * that died young are freed, and the allocation about to happen reuses their memory. Arrays alive at two
 * scavenges (or at a full collection) move to the old generation, which only a full collection frees; np runs
 * one after a scavenge when the bytes of live ArrayBuffers have grown since the last one by half the memory
 * live then (at least `OLD_BUDGET`), so that the cost of full collections (5 ms in a script, 85 ms in
 * the kernel), which grows with the live heap, stays in proportion to the memory allocated, as with V8's own
 * heap growing. Scavenges may take a tenth of the time at most and full collections a twentieth: where
 * temporaries outlive a few large allocations (elementwise chains on arrays near the budget's size),
 * scavenges promote them, and uncapped full collections doubled the time of such a loop.
 *
 * A collection never frees anything still referenced (a view keeps its buffer alive like any JS reference);
 * it only moves forward the moment V8 would have freed dead buffers. Where V8's `gc` cannot be obtained, np
 * allocates as before.
 */
import * as v8 from "node:v8";
import * as vm from "node:vm";

/** Large-array bytes allocated between scavenges: about the size of V8's young generation. */
const YOUNG_BUDGET = 8 * 2 ** 20;
/** The least growth of ArrayBuffer bytes that warrants a full collection. */
const OLD_BUDGET = 8 * 2 ** 20;
/** Growth of ArrayBuffer bytes, as a fraction of the memory live after a full collection, that warrants the next. */
const OLD_GROWTH = 0.5;
/** The shares of time np's scavenges and full collections may take, averaged over `GC_WINDOW` ms. */
const SCAVENGE_SHARE = 0.1;
const FULL_SHARE = 0.05;
const GC_WINDOW = 1000;

type GC = (options?: { type: "minor" }) => void;

/** V8's `gc`: the global of `node --expose-gc`, else one obtained for np alone; null if V8 refuses. */
function obtainGC(): GC | null {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === "function") return global as GC;
  try {
    // V8 installs `gc` in contexts created while the flag is set: one context for np, none for user code.
    v8.setFlagsFromString("--expose-gc");
    try {
      const gc: unknown = vm.runInNewContext("gc");
      return typeof gc === "function" ? (gc as GC) : null;
    } finally {
      v8.setFlagsFromString("--no-expose-gc");
    }
  } catch {
    return null;
  }
}

/**
 * Bytes of ArrayBuffers not yet freed: Node's allocator counts them as it frees them, while V8's own
 * external-memory figure lags behind a scavenge's frees (it was seen to catch up only at a full collection).
 */
function arrayBufferBytes(): number {
  return process.memoryUsage().arrayBuffers;
}

/**
 * A share of the time, averaged over `GC_WINDOW` ms, that a kind of collection may take: the time accrues
 * as time passes and each collection spends what it took.
 */
class TimeShare {
  private allowance = 0;
  private last = performance.now();

  constructor(private readonly share: number) {}

  allows(): boolean {
    const now = performance.now();
    this.allowance = Math.min(this.allowance + this.share * (now - this.last), this.share * GC_WINDOW);
    this.last = now;
    return this.allowance >= 0;
  }

  /** Runs `collection` and charges the time it took. */
  spend(collection: () => void): void {
    const started = performance.now();
    collection();
    this.allowance -= performance.now() - started;
  }
}

let gc: GC | null | undefined;
let sinceScavenge = 0;
/** ArrayBuffer bytes after the last full collection, and the growth over them that triggers the next. */
let baseline = 0;
let oldBudget = OLD_BUDGET;
const scavenges = new TimeShare(SCAVENGE_SHARE);
const fullCollections = new TimeShare(FULL_SHARE);

function rebase(): void {
  const { arrayBuffers, heapUsed } = process.memoryUsage();
  baseline = arrayBuffers;
  oldBudget = Math.max(OLD_BUDGET, OLD_GROWTH * (arrayBuffers + heapUsed));
}

/**
 * Called by `allocate` before it allocates a large buffer of `bytes`: collects the garbage that buffer may
 * reuse once large allocations since the last collection pass the budget (see the module comment).
 */
export function beforeLargeAllocation(bytes: number): void {
  sinceScavenge += bytes;
  if (sinceScavenge <= YOUNG_BUDGET) return;
  sinceScavenge = 0;
  if (gc === undefined) {
    gc = obtainGC();
    if (gc) rebase();
  }
  if (!gc || !scavenges.allows()) return;
  const collect = gc;
  scavenges.spend(() => collect({ type: "minor" }));
  if (arrayBufferBytes() - baseline > oldBudget && fullCollections.allows()) {
    // Without options: a full collection in every V8 (Node 20's scavenges for { type: "major" }).
    fullCollections.spend(() => collect());
    rebase();
  }
}
