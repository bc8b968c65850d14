/** IPython's `%timeit` for notebooks: runs a function in loops and reports mean ± std. dev. per loop. */
import { DISPLAY, MimeBundle } from "./core";

export interface TimeitOptions {
  /** How many times the measurement is repeated (IPython's `-r`). Default 7. */
  runs?: number;
  /** Calls per run (IPython's `-n`); by default the smallest of 1, 2, 5, 10, 20, 50, … taking ≥ 0.2 s. */
  loops?: number;
}

/**
 * The timings of one `timeit`, in seconds per loop; shows as IPython's one-line summary.
 * @example timeit(() => a.sum()).mean // 1.2e-5
 */
export class TimeitResult {
  /** Mean time of one call, over the runs. */
  readonly mean: number;
  /** Standard deviation (population, as IPython) of the per-call time over the runs. */
  readonly stdev: number;

  constructor(
    /** Per-call time of each run. */
    readonly timings: readonly number[],
    readonly loops: number,
  ) {
    this.mean = timings.reduce((a, b) => a + b, 0) / timings.length;
    this.stdev = Math.sqrt(timings.reduce((a, t) => a + (t - this.mean) ** 2, 0) / timings.length);
  }

  /** The fastest run's per-call time. */
  get best(): number {
    return Math.min(...this.timings);
  }

  /** `1.23 ms ± 4.5 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)` */
  toString(): string {
    const runs = this.timings.length;
    return (
      `${formatTime(this.mean)} ± ${formatTime(this.stdev)} per loop (mean ± std. dev. of ${runs} run${runs === 1 ? "" : "s"}, ` +
      `${this.loops} loop${this.loops === 1 ? "" : "s"} each)`
    );
  }

  [DISPLAY](): MimeBundle {
    return { "text/plain": this.toString() };
  }
}

/**
 * Times `fn` like IPython's `%timeit`; an async `fn` gives a promise of the result.
 * @example timeit(() => np.dot(a, b))              // 1.23 ms ± 4.5 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)
 * @example await timeit(async () => await load(), { runs: 3, loops: 1 })
 */
export function timeit(fn: () => Promise<unknown>, options?: TimeitOptions): Promise<TimeitResult>;
export function timeit(fn: () => unknown, options?: TimeitOptions): TimeitResult;
export function timeit(fn: () => unknown, options: TimeitOptions = {}): TimeitResult | Promise<TimeitResult> {
  const runs = options.runs ?? 7;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`timeit: runs must be a positive integer, got ${runs}`);
  if (options.loops !== undefined && (!Number.isInteger(options.loops) || options.loops < 1)) {
    throw new RangeError(`timeit: loops must be a positive integer, got ${options.loops}`);
  }
  const first = fn();
  return isThenable(first) ? Promise.resolve(first).then(() => measureAsync(fn as () => Promise<unknown>, runs, options.loops)) : measureSync(fn, runs, options.loops);
}

/** IPython's autorange: 1, 2, 5, 10, 20, 50, … loops until one run takes at least this long. */
const AUTORANGE_SECONDS = 0.2;

function* loopCandidates(): Generator<number> {
  for (let scale = 1; ; scale *= 10) for (const step of [1, 2, 5]) yield step * scale;
}

function measureSync(fn: () => unknown, runs: number, fixedLoops: number | undefined): TimeitResult {
  const timeLoops = (loops: number): number => {
    const start = performance.now();
    for (let i = 0; i < loops; i++) fn();
    return (performance.now() - start) / 1000;
  };
  let loops = fixedLoops ?? 1;
  if (fixedLoops === undefined) {
    for (loops of loopCandidates()) if (timeLoops(loops) >= AUTORANGE_SECONDS) break;
  }
  return new TimeitResult(Array.from({ length: runs }, () => timeLoops(loops) / loops), loops);
}

async function measureAsync(fn: () => Promise<unknown>, runs: number, fixedLoops: number | undefined): Promise<TimeitResult> {
  const timeLoops = async (loops: number): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < loops; i++) await fn();
    return (performance.now() - start) / 1000;
  };
  let loops = fixedLoops ?? 1;
  if (fixedLoops === undefined) {
    for (loops of loopCandidates()) if ((await timeLoops(loops)) >= AUTORANGE_SECONDS) break;
  }
  const timings: number[] = [];
  for (let r = 0; r < runs; r++) timings.push((await timeLoops(loops)) / loops);
  return new TimeitResult(timings, loops);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value != null && typeof (value as PromiseLike<unknown>).then === "function";
}

/** IPython's `_format_time`: three significant digits in s, ms, µs or ns. */
function formatTime(seconds: number): string {
  const units: [string, number][] = [["s", 1], ["ms", 1e-3], ["µs", 1e-6], ["ns", 1e-9]];
  const [unit, scale] = units.find(([, s]) => seconds >= s) ?? units[units.length - 1];
  return `${Number((seconds / scale).toPrecision(3))} ${unit}`;
}
