/** Shared set-up of the kernel tests: the built kernel, a kernelspec in a temporary prefix, the venv's Python. */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REPO = join(__dirname, "..", "..");
export const PYTHON = join(REPO, ".venv", "bin", "python");

/** The kernel runs from dist/: fail clearly when it is missing or older than the sources (run `npm run build`). */
export function assertBuilt(): void {
  for (const dir of ["kernel", "lib/display"]) {
    for (const file of readdirSync(join(REPO, dir)).filter((f) => f.endsWith(".ts"))) {
      const built = join(REPO, "dist", dir, file.replace(/\.ts$/, ".js"));
      if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(REPO, dir, file)).mtimeMs) {
        throw new Error(`${built} is missing or older than its source: run "npm run build" (npm test does)`);
      }
    }
  }
}

/** Installs the kernelspec with our CLI into a fresh prefix; returns the JUPYTER_PATH that finds it. */
export function installIntoTempPrefix(): { prefix: string; jupyterPath: string } {
  assertBuilt();
  const prefix = mkdtempSync(join(tmpdir(), "tsdl-prefix-"));
  execFileSync(process.execPath, [join(REPO, "bin", "tsdl.js"), "install", "--prefix", prefix]);
  return { prefix, jupyterPath: join(prefix, "share", "jupyter") };
}

/**
 * Runs a Python script of test/clients with the venv's Python; resolves with its stdout parsed as JSON.
 * Rejects with its stderr when it fails.
 */
export function runPythonClient(script: string, args: string[], env: Record<string, string>, cwd: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [join(__dirname, script), ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}:\n${stderr}\n${stdout}`));
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`${script} printed no JSON:\n${stdout}\n${stderr}`));
      }
    });
  });
}
