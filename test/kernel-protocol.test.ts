/**
 * The kernel's protocol, message by message, through our own zeromq client (test/clients/zmq-client.ts)
 * against the built kernel started as `tsdl kernel <connection file>` in a folder without node_modules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ofType, TestKernel } from "./clients/zmq-client";
import { Message } from "../kernel/wire";

const text = (m: Message) => m.content.data?.["text/plain"];
const streamText = (outputs: Message[], name: string) =>
  ofType(outputs, "stream")
    .filter((m) => m.content.name === name)
    .map((m) => m.content.text)
    .join("");

let kernel: TestKernel;
beforeAll(async () => {
  kernel = await TestKernel.start();
});
afterAll(async () => {
  await kernel?.close();
});

describe("kernel_info", () => {
  it("reports tsdl, TypeScript and Node versions", async () => {
    const reply = await kernel.request("shell", "kernel_info_request", {});
    expect(reply.header.msg_type).toBe("kernel_info_reply");
    const { status, protocol_version, implementation, implementation_version, language_info, banner, help_links } = reply.content;
    expect({ status, protocol_version, implementation }).toEqual({ status: "ok", protocol_version: "5.3", implementation: "tsdl" });
    expect(implementation_version).toBe(require("../package.json").version);
    expect(language_info).toMatchObject({ name: "typescript", file_extension: ".ts", mimetype: "text/typescript" });
    expect(language_info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(banner).toContain(process.version);
    expect(help_links.length).toBeGreaterThan(0);
  });

  it("answers on the control channel too", async () => {
    const reply = await kernel.request("control", "kernel_info_request", {});
    expect(reply.content.implementation).toBe("tsdl");
  });
});

describe("execute_request", () => {
  it("publishes execute_input and the last expression as execute_result", async () => {
    const { reply, outputs } = await kernel.execute("const x: number = 41;\nx + 1");
    expect(reply.content.status).toBe("ok");
    const count = reply.content.execution_count;
    expect(ofType(outputs, "execute_input")[0].content).toEqual({ code: "const x: number = 41;\nx + 1", execution_count: count });
    const [result] = ofType(outputs, "execute_result");
    expect(result.content.execution_count).toBe(count);
    expect(result.content.data).toEqual({ "text/plain": "42" });
    const next = await kernel.execute("x * 2");
    expect(next.reply.content.execution_count).toBe(count + 1);
    expect(text(ofType(next.outputs, "execute_result")[0])).toBe("82");
  });

  it("shows values like Node's REPL and no result for statements or undefined", async () => {
    const { outputs } = await kernel.execute("({ a: [1, 'two'], b: new Map([[1, 2]]) })");
    expect(text(ofType(outputs, "execute_result")[0])).toBe("{ a: [ 1, 'two' ], b: Map(1) { 1 => 2 } }");
    for (const code of ["let unused = 1;", "undefined", "void 0"]) {
      expect(ofType((await kernel.execute(code)).outputs, "execute_result")).toEqual([]);
    }
  });

  it("sends stdout and stderr as streams, in a notebook folder without @types/node", async () => {
    const { reply, outputs } = await kernel.execute("console.log('out', process.version); console.error(Buffer.from('err').toString())");
    expect(reply.content.status).toBe("ok");
    expect(streamText(outputs, "stdout")).toBe(`out ${process.version}\n`);
    expect(streamText(outputs, "stderr")).toBe("err\n");
  });

  it("reports a type error with line:column of the cell", async () => {
    const { reply, outputs } = await kernel.execute("const ok = 1;\nconst s: string = ok;");
    expect(reply.content).toMatchObject({ status: "error", ename: "TSError" });
    expect(reply.content.evalue).toBe("cell:2:7 - Type 'number' is not assignable to type 'string'.");
    const [error] = ofType(outputs, "error");
    expect(error.content.ename).toBe("TSError");
    expect(error.content.traceback.join("\n")).toContain("const s: string = ok;");
  });

  it("reports a runtime exception with its name, message and a stack naming cells and their code", async () => {
    const defined = await kernel.execute("function fail(): never {\n  throw new RangeError('too far');\n}");
    const definedIn = `cell ${defined.reply.content.execution_count}`;
    const { reply, outputs } = await kernel.execute("const before = 1;\nfail()");
    const calledIn = `cell ${reply.content.execution_count}`;
    expect(reply.content).toMatchObject({ status: "error", ename: "RangeError", evalue: "too far" });
    const [error] = ofType(outputs, "error");
    expect(error.content.traceback[0]).toContain("too far");
    // ANSI colours aside, the frames name the cell each function was defined in and show its code.
    const frames = error.content.traceback.slice(1).map((line: string) => line.replace(/\u001b\[[\d;]*m/g, ""));
    expect(frames).toEqual([`    at fail (${definedIn}): throw new RangeError('too far');`, `    at (${calledIn}): fail();`]);
  });

  it("reports a thrown non-Error value", async () => {
    const { reply } = await kernel.execute("throw { code: 7 }");
    expect(reply.content).toMatchObject({ status: "error", ename: "Uncaught", evalue: "{ code: 7 }" });
  });

  it("keeps the kernel usable after an out-of-memory sized allocation", async () => {
    const { reply } = await kernel.execute("new Float64Array(1e6 * 1e6)");
    expect(reply.content.status).toBe("error");
    expect(reply.content.ename).toBe("RangeError");
    expect((await kernel.execute("x")).reply.content.status).toBe("ok");
  });

  it("supports top-level await", async () => {
    const { outputs } = await kernel.execute("const later = await new Promise<number>((r) => setTimeout(() => r(5), 20));\nlater * 2");
    expect(text(ofType(outputs, "execute_result")[0])).toBe("10");
  });

  it("announces busy and execute_input before a synchronous cell blocks, not after it", async () => {
    const { msgId, reply } = await kernel.sendExecute("const spinUntil = Date.now() + 1500; while (Date.now() < spinUntil) {}");
    const ofCell = (messages: Message[]) => messages.filter((m) => (m.parent_header as { msg_id?: string }).msg_id === msgId);
    await kernel.waitForIopub((messages) => ofCell(messages).some((m) => m.header.msg_type === "execute_input"), 1000);
    expect(ofCell(kernel.iopubMessages).map((m) => m.content.execution_state ?? m.header.msg_type)).toEqual(["busy", "execute_input"]);
    expect((await reply).content.status).toBe("ok");
  });

  it("honours silent: no execute_input, no result, no new execution count", async () => {
    const before = (await kernel.execute("1")).reply.content.execution_count;
    const silent = await kernel.execute("console.log('still printed'); 2", { silent: true });
    expect(ofType(silent.outputs, "execute_input")).toEqual([]);
    expect(ofType(silent.outputs, "execute_result")).toEqual([]);
    expect(streamText(silent.outputs, "stdout")).toBe("still printed\n");
    expect((await kernel.execute("3")).reply.content.execution_count).toBe(before + 1);
  });

  it("evaluates user_expressions after the cell", async () => {
    const { reply } = await kernel.execute("const ue = 6;", { user_expressions: { double: "ue * 2", broken: "nope" } });
    expect(reply.content.user_expressions.double).toEqual({ status: "ok", data: { "text/plain": "12" }, metadata: {} });
    expect(reply.content.user_expressions.broken).toMatchObject({ status: "error", ename: "TSError" });
  });
});

describe("rich display", () => {
  it("uses a Displayable's bundle (sync or async) for execute_result", async () => {
    const sync = await kernel.execute("({ [Symbol.for('Jupyter.display')]() { return { 'text/html': '<b>x</b>' }; } })");
    expect(ofType(sync.outputs, "execute_result")[0].content.data).toMatchObject({ "text/html": "<b>x</b>" });
    const later = await kernel.execute("({ async [Symbol.for('Jupyter.display')]() { return { 'text/plain': 'later', 'text/markdown': '**later**' }; } })");
    expect(ofType(later.outputs, "execute_result")[0].content.data).toEqual({ "text/plain": "later", "text/markdown": "**later**" });
  });

  it("display() sends display_data and a handle updates it in place", async () => {
    const { outputs } = await kernel.execute("const h = display(md`**one**`);\nh.update(html`<i>two</i>`);\nh");
    const [shown] = ofType(outputs, "display_data");
    const [updated] = ofType(outputs, "update_display_data");
    expect(shown.content.data).toEqual({ "text/markdown": "**one**", "text/plain": "**one**" });
    expect(updated.content.data).toEqual({ "text/html": "<i>two</i>", "text/plain": "<i>two</i>" });
    expect(updated.content.transient.display_id).toBe(shown.content.transient.display_id);
    // The handle as last expression shows nothing.
    expect(ofType(outputs, "execute_result")).toEqual([]);
  });

  it("progress() keeps one output and updates it until the loop ends", async () => {
    const { outputs } = await kernel.execute("let total = 0;\nfor (const i of progress(5, { label: 'steps' })) total += i;\ntotal");
    const ids = new Set([...ofType(outputs, "display_data"), ...ofType(outputs, "update_display_data")].map((m) => m.content.transient.display_id));
    expect(ofType(outputs, "display_data")).toHaveLength(1);
    expect(ids.size).toBe(1);
    const last = ofType(outputs, "update_display_data").at(-1)!;
    expect(last.content.data["text/plain"]).toMatch(/^steps: 100%\|█+\| 5\/5 \[/);
    expect(text(ofType(outputs, "execute_result")[0])).toBe("10");
  });

  it("the display helpers are typed globals", async () => {
    const { reply } = await kernel.execute("const h2: ReturnType<typeof html> = html`<p>`; const t: (typeof timeit) | undefined = undefined;");
    expect(reply.content.status).toBe("ok");
  });
});

describe("completion, inspection, is_complete, history", () => {
  it("completes names with cursor_start/end and kinds", async () => {
    const code = "const longVariableName = 1;\nlongVar";
    const reply = await kernel.request("shell", "complete_request", { code, cursor_pos: code.length });
    expect(reply.content.status).toBe("ok");
    expect(reply.content.matches[0]).toBe("longVariableName");
    expect([reply.content.cursor_start, reply.content.cursor_end]).toEqual([code.length - 7, code.length]);
    const types = reply.content.metadata._jupyter_types_experimental;
    expect(types[0]).toMatchObject({ text: "longVariableName", start: code.length - 7, end: code.length });
  });

  it("counts cursor positions in code points, as Jupyter does", async () => {
    const code = "const smile = '😀😀';\nMath.ma";
    const cursor = [...code].length;
    const reply = await kernel.request("shell", "complete_request", { code, cursor_pos: cursor });
    expect(reply.content.matches).toContain("max");
    expect([reply.content.cursor_start, reply.content.cursor_end]).toEqual([cursor - 2, cursor]);
  });

  it("completes members of values from earlier cells", async () => {
    await kernel.execute("const earlier = { alpha: 1, beta: 'b' };");
    const code = "earlier.";
    const reply = await kernel.request("shell", "complete_request", { code, cursor_pos: code.length });
    expect(reply.content.matches).toEqual(expect.arrayContaining(["alpha", "beta"]));
  });

  it("inspects with signature and JSDoc, as text and markdown", async () => {
    await kernel.execute("/**\n * Adds one.\n * @example addOne(1) // 2\n */\nfunction addOne(n: number): number { return n + 1; }");
    const code = "addOne";
    const reply = await kernel.request("shell", "inspect_request", { code, cursor_pos: code.length, detail_level: 0 });
    expect(reply.content.found).toBe(true);
    expect(reply.content.data["text/plain"]).toContain("function addOne(n: number): number");
    expect(reply.content.data["text/plain"]).toContain("Adds one.");
    expect(reply.content.data["text/markdown"]).toContain("```typescript\nfunction addOne(n: number): number\n```");
    expect(reply.content.data["text/markdown"]).toContain("addOne(1) // 2");
    const nothing = await kernel.request("shell", "inspect_request", { code: "   ", cursor_pos: 1, detail_level: 0 });
    expect(nothing.content).toMatchObject({ status: "ok", found: false });
  });

  it("answers `name?` as IPython does: the signature and JSDoc as a page payload; an unknown name in words", async () => {
    const { reply, outputs } = await kernel.execute("np.linalg.svd?");
    expect(reply.content.status).toBe("ok");
    const [page] = reply.content.payload as { source: string; data: Record<string, string>; start: number }[];
    expect(page.source).toBe("page");
    expect(page.data["text/plain"]).toContain("svd(a: ArrayLike");
    expect(page.data["text/markdown"]).toContain("`np.linalg.svd`");
    expect(outputs.filter((m) => m.header.msg_type !== "execute_input")).toEqual([]);
    const missing = await kernel.execute("noSuchThing??");
    expect(missing.reply.content).toMatchObject({ status: "ok", payload: [] });
    expect(missing.outputs.find((m) => m.header.msg_type === "stream")?.content.text).toBe("Object `noSuchThing` not found.\n");
  });

  it("tells complete, incomplete and invalid code apart", async () => {
    const ask = async (code: string) => (await kernel.request("shell", "is_complete_request", { code })).content;
    expect(await ask("const a = 1;")).toEqual({ status: "complete" });
    expect(await ask("for (let i = 0; i < 3; i++) {")).toEqual({ status: "incomplete", indent: "  " });
    expect((await ask("}")).status).toBe("invalid");
  });

  it("returns the session's inputs from history", async () => {
    await kernel.execute("'history marker'");
    const tail = await kernel.request("shell", "history_request", { hist_access_type: "tail", n: 1, output: false, raw: true });
    expect(tail.content.status).toBe("ok");
    expect(tail.content.history).toEqual([[1, expect.any(Number), "'history marker'"]]);
    const search = await kernel.request("shell", "history_request", { hist_access_type: "search", pattern: "*marker*", output: true, raw: true });
    expect(search.content.history.at(-1)[2]).toEqual(["'history marker'", "'history marker'"]);
  });
});

