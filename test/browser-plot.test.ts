/**
 * plt in real front ends: a cost-curve cell run on the tsdl kernel in JupyterLab 4 and in Notebook 7 (from .venv,
 * with plotly's renderer extension) draws the interactive plotly chart in headless Chromium, and the HTML that nbconvert
 * exports from an executed notebook shows the static picture. Screenshots go to test/artifacts/.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, CHROMIUM, freePort, isolatedJupyterEnv, launchChromium, openNotebook, waitForServer } from "./helpers/jupyterlab";

const ROOT = join(__dirname, "..");
const VENV_BIN = join(ROOT, ".venv", "bin");
const run = promisify(execFile);

/** The course's first plot: a decreasing cost, labelled and titled; shown with show() or, inline, without. */
const COST_CELL = [
  "const costs = Array.from({ length: 2500 }, (_, i) => 0.69 * Math.exp(-i / 400) + 0.05);",
  "plt.plot(costs);",
  'plt.ylabel("cost");',
  'plt.xlabel("iterations (per hundreds)");',
  'plt.title("Learning rate = 0.005");',
].join("\n");

function notebook(source: string): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tsdl", display_name: "TypeScript (tsdl)", language: "typescript" } },
    cells: [{ cell_type: "code", id: "cost-curve", metadata: {}, execution_count: null, outputs: [], source }],
  });
}

let work: string;
let env: NodeJS.ProcessEnv;
let browser: Browser;

beforeAll(async () => {
  for (const [path, why] of [
    [join(ROOT, "dist", "kernel", "cli.js"), "the tsdl kernel is not built: run `npm run build`"],
    [join(VENV_BIN, "jupyter-lab"), "JupyterLab is missing from .venv (test/setup/python-env.sh installs it)"],
    [CHROMIUM, "Debian's chromium is not installed (apt-get install chromium)"],
  ]) {
    if (!existsSync(path)) throw new Error(`${why} (${path})`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), "tsdl-browser-plot-"));
  // Jupyter sees only this test's kernelspec, config and runtime files.
  env = { ...isolatedJupyterEnv(work), JUPYTER_PATH: join(work, "env", "share", "jupyter") };
  await run("node", [join(ROOT, "bin", "tsdl.js"), "install", "--prefix", join(work, "env")], { env });
  mkdirSync(join(work, "notebooks"));
  writeFileSync(join(work, "notebooks", "cost.ipynb"), notebook(`${COST_CELL}\nplt.show();`));
  writeFileSync(join(work, "notebooks", "cost-inline.ipynb"), notebook(COST_CELL));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The front ends that render plotly's MIME type live, from .venv: how to start each and where it opens a notebook. */
const FRONT_ENDS = [
  { name: "JupyterLab 4", command: "jupyter-lab", app: "LabApp", notebookPath: "lab/tree", screenshot: "jupyterlab-cost-curve.png" },
  { name: "Notebook 7", command: "jupyter-notebook", app: "JupyterNotebookApp", notebookPath: "notebooks", screenshot: "notebook7-cost-curve.png" },
];

describe.each(FRONT_ENDS)("$name", ({ command, app, notebookPath, screenshot }) => {
  let server: ChildProcess | undefined;

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      // The server runs in its own process group with its kernels; stop all of them.
      process.kill(-server.pid, "SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
  });

  it("draws the interactive plotly chart of a cost-curve cell run on the tsdl kernel", async () => {
    const port = await freePort();
    const token = "tsdl-browser-test";
    server = spawn(
      join(VENV_BIN, command),
      [
        "--no-browser",
        `--ServerApp.port=${port}`,
        "--ServerApp.port_retries=0",
        "--ServerApp.ip=127.0.0.1",
        `--IdentityProvider.token=${token}`,
        `--ServerApp.root_dir=${join(work, "notebooks")}`,
        // window.jupyterapp lets the test run the cell through JupyterLab's own command.
        `--${app}.expose_app_in_browser=True`,
        // Containers and CI often run as root, which Jupyter refuses without this.
        ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
      ],
      { env, detached: true, stdio: ["ignore", "ignore", "pipe"] },
    );
    let serverLog = "";
    server.stderr!.on("data", (chunk) => (serverLog += chunk));
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base, token, server, () => serverLog);

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    try {
      const kernel = await openNotebook(page, `${base}/${notebookPath}/cost.ipynb?token=${token}`);
      expect(kernel.name).toBe("tsdl");
      await page.evaluate(() => (window as any).jupyterapp.commands.execute("notebook:run-all-cells"));

      // plotly's renderer makes the output node itself plotly.js's graph div (.js-plotly-plot); it does not mark
      // the node with its MIME type as the built-in renderers do.
      const output = page.locator(".jp-OutputArea-output.js-plotly-plot");
      try {
        await output.locator(".scatterlayer .trace path.js-line").waitFor({ timeout: 90_000 });
      } catch (error) {
        // Keep what the page showed instead, for whoever has to find out why.
        await page.screenshot({ path: join(ARTIFACTS, `failure-${screenshot}`) });
        const outputs = await page.locator(".jp-OutputArea-output").evaluateAll((nodes) => nodes.map((n) => `${n.className}: ${n.textContent?.slice(0, 300)}`));
        throw new Error(`no plotly chart appeared; outputs: ${JSON.stringify(outputs)}\n${(error as Error).message}`);
      }
      // plotly drew our data: the graph div holds the 2,500 costs and the axes' titles.
      const drawn = await output.evaluate((gd: any) => ({
        points: gd._fullData[0].y.length,
        firstCost: gd._fullData[0].y[0],
        yTitle: gd.querySelector(".g-ytitle")?.textContent,
        xTitle: gd.querySelector(".g-xtitle")?.textContent,
        title: gd.querySelector(".annotation-text")?.textContent,
        lineLength: (gd.querySelector(".scatterlayer .trace path.js-line") as SVGPathElement).getTotalLength(),
        plotWidth: gd._fullLayout.xaxis._length,
      }));
      expect(drawn.points).toBe(2500);
      expect(drawn.firstCost).toBeCloseTo(0.74, 8);
      expect(drawn.yTitle).toBe("cost");
      expect(drawn.xTitle).toBe("iterations (per hundreds)");
      expect(drawn.title).toBe("Learning rate = 0.005");
      // The line runs across the whole plot (90 % of it, between matplotlib's margins) and down the cost.
      expect(drawn.lineLength).toBeGreaterThan(0.9 * drawn.plotWidth);
      await output.screenshot({ path: join(ARTIFACTS, screenshot) });
    } finally {
      await page.close();
    }
  }, 240_000);
});

