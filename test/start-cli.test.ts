/**
 * `tsdl start` without a browser: which Jupyter it takes (one on PATH if it is recent enough, else .venv), and
 * where it cannot work, in a copy of the project without .venv (a fresh clone): no python3, no package index
 * reachable. Each failure is one actionable message — what to install or configure and the command to rerun —
 * with no stack trace, and nothing half-made that a rerun would trust. The browser test is start.test.ts.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, REPO } from "./clients/harness";
import { freePort, isolatedJupyterEnv, npmStart, pathWithoutJupyter } from "./helpers/jupyterlab";

let clone: string;
let work: string;

/** `tsdl start` in the copy with exactly `env` (no inherited PATH, pip settings or virtualenv). */
function start(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [join(clone, "bin", "tsdl.js"), "start", ...args], { cwd: clone, env, encoding: "utf8", timeout: 120_000 });
}

beforeAll(() => {
  assertBuilt();
  clone = mkdtempSync(join(tmpdir(), "tsdl-fresh-clone-"));
  // What start reads from a clone: the CLI, its build, the venv script and its requirements, the course.
  for (const path of ["bin", "dist", "notebooks", join("test", "setup"), join("test", "requirements.txt")]) {
    cpSync(join(REPO, path), join(clone, path), { recursive: true });
  }
  symlinkSync(join(REPO, "node_modules"), join(clone, "node_modules"));
  work = mkdtempSync(join(tmpdir(), "tsdl-start-cli-"));
});