describe("comms", () => {
  it("opens a comm to a registered target, echoes messages, lists and closes it", async () => {
    await kernel.execute(
      "comms.registerTarget('echo', (comm, open) => {\n  comm.send({ opened: open.data });\n  comm.onMessage(({ data }) => comm.send({ echo: data }));\n});",
    );
    const commId = "comm-1";
    const opened = await kernel.send("shell", "comm_open", { comm_id: commId, target_name: "echo", data: { hello: 1 } });
    const echoed = await kernel.send("shell", "comm_msg", { comm_id: commId, data: { ping: 2 } });
    expect([...opened, ...echoed].map((m) => [m.header.msg_type, m.content.data])).toEqual([
      ["comm_msg", { opened: { hello: 1 } }],
      ["comm_msg", { echo: { ping: 2 } }],
    ]);
    const info = await kernel.request("shell", "comm_info_request", { target_name: "echo" });
    expect(info.header.msg_type).toBe("comm_info_reply");
    expect(info.content.comms).toEqual({ [commId]: { target_name: "echo" } });
    await kernel.send("shell", "comm_close", { comm_id: commId, data: {} });
    expect((await kernel.request("shell", "comm_info_request", {})).content.comms).toEqual({});
  });

  it("closes a comm_open to an unknown target", async () => {
    const outputs = await kernel.send("shell", "comm_open", { comm_id: "comm-2", target_name: "nobody", data: {} });
    expect(ofType(outputs, "comm_close").map((m) => m.content)).toEqual([{ comm_id: "comm-2", data: {} }]);
  });

  it("lets a cell open a comm to the frontend", async () => {
    const { outputs } = await kernel.execute("const c = comms.open('jupyter.widget', { state: 1 }); c.send({ n: 2 }, [Buffer.from([1, 2, 3])]); c.id");
    const [open] = ofType(outputs, "comm_open");
    expect(open.content).toMatchObject({ target_name: "jupyter.widget", data: { state: 1 } });
    const [message] = ofType(outputs, "comm_msg");
    expect(message.content).toEqual({ comm_id: open.content.comm_id, data: { n: 2 } });
    expect(message.buffers.map((b) => [...b])).toEqual([[1, 2, 3]]);
  });
});

