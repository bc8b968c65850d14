/**
 * The tsdl kernel: Jupyter messaging protocol 5.3 on ZeroMQ, in the style of ipykernel's kernel base —
 * one handler per message type; replies are `<type>_reply` with what the handler returns, wrapped in
 * busy/idle status. Shell requests run one at a time in arrival order; control requests (from the control
 * thread) are handled as soon as the main thread is free.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import * as zmq from "zeromq";
import { ConnectionInfo, endpoint } from "./connection";
import type { ControlThreadData, FromControlThread, ToControlThread } from "./control-thread";
import { CommManager } from "./comms";
import { CellError, Evaluator } from "./evaluator";
import { History, HistoryRequest } from "./history";
import { IOPub } from "./iopub";
import { createInputBuffer, InputState, readInputAnswer, waitForInput } from "./stdin-buffer";
import { createWatch, setCellRunning, startPulse } from "./main-thread-watch";
import { codeCompleteness, ts, TSLAB_VERSION } from "./tslab";
import { bindKernel } from "./user-api";
import { SendQueue } from "./send-queue";
import { Message, PROTOCOL_VERSION, Session, WireError } from "./wire";
import { display, displaysSent, setDisplaySink, toMimeBundle } from "../lib/display";

const PACKAGE_VERSION: string = require("../../package.json").version;
/** Time for ZeroMQ's I/O threads to send the last messages before the process ends (see Kernel.stop). */
const EXIT_GRACE_MS = 100;

type Channel = "shell" | "control";
/** What a handler returns: the reply's content, or nothing for messages that have no reply (comm_*). */
type Handler = (request: Message, context: { channel: Channel; arrival: number }) => Promise<object | void> | object | void;

/** A cell that asks for help, as in IPython: a name or dotted name followed by `?` or `??`. */
const HELP_REQUEST = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\?\??\s*$/;

/** Thrown by `input()` when the user interrupts while the kernel waits for an answer. */
export class InputInterrupted extends Error {
  override name = "Interrupted";
  constructor() {
    super("input() was interrupted");
  }
}

/**
 * One kernel process: its sockets, its compiler and the state of the notebook's cells.
 * @example await new Kernel(readConnectionFile("/run/jupyter/kernel-1.json"), "/home/me/notebooks").start();
 */
export class Kernel {
  private readonly session: Session;
  private readonly shell = new zmq.Router();
  private readonly shellSender = new SendQueue(this.shell, (error) => this.iopub.log(`shell send failed: ${error}`));
  // No high-water mark: a burst of outputs must not drop messages (a lost "idle" leaves a client waiting forever).
  private readonly iopubSocket = new zmq.Publisher({ sendHighWaterMark: 0 });
  private readonly iopub: IOPub;
  private readonly controlThread: Worker;
  private readonly comms: CommManager;
  private readonly history = new History();
  private evaluator!: Evaluator;
  private executionCount = 0;
  private uncountedRuns = 0;
  /** Shell messages not yet handled, each numbered by arrival. */
  private readonly shellQueue: { frames: Buffer[]; arrival: number }[] = [];
  private arrivals = 0;
  private wakeShellLoop: (() => void) | undefined;
  /** execute_requests that arrived before this number are aborted (a cell failed with stop_on_error). */
  private abortArrivalsBefore = 0;
  /** The execute_request being run: where input_request goes and whether the frontend allows stdin. */
  private currentExecute: { request: Message; allowStdin: boolean } | undefined;
  private stopping = false;
  private onControlFlushed: (() => void) | undefined;
  /** Shared with the control thread, which interrupts through it (main-thread-watch.ts). */
  private readonly watch: SharedArrayBuffer;

