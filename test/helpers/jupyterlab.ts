/**
 * Shared pieces of the real-browser tests: Debian's Chromium through playwright-core (never a downloaded
 * browser), a Jupyter environment that sees only the test's own folders, and waiting for JupyterLab and its
 * kernel through the application object JupyterLab exposes (`--LabApp.expose_app_in_browser`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = join(__dirname, "..", "artifacts");

/** Headless Chromium without sandbox (containers run as root), GPU or any network of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export { freePort } from "../../kernel/connection";

/**
 * The environment for a Jupyter server that reads and writes only folders under `work`: its config, runtime
 * files (kernel connection files), user data (kernelspecs, notebook trust) and JupyterLab settings and workspaces.
 * `labSettings` are written as user settings, e.g. `{ "@jupyterlab/docmanager-extension:plugin": { autosave: false } }`.
 */
export function isolatedJupyterEnv(work: string, labSettings: Record<string, object> = {}): NodeJS.ProcessEnv {
  const settingsDir = join(work, "lab-settings");
  for (const [id, settings] of Object.entries(labSettings)) {
    const [extension, plugin] = id.split(":");
    const file = join(settingsDir, extension, `${plugin}.jupyterlab-settings`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(settings));
  }
  return {
    ...process.env,
    JUPYTER_CONFIG_DIR: join(work, "config"),
    JUPYTER_DATA_DIR: join(work, "data"),
    JUPYTER_RUNTIME_DIR: join(work, "runtime"),
    JUPYTERLAB_SETTINGS_DIR: settingsDir,
    JUPYTERLAB_WORKSPACES_DIR: join(work, "lab-workspaces"),
  };
}

/** A running `npm start`, as in a terminal. */
export interface NpmStart {
  /** The URL it printed. */
  url: string;
  /** Everything it and Jupyter printed so far. */
  output(): string;
  /** Ctrl-C: SIGINT to its process group, as the terminal sends it; resolves to how npm ended. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  process: ChildProcess;
}

/** Runs `npm start -- ARGS` in `cwd` with `env` and resolves once it prints JupyterLab's (or Notebook's) URL. */
export function npmStart(cwd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<NpmStart> {
  // Its own process group, like a command in a terminal: Ctrl-C there signals the whole group.
  const child = spawn("npm", ["start", "--", ...args], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const running: Omit<NpmStart, "url"> = {
    output: () => output,
    process: child,
    stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGINT");
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      running.stop();
      reject(new Error(`npm start printed no URL within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.stdout!.on("data", () => {
      const url = /^\s+(http:\/\/127\.0\.0\.1:\d+\/(?:lab|tree)\?token=[0-9a-f]+)$/m.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ ...running, url });
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`npm start ended (${signal ?? code}) before printing a URL:\n${output}`));
    });
  });
}

/** PATH without the folders that hold a `jupyter`, so that `tsdl start` takes the project's .venv as in a fresh clone. */
export function pathWithoutJupyter(): string {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => {
      try {
        accessSync(join(dir, "jupyter"), constants.X_OK);
        return false;
      } catch {
        return true;
      }
    })
    .join(delimiter);
}

/** Resolves once the server at `base` answers with `token`; rejects with its log if it exits or takes too long. */
export async function waitForServer(base: string, token: string, server: ChildProcess, log: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${base}/api/status?token=${token}`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`JupyterLab did not start:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Opens a notebook URL and waits until its kernel is ready; resolves to the kernel's name and display name. */
export async function openNotebook(page: Page, url: string): Promise<{ name: string; displayName: string }> {
  await page.goto(url);
  await page.waitForFunction(() => (window as any).jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel, null, { timeout: 90_000 });
  return page.evaluate(async () => {
    const context = (window as any).jupyterapp.shell.currentWidget.sessionContext;
    await context.ready;
    return { name: context.session.kernel.name, displayName: context.kernelDisplayName };
  });
}

/** Waits until no cell of the current notebook is queued or running (none shows `[*]`) and its kernel is idle. */
export async function waitForIdle(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const panel = (window as any).jupyterapp.shell.currentWidget;
      const prompts = Array.from(panel.node.querySelectorAll(".jp-InputPrompt") as ArrayLike<Element>);
      return !prompts.some((prompt) => prompt.textContent?.includes("*")) && panel.sessionContext.session?.kernel?.status === "idle";
    },
    null,
    { timeout: timeoutMs, polling: 250 },
  );
}