describe("stdin", () => {
  it("input() asks the frontend and waits for the answer", async () => {
    kernel.onInputRequest = (request) => {
      expect(request.content).toEqual({ prompt: "Name? ", password: false });
      void kernel.answerInput(request, "Ada");
    };
    const { outputs } = await kernel.execute("const who = input('Name? ');\n`hi ${who}`");
    expect(text(ofType(outputs, "execute_result")[0])).toBe("'hi Ada'");
    kernel.onInputRequest = undefined;
  });

  it("input() fails clearly when the frontend does not allow stdin", async () => {
    const { reply } = await kernel.execute("input('x')", { allow_stdin: false });
    expect(reply.content.status).toBe("error");
    expect(reply.content.evalue).toMatch(/allow_stdin is false/);
  });
});

describe("interrupt", () => {
  it("interrupt_request stops while(true) within a second and keeps earlier variables", async () => {
    await kernel.execute("const survivor = 'still here';");
    const { reply } = await kernel.sendExecute("while (true) {}");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The heartbeat lives in the control thread, so it answers while the main thread spins.
    expect(await kernel.heartbeat()).toBeLessThan(1000);
    const started = performance.now();
    const interruptReply = await kernel.request("control", "interrupt_request", {});
    expect(interruptReply.content.status).toBe("ok");
    const executeReply = await reply;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(executeReply.content).toMatchObject({ status: "error", ename: "Interrupted" });
    expect(text(ofType((await kernel.execute("survivor")).outputs, "execute_result")[0])).toBe("'still here'");
  });

  it("interrupt_request stops a loop that runs after an await (no SIGINT reaches it) within 2 s", async () => {
    await kernel.execute("let progressBeforeLoop = 0;");
    const { reply } = await kernel.sendExecute("await new Promise((r) => setTimeout(r, 10));\nprogressBeforeLoop = 1;\nwhile (true) {}");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    await kernel.request("control", "interrupt_request", {});
    expect((await reply).content).toMatchObject({ status: "error", ename: "Interrupted" });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(kernel.stderr).toMatch(/terminating its JavaScript/);
    const after = await kernel.execute("[survivor, progressBeforeLoop]");
    expect(text(ofType(after.outputs, "execute_result")[0])).toBe("[ 'still here', 1 ]");
  });

  it("SIGINT stops a pending await", async () => {
    const { reply } = await kernel.sendExecute("await new Promise(() => {})");
    await new Promise((resolve) => setTimeout(resolve, 300));
    kernel.process.kill("SIGINT");
    expect((await reply).content).toMatchObject({ status: "error", ename: "Interrupted" });
    expect((await kernel.execute("survivor")).reply.content.status).toBe("ok");
  });

  it("an interrupt ends a pending input()", async () => {
    kernel.onInputRequest = () => void kernel.request("control", "interrupt_request", {});
    const { reply } = await kernel.execute("input('never answered')");
    expect(reply.content).toMatchObject({ status: "error", ename: "Interrupted" });
    kernel.onInputRequest = undefined;
  });
});

