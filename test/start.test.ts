/**
 * `npm start` as a user runs it, in a real browser: the command's printed URL opened in headless Chromium, the
 * course's first notebook run on the tsdl kernel (numpy's numbers, a plotly chart), completion, interrupt and
 * restart from JupyterLab's own UI, then Ctrl-C, after which no process of that start may be left.
 * Jupyter takes the project's .venv, as in a fresh clone (the test suite's global setup has made it already), and
 * keeps its settings and runtime files in a temporary folder; autosave is off so the course notebook stays as it is.
 * Screenshots go to test/artifacts/.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, PYTHON, REPO } from "./clients/harness";
import { MALLOC_ENV } from "../kernel/malloc-env";
import { ARTIFACTS, CHROMIUM, freePort, isolatedJupyterEnv, launchChromium, npmStart, openNotebook, pathWithoutJupyter, waitForIdle, type NpmStart } from "./helpers/jupyterlab";

const NOTEBOOK = join(REPO, "notebooks", "00-numpy-in-typescript.ipynb");
const CHECKPOINTS = join(REPO, "notebooks", ".ipynb_checkpoints");
const VENV_STAMP = join(REPO, ".venv", ".requirements.sha");

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Processes whose environment contains `marker`: everything descended from the start, kernels included. */
function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, "latin1").includes(marker)) {
        found.push(`${pid}: ${readFileSync(`/proc/${pid}/cmdline`, "latin1").replace(/\0/g, " ").trim()}`);
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** CPU seconds a process has used (user + system), from /proc/PID/stat (clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain numbers.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** numpy's own printing of the course's calorie percentages (`100 * A / cal.reshape(1, 4)`) and of their first entry. */
function numpyPercentages(): { numbers: string[]; first: string } {
  const script = [
    "import numpy as np",
    "A = np.array([[56.0, 0.0, 4.4, 68.0], [1.2, 104.0, 52.0, 8.0], [1.8, 135.0, 99.0, 0.9]])",
    "p = 100 * A / A.sum(axis=0).reshape(1, 4)",
    "print(repr(p)); print(repr(float(p[0, 0])))",
  ].join("\n");
  const lines = execFileSync(PYTHON, ["-c", script], { encoding: "utf8" }).trim().split("\n");
  return { numbers: lines.slice(0, -1).join(" ").match(/\d+\.\d*/g)!, first: lines.at(-1)! };
}

let work: string;
let env: NodeJS.ProcessEnv;
let start: NpmStart | undefined;
let url: string;
let browser: Browser;
let page: Page;
let notebookSha: string;
let hadCheckpoints: boolean;
let numpy: { numbers: string[]; first: string };
let kernelPid: number;

beforeAll(async () => {
  assertBuilt();
  if (!existsSync(CHROMIUM)) throw new Error(`Debian's chromium is not installed (apt-get install chromium): ${CHROMIUM}`);
  if (!existsSync(VENV_STAMP)) throw new Error(`.venv is not set up (${VENV_STAMP}); test/setup/python-env.sh makes it`);
  mkdirSync(ARTIFACTS, { recursive: true });
  notebookSha = sha256(NOTEBOOK);
  hadCheckpoints = existsSync(CHECKPOINTS);
  work = mkdtempSync(join(tmpdir(), "tsdl-start-"));
  env = {
    ...isolatedJupyterEnv(work, {
      "@jupyterlab/docmanager-extension:plugin": { autosave: false },
      // No "get notified about Jupyter news?" toast over the notebook (nor a request to the news feed).
      "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false },
    }),
    PATH: pathWithoutJupyter(),
  };
  // window.jupyterapp, through which the test reads the kernel's state; everything else goes through the UI.
  mkdirSync(env.JUPYTER_CONFIG_DIR!, { recursive: true });
  writeFileSync(join(env.JUPYTER_CONFIG_DIR!, "jupyter_server_config.json"), JSON.stringify({ LabApp: { expose_app_in_browser: true } }));
  numpy = numpyPercentages();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await start?.stop(); // a no-op unless a failed test left it running
  if (!hadCheckpoints) rmSync(CHECKPOINTS, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

afterEach(async ({ task }) => {
  // Keep what the page showed when a test failed, for whoever has to find out why.
  if (task.result?.state === "fail" && page && !page.isClosed()) await page.screenshot({ path: join(ARTIFACTS, "start-failure.png") });
});

/**
 * Types `code` into a new cell at the end of the notebook and runs it with Shift+Enter, as a user does; returns
 * that cell. Shift+Enter on the last cell appends an empty one, which the next call fills.
 */
async function runNewCell(code: string): Promise<Locator> {
  await page.evaluate(async () => {
    const app = (window as any).jupyterapp;
    const notebook = app.shell.currentWidget.content;
    notebook.activeCellIndex = notebook.widgets.length - 1;
    const last = notebook.activeCell.model;
    if (last.type !== "code" || last.sharedModel.getSource() !== "") await app.commands.execute("notebook:insert-cell-below");
  });
  const cells = page.locator(".jp-Notebook .jp-Cell");
  const cell = cells.nth((await cells.count()) - 1);
  await cell.locator(".cm-content").click();
  await page.keyboard.insertText(code);
  await page.keyboard.press("Shift+Enter");
  return cell;
}

describe("npm start", () => {
  it("sets up nothing again, serves notebooks/ with JupyterLab and prints its URL", async () => {
    const stampTime = statSync(VENV_STAMP).mtimeMs;
    const port = await freePort();
    const started = Date.now();
    start = await npmStart(REPO, ["--no-browser", "--port", String(port)], env);
    url = start.url;
    console.log(`npm start printed its URL after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(url).toContain(`http://127.0.0.1:${port}/lab?token=`);
    expect(statSync(VENV_STAMP).mtimeMs).toBe(stampTime); // .venv reused, not rebuilt
    // The server's root is notebooks/: the course is its top level.
    const token = new URL(url).searchParams.get("token");
    const contents = await fetch(`http://127.0.0.1:${port}/api/contents?token=${token}`).then((r) => r.json());
    expect(contents.content.map((entry: { name: string }) => entry.name)).toContain("00-numpy-in-typescript.ipynb");
  }, 120_000);

  it("runs notebook 00 on TypeScript (tsdl): no errors, numpy's calorie percentages, a plotly chart", async () => {
    page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const kernel = await openNotebook(page, url.replace("/lab?", "/lab/tree/00-numpy-in-typescript.ipynb?"));
    expect(kernel).toEqual({ name: "tsdl", displayName: "TypeScript (tsdl)" });
    await page.evaluate(() => (window as any).jupyterapp.commands.execute("notebook:run-all-cells"));
    await waitForIdle(page);

    const cells = await page.evaluate(() =>
      Array.from((window as any).jupyterapp.shell.currentWidget.content.model.cells as Iterable<any>).map((cell) => ({
        source: cell.sharedModel.getSource() as string,
        code: cell.type === "code",
        executionCount: cell.type === "code" ? (cell.executionCount as number | null) : undefined,
        outputs: cell.type === "code" ? (cell.outputs.toJSON() as any[]) : [],
      })),
    );
    expect(cells.filter((cell) => cell.code && cell.executionCount === null)).toEqual([]); // every code cell ran
    const errors = cells.flatMap(({ outputs }) => outputs.filter((o) => o.output_type === "error" || o.name === "stderr"));
    expect(errors).toEqual([]);
    expect(await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count()).toBe(0);

    // What the page shows for `percentage`, number by number, against what numpy prints.
    const index = cells.findIndex(({ source }) => source.startsWith("const percentage = "));
    expect(index).toBeGreaterThan(0);
    const percentageCell = page.locator(".jp-Notebook .jp-Cell").nth(index);
    const shown = await percentageCell.locator(".jp-OutputArea-output td").allTextContents();
    expect(shown).toEqual(numpy.numbers);

    // A plot of the notebook's own sigmoid, drawn by plotly in the page.
    const plotCell = await runNewCell('const z = np.linspace(-6, 6, 121);\nplt.plot(z, sigmoid(z));\nplt.title("sigmoid");\nplt.show();');
    await waitForIdle(page);
    const line = plotCell.locator(".js-plotly-plot .scatterlayer .trace path.js-line");
    await line.waitFor({ timeout: 30_000 });
    expect(await plotCell.locator(".js-plotly-plot .annotation-text").textContent()).toBe("sigmoid");
    expect(await line.evaluate((path: SVGPathElement) => path.getTotalLength())).toBeGreaterThan(100);
    await plotCell.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0); // no plotly toolbar in the picture (it shows while the mouse is over the chart)
    await page.screenshot({ path: join(ARTIFACTS, "start-notebook-plot.png") });
  }, 240_000);

  it("completes np. with Tab: the list offers dot", async () => {
    const cells = page.locator(".jp-Notebook .jp-Cell");
    const last = cells.nth((await cells.count()) - 1); // the empty cell the plot's Shift+Enter appended
    await last.locator(".cm-content").click();
    await page.keyboard.type("np.");
    await page.keyboard.press("Tab");
    const completer = page.locator(".jp-Completer");
    await completer.waitFor({ timeout: 30_000 });
    await expect.poll(() => completer.locator(".jp-Completer-item .jp-Completer-match").allTextContents(), { timeout: 10_000 }).toContain("dot");
    await page.screenshot({ path: join(ARTIFACTS, "start-completion.png") });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
  }, 60_000);

  it("interrupts an endless loop from the toolbar; the next cell still sees earlier variables", async () => {
    const pidCell = await runNewCell("process.pid");
    await waitForIdle(page, 30_000);
    kernelPid = Number(await pidCell.locator(".jp-OutputArea-output").innerText());
    // The kernel runs with the malloc settings its kernelspec asks for.
    const kernelEnv = readFileSync(`/proc/${kernelPid}/environ`, "utf8").split("\0");
    for (const [name, value] of Object.entries(MALLOC_ENV)) expect(kernelEnv).toContain(`${name}=${value}`);
    const cpuBefore = cpuSeconds(kernelPid);
    const loop = await runNewCell("while (true) {}");
    // The loop runs once the kernel burns CPU. (The page cannot tell: the kernel's busy status reaches it only
    // after the cell ends, as its IOPub messages wait for the event loop that the loop blocks.)
    await expect.poll(() => cpuSeconds(kernelPid) - cpuBefore, { timeout: 30_000 }).toBeGreaterThan(1);
    await page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:interrupt-kernel"]').click();
    await waitForIdle(page, 30_000);
    expect(await loop.locator(".jp-OutputArea-output").innerText()).toMatch(/interrupt/i);
    const after = await runNewCell("percentage.item(0, 0)");
    await waitForIdle(page, 30_000);
    expect((await after.locator(".jp-OutputArea-output").innerText()).trim()).toBe(numpy.first);
    await page.screenshot({ path: join(ARTIFACTS, "start-interrupt.png") });
  }, 90_000);

  it("restarts the kernel from the toolbar: a new process, np is there", async () => {
    await page.evaluate(() => {
      const kernel = (window as any).jupyterapp.shell.currentWidget.sessionContext.session.kernel;
      (window as any).tsdlStatuses = [];
      kernel.statusChanged.connect((_: unknown, status: string) => (window as any).tsdlStatuses.push(status));
    });
    await page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:restart-kernel"]').click();
    await page.locator(".jp-Dialog .jp-mod-accept").click();
    await page.waitForFunction(
      () => (window as any).tsdlStatuses.includes("restarting") && (window as any).jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === "idle",
      null,
      { timeout: 60_000 },
    );
    const cell = await runNewCell("[process.pid, typeof np.dot, np.arange(3).toString()].join(' ')");
    await waitForIdle(page, 30_000);
    const [after, ...rest] = (await cell.locator(".jp-OutputArea-output").innerText()).replace(/'/g, "").trim().split(" ");
    expect(Number(after)).not.toBe(kernelPid);
    expect(rest.join(" ")).toBe("function [0 1 2]");
    await page.screenshot({ path: join(ARTIFACTS, "start-restart.png") });
  }, 90_000);

  it("stops on Ctrl-C, leaving no JupyterLab or kernel process behind", async () => {
    await page.close();
    const running = processesWith(work);
    // The check below must be able to fail: the server and the kernel are found by the same means.
    expect(running.some((p) => /jupyter-lab|jupyter lab/.test(p))).toBe(true);
    expect(running.some((p) => /tsdl\.js kernel/.test(p))).toBe(true);

    // npm waits for its script, then ends itself with the signal it got, as a shell expects of an interrupted command.
    expect(await start!.stop()).toEqual({ code: null, signal: "SIGINT" });
    expect(start!.output()).toMatch(/Stopping JupyterLab and its kernels…[^]*JupyterLab stopped\./);
    await expect.poll(() => processesWith(work), { timeout: 5_000 }).toEqual([]);
    expect(sha256(NOTEBOOK)).toBe(notebookSha); // the course notebook was run, not rewritten
  }, 60_000);
});
