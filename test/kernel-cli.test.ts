/** `tsdl install/uninstall/kernel` as a user runs them, checked with `jupyter kernelspec list` from the venv. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, PYTHON, REPO } from "./clients/harness";

const CLI = join(REPO, "bin", "tsdl.js");
const tsdl = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });

beforeAll(() => assertBuilt());

/** What `jupyter kernelspec list` finds with these environment variables. */
function jupyterKernelspecs(env: Record<string, string>): Record<string, { resource_dir: string; spec: any }> {
  const out = execFileSync(PYTHON, ["-m", "jupyter", "kernelspec", "list", "--json"], { env: { ...process.env, ...env }, encoding: "utf8" });
  return JSON.parse(out).kernelspecs;
}

describe("tsdl install / uninstall", () => {
  it("--prefix writes a kernelspec Jupyter finds, and uninstall removes it", () => {
    const prefix = mkdtempSync(join(tmpdir(), "tsdl-cli-"));
    const installed = tsdl(["install", "--prefix", prefix]);
    expect(installed.status).toBe(0);
    const dir = join(prefix, "share", "jupyter", "kernels", "tsdl");
    expect(installed.stdout).toContain(dir);
    const found = jupyterKernelspecs({ JUPYTER_PATH: join(prefix, "share", "jupyter") }).tsdl;
    expect(found.resource_dir).toBe(dir);
    expect(found.spec).toMatchObject({ display_name: "TypeScript (tsdl)", language: "typescript", interrupt_mode: "message" });
    expect(tsdl(["uninstall", `--prefix=${prefix}`]).status).toBe(0);
    expect(existsSync(dir)).toBe(false);
    expect(tsdl(["uninstall", "--prefix", prefix]).stdout).toMatch(/nothing removed/);
  });

  it("--user (the default) follows JUPYTER_DATA_DIR", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tsdl-data-"));
    expect(tsdl(["install"], { JUPYTER_DATA_DIR: dataDir }).status).toBe(0);
    const spec = JSON.parse(readFileSync(join(dataDir, "kernels", "tsdl", "kernel.json"), "utf8"));
    expect(spec.argv[0]).toBe(process.execPath);
    // In a virtualenv Jupyter prefers its env path to the user one unless told otherwise.
    const userFirst = { JUPYTER_DATA_DIR: dataDir, JUPYTER_PREFER_ENV_PATH: "0" };
    expect(jupyterKernelspecs(userFirst).tsdl.resource_dir).toBe(join(dataDir, "kernels", "tsdl"));
    expect(tsdl(["uninstall", "--user"], { JUPYTER_DATA_DIR: dataDir }).status).toBe(0);
    expect(existsSync(join(dataDir, "kernels", "tsdl"))).toBe(false);
  });

  it("--sys-prefix installs into the active virtualenv, and refuses without one", () => {
    const venv = mkdtempSync(join(tmpdir(), "tsdl-venv-"));
    expect(tsdl(["install", "--sys-prefix"], { VIRTUAL_ENV: venv }).status).toBe(0);
    expect(existsSync(join(venv, "share", "jupyter", "kernels", "tsdl", "kernel.json"))).toBe(true);
    const env = { ...process.env };
    delete env.VIRTUAL_ENV;
    delete env.CONDA_PREFIX;
    const refused = spawnSync(process.execPath, [CLI, "install", "--sys-prefix"], { env, encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/VIRTUAL_ENV or CONDA_PREFIX/);
  });

  it("explains bad usage", () => {
    const unknown = tsdl(["install", "--global"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --global/);
    expect(tsdl(["install", "--user", "--prefix", "/x"]).stderr).toMatch(/choose one/);
    expect(tsdl(["frobnicate"]).stderr).toMatch(/unknown command "frobnicate"/);
    const help = tsdl(["help"]);
    expect(help.status).toBe(0);
    for (const command of ["install", "uninstall", "kernel"]) expect(help.stdout).toContain(`tsdl ${command}`);
    expect(tsdl(["kernel"]).stderr).toMatch(/exactly one connection file/);
  });
});
