/**
 * What the control thread needs to see of the main thread to interrupt it: a pulse the main thread bumps
 * every PULSE_MS from its event loop (when it stops moving, the main thread is stuck running JavaScript) and
 * whether a cell is running. Shared memory, because a stuck main thread cannot answer messages.
 */

const PULSE_MS = 100;
const PULSE = 0;
const CELL_RUNNING = 1;

/**
 * Memory for the watch, shared between the two threads.
 * @example const watch = createWatch(); startPulse(watch); readPulse(watch) // grows every 100 ms
 */
export function createWatch(): SharedArrayBuffer {
  return new SharedArrayBuffer(8);
}

/**
 * Bumps the pulse from the calling thread's event loop (the timer does not keep the process alive).
 * @example startPulse(watch)
 */
export function startPulse(watch: SharedArrayBuffer): void {
  const state = new Int32Array(watch);
  setInterval(() => Atomics.add(state, PULSE, 1), PULSE_MS).unref();
}

/**
 * The pulse's current value.
 * @example const before = readPulse(watch); setTimeout(() => readPulse(watch) === before && stuck(), 1000)
 */
export function readPulse(watch: SharedArrayBuffer): number {
  return Atomics.load(new Int32Array(watch), PULSE);
}

/**
 * Marks a cell as running (main thread) or not.
 * @example setCellRunning(watch, true); await run(cell); setCellRunning(watch, false);
 */
export function setCellRunning(watch: SharedArrayBuffer, running: boolean): void {
  Atomics.store(new Int32Array(watch), CELL_RUNNING, running ? 1 : 0);
}

/**
 * Whether a cell is running.
 * @example if (isCellRunning(watch)) process.kill(process.pid, "SIGINT")
 */
export function isCellRunning(watch: SharedArrayBuffer): boolean {
  return Atomics.load(new Int32Array(watch), CELL_RUNNING) === 1;
}
