/**
 * The IOPub side of the kernel: every broadcast message (status, streams, displays, results, errors, comms)
 * goes through `IOPub`, addressed to the request currently being handled (its "parent").
 * Also captures process.stdout/stderr into `stream` messages, batched the way ipykernel's OutStream is.
 */
import type { Publisher } from "zeromq";
import { SendQueue } from "./send-queue";
import { Message, Session } from "./wire";

/** Least time between two stream messages while output keeps coming (ipykernel flushes every 0.2 s). */
const STREAM_FLUSH_MS = 100;
/** A buffer this large is sent at once. */
const STREAM_FLUSH_BYTES = 64 * 1024;

type StreamName = "stdout" | "stderr";
type Write = typeof process.stdout.write;

/**
 * @example
 * const iopub = new IOPub(publisher, session, console.error);
 * iopub.status("busy", request);
 * iopub.publish("execute_result", { execution_count: 1, data: { "text/plain": "2" }, metadata: {} });
 */
export class IOPub {
  /** The request that outputs belong to; outputs after a cell ends (timers) still go to it, as in ipykernel. */
  parent: Message | undefined;
  private readonly buffers: Record<StreamName, string> = { stdout: "", stderr: "" };
  private firstBufferedAt = 0;
  private flushScheduled = false;
  /** The process's own stderr, for the kernel's log lines (they belong in the server's terminal, not the notebook). */
  private readonly originalWrites: Record<StreamName, Write>;
  private readonly queue: SendQueue;

  constructor(
    socket: Publisher,
    private readonly session: Session,
    onSendError: (error: unknown) => void,
  ) {
    this.queue = new SendQueue(socket, onSendError);
    this.originalWrites = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
  }

  /** Sends one message now (pending stream text first, so that outputs keep their order). */
  publish(msgType: string, content: unknown, parent: Message | undefined = this.parent, buffers?: Buffer[]): void {
    if (msgType !== "stream") this.flushStreams();
    this.send(msgType, content, parent, buffers);
  }

  status(state: "busy" | "idle" | "starting", parent: Message | undefined): void {
    this.publish("status", { execution_state: state }, parent);
  }

  /** Routes process.stdout/stderr (console.log included) to the notebook from now on. */
  captureProcessStreams(): void {
    for (const name of ["stdout", "stderr"] as const) {
      process[name].write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
        this.write(name, typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
        const done = typeof encoding === "function" ? encoding : callback;
        if (typeof done === "function") process.nextTick(done as () => void);
        return true;
      }) as Write;
    }
  }

  /** Resolves once every message published so far has been handed to ZeroMQ. @example await iopub.drained() */
  drained(): Promise<void> {
    this.flushStreams();
    return this.queue.drained();
  }

  /** Writes a line to the kernel's real stderr (the Jupyter server's log). */
  log(text: string): void {
    this.originalWrites.stderr(`[tsdl] ${text}\n`);
  }

  write(name: StreamName, text: string): void {
    if (!text) return;
    if (!this.buffers.stdout && !this.buffers.stderr) this.firstBufferedAt = performance.now();
    this.buffers[name] += text;
    // A synchronous loop never yields to the scheduled flush, so long-running output is flushed from here.
    const overdue = performance.now() - this.firstBufferedAt >= STREAM_FLUSH_MS;
    if (overdue || this.buffers[name].length >= STREAM_FLUSH_BYTES) this.flushStreams();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flushStreams());
    }
  }

  flushStreams(): void {
    this.flushScheduled = false;
    for (const name of ["stdout", "stderr"] as const) {
      if (!this.buffers[name]) continue;
      const text = this.buffers[name];
      this.buffers[name] = "";
      this.send("stream", { name, text }, this.parent);
    }
  }

  private send(msgType: string, content: unknown, parent: Message | undefined, buffers?: Buffer[]): void {
    const topic = Buffer.from(`kernel.${this.session.id}.${msgType}`);
    this.queue.send(this.session.encode(msgType, content, { parent, identities: [topic], buffers }));
  }
}
