/**
 * The shared memory through which the control thread hands a user's answer to `prompt()` to the main thread,
 * which waits for it synchronously (a notebook's `input()` blocks like Python's).
 * Layout: Int32 state, Int32 byte length, then the UTF-8 answer.
 */

export enum InputState {
  Waiting = 0,
  Answered = 1,
  Interrupted = 2,
}

const HEADER_BYTES = 8;
/** Longest answer kept; a longer one is cut (nobody types a megabyte into an input box). */
const ANSWER_CAPACITY = 1 << 20;

/**
 * Memory for one pending answer.
 * @example const answer = createInputBuffer(); waitForInput(answer, 50) // InputState.Waiting after 50 ms
 */
export function createInputBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + ANSWER_CAPACITY);
}

/**
 * Stores the answer (control thread side) and wakes the waiting main thread.
 * @example writeInputAnswer(answer, InputState.Answered, "42")
 */
export function writeInputAnswer(buffer: SharedArrayBuffer, state: InputState, text: string): void {
  const header = new Int32Array(buffer, 0, 2);
  const encoded = Buffer.from(text, "utf8").subarray(0, ANSWER_CAPACITY);
  new Uint8Array(buffer, HEADER_BYTES).set(encoded);
  header[1] = encoded.length;
  Atomics.store(header, 0, state);
  Atomics.notify(header, 0);
}

/**
 * Blocks for at most `timeoutMs` until an answer arrives; returns the state seen. Callers wait in short slices
 * so that a SIGINT (which V8 delivers only while JavaScript runs) can end the wait.
 * @example while (waitForInput(answer, 50) === InputState.Waiting) {}
 */
export function waitForInput(buffer: SharedArrayBuffer, timeoutMs: number): InputState {
  const header = new Int32Array(buffer, 0, 2);
  Atomics.wait(header, 0, InputState.Waiting, timeoutMs);
  return Atomics.load(header, 0) as InputState;
}

/**
 * The answer stored by `writeInputAnswer`.
 * @example readInputAnswer(answer) // "42"
 */
export function readInputAnswer(buffer: SharedArrayBuffer): string {
  const length = new Int32Array(buffer, 0, 2)[1];
  return Buffer.from(new Uint8Array(buffer, HEADER_BYTES, length)).toString("utf8");
}