describe("nbconvert's HTML export", () => {
  it("shows the static picture of an executed notebook whose cell left its figure to the end of the cell", async () => {
    await run(join(VENV_BIN, "jupyter"), ["nbconvert", "--to", "html", "--execute", "--output", "cost-inline", join(work, "notebooks", "cost-inline.ipynb")], {
      env,
      timeout: 150_000,
    });
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    try {
      await page.goto(`file://${join(work, "notebooks", "cost-inline.html")}`);
      const picture = page.locator('.jp-OutputArea-output[data-mime-type="text/html"] img[src^="data:image/svg+xml;base64,"]');
      await picture.waitFor({ timeout: 20_000 });
      // One figure, one output: the kernel showed it once at the end of the cell.
      expect(await page.locator(".jp-OutputArea-output").count()).toBe(1);
      // Find what the browser actually painted: the extent of the C0-blue line, and some dark text and axes.
      const painted = await picture.evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        const canvas = document.createElement("canvas");
        [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
        const context = canvas.getContext("2d")!;
        context.drawImage(img, 0, 0);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        const blue = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          const [x, y] = [(i / 4) % canvas.width, Math.floor(i / 4 / canvas.width)];
          if (Math.abs(r - 0x1f) < 30 && Math.abs(g - 0x77) < 30 && Math.abs(b - 0xb4) < 30) {
            blue.left = Math.min(blue.left, x);
            blue.right = Math.max(blue.right, x);
            blue.top = Math.min(blue.top, y);
            blue.bottom = Math.max(blue.bottom, y);
          }
          if (r + g + b < 150) dark++;
        }
        return { width: img.naturalWidth, height: img.naturalHeight, blue, dark };
      });
      expect([painted.width, painted.height]).toEqual([640, 480]);
      // matplotlib's axes box is x 80…576, y 57.6…427.2 px and the data fill it up to 5 % margins (1/22 of
      // the box on each side), so the line runs from (102.5, 74.4) to (553.5, 410.4), ±1 px of line width.
      const near = (value: number, expected: number) => expect(Math.abs(value - expected)).toBeLessThanOrEqual(2.5);
      near(painted.blue.left, 80 + 496 / 22);
      near(painted.blue.right, 576 - 496 / 22);
      near(painted.blue.top, 57.6 + 369.6 / 22);
      near(painted.blue.bottom, 427.2 - 369.6 / 22);
      expect(painted.dark).toBeGreaterThan(500);
      await picture.screenshot({ path: join(ARTIFACTS, "nbconvert-cost-curve.png") });
    } finally {
      await page.close();
    }
  }, 200_000);
});
