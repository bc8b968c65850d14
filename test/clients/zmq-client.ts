/**
 * A small Jupyter client on zeromq for protocol tests: starts `tsdl kernel` with a connection file of its
 * own, talks on every channel, and collects IOPub messages per request.
 */
import { ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zmq from "zeromq";
import { Message, Session } from "../../kernel/wire";
import { ConnectionInfo, endpoint, localConnection } from "../../kernel/connection";
import { REPO, assertBuilt } from "./harness";
import { MALLOC_ENV } from "../../kernel/malloc-env";

export interface ExecuteResult {
  reply: Message;
  /** IOPub messages whose parent is the request, in order, between busy and idle (status excluded). */
  outputs: Message[];
}

export class TestKernel {
  readonly session: Session;
  readonly process: ChildProcess;
  stderr = "";
  private readonly shell = new zmq.Dealer();
  private readonly control = new zmq.Dealer();
  private readonly stdin = new zmq.Dealer();
  private readonly iopub = new zmq.Subscriber({ receiveHighWaterMark: 0 });
  /** Every IOPub message received so far. */
  readonly iopubMessages: Message[] = [];
  private readonly replies = new Map<string, (m: Message) => void>();
  private readonly iopubWaiters: (() => void)[] = [];
  /** Called for each input_request on stdin. */
  onInputRequest: ((request: Message) => void) | undefined;

  private constructor(
    readonly connection: ConnectionInfo,
    readonly cwd: string,
  ) {
    this.session = new Session(connection.key, connection.signature_scheme);
    this.process = spawn(process.execPath, [join(REPO, "bin", "tsdl.js"), "kernel", join(cwd, "connection.json")], {
      cwd,
      // As the kernelspec's env does when Jupyter starts the kernel.
      env: { ...process.env, ...MALLOC_ENV },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.process.stderr!.on("data", (chunk) => (this.stderr += chunk));
    this.process.stdout!.on("data", (chunk) => (this.stderr += chunk));
    const identity = Buffer.from(this.session.id);
    for (const socket of [this.shell, this.control, this.stdin]) socket.routingId = identity.toString();
  }

  /** Starts a kernel in a fresh temporary folder (no node_modules around it) and waits for kernel_info. */
  static async start(options: { cwd?: string } = {}): Promise<TestKernel> {
    assertBuilt();
    const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), "tsdl-kernel-"));
    const connection = await localConnection();
    writeFileSync(join(cwd, "connection.json"), JSON.stringify(connection));
    const kernel = new TestKernel(connection, cwd);
    await kernel.connect();
    return kernel;
  }

  private async connect(): Promise<void> {
    this.shell.connect(endpoint(this.connection, "shell"));
    this.control.connect(endpoint(this.connection, "control"));
    this.stdin.connect(endpoint(this.connection, "stdin"));
    this.iopub.connect(endpoint(this.connection, "iopub"));
    this.iopub.subscribe();
    void this.receive(this.shell);
    void this.receive(this.control);
    void this.receiveStdin();
    void this.receiveIopub();
    // The kernel binds only after start-up, and an IOPub subscription takes a moment to reach it: retry
    // kernel_info until both its reply and its idle status arrive (as jupyter_client's wait_for_ready does).
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (!this.running()) throw new Error(`kernel exited: ${this.stderr}`);
      const reply = await this.request("shell", "kernel_info_request", {}, 2000).catch(() => undefined);
      const requestId = (reply?.parent_header as { msg_id?: string } | undefined)?.msg_id;
      if (requestId && (await this.outputsOf(requestId, 1000).then(() => true, () => false))) return;
    }
    throw new Error(`kernel did not answer kernel_info: ${this.stderr}`);
  }

  private async receive(socket: zmq.Dealer): Promise<void> {
    try {
      for await (const frames of socket) {
        const message = this.session.decode(frames);
        const parentId = (message.parent_header as { msg_id?: string }).msg_id ?? "";
        this.replies.get(parentId)?.(message);
        this.replies.delete(parentId);
      }
    } catch {
      // The socket was closed.
    }
  }

  private async receiveStdin(): Promise<void> {
    try {
      for await (const frames of this.stdin) this.onInputRequest?.(this.session.decode(frames));
    } catch {
      // closed
    }
  }

  private async receiveIopub(): Promise<void> {
    try {
      for await (const frames of this.iopub) {
        this.iopubMessages.push(this.session.decode(frames));
        for (const wake of this.iopubWaiters.splice(0)) wake();
      }
    } catch {
      // closed
    }
  }

  /** Sends raw frames on a channel (for malformed-message tests). */
  async sendRaw(channel: "shell" | "control", frames: Buffer[]): Promise<void> {
    await (channel === "shell" ? this.shell : this.control).send(frames);
  }

  /**
   * Sends a message that has no reply (comm_open, comm_msg, comm_close) and resolves with its IOPub outputs
   * once the kernel reports it idle.
   */
  async send(channel: "shell" | "control", msgType: string, content: object): Promise<Message[]> {
    const msgId = randomUUID();
    await (channel === "shell" ? this.shell : this.control).send(this.session.encode(msgType, content, { msgId }));
    return this.outputsOf(msgId);
  }

  /** Resolves once an IOPub message satisfying `predicate` has arrived (IOPub is not ordered with shell replies). */
  async waitForIopub(predicate: (messages: Message[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.iopubMessages)) {
      if (Date.now() > deadline) throw new Error("the expected IOPub message did not arrive");
      await new Promise<void>((resolve) => {
        this.iopubWaiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Sends a request and resolves with its reply (rejects after `timeoutMs`). */
  async request(channel: "shell" | "control", msgType: string, content: object, timeoutMs = 30_000): Promise<Message> {
    const msgId = randomUUID();
    const reply = new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replies.delete(msgId);
        reject(new Error(`no reply to ${msgType} within ${timeoutMs} ms; kernel log: ${this.stderr}`));
      }, timeoutMs);
      this.replies.set(msgId, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
    await (channel === "shell" ? this.shell : this.control).send(this.session.encode(msgType, content, { msgId }));
    return reply;
  }

  /** Sends an execute_request without waiting; returns its msg_id. */
  async sendExecute(code: string, options: object = {}): Promise<{ msgId: string; reply: Promise<Message> }> {
    const msgId = randomUUID();
    const reply = new Promise<Message>((resolve) => this.replies.set(msgId, resolve));
    await this.shell.send(this.session.encode("execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: true, stop_on_error: true, ...options }, { msgId }));
    return { msgId, reply };
  }

  /** Runs a cell and returns its reply and outputs. */
  async execute(code: string, options: object = {}): Promise<ExecuteResult> {
    const { msgId, reply } = await this.sendExecute(code, options);
    const message = await withTimeout(reply, 60_000, `execute ${JSON.stringify(code)}; kernel log: ${this.stderr}`);
    return { reply: message, outputs: await this.outputsOf(msgId) };
  }

  /** IOPub messages (except status) of one request, once its idle status arrived. */
  async outputsOf(msgId: string, timeoutMs = 30_000): Promise<Message[]> {
    const deadline = Date.now() + timeoutMs;
    const ofRequest = () => this.iopubMessages.filter((m) => (m.parent_header as { msg_id?: string }).msg_id === msgId);
    while (!ofRequest().some((m) => m.header.msg_type === "status" && m.content.execution_state === "idle")) {
      if (Date.now() > deadline) throw new Error(`no idle status for ${msgId}`);
      await new Promise<void>((resolve) => {
        this.iopubWaiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return ofRequest().filter((m) => m.header.msg_type !== "status");
  }

  /** Answers the stdin input_request `request` with `value`. */
  async answerInput(request: Message, value: string): Promise<void> {
    await this.stdin.send(this.session.encode("input_reply", { value }, { parent: request, identities: [] }));
  }

  /** One heartbeat round trip; resolves with its duration in ms. */
  async heartbeat(timeoutMs = 2000): Promise<number> {
    const socket = new zmq.Request({ receiveTimeout: timeoutMs });
    socket.connect(endpoint(this.connection, "hb"));
    const started = performance.now();
    try {
      await socket.send("ping");
      const [echo] = await socket.receive();
      if (echo.toString() !== "ping") throw new Error("heartbeat echoed something else");
      return performance.now() - started;
    } finally {
      socket.close();
    }
  }

  /** Resolves with how the kernel process ended: its exit code, or the signal that ended it. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.running()) return Promise.resolve({ code: this.process.exitCode, signal: this.process.signalCode });
    return new Promise((resolve) => this.process.once("exit", (code, signal) => resolve({ code, signal })));
  }

  running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Ends the kernel (politely if it still answers) and closes our sockets. */
  async close(): Promise<void> {
    if (this.running()) {
      await this.request("control", "shutdown_request", { restart: false }, 5000).catch(() => undefined);
      await Promise.race([this.exited(), new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (this.running()) this.process.kill("SIGKILL");
    }
    for (const socket of [this.shell, this.control, this.stdin, this.iopub]) socket.close();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The outputs of one type, e.g. `ofType(outputs, "stream")`. */
export function ofType(outputs: Message[], msgType: string): Message[] {
  return outputs.filter((m) => m.header.msg_type === msgType);
}
