/** A tqdm-style progress bar for training loops: one notebook output updated in place, plain text in a terminal. */
import { display, DisplayHandle, inNotebook } from "./core";
import { RichOutput } from "./rich";

export interface ProgressOptions {
  /** Shown before the counts, e.g. "epoch 3". */
  label?: string;
  /** The number of items, when the iterable does not have a `length`/`size` (generators). */
  total?: number;
  /** Least time between two redraws, in milliseconds (the last one always draws). Default 100. */
  minIntervalMs?: number;
}

const BAR_WIDTH = 24;
const BLOCKS = " ▏▎▍▌▋▊▉█";

/**
 * Wraps an iterable (or `n` for the numbers 0…n-1) so that looping over it shows count, rate and ETA,
 * updated in place (like tqdm.notebook). Works with `for…of`; async iterables with `for await…of`.
 * @example
 * for (const epoch of progress(10, { label: "epoch" })) train(epoch);
 * for (const batch of progress(batches, { label: "batches" })) step(batch);
 */
export function progress(count: number, options?: ProgressOptions): Iterable<number>;
export function progress<T>(items: Iterable<T>, options?: ProgressOptions): Iterable<T>;
export function progress<T>(items: AsyncIterable<T>, options?: ProgressOptions): AsyncIterable<T>;
export function progress<T>(source: number | Iterable<T> | AsyncIterable<T>, options: ProgressOptions = {}): Iterable<unknown> | AsyncIterable<T> {
  if (typeof source === "number") {
    if (!Number.isInteger(source) || source < 0) throw new RangeError(`progress(n) needs a count ≥ 0, got ${source}`);
    return trackSync(range(source), { ...options, total: options.total ?? source });
  }
  const total = options.total ?? sizeOf(source);
  if (Symbol.iterator in source) return trackSync(source, { ...options, total });
  return trackAsync(source, { ...options, total });
}

function* range(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

function sizeOf(source: object): number | undefined {
  const { length, size } = source as { length?: unknown; size?: unknown };
  return typeof length === "number" ? length : typeof size === "number" ? size : undefined;
}

function* trackSync<T>(items: Iterable<T>, options: ProgressOptions): Generator<T> {
  const bar = new ProgressBar(options);
  try {
    for (const item of items) {
      yield item;
      bar.advance();
    }
  } finally {
    bar.finish();
  }
}

async function* trackAsync<T>(items: AsyncIterable<T>, options: ProgressOptions): AsyncGenerator<T> {
  const bar = new ProgressBar(options);
  try {
    for await (const item of items) {
      yield item;
      bar.advance();
    }
  } finally {
    bar.finish();
  }
}

/** The state of one bar and how it draws itself. */
class ProgressBar {
  private done = 0;
  private readonly started = performance.now();
  private lastDrawn = -Infinity;
  private handle: DisplayHandle | undefined;
  private readonly notebook = inNotebook();

  constructor(private readonly options: ProgressOptions) {
    this.draw();
  }

  advance(): void {
    this.done++;
    if (performance.now() - this.lastDrawn >= (this.options.minIntervalMs ?? 100)) this.draw();
  }

  finish(): void {
    this.draw();
    if (!this.notebook) process.stderr.write("\n");
  }

  private draw(): void {
    this.lastDrawn = performance.now();
    const text = this.text();
    if (!this.notebook) {
      process.stderr.write(`\r${text}`);
      return;
    }
    const output = new RichOutput({ "text/plain": text, "text/html": this.html() });
    this.handle = this.handle ? this.handle.update(output) : display(output);
  }

  private stats(): { elapsed: number; rate: number; remaining: number | undefined } {
    const elapsed = (performance.now() - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const { total } = this.options;
    const remaining = total !== undefined && rate > 0 ? Math.max(0, total - this.done) / rate : undefined;
    return { elapsed, rate, remaining };
  }

  /** tqdm's layout: `label: 45%|██████▊        | 45/100 [00:02<00:03, 20.1it/s]`. */
  private text(): string {
    const { label, total } = this.options;
    const { elapsed, rate, remaining } = this.stats();
    const prefix = label ? `${label}: ` : "";
    const timing = `[${formatDuration(elapsed)}${remaining !== undefined ? `<${formatDuration(remaining)}` : ""}, ${formatRate(rate)}]`;
    if (total === undefined || total === 0) return `${prefix}${this.done}it ${timing}`;
    const fraction = Math.min(1, this.done / total);
    return `${prefix}${Math.floor(fraction * 100).toString().padStart(3)}%|${bar(fraction)}| ${this.done}/${total} ${timing}`;
  }

  private html(): string {
    const { label, total } = this.options;
    const { elapsed, rate, remaining } = this.stats();
    const meter = total ? `<progress value="${this.done}" max="${total}" style="width:20em;vertical-align:middle"></progress> ` : "";
    const counts = total ? `${this.done}/${total}` : `${this.done}it`;
    const eta = remaining !== undefined ? `&lt;${formatDuration(remaining)}` : "";
    return `<div style="font-family:monospace">${label ? `${escapeHtml(label)} ` : ""}${meter}${counts} [${formatDuration(elapsed)}${eta}, ${formatRate(rate)}]</div>`;
  }
}

function bar(fraction: number): string {
  const eighths = Math.round(fraction * BAR_WIDTH * 8);
  const full = Math.floor(eighths / 8);
  const partial = eighths % 8 ? BLOCKS[eighths % 8] : "";
  return ("█".repeat(full) + partial).padEnd(BAR_WIDTH);
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mmss = `${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

function formatRate(perSecond: number): string {
  if (perSecond === 0) return "?it/s";
  return perSecond >= 1 ? `${perSecond.toFixed(2)}it/s` : `${(1 / perSecond).toFixed(2)}s/it`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
