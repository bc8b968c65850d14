/**
 * The kernel's second thread (a worker): it owns the heartbeat, control and stdin sockets so that they answer
 * while the main thread is busy running a cell, as ipykernel's threads do.
 * - heartbeat: echoes every ping, so clients see a live kernel during `while (true) {}`;
 * - control: `interrupt_request` is answered here by sending SIGINT to our own process (which breaks a
 *   synchronous loop in the main thread), and if the main thread stays stuck, by terminating the JavaScript
 *   it runs through the inspector; every other control message goes to the main thread;
 * - stdin: sends `input_request`s for the main thread, which waits synchronously (`prompt()`), and hands back
 *   the `input_reply` through shared memory.
 */
import { Session as InspectorSession } from "node:inspector";
import { parentPort, workerData } from "node:worker_threads";
import * as zmq from "zeromq";
import { ConnectionInfo, endpoint } from "./connection";
import { SendQueue } from "./send-queue";
import { Session, WireError } from "./wire";
import { InputState, writeInputAnswer } from "./stdin-buffer";
import { isCellRunning, readPulse } from "./main-thread-watch";

/** Messages from the main thread to this one. */
export type ToControlThread =
  | { kind: "send"; channel: "control" | "stdin"; frames: Uint8Array[] }
  | { kind: "input"; frames: Uint8Array[]; requestId: string; answer: SharedArrayBuffer }
  /** The compiler is built: from now on a stuck main thread runs user code and may be terminated. */
  | { kind: "serving" }
  /** The kernel is shutting down: answer with "flushed" once every queued message is handed to ZeroMQ. */
  | { kind: "flush" };

/** Messages from this thread to the main thread. */
export type FromControlThread =
  | { kind: "ready" }
  | { kind: "control"; frames: Uint8Array[] }
  /** The main thread's JavaScript was terminated: the running cell is to be reported interrupted. */
  | { kind: "terminated" }
  | { kind: "flushed" }
  | { kind: "log"; text: string };

export interface ControlThreadData {
  connection: ConnectionInfo;
  /** The main thread's pulse and running cell (main-thread-watch.ts). */
  watch: SharedArrayBuffer;
}

const { connection, watch } = workerData as ControlThreadData;
/** How long the main thread may stay stuck after an interrupt before its JavaScript is terminated. */
const STUCK_MS = 1000;
/** SIGINT is repeated this often until the interrupted cell ends (a first one may come before its `await`). */
const RESIGNAL_MS = 250;
const session = new Session(connection.key, connection.signature_scheme);
const heartbeat = new zmq.Reply();
const control = new zmq.Router();
const stdin = new zmq.Router();
const port = parentPort!;
const senders = {
  control: new SendQueue(control, (error) => log(`control send: ${error}`)),
  stdin: new SendQueue(stdin, (error) => log(`stdin send: ${error}`)),
};
let pendingInput: { requestId: string; answer: SharedArrayBuffer } | undefined;
let serving = false;

function post(message: FromControlThread): void {
  port.postMessage(message);
}

function log(text: string): void {
  post({ kind: "log", text });
}

async function echoHeartbeats(): Promise<void> {
  // A REP socket alternates receive and send, so awaiting each echo is all the ordering it needs.
  for await (const frames of heartbeat) await heartbeat.send(frames);
}

async function serveControl(): Promise<void> {
  for await (const frames of control) {
    let type: string;
    let message;
    try {
      message = session.decode(frames);
      type = message.header.msg_type;
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      log(`control: dropped a message (${error.message})`);
      continue;
    }
    if (type === "interrupt_request") {
      interruptMainThread();
      senders.control.send(session.encode("interrupt_reply", { status: "ok" }, { parent: message }));
    } else {
      // The main thread decodes it again with its own Session (its own replay history).
      post({ kind: "control", frames });
    }
  }
}

/**
 * A cell waiting in `input()` is woken through shared memory and fails with Interrupted; any other cell gets
 * SIGINT, which breaks a synchronous loop (vm `breakOnSigint`) and makes the main thread reject a pending
 * await. Never both: a SIGINT arriving after the input wait has ended would interrupt the next cell.
 */