afterAll(() => {
  for (const dir of [clone, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A folder for PATH holding just `jupyter`: a link to `target`, or a script with that text. */
function binWithJupyter(name: string, jupyter: { link: string } | { script: string }): string {
  const bin = join(work, name);
  mkdirSync(bin);
  if ("link" in jupyter) symlinkSync(jupyter.link, join(bin, "jupyter"));
  else {
    writeFileSync(join(bin, "jupyter"), jupyter.script);
    chmodSync(join(bin, "jupyter"), 0o755);
  }
  return bin;
}

describe("tsdl start picks its Jupyter", () => {
  it("uses a Jupyter on PATH as it is, with the kernel in its environment; --notebook serves Notebook 7", async () => {
    // A Jupyter outside the project: .venv's, reached through another folder, as an activated environment would be.
    const bin = binWithJupyter("recent", { link: join(REPO, ".venv", "bin", "jupyter") });
    const env = { ...isolatedJupyterEnv(join(work, "recent-jupyter")), PATH: `${bin}:${pathWithoutJupyter()}` };
    const kernelJson = join(REPO, ".venv", "share", "jupyter", "kernels", "tsdl", "kernel.json");
    const before = Date.now();
    const start = await npmStart(REPO, ["--no-browser", "--notebook", "--port", String(await freePort())], env);
    try {
      expect(start.output()).not.toContain("setting up .venv");
      expect(start.output()).toContain("Jupyter Notebook is running the course");
      const { origin, searchParams } = new URL(start.url);
      expect(start.url).toMatch(/\/tree\?token=/);
      const page = await fetch(start.url).then((r) => r.text());
      expect(page).toMatch(/"notebookPage": ?"tree"/); // Notebook 7's file browser, not JupyterLab
      const specs = await fetch(`${origin}/api/kernelspecs?token=${searchParams.get("token")}`).then((r) => r.json());
      expect(specs.kernelspecs.tsdl.spec.display_name).toBe("TypeScript (tsdl)");
      // `jupyter kernelspec install --sys-prefix` (re)wrote it in that Jupyter's sys.prefix, .venv.
      expect(statSync(kernelJson).mtimeMs).toBeGreaterThanOrEqual(before - 1000);
    } finally {
      expect(await start.stop()).toEqual({ code: null, signal: "SIGINT" });
    }
  }, 120_000);

  it("announces the URL only once the server answers there (Jupyter prints it before it listens)", async () => {
    // jupyter_server's order, slowed down: it logs its URL, then binds the port when its event loop starts.
    const server = [
      "import http.server, re, sys, time",
      "port = int(re.search(r'--ServerApp.port=(\\d+)', ' '.join(sys.argv)).group(1))",
      "print(f'    http://127.0.0.1:{port}/lab?token=x', file=sys.stderr, flush=True)",
      "time.sleep(1.5)",
      "class Page(http.server.BaseHTTPRequestHandler):",
      "    def do_GET(self): self.send_response(200); self.end_headers(); self.wfile.write(b'the lab')",
      "http.server.HTTPServer(('127.0.0.1', port), Page).serve_forever()",
    ].join("\n");
    const script = `#!/bin/sh
case "$1 $2" in
  "lab --version") echo 4.9.0 ;;
  "kernelspec install") ;;
  lab*) exec python3 -c "${server}" "$@" ;;
  *) exit 1 ;;
esac
`;
    const bin = binWithJupyter("slow-to-listen", { script });
    const env = { ...isolatedJupyterEnv(join(work, "slow-jupyter")), PATH: `${bin}:${pathWithoutJupyter()}` };
    const start = await npmStart(REPO, ["--no-browser", "--port", String(await freePort())], env);
    try {
      expect(await fetch(start.url).then((r) => r.text())).toBe("the lab");
    } finally {
      expect(await start.stop()).toEqual({ code: null, signal: "SIGINT" });
    }
  }, 120_000);

  it("passes over a JupyterLab older than 4 on PATH and takes .venv", async () => {
    const bin = binWithJupyter("old", { script: '#!/bin/sh\n[ "$1 $2" = "lab --version" ] && echo 3.6.3 && exit 0\nexit 1\n' });
    const env = { ...isolatedJupyterEnv(join(work, "old-jupyter")), PATH: `${bin}:${pathWithoutJupyter()}` };
    const start = await npmStart(REPO, ["--no-browser", "--port", String(await freePort())], env);
    try {
      expect(start.output()).toContain(`tsdl: ${join(bin, "jupyter")} has no lab 4 or newer (3.6.3); using the project's .venv instead`);
      expect(start.url).toMatch(/\/lab\?token=/);
    } finally {
      expect(await start.stop()).toEqual({ code: null, signal: "SIGINT" });
    }
  }, 120_000);
});

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe("tsdl start explains what to do", () => {
  it("when python3 is missing", () => {
    const emptyBin = join(clone, "empty-bin");
    mkdirSync(emptyBin);
    const result = start(["--no-browser"], { HOME: process.env.HOME, PATH: emptyBin });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^tsdl start: python3 is missing/);
    expect(result.stderr).toContain("sudo apt install python3 python3-venv");
    expect(result.stderr).toContain("rerun `npm start`");
    noStackTrace(result.stderr);
    expect(existsSync(join(clone, ".venv"))).toBe(false);
  });

  it("when pip cannot reach a package index", async () => {
    // pip without its configuration (the machine's mirror) and pointed at a port nobody listens on.
    const env: NodeJS.ProcessEnv = {
      HOME: process.env.HOME,
      PATH: pathWithoutJupyter(),
      PIP_CONFIG_FILE: "/dev/null",
      PIP_INDEX_URL: `http://127.0.0.1:${await freePort()}/simple/`,
    };
    const result = start(["--no-browser"], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^tsdl start: pip could not download JupyterLab: no package index is reachable/);
    expect(result.stderr).toContain("PIP_INDEX_URL");
    expect(result.stderr).toContain("rerun `npm start`");
    noStackTrace(result.stderr);
    // The venv exists but is not stamped as complete, so the next start installs again.
    expect(existsSync(join(clone, ".venv", "bin", "python"))).toBe(true);
    expect(existsSync(join(clone, ".venv", ".requirements.sha"))).toBe(false);
  }, 120_000);

  it("when an option is wrong", () => {
    const result = start(["--port", "eighty"], { PATH: process.env.PATH });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('tsdl start: --port needs a port number, not "eighty"');
    expect(result.stderr).toContain("tsdl start [--port N] [--no-browser] [--notebook]");
  });
});