  private readonly handlers: Record<string, Handler> = {
    kernel_info_request: () => this.kernelInfo(),
    execute_request: (request, { arrival }) => this.execute(request, arrival),
    complete_request: (request) => this.complete(request),
    inspect_request: (request) => this.inspect(request),
    is_complete_request: (request) => codeCompleteness(request.content.code ?? ""),
    history_request: (request) => ({ status: "ok", history: this.history.query(request.content as HistoryRequest) }),
    comm_info_request: (request) => ({ status: "ok", comms: this.comms.info(request.content.target_name) }),
    comm_open: (request) => this.comms.handleOpen(this.becomeParent(request)),
    comm_msg: (request) => this.comms.handleMessage(this.becomeParent(request), "msg"),
    comm_close: (request) => this.comms.handleMessage(this.becomeParent(request), "close"),
    shutdown_request: (request) => this.shutdown(request),
  };

  constructor(
    private readonly connection: ConnectionInfo,
    private readonly notebookDir: string = process.cwd(),
    /** The process that started the kernel, read as early as possible; the kernel ends when it does. */
    private readonly launcherPid: number = process.ppid,
  ) {
    this.session = new Session(connection.key, connection.signature_scheme);
    this.iopub = new IOPub(this.iopubSocket, this.session, (error) => this.iopub.log(`iopub send failed: ${error}`));
    this.comms = new CommManager((msgType, content, buffers) => this.iopub.publish(msgType, content, this.iopub.parent, buffers));
    this.watch = createWatch();
    startPulse(this.watch);
    const data: ControlThreadData = { connection, watch: this.watch };
    this.controlThread = new Worker(join(__dirname, "control-thread.js"), { workerData: data });
  }

  /**
   * Binds every channel, builds the compiler and serves until shutdown (the process then exits).
   * @example await new Kernel(readConnectionFile(path)).start();
   */
  async start(): Promise<void> {
    const controlReady = new Promise<void>((resolve, reject) => {
      this.controlThread.on("message", (message: FromControlThread) => {
        if (message.kind === "ready") resolve();
        else this.fromControlThread(message);
      });
      this.controlThread.once("error", reject);
    });
    await Promise.all([this.shell.bind(endpoint(this.connection, "shell")), this.iopubSocket.bind(endpoint(this.connection, "iopub"))]);
    this.iopub.status("starting", undefined);
    // SIGINT (sent by a user, or by the control thread for an interrupt_request): a synchronous cell is
    // already broken by vm's breakOnSigint; this rejects a pending await. An interrupt during start-up is ignored.
    process.on("SIGINT", () => this.evaluator?.interrupt());
    // The compiler takes a second or more to build; the control thread starts on the other core meanwhile.
    this.evaluator = new Evaluator(this.notebookDir);
    await controlReady;
    if (this.evaluator.missingGlobals.length) this.iopub.log(`not preloaded: ${this.evaluator.missingGlobals.join("; ")}`);
    for (const d of this.evaluator.preludeErrors) this.iopub.log(`prelude type error ${d.file ?? ""}:${d.line}:${d.column} ${d.message}`);
    this.installProcessHooks();
    this.toControlThread({ kind: "serving" });
    this.exitWithParent();
    void this.receiveShell();
    await this.serveShell();
  }

  private installProcessHooks(): void {
    this.iopub.captureProcessStreams();
    setDisplaySink((data, { displayId, update, metadata }) =>
      this.iopub.publish(update ? "update_display_data" : "display_data", { data, metadata: metadata ?? {}, transient: { display_id: displayId } }),
    );
    bindKernel({ requestInput: (prompt, password) => this.requestInput(prompt, password), comms: this.comms });
    // Errors thrown later by a cell's timers or promises are reported in the notebook, never fatal.
    process.on("uncaughtException", (error) => this.reportBackgroundError("Uncaught", error));
    process.on("unhandledRejection", (reason) => this.reportBackgroundError("Unhandled promise rejection", reason));
  }