function interruptMainThread(): void {
  if (pendingInput) {
    writeInputAnswer(pendingInput.answer, InputState.Interrupted, "");
    pendingInput = undefined;
    return;
  }
  process.kill(process.pid, "SIGINT");
  watchInterruptedCell();
}

let watchdog: NodeJS.Timeout | undefined;

/**
 * Follows an interrupt until it took effect: while the cell still runs, SIGINT again; if the main thread's
 * pulse stops for STUCK_MS (a loop no SIGINT reaches), terminate its JavaScript. Done once no cell runs and
 * the main thread is responsive.
 */
function watchInterruptedCell(): void {
  let lastPulse = readPulse(watch);
  let lastPulseChange = Date.now();
  let lastSignal = Date.now();
  let terminated = false;
  clearInterval(watchdog);
  watchdog = setInterval(() => {
    const now = Date.now();
    if (readPulse(watch) !== lastPulse) {
      lastPulse = readPulse(watch);
      lastPulseChange = now;
      terminated = false;
    }
    const stuck = now - lastPulseChange >= STUCK_MS;
    if (!isCellRunning(watch) && !stuck) {
      clearInterval(watchdog);
    } else if (stuck && serving && !terminated) {
      terminated = true;
      terminateMainThreadJavaScript();
    } else if (!stuck && now - lastSignal >= RESIGNAL_MS) {
      lastSignal = now;
      process.kill(process.pid, "SIGINT");
    }
  }, 100);
}

let inspector: InspectorSession | undefined;

/**
 * SIGINT stops only code run directly by vm (breakOnSigint): a loop after an `await`, or in a timer, keeps
 * the main thread busy forever. V8 can end whatever JavaScript runs (as a debugger's "stop" does); the main
 * thread's event loop then goes on, and the kernel reports the cell as interrupted.
 */
function terminateMainThreadJavaScript(): void {
  if (!inspector) {
    inspector = new InspectorSession();
    inspector.connectToMainThread();
  }
  log("the main thread did not stop on SIGINT: terminating its JavaScript");
  inspector.post("Runtime.terminateExecution", (error) => {
    if (error) log(`terminateExecution failed: ${error.message}`);
    else post({ kind: "terminated" });
  });
}

async function serveStdin(): Promise<void> {
  for await (const frames of stdin) {
    try {
      const reply = session.decode(frames);
      const parentId = (reply.parent_header as { msg_id?: string }).msg_id;
      if (reply.header.msg_type !== "input_reply" || !pendingInput || parentId !== pendingInput.requestId) continue;
      writeInputAnswer(pendingInput.answer, InputState.Answered, String(reply.content.value ?? ""));
      pendingInput = undefined;
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      log(`stdin: dropped a message (${error.message})`);
    }
  }
}

port.on("message", (message: ToControlThread) => {
  switch (message.kind) {
    case "send":
      senders[message.channel].send(message.frames);
      break;
    case "input":
      pendingInput = { requestId: message.requestId, answer: message.answer };
      senders.stdin.send(message.frames);
      break;
    case "serving":
      serving = true;
      break;
    case "flush":
      // The sockets stay open: the process ends without tearing ZeroMQ down in this thread (see Kernel.stop).
      void Promise.all([senders.control.drained(), senders.stdin.drained()]).then(() => post({ kind: "flushed" }));
      break;
  }
});

async function main(): Promise<void> {
  await Promise.all([
    heartbeat.bind(endpoint(connection, "hb")),
    control.bind(endpoint(connection, "control")),
    stdin.bind(endpoint(connection, "stdin")),
  ]);
  post({ kind: "ready" });
  await Promise.all([echoHeartbeats(), serveControl(), serveStdin()].map((loop) => loop.catch(socketClosed)));
}

/** The receive loops end with an error when `close` closes their socket; anything else is worth a log line. */
function socketClosed(error: { code?: string }): void {
  if (error.code !== "EAGAIN" && error.code !== "ETERM") log(`control thread: ${String(error)}`);
}

main().catch((error) => log(`control thread failed: ${error?.stack ?? error}`));