describe("robustness", () => {
  it("errors thrown in timers and unhandled rejections are reported, not fatal", async () => {
    await kernel.execute("setTimeout(() => { throw new Error('late timer') }, 10); Promise.reject(new Error('nobody catches'));");
    const stderr = (messages: Message[]) =>
      messages
        .filter((m) => m.header.msg_type === "stream" && m.content.name === "stderr")
        .map((m) => m.content.text)
        .join("");
    await kernel.waitForIopub((messages) => stderr(messages).includes("late timer") && stderr(messages).includes("nobody catches"));
    const after = await kernel.execute("1 + 1");
    expect(after.reply.content, JSON.stringify(after.reply.content)).toMatchObject({ status: "ok" });
  });

  it("a burst of outputs arrives complete and in order (sends never overlap on a socket)", async () => {
    const { outputs } = await kernel.execute("for (let i = 0; i < 2000; i++) display(i);");
    const shown = ofType(outputs, "display_data").map((m) => Number(m.content.data["text/plain"]));
    expect(shown).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  });

  it("a cell sent right after a failing one runs (tslab dropped it for 200 ms)", async () => {
    const failed = await kernel.execute("throw new Error('first')");
    expect(failed.reply.content.status).toBe("error");
    const { reply, outputs } = await kernel.execute("'second'");
    expect(reply.content.status).toBe("ok");
    expect(text(ofType(outputs, "execute_result")[0])).toBe("'second'");
  });

  it("stop_on_error aborts cells queued behind a failure; without it they run", async () => {
    const first = await kernel.sendExecute("await new Promise((r) => setTimeout(r, 100)); throw new Error('stop')");
    const queued = await kernel.sendExecute("'queued'");
    expect((await first.reply).content.status).toBe("error");
    expect((await queued.reply).content.status).toBe("aborted");

    const again = await kernel.sendExecute("await new Promise((r) => setTimeout(r, 100)); throw new Error('go on')", { stop_on_error: false });
    const runs = await kernel.sendExecute("'runs'");
    expect((await again.reply).content.status).toBe("error");
    expect((await runs.reply).content.status).toBe("ok");
  });

  it("drops unsigned, badly signed, replayed and malformed messages and keeps serving", async () => {
    const { Session } = await import("../kernel/wire");
    const stranger = new Session("not-the-key");
    await kernel.sendRaw("shell", stranger.encode("execute_request", { code: "(globalThis as any).hacked = true" }));
    const unsigned = kernel.session.encode("execute_request", { code: "(globalThis as any).hacked = true" });
    unsigned[1] = Buffer.from("");
    await kernel.sendRaw("shell", unsigned);
    await kernel.sendRaw("shell", [Buffer.from("no delimiter"), Buffer.from("{}")]);
    const notJson = kernel.session.encode("kernel_info_request", {});
    notJson[notJson.length - 1] = Buffer.from("{not json");
    await kernel.sendRaw("control", notJson);
    const signed = kernel.session.encode("execute_request", { code: "(globalThis as any).replays = ((globalThis as any).replays ?? 0) + 1" });
    await kernel.sendRaw("shell", signed);
    await kernel.sendRaw("shell", signed);
    const { outputs } = await kernel.execute("[(globalThis as any).hacked, (globalThis as any).replays]");
    expect(text(ofType(outputs, "execute_result")[0])).toBe("[ undefined, 1 ]");
    expect(kernel.stderr).toMatch(/bad signature/);
    expect(kernel.stderr).toMatch(/replayed signature/);
  });
});