  /**
   * A kernel whose launcher (the Jupyter server, a test) died without shutting it down would run forever:
   * when the process is re-parented, it stops, as ipykernel's parent poller does.
   */
  private exitWithParent(): void {
    setInterval(() => {
      if (process.ppid !== this.launcherPid) void this.stop();
    }, 1000).unref();
  }

  private reportBackgroundError(what: string, error: unknown): void {
    const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    this.iopub.write("stderr", `${what}: ${text}\n`);
  }

  private async receiveShell(): Promise<void> {
    try {
      for await (const frames of this.shell) {
        this.shellQueue.push({ frames, arrival: this.arrivals++ });
        this.wakeShellLoop?.();
      }
    } catch (error) {
      if (!this.stopping) this.iopub.log(`shell receive failed: ${error}`);
    }
  }

  private async serveShell(): Promise<void> {
    while (!this.stopping) {
      const next = this.shellQueue.shift();
      if (next) await this.dispatch("shell", next.frames, next.arrival);
      else await new Promise<void>((resolve) => (this.wakeShellLoop = resolve));
    }
  }

  private fromControlThread(message: FromControlThread): void {
    if (message.kind === "log") this.iopub.log(message.text);
    else if (message.kind === "terminated") this.evaluator?.interrupt();
    else if (message.kind === "flushed") this.onControlFlushed?.();
    else if (message.kind === "control") void this.dispatch("control", message.frames.map((f) => Buffer.from(f)), -1);
  }

  /** Decodes, checks and handles one request; bad messages are logged and dropped. */
  private async dispatch(channel: Channel, frames: Buffer[], arrival: number): Promise<void> {
    let request: Message;
    try {
      request = this.session.decode(frames);
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      this.iopub.log(`${channel}: dropped a message (${error.message})`);
      return;
    }
    const type = request.header.msg_type;
    const handler = Object.hasOwn(this.handlers, type) ? this.handlers[type] : undefined;
    this.iopub.status("busy", request);
    try {
      if (!handler) {
        this.iopub.log(`${channel}: no handler for ${type}`);
        return;
      }
      const content = await handler(request, { channel, arrival });
      if (content && type.endsWith("_request")) this.reply(channel, request, content);
    } catch (error) {
      this.iopub.log(`${type} failed: ${error instanceof Error ? error.stack : error}`);
      if (type.endsWith("_request")) this.reply(channel, request, { status: "error", ename: "KernelError", evalue: String(error), traceback: [] });
    } finally {
      this.iopub.status("idle", request);
    }
  }

  private reply(channel: Channel, request: Message, content: object, metadata: Record<string, unknown> = {}): void {
    const frames = this.session.encode(request.header.msg_type.replace(/_request$/, "_reply"), content, { parent: request, metadata });
    if (channel === "shell") this.shellSender.send(frames);
    else this.toControlThread({ kind: "send", channel: "control", frames });
  }

  private toControlThread(message: ToControlThread): void {
    this.controlThread.postMessage(message);
  }

  /**
   * Outputs of user code go to the request that ran it: an execute_request, or a comm message whose handler
   * is user code. Later outputs (timers) go there too until the next such request, as in ipykernel.
   */
  private becomeParent(request: Message): Message {
    this.iopub.parent = request;
    return request;
  }

  private kernelInfo(): object {
    return {
      status: "ok",
      protocol_version: PROTOCOL_VERSION,
      implementation: "tsdl",
      implementation_version: PACKAGE_VERSION,
      language_info: {
        name: "typescript",
        version: ts.version,
        mimetype: "text/typescript",
        file_extension: ".ts",
        pygments_lexer: "typescript",
        // JupyterLab reads `mode`; the classic notebook needs name "javascript" with typescript: true.
        codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
      },
      banner: `tsdl ${PACKAGE_VERSION}: TypeScript ${ts.version} (tslab ${TSLAB_VERSION}) on Node.js ${process.version}`,
      help_links: [
        { text: "TypeScript handbook", url: "https://www.typescriptlang.org/docs/handbook/intro.html" },
        { text: "Node.js API", url: `https://nodejs.org/docs/${process.version}/api/` },
        { text: "NumPy reference (np mirrors it)", url: "https://numpy.org/doc/stable/reference/" },
      ],
      debugger: false,
    };
  }

