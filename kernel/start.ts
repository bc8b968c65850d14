/**
 * `tsdl start` (what `npm start` runs): the course (notebooks/) in JupyterLab with this kernel, in one command.
 * A `jupyter lab` ≥ 4 on PATH is used as it is; otherwise the project's `.venv` is created (or reused) with the
 * same script the test suite uses, so the two can never disagree about what that venv holds. The kernelspec goes
 * into that Jupyter's own environment, JupyterLab listens on 127.0.0.1 with a fresh token, and Ctrl-C stops
 * JupyterLab, which shuts its kernels down, before this command exits.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { installKernelspec, KERNEL_NAME } from "./kernelspec";

/** The repository (this file is dist/kernel/start.js once built). */
const ROOT = resolve(__dirname, "..", "..");
const NOTEBOOKS = join(ROOT, "notebooks");
const VENV = join(ROOT, ".venv");
/** Creates .venv from test/requirements.txt (JupyterLab, Notebook 7, plotly, …) unless its stamp says it is current. */
const VENV_SCRIPT = join(ROOT, "test", "setup", "python-env.sh");
/** How long a stopping JupyterLab may take to shut its kernels down before it is killed. */
const STOP_TIMEOUT_MS = 15_000;

export class StartUsageError extends Error {}

export interface StartOptions {
  /** Fixed port (an error if it is taken); by default Jupyter tries 8888 and the next free ones. */
  port?: number;
  browser: boolean;
  /** Notebook 7's interface instead of JupyterLab's. */
  notebook: boolean;
}

/**
 * Parses `tsdl start` options.
 * @example parseStartArgs(["--port", "9000", "--no-browser"]) // { port: 9000, browser: false, notebook: false }
 */
