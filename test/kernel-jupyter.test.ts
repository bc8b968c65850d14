/**
 * The kernel as Jupyter runs it: the kernelspec written by `tsdl install --prefix`, found through
 * JUPYTER_PATH and started by jupyter_client and nbclient from the project's virtualenv, in a folder
 * without node_modules.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { installIntoTempPrefix, REPO, runPythonClient } from "./clients/harness";
import { MALLOC_ENV } from "../kernel/malloc-env";

let env: Record<string, string>;
let notebookDir: string;
let kernelDir: string;

beforeAll(() => {
  const { prefix, jupyterPath } = installIntoTempPrefix();
  kernelDir = join(prefix, "share", "jupyter", "kernels", "tsdl");
  // JUPYTER_PATH comes first in Jupyter's search, so a tsdl kernelspec installed elsewhere cannot shadow this one.
  env = { JUPYTER_PATH: jupyterPath, JUPYTER_DATA_DIR: mkdtempSync(join(tmpdir(), "tsdl-jupyter-data-")) };
  notebookDir = mkdtempSync(join(tmpdir(), "tsdl-notebook-"));
});

const outputTypes = (outputs: [string, any][]) => outputs.map(([type]) => type);

describe("kernelspec", () => {
  it("has absolute paths, the display name, the interrupt mode and logos", () => {
    const spec = JSON.parse(readFileSync(join(kernelDir, "kernel.json"), "utf8"));
    expect(spec).toMatchObject({ display_name: "TypeScript (tsdl)", language: "typescript", interrupt_mode: "message" });
    expect(spec.argv).toEqual([process.execPath, join(REPO, "bin", "tsdl.js"), "kernel", "{connection_file}"]);
    expect(spec.env).toEqual(MALLOC_ENV);
    for (const logo of ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]) expect(existsSync(join(kernelDir, logo))).toBe(true);
    // A real PNG of the right size: signature, then IHDR width and height.
    const png = readFileSync(join(kernelDir, "logo-64x64.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([64, 64]);
  });
});

describe("jupyter_client", () => {
  let report: any;
  beforeAll(async () => {
    report = await runPythonClient("jupyter_client_scenario.py", [], env, notebookDir);
  }, 180_000);

  it("finds the kernelspec", () => {
    expect(report.spec).toMatchObject({ display_name: "TypeScript (tsdl)", language: "typescript", interrupt_mode: "message" });
  });

  it("starts the kernel and gets the first result as execute_result", () => {
    expect(report.first.reply.status).toBe("ok");
    expect(report.first.outputs).toEqual([
      ["execute_input", { code: "1 + 1", execution_count: 1 }],
      ["execute_result", { execution_count: 1, data: { "text/plain": "2" }, metadata: {} }],
    ]);
    expect(report.kernel_info.implementation).toBe("tsdl");
  });

  it("starts the kernel with the kernelspec's malloc settings", () => {
    const [, stream] = report.malloc_env.outputs.find(([type]: [string]) => type === "stream");
    expect(JSON.parse(stream.text)).toEqual(MALLOC_ENV);
  });

  it("preloads the display helpers and knows Node's types", () => {
    expect(report.define.reply.status).toBe("ok");
    const [, stream] = report.define.outputs.find(([type]: [string]) => type === "stream");
    expect(stream.text).toMatch(/^hello from \w+ function\n$/);
  });

  it("reports type and runtime errors as error messages", () => {
    expect(report.type_error.reply).toMatchObject({ status: "error", ename: "TSError" });
    expect(report.type_error.reply.evalue).toMatch(/^cell:1:7 - Type 'number' is not assignable to type 'string'/);
    expect(outputTypes(report.type_error.outputs)).toEqual(["execute_input", "error"]);
    expect(report.runtime_error.reply).toMatchObject({ status: "error", ename: "TypeError" });
  });

  it("completes, inspects and keeps history", () => {
    expect(report.complete.matches).toContain("floor");
    expect(report.inspect.found).toBe(true);
    expect(report.inspect.data["text/plain"]).toContain("floor(x: number): number");
    expect(report.history.history.map((entry: any[]) => entry[2])).toContain("(undefined as any).boom");
  });

  it("stops while(true) on an interrupt within a second, variables intact", () => {
    expect(report.interrupt.reply).toMatchObject({ status: "error", ename: "Interrupted" });
    expect(report.interrupt.seconds).toBeLessThan(1);
    expect(report.after_interrupt.outputs.at(-1)[1].data["text/plain"]).toBe("7");
  });

  it("restarts with a clean state and the globals back", () => {
    expect(report.after_restart.reply).toMatchObject({ status: "error", ename: "TSError" });
    expect(report.after_restart.reply.evalue).toContain("Cannot find name 'kept'");
    expect(report.globals_after_restart.outputs.at(-1)[1].data["text/plain"]).toBe("'function'");
    expect(report.alive_after_shutdown).toBe(false);
  });
});

describe("nbclient", () => {
  it("executes a notebook: results, streams and displays become cell outputs", async () => {
    const cells = ["const n: number = 3;\nn * 2", "console.log('printed')", "display(md`**shown**`)", "html`<b>last</b>`"];
    const run = await runPythonClient("nbclient_run.py", [JSON.stringify(cells)], env, notebookDir);
    expect(run.error).toBeNull();
    expect(run.language_info).toMatchObject({ name: "typescript", file_extension: ".ts" });
    const [result, printed, shown, last] = run.cells;
    expect(result.outputs).toEqual([{ output_type: "execute_result", execution_count: 1, data: { "text/plain": "6" }, metadata: {} }]);
    expect(printed.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "printed\n" }]);
    expect(shown.outputs).toEqual([{ output_type: "display_data", data: { "text/markdown": "**shown**", "text/plain": "**shown**" }, metadata: {} }]);
    expect(last.outputs[0].data["text/html"]).toBe("<b>last</b>");
  }, 120_000);

  it("leaves the launcher's stdout usable: a large notebook printed after the kernel ended arrives whole", async () => {
    // The kernel shares jupyter_client's stdout pipe; a kernel that ended leaving it non-blocking made
    // Python's later writes to it come out truncated.
    const run = await runPythonClient("nbclient_run.py", [JSON.stringify(["console.log('x'.repeat(300_000))"])], env, notebookDir);
    expect(run.cells[0].outputs[0].text).toHaveLength(300_001);
  }, 120_000);

  it("stops at the failing cell with its error", async () => {
    const cells = ["const before = 1;", "const wrong: string = before;", "'never run'"];
    const run = await runPythonClient("nbclient_run.py", [JSON.stringify(cells)], env, notebookDir);
    expect(run.error).toMatchObject({ ename: "TSError" });
    expect(run.cells[1].outputs[0]).toMatchObject({ output_type: "error", ename: "TSError" });
    expect(run.cells[2]).toEqual({ execution_count: null, outputs: [] });
  }, 120_000);
});
