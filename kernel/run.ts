/**
 * `tsdl run <notebooks…> [--inplace]`: executes notebooks top to bottom through the tsdl kernel, like
 * `jupyter nbconvert --to notebook --execute`, printing one progress line per cell and stopping at the
 * first error with the cell and its traceback.
 */
import { ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import * as zmq from "zeromq";
import { ConnectionInfo, endpoint, localConnection } from "./connection";
import { MALLOC_ENV } from "./malloc-env";
import { Message, Session } from "./wire";

/** One nbformat 4 output. */
type Output = Record<string, unknown> & { output_type: string };

interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
  execution_count?: number | null;
}

/** nbformat stores multi-line text as a list of lines; JSON mime types stay objects. */
function splitLines(value: unknown): unknown {
  return typeof value === "string" ? value.split(/(?<=\n)/) : value;
}

function mimeBundle(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([mime, value]) => [mime, mime.endsWith("json") ? value : splitLines(value)]));
}

/** A kernel started for one notebook, with a shell and an IOPub connection. */
class NotebookKernel {
  private readonly shell = new zmq.Dealer();
  private readonly control = new zmq.Dealer();
  private readonly iopub = new zmq.Subscriber();
  private readonly pending = new Map<string, { reply?: Message; outputs: Message[]; idle: boolean; done: () => void }>();
  private log = "";

  private constructor(
    private readonly session: Session,
    private readonly connection: ConnectionInfo,
    private readonly process: ChildProcess,
    private readonly folder: string,
  ) {}

