/**
 * `tsdl start` where it cannot work, in a copy of the project without .venv (a fresh clone): no python3, and
 * no package index reachable. Each failure is one actionable message — what to install or configure and the
 * command to rerun — with no stack trace, and nothing half-made that a rerun would trust.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, REPO } from "./clients/harness";
import { freePort, pathWithoutJupyter } from "./helpers/jupyterlab";

let clone: string;

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
});

afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
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