export function parseStartArgs(args: string[]): StartOptions {
  const options: StartOptions = { browser: true, notebook: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--no-browser") options.browser = false;
    else if (arg === "--notebook") options.notebook = true;
    else if (arg === "--port" || arg.startsWith("--port=")) {
      const value = arg === "--port" ? args[++i] : arg.slice("--port=".length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartUsageError(`--port needs a port number, not ${JSON.stringify(value ?? "")}`);
      options.port = port;
    } else throw new StartUsageError(`unknown option ${arg}`);
  }
  return options;
}

/** `tsdl start [--port N] [--no-browser] [--notebook]`; resolves to the exit code once JupyterLab has stopped. */
export async function startCommand(args: string[]): Promise<number> {
  const options = parseStartArgs(args);
  const app = options.notebook ? { command: "notebook", name: "Jupyter Notebook", major: 7, path: "tree" } : { command: "lab", name: "JupyterLab", major: 4, path: "lab" };
  const jupyter = jupyterOnPath(app.command, app.major) ?? (await venvJupyter(app.name));
  return serve(jupyter, app, options);
}

/** `jupyter` on PATH when its `app` is at least version `major`, with the kernelspec installed into its environment. */
function jupyterOnPath(app: string, major: number): string | undefined {
  const jupyter = findOnPath("jupyter");
  if (!jupyter || jupyter === join(VENV, "bin", "jupyter")) return undefined;
  const result = spawnSync(jupyter, [app, "--version"], { encoding: "utf8" });
  const version = result.status === 0 ? result.stdout.trim().split("\n").pop()! : undefined;
  if (!version || Number.parseInt(version, 10) < major) {
    console.log(`tsdl: ${jupyter} has no ${app} ${major} or newer (${version ?? "not installed"}); using the project's .venv instead`);
    return undefined;
  }
  // Jupyter knows its own sys.prefix: stage the kernelspec and let `jupyter kernelspec install` put it there.
  const staging = mkdtempSync(join(tmpdir(), "tsdl-kernelspec-"));
  try {
    const dir = installKernelspec({ prefix: staging });
    const installed = spawnSync(jupyter, ["kernelspec", "install", "--sys-prefix", "--replace", "--name", KERNEL_NAME, dir], { encoding: "utf8" });
    if (installed.status !== 0) {
      throw new Error(
        `could not install the tsdl kernel into the environment of ${jupyter}:\n${installed.stderr.trim()}\n` +
          `Install it for your user instead with \`npx tsdl install --user\`, or deactivate that Jupyter so tsdl uses its own .venv, then rerun \`npm start\`.`,
      );
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return jupyter;
}

/** .venv's jupyter, after creating or updating .venv when needed and installing the kernelspec into it. */
async function venvJupyter(appName: string): Promise<string> {
  const python = findOnPath("python3");
  if (!python) {
    throw new Error(
      `python3 is missing; tsdl needs it to install ${appName} into .venv.\n` +
        "Install Python 3.9 or newer (Debian/Ubuntu: sudo apt install python3 python3-venv; macOS: brew install python; " +
        "or https://www.python.org/downloads/), then rerun `npm start`.",
    );
  }
  const version = spawnSync(python, ["-c", "import sys; print(sys.version_info[0] * 100 + sys.version_info[1])"], { encoding: "utf8" });
  if (version.status !== 0 || Number(version.stdout) < 309) {
    throw new Error(`${python} is Python ${version.stdout.trim() || "(unknown version)"}; JupyterLab 4 needs Python 3.9 or newer. Install a newer Python, then rerun \`npm start\`.`);
  }
  await runVenvScript(appName);
  installKernelspec({ prefix: VENV });
  return join(VENV, "bin", "jupyter");
}

/** Runs python-env.sh; a first run installs packages, so after a moment the user is told what is happening. */
function runVenvScript(appName: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("bash", [VENV_SCRIPT], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const notice = setTimeout(() => console.log(`tsdl: setting up .venv with ${appName}, plotly and the test suite's Python packages (first start only; a minute or more)…`), 2000);
    child.on("error", (error) => {
      clearTimeout(notice);
      reject(new Error(`could not run ${VENV_SCRIPT} with bash: ${error.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(notice);
      if (code === 0) resolvePromise();
      else reject(new Error(explainVenvFailure(output, code)));
    });
  });
}

/** The cause of a failed .venv set-up, in words the user can act on; unknown causes keep pip's last lines. */
function explainVenvFailure(output: string, code: number | null): string {
  const rerun = "then rerun `npm start` (it continues where it stopped).";
  if (/ensurepip is not available|No module named venv/.test(output)) {
    return `python3 cannot create virtualenvs: install its venv module (Debian/Ubuntu: sudo apt install python3-venv), ${rerun}`;
  }
  if (/No matching distribution found|Could not find a version that satisfies|Failed to establish a new connection|Temporary failure in name resolution|Name or service not known|Network is unreachable|ProxyError|SSLError/.test(output)) {
    return (
      "pip could not download JupyterLab: no package index is reachable.\n" +
      "Connect to the internet, or point pip at an index you can reach (pip config set global.index-url URL, or PIP_INDEX_URL=URL), " +
      `${rerun}\nAlternatively install JupyterLab 4 and plotly yourself (pip install jupyterlab plotly) so that \`jupyter lab\` is on PATH.`
    );
  }
  const tail = output.trim().split("\n").slice(-15).join("\n");
  return `setting up .venv failed (${VENV_SCRIPT} exited with ${code}):\n${tail}\nFix the cause above, ${rerun}`;
}

/** Runs the Jupyter server until it exits or the user stops it; resolves to the exit code. */
function serve(jupyter: string, app: { command: string; name: string; path: string }, options: StartOptions): Promise<number> {
  const token = randomBytes(24).toString("hex");
  const server = spawn(
    jupyter,
    [
      app.command,
      "--no-browser",
      "--ServerApp.ip=127.0.0.1",
      ...(options.port ? [`--ServerApp.port=${options.port}`, "--ServerApp.port_retries=0"] : []),
      `--IdentityProvider.token=${token}`,
      `--ServerApp.root_dir=${NOTEBOOKS}`,
      // Containers often run as root, which Jupyter refuses without this.
      ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
    ],
    // Its own process group: the terminal's Ctrl-C reaches only this command, which then stops Jupyter in order.
    // No stdin: Jupyter would otherwise ask "Shut down this Jupyter server (y/[n])?" on SIGINT.
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolvePromise) => {
    let log = "";
    let port: number | undefined;
    let url: string | undefined;
    let stopping = false;
    const onOutput = (chunk: Buffer) => {
      process.stderr.write(chunk);
      if (port) return;
      log += chunk;
      // Jupyter prints its URL with the port it found free, but binds that port only once its event loop runs:
      // a browser opened at once can meet "connection refused". The URL is announced when the port answers.
      const printed = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log)?.[1];
      if (!printed) return;
      port = Number(printed);
      void untilListening(port, () => server.exitCode !== null || server.signalCode !== null || stopping).then((listening) => {
        if (!listening) return;
        url = `http://127.0.0.1:${port}/${app.path}?token=${token}`;
        console.log(`\n${app.name} is running the course (notebooks/) with the TypeScript (tsdl) kernel:\n\n    ${url}\n\nPress Ctrl-C to stop it.\n`);
        if (options.browser) openBrowser(url);
      });
    };
    server.stdout!.on("data", onOutput);
    server.stderr!.on("data", onOutput);

    const stop = () => {
      if (stopping) return; // npm forwards the terminal's SIGINT, so it can arrive twice
      stopping = true;
      console.log(`\nStopping ${app.name} and its kernels…`);
      signalServer(server, "SIGTERM");
      const kill = setTimeout(() => {
        console.log(`${app.name} did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it.`);
        signalServer(server, "SIGKILL", true);
      }, STOP_TIMEOUT_MS);
      server.once("exit", () => clearTimeout(kill));
    };
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    for (const signal of signals) process.on(signal, stop);

    server.on("error", (error) => console.error(`tsdl start: could not run ${jupyter}: ${error.message}`));
    server.on("close", (code, signal) => {
      for (const s of signals) process.off(s, stop);
      if (stopping) {
        console.log(`${app.name} stopped.`);
        resolvePromise(0);
      } else {
        if (!url) console.error(`tsdl start: ${app.name} exited before it was ready (${signal ?? `exit code ${code}`}); its log is above.`);
        resolvePromise(code || 1);
      }
    });
  });
}

/** Resolves to true once 127.0.0.1:`port` accepts a connection, or to false once `gaveUp()` says to stop trying. */
async function untilListening(port: number, gaveUp: () => boolean): Promise<boolean> {
  while (!gaveUp()) {
    const accepted = await new Promise<boolean>((resolveTry) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolveTry(true)));
      socket.once("error", () => resolveTry(false));
    });
    if (accepted) return true;
    await new Promise((wake) => setTimeout(wake, 50));
  }
  return false;
}

/** Signals the server, or with `group` its whole process group (what it spawned without a session of its own). */
function signalServer(server: ChildProcess, signal: NodeJS.Signals, group = false): void {
  try {
    process.kill(group ? -server.pid! : server.pid!, signal);
  } catch {
    // Already gone.
  }
}

/** Opens the URL in the desktop's browser, when there is a desktop; CI and SSH sessions get only the printed URL. */
function openBrowser(url: string): void {
  if (process.env.CI) return;
  const opener =
    process.platform === "darwin" ? "open" : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? findOnPath("xdg-open") : undefined;
  if (!opener) return;
  const child = spawn(opener, [url], { detached: true, stdio: "ignore" });
  child.on("error", () => console.log("tsdl: could not open a browser; open the URL above yourself."));
  child.unref();
}

/** The executable `name` in a PATH folder, like `which`. */
function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}