  /** Starts `tsdl kernel` with `cwd` as its working folder (the notebook's, as Jupyter does). */
  static async start(cwd: string): Promise<NotebookKernel> {
    const folder = mkdtempSync(join(tmpdir(), "tsdl-run-"));
    const connection = await localConnection();
    writeFileSync(join(folder, "connection.json"), JSON.stringify(connection));
    const child = spawn(process.execPath, [join(__dirname, "..", "..", "bin", "tsdl.js"), "kernel", join(folder, "connection.json")], {
      cwd,
      // As the kernelspec's env does when Jupyter starts the kernel.
      env: { ...process.env, ...MALLOC_ENV },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const kernel = new NotebookKernel(new Session(connection.key, connection.signature_scheme), connection, child, folder);
    child.stdout!.on("data", (chunk) => (kernel.log += chunk));
    child.stderr!.on("data", (chunk) => (kernel.log += chunk));
    await kernel.connect();
    return kernel;
  }

  private async connect(): Promise<void> {
    this.shell.routingId = this.session.id;
    this.shell.connect(endpoint(this.connection, "shell"));
    this.control.connect(endpoint(this.connection, "control"));
    this.iopub.connect(endpoint(this.connection, "iopub"));
    this.iopub.subscribe();
    void this.listen(this.shell, (request, message) => (request.reply = message));
    void this.listen(this.iopub, (request, message) => {
      if (message.header.msg_type === "status") request.idle = message.content.execution_state === "idle";
      else request.outputs.push(message);
    });
    // The kernel binds after start-up and a subscription takes a moment: retry kernel_info until its idle arrives.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) throw new Error(`the kernel exited during start-up:\n${this.log}`);
      if (await this.request("kernel_info_request", {}, 2000).then(() => true, () => false)) return;
    }
    throw new Error(`the kernel did not answer within 60 s:\n${this.log}`);
  }

  private async listen(socket: zmq.Dealer | zmq.Subscriber, record: (request: { reply?: Message; outputs: Message[]; idle: boolean }, message: Message) => void) {
    try {
      for await (const frames of socket) {
        const message = this.session.decode(frames);
        const request = this.pending.get((message.parent_header as { msg_id?: string }).msg_id ?? "");
        if (!request) continue;
        record(request, message);
        if (request.reply && request.idle) request.done();
      }
    } catch {
      // The socket was closed at shutdown.
    }
  }

  /** Sends a shell request; resolves with its reply and IOPub outputs once the kernel is idle again. */
  async request(msgType: string, content: object, timeoutMs = 0): Promise<{ reply: Message; outputs: Message[] }> {
    const msgId = randomUUID();
    const finished = new Promise<{ reply: Message; outputs: Message[] }>((resolveRequest, reject) => {
      const request = { outputs: [] as Message[], idle: false, reply: undefined as Message | undefined, done: () => {} };
      const timer = timeoutMs ? setTimeout(() => (this.pending.delete(msgId), reject(new Error(`${msgType} timed out`))), timeoutMs) : undefined;
      const exited = () => reject(new Error(`the kernel died:\n${this.log}`));
      this.process.once("exit", exited);
      request.done = () => {
        clearTimeout(timer);
        this.process.off("exit", exited);
        this.pending.delete(msgId);
        resolveRequest({ reply: request.reply!, outputs: request.outputs });
      };
      this.pending.set(msgId, request);
    });
    await this.shell.send(this.session.encode(msgType, content, { msgId }));
    return finished;
  }

  /**
   * Interrupts the running cell as Jupyter's interrupt button does (the kernelspec's interrupt_mode is
   * "message"): the kernel's control thread stops even a loop that SIGINT cannot reach.
   */
  async interrupt(): Promise<void> {
    await this.control.send(this.session.encode("interrupt_request", {}));
  }

  async shutdown(): Promise<void> {
    await this.request("shutdown_request", { restart: false }, 5000).catch(() => undefined);
    this.shell.close();
    this.control.close();
    this.iopub.close();
    if (this.process.exitCode === null) this.process.kill();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** Turns the IOPub messages of one execution into nbformat outputs (consecutive stream text merged). */
function toOutputs(messages: Message[]): Output[] {
  const outputs: Output[] = [];
  let clearPending = false;
  for (const { header, content } of messages) {
    const type = header.msg_type;
    if (type === "clear_output") {
      if (content.wait) clearPending = true;
      else outputs.length = 0;
      continue;
    }
    if (!["stream", "display_data", "execute_result", "error"].includes(type)) continue;
    if (clearPending) (outputs.length = 0), (clearPending = false);
    const last = outputs[outputs.length - 1];
    if (type === "stream" && last?.output_type === "stream" && last.name === content.name) last.text = (last.text as string) + content.text;
    else if (type === "stream") outputs.push({ output_type: "stream", name: content.name, text: content.text });
    else if (type === "error") outputs.push({ output_type: "error", ename: content.ename, evalue: content.evalue, traceback: content.traceback });
    else {
      const output: Output = { output_type: type, data: mimeBundle(content.data), metadata: content.metadata ?? {} };
      if (type === "execute_result") output.execution_count = content.execution_count;
      outputs.push(output);
    }
  }
  for (const output of outputs) if (output.output_type === "stream") output.text = splitLines(output.text);
  return outputs;
}

/** A wrong command line (the CLI prints the usage). */
export class RunUsageError extends Error {}

const source = (cell: NotebookCell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);

/**
 * Executes one notebook through a fresh tsdl kernel and writes it with its outputs (to `path` itself with
 * `inplace`, else next to it as `<name>.nbconvert.ipynb`, as nbconvert names it). Resolves to whether every
 * cell ran without error; a failing cell stops the run, and the notebook is written up to it. A cell still
 * running after `timeoutSeconds` is interrupted and counts as failed, its traceback showing where it was.
 * @example await runNotebook("notebooks/1.2-logistic-regression.ipynb", { inplace: true }) // true
 */
export async function runNotebook(path: string, { inplace = false, timeoutSeconds = 0 } = {}): Promise<boolean> {
  const notebook = JSON.parse(readFileSync(path, "utf8")) as { cells: NotebookCell[] };
  const codeCells = notebook.cells.filter((cell) => cell.cell_type === "code");
  for (const cell of codeCells) (cell.outputs = []), (cell.execution_count = null);
  const started = Date.now();
  console.error(`${path}: ${codeCells.length} code cells`);
  const kernel = await NotebookKernel.start(dirname(resolve(path)));
  let failed: { cell: NotebookCell; error: Output } | undefined;
  try {
    for (const [index, cell] of codeCells.entries()) {
      const cellStarted = Date.now();
      const code = source(cell);
      const execution = kernel.request("execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
      let timedOut = false;
      const { reply, outputs } = await withinSeconds(execution, timeoutSeconds, () => {
        timedOut = true;
        void kernel.interrupt();
        return withinSeconds(execution, INTERRUPT_GRACE_SECONDS, () => {
          throw new Error(`cell ${index + 1} did not finish within ${timeoutSeconds} s, nor stop within ${INTERRUPT_GRACE_SECONDS} s of an interrupt:\n${code}`);
        });
      });
      cell.execution_count = reply.content.execution_count ?? null;
      cell.outputs = toOutputs(outputs);
      const seconds = ((Date.now() - cellStarted) / 1000).toFixed(1);
      const done = Math.round(((index + 1) / codeCells.length) * 20);
      const ok = reply.content.status === "ok" && !timedOut;
      console.error(`  [${"#".repeat(done)}${".".repeat(20 - done)}] cell ${index + 1}/${codeCells.length} ${ok ? "ok" : timedOut ? "TIMEOUT" : "ERROR"} ${seconds} s`);
      if (!ok) {
        const error = cell.outputs.find((output) => output.output_type === "error") ?? { output_type: "error", ename: reply.content.ename, evalue: reply.content.evalue, traceback: reply.content.traceback ?? [] };
        if (timedOut) {
          const traceback = (error.traceback as string[] | undefined) ?? [];
          error.traceback = [`the cell did not finish within ${timeoutSeconds} s (tsdl run --timeout) and was interrupted:`, ...traceback];
        }
        failed = { cell, error };
        break;
      }
    }
  } finally {
    await kernel.shutdown();
  }
  const target = inplace ? path : join(dirname(path), `${basename(path, ".ipynb")}.nbconvert.ipynb`);
  writeFileSync(target, JSON.stringify(notebook, null, 1) + "\n");
  if (failed) {
    const traceback = (failed.error.traceback as string[] | undefined)?.join("\n") || `${failed.error.ename}: ${failed.error.evalue}`;
    console.error(`\nAn error occurred while executing the following cell:\n------------------\n${source(failed.cell)}\n------------------\n\n${traceback}\n`);
    console.error(`wrote ${target} (up to the failing cell)`);
    return false;
  }
  console.error(`wrote ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** How long an interrupted cell may take to stop before the run gives up on the kernel. */
const INTERRUPT_GRACE_SECONDS = 10;

/** `promise`, or what `onTimeout` gives if it has not settled within `seconds` (0: no limit). */
function withinSeconds<T>(promise: Promise<T>, seconds: number, onTimeout: () => Promise<T>): Promise<T> {
  if (!seconds) return promise;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolveLate, rejectLate) => {
    timer = setTimeout(() => Promise.resolve().then(onTimeout).then(resolveLate, rejectLate), seconds * 1000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * The `run` command: executes each notebook in turn and stops at the first one that fails.
 * @example await runCommand(["notebooks/00-numpy-in-typescript.ipynb", "--inplace", "--timeout", "120"]) // 0
 */
export async function runCommand(args: string[]): Promise<number> {
  let inplace = false;
  let timeoutSeconds = 0;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--inplace") inplace = true;
    else if (args[i] === "--timeout") {
      timeoutSeconds = Number(args[++i]);
      if (!(timeoutSeconds > 0)) throw new RunUsageError(`--timeout needs a number of seconds per cell, not ${args[i] === undefined ? "nothing" : `"${args[i]}"`}`);
    } else if (args[i].startsWith("-")) throw new RunUsageError(`unknown option ${args[i]}`);
    else paths.push(args[i]);
  }
  if (paths.length === 0) throw new RunUsageError("name at least one notebook");
  for (const path of paths) if (!(await runNotebook(path, { inplace, timeoutSeconds }))) return 1;
  return 0;
}