  private async execute(request: Message, arrival: number): Promise<object> {
    const { code = "", silent = false, user_expressions = {}, allow_stdin = true, stop_on_error = true } = request.content;
    const storeHistory: boolean = request.content.store_history ?? !silent;
    if (arrival < this.abortArrivalsBefore) return { status: "aborted", execution_count: null };
    if (storeHistory && !silent) this.executionCount++;
    const count = this.executionCount;
    this.becomeParent(request);
    this.currentExecute = { request, allowStdin: allow_stdin };
    if (!silent) this.iopub.publish("execute_input", { code, execution_count: count });
    // A synchronous cell blocks the event loop until it ends: hand busy and execute_input to ZeroMQ (whose own
    // thread sends them) first, or front ends show the kernel idle through a long training loop.
    await this.iopub.drained();

    const help = HELP_REQUEST.exec(code);
    if (help) return this.help(help[1], code, count, storeHistory);

    // Stack traces name the cell; cells that take no execution count get a name of their own.
    setCellRunning(this.watch, true);
    const outcome = await this.evaluator.run(code, storeHistory && !silent ? `cell-${count}` : `run-${++this.uncountedRuns}`);
    setCellRunning(this.watch, false);
    let resultText: string | null = null;
    let error: CellError | undefined = outcome.ok ? undefined : outcome.error;
    if (outcome.ok && outcome.hasValue && !silent) {
      try {
        const data = await toMimeBundle(outcome.value);
        if (Object.keys(data).length > 0) {
          resultText = String(data["text/plain"] ?? "");
          this.iopub.publish("execute_result", { execution_count: count, data, metadata: {} });
        }
      } catch (displayError) {
        error = { ename: "DisplayError", evalue: `showing the result failed: ${displayError}`, traceback: [String(displayError)] };
      }
    }
    this.showNewFigures();
    await displaysSent();
    const userExpressions = await this.evaluateUserExpressions(user_expressions);
    this.currentExecute = undefined;
    if (storeHistory) this.history.record(count, code, resultText);
    if (!error) return { status: "ok", execution_count: count, user_expressions: userExpressions, payload: [] };

    this.iopub.publish("error", error);
    if (stop_on_error) {
      // Let the receive loop take in what the client sent before this failure, then abort those cells.
      await new Promise((resolve) => setImmediate(resolve));
      this.abortArrivalsBefore = this.arrivals;
    }
    return { status: "error", execution_count: count, ...error, user_expressions: {} };
  }

  /**
   * A cell `name?` (or `name??`) shows the name's signature and JSDoc, as IPython's help does: a "page" payload,
   * which JupyterLab, Notebook and VS Code show below the cell; an unknown name prints IPython's sentence.
   */
  private help(name: string, code: string, count: number, storeHistory: boolean): object {
    this.currentExecute = undefined;
    if (storeHistory) this.history.record(count, code, null);
    const found = this.evaluator.inspect(name, name.length);
    // A name the checker cannot resolve has the bare type `any` (a declared `any` reads "const x: any").
    if (!found || found.plain === "any") {
      this.iopub.publish("stream", { name: "stdout", text: `Object \`${name}\` not found.\n` });
      return { status: "ok", execution_count: count, user_expressions: {}, payload: [] };
    }
    const page = { source: "page", data: { "text/plain": found.plain, "text/markdown": found.markdown }, start: 0 };
    return { status: "ok", execution_count: count, user_expressions: {}, payload: [page] };
  }