describe("shutdown", () => {
  it("shutdown_request with restart: replies on control and IOPub, then the process ends", async () => {
    const reply = await kernel.request("control", "shutdown_request", { restart: true });
    expect(reply.content).toEqual({ status: "ok", restart: true });
    // The kernel ends itself with SIGTERM, skipping ZeroMQ's teardown in its worker thread (see Kernel.stop).
    expect(await kernel.exited()).toEqual({ code: null, signal: "SIGTERM" });
    expect(kernel.stderr).not.toMatch(/corrupted|terminate called/);
    const broadcast = kernel.iopubMessages.find((m) => m.header.msg_type === "shutdown_reply");
    expect(broadcast?.content).toEqual({ status: "ok", restart: true });
  });
});

describe("orphaned kernel", () => {
  it("exits when the process that started it dies", async () => {
    const { spawn } = await import("node:child_process");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { REPO } = await import("./clients/harness");
    const dir = mkdtempSync(join(tmpdir(), "tsdl-orphan-"));
    const ports = { shell_port: 0, iopub_port: 0, stdin_port: 0, control_port: 0, hb_port: 0 };
    // Port 0 binds a random port: enough for a kernel nobody talks to.
    writeFileSync(join(dir, "c.json"), JSON.stringify({ ...ports, ip: "127.0.0.1", transport: "tcp", key: "k" }));
    // bash starts the kernel, prints its pid and exits three seconds later without shutting it down.
    const kernelCommand = `${process.execPath} ${join(REPO, "bin", "tsdl.js")} kernel ${join(dir, "c.json")}`;
    const launcher = spawn("bash", ["-c", `${kernelCommand} >/dev/null 2>&1 & echo $!; sleep 3`]);
    const pid = await new Promise<number>((resolve) => launcher.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim()))));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(true);
    await new Promise((resolve) => launcher.once("exit", resolve));
    const deadline = Date.now() + 20_000;
    while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive()).toBe(false);
  }, 30_000);
});