  /** Figures made with plt but not shown explicitly appear after the cell, as matplotlib-inline does. */
  private showNewFigures(): void {
    const plot = loadPlotModule();
    for (const figure of plot?.takeUnshownFigures?.() ?? []) display(figure);
  }

  private async evaluateUserExpressions(expressions: Record<string, string>): Promise<Record<string, object>> {
    const results: Record<string, object> = {};
    for (const [name, expression] of Object.entries(expressions)) {
      const outcome = await this.evaluator.run(expression, `user-expression-${name}`);
      results[name] = outcome.ok
        ? { status: "ok", data: await toMimeBundle(outcome.value), metadata: {} }
        : { status: "error", ...outcome.error };
    }
    return results;
  }

  private complete(request: Message): object {
    const { code, cursor_pos } = request.content;
    const completion = this.evaluator.complete(code, cursor_pos);
    return {
      status: "ok",
      matches: completion.matches,
      cursor_start: completion.cursorStart,
      cursor_end: completion.cursorEnd,
      metadata: { _jupyter_types_experimental: completion.types },
    };
  }

  private inspect(request: Message): object {
    const { code, cursor_pos } = request.content;
    const found = this.evaluator.inspect(code, cursor_pos);
    return found
      ? { status: "ok", found: true, data: { "text/plain": found.plain, "text/markdown": found.markdown }, metadata: {} }
      : { status: "ok", found: false, data: {}, metadata: {} };
  }

  private shutdown(request: Message): object {
    const content = { status: "ok", restart: Boolean(request.content.restart) };
    // Clients that missed the reply learn of the shutdown on IOPub, as from ipykernel.
    this.iopub.publish("shutdown_reply", content, request);
    setImmediate(() => void this.stop());
    return content;
  }

  /** Asks the frontend for a line (stdin channel) and blocks this thread until the control thread has the answer. */
  private requestInput(prompt: string, password: boolean): string {
    if (!this.currentExecute?.allowStdin) {
      throw new Error("input() is not available: this frontend does not accept input (allow_stdin is false)");
    }
    this.iopub.flushStreams();
    const requestId = randomUUID();
    const { request } = this.currentExecute;
    const frames = this.session.encode("input_request", { prompt, password }, { parent: request, msgId: requestId });
    const answer = createInputBuffer();
    this.toControlThread({ kind: "input", frames, requestId, answer });
    let state: InputState;
    // Short slices: a SIGINT ends a wait only when JavaScript runs again.
    while ((state = waitForInput(answer, 50)) === InputState.Waiting);
    if (state === InputState.Interrupted) throw new InputInterrupted();
    return readInputAnswer(answer);
  }

  /**
   * Closes every socket and ends the process (what shutdown_request does).
   * @example await kernel.stop();
   */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const controlFlushed = new Promise<void>((resolve) => (this.onControlFlushed = resolve));
    this.toControlThread({ kind: "flush" });
    await Promise.race([
      Promise.all([controlFlushed, this.iopub.drained(), this.shellSender.drained()]),
      new Promise((resolve) => setTimeout(resolve, 1000)),
    ]);
    this.evaluator?.close();
    // ZeroMQ in a worker thread cannot be torn down safely (zeromq.js issue #411: a worker's exit corrupts
    // the heap now and then), so the process ends without tearing down its threads, once ZeroMQ's I/O
    // threads have had a moment to put the last replies on the wire. SIGTERM, not SIGKILL: Node's own
    // SIGTERM handler first restores the stdio pipes it made non-blocking, which the launcher (Python's
    // jupyter_client, sharing them) would otherwise be left writing to with truncated output.
    setTimeout(() => process.kill(process.pid, "SIGTERM"), EXIT_GRACE_MS);
  }
}

function loadPlotModule(): { takeUnshownFigures?: () => unknown[] } | undefined {
  try {
    return require("../lib/plot");
  } catch (error) {
    if ((error as { code?: string }).code === "MODULE_NOT_FOUND") return undefined;
    throw error;
  }
}
