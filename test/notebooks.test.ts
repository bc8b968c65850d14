/**
 * Executes every course notebook with nbclient (Jupyter's own executor, through the installed tsdl kernelspec)
 * and with `tsdl run`, fails on any error output, and compares the numbers the notebooks print with numpy's
 * (test/golden/course.py → test/fixtures/course.json).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = join(__dirname, "..");
const NOTEBOOKS = join(REPO, "notebooks");
const PYTHON = join(REPO, ".venv", "bin", "python");
const course = JSON.parse(readFileSync(join(__dirname, "fixtures", "course.json"), "utf8"));
const NAMES = ["00-numpy-in-typescript", "1.1-what-is-a-neural-network", "1.2-logistic-regression", "1.3-shallow-neural-network", "1.4-deep-neural-network"];

interface Output {
  output_type: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}
interface Notebook {
  metadata: { kernelspec: { name: string } };
  cells: { cell_type: string; outputs?: Output[] }[];
}

const join_ = (text: unknown) => (Array.isArray(text) ? text.join("") : String(text ?? ""));
const outputsOf = (nb: Notebook) => nb.cells.flatMap((cell) => cell.outputs ?? []);
const textOf = (nb: Notebook) => outputsOf(nb).map((o) => join_(o.text ?? o.data?.["text/plain"])).join("\n");

/** The `✓ label = value` lines `check` printed, value text by label (an array value spans several lines). */
function printedChecks(nb: Notebook): Map<string, string> {
  const checks = new Map<string, string>();
  for (const output of outputsOf(nb).filter((o) => o.output_type === "stream")) {
    for (const block of join_(output.text).split(/^(?=✓ )/m).filter((b) => b.startsWith("✓ "))) {
      const lines = block.split("\n");
      const at = lines[0].lastIndexOf(" = ");
      // An array value continues on the following lines until its brackets close.
      let value = lines[0].slice(at + 3);
      for (let i = 1; (value.match(/\[/g) ?? []).length > (value.match(/]/g) ?? []).length; i++) value += "\n" + lines[i];
      checks.set(lines[0].slice(2, at), value);
    }
  }
  return checks;
}

const numbersIn = (text: string) => (text.match(/-?\d+(?:\.\d*)?(?:e[-+]?\d+)?/gi) ?? []).map(Number);

/** Every printed check agrees with numpy; the one run where float rounding compounds is allowed half a percent. */
function expectChecksMatchNumpy(nb: Notebook): number {
  const checks = printedChecks(nb);
  for (const [label, printed] of checks) {
    expect(Object.keys(course.checks), `numpy has no value for "${label}"`).toContain(label);
    const expected = [course.checks[label]].flat(Infinity) as number[];
    const got = numbersIn(printed);
    expect(got.length, label).toBe(expected.length);
    const tolerance = label === "accuracy with n_h = 20" ? 0.5 : 1e-7;
    got.forEach((value, i) => expect(Math.abs(value - expected[i]), `${label}[${i}]: ${value} vs numpy ${expected[i]}`).toBeLessThanOrEqual(tolerance));
  }
  return checks.size;
}

function expectNoErrors(nb: Notebook): void {
  const errors = outputsOf(nb).filter((o) => o.output_type === "error");
  expect(errors.map((e) => `${e.ename}: ${e.evalue}`)).toEqual([]);
}

/** Per-notebook assertions beyond the checks: numbers the prose relies on. */
const KEY_NUMBERS: Record<string, (text: string) => void> = {
  "00-numpy-in-typescript": (text) => expect(text).toContain(course.calories.percentage_repr),
  "1.1-what-is-a-neural-network": (text) => expect(text).toMatch(/price ≈ max\(0, 2\d\d\.\d · area\/100 − [4-7]\d\.\d\)/),
  "1.2-logistic-regression": (text) => {
    const test = Number(/test accuracy: ([\d.]+) %/.exec(text)![1]);
    expect(test).toBeGreaterThan(93); // the "always not a 3" baseline is 90 %
    const [nll, cost] = [...text.matchAll(/(?:m|J\(w, b\)) += ([\d.]+)/g)].map((match) => match[1]);
    expect(nll).toBe(cost);
  },
  "1.3-shallow-neural-network": (text) => expect(text).toContain("accuracy: 50 %"),
  "1.4-deep-neural-network": (text) => expect(Number(/test accuracy: ([\d.]+) %/.exec(text)![1])).toBeGreaterThan(92),
};
const CHECK_COUNTS: Record<string, number> = {
  "00-numpy-in-typescript": 7,
  "1.1-what-is-a-neural-network": 0,
  "1.2-logistic-regression": 10,
  "1.3-shallow-neural-network": 8,
  "1.4-deep-neural-network": 10,
};

describe.each(NAMES)("notebook %s", (name) => {
  const path = join(NOTEBOOKS, `${name}.ipynb`);
  const committed = JSON.parse(readFileSync(path, "utf8")) as Notebook;

  it("is committed executed, on the tsdl kernel, without errors, and its printed checks agree with numpy", () => {
    expect(committed.metadata.kernelspec.name).toBe("tsdl");
    expect(outputsOf(committed).length).toBeGreaterThan(0);
    expectNoErrors(committed);
    expect(expectChecksMatchNumpy(committed)).toBe(CHECK_COUNTS[name]);
    KEY_NUMBERS[name](textOf(committed));
  });
});

// A synchronous child process cannot be stopped by vitest's own test timeout: a stuck run must fail, not hang CI.
const RUN_TIMEOUT_MS = 150_000;
/** Per cell, for `tsdl run`: a stuck cell is interrupted and reported with its traceback well before RUN_TIMEOUT_MS. */
const CELL_TIMEOUT_SECONDS = "100";

describe("executing the notebooks", () => {
  let prefix: string;
  beforeAll(() => {
    prefix = mkdtempSync(join(tmpdir(), "tsdl-nb-"));
    execFileSync(process.execPath, [join(REPO, "bin", "tsdl.js"), "install", "--prefix", prefix]);
  });
  afterAll(() => {
    rmSync(prefix, { recursive: true, force: true });
    for (const name of NAMES) rmSync(join(NOTEBOOKS, `${name}.nbconvert.ipynb`), { force: true });
  });

  it.each(NAMES)("nbclient runs %s through the installed kernelspec within 60 s", (name) => {
    const started = Date.now();
    const executed = execFileSync(PYTHON, ["-c", `
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=120, kernel_name="tsdl", resources={"metadata": {"path": sys.argv[2]}}).execute()
sys.stdout.write(nbformat.writes(nb))
`, join(NOTEBOOKS, `${name}.ipynb`), NOTEBOOKS], { env: { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter") }, maxBuffer: 1 << 28, timeout: RUN_TIMEOUT_MS });
    expect(Date.now() - started).toBeLessThan(60_000);
    const nb = JSON.parse(executed.toString()) as Notebook;
    expectNoErrors(nb);
    expect(expectChecksMatchNumpy(nb)).toBe(CHECK_COUNTS[name]);
    KEY_NUMBERS[name](textOf(nb));
  }, 180_000);

  it.each(NAMES)("tsdl run executes %s", (name) => {
    execFileSync(process.execPath, [join(REPO, "bin", "tsdl.js"), "run", join(NOTEBOOKS, `${name}.ipynb`), "--timeout", CELL_TIMEOUT_SECONDS], { stdio: "pipe", timeout: RUN_TIMEOUT_MS });
    const out = join(NOTEBOOKS, `${name}.nbconvert.ipynb`);
    expect(existsSync(out)).toBe(true);
    const nb = JSON.parse(readFileSync(out, "utf8")) as Notebook;
    expectNoErrors(nb);
    expect(expectChecksMatchNumpy(nb)).toBe(CHECK_COUNTS[name]);
    KEY_NUMBERS[name](textOf(nb));
  }, 180_000);

  /** `tsdl run --inplace` of a notebook of these cells: its exit status, stderr, run time and the notebook written. */
  function runCells(cells: string[], options: string[] = []): { status: number; stderr: string; milliseconds: number; outputTypes: string[][] } {
    const dir = mkdtempSync(join(tmpdir(), "tsdl-run-cells-"));
    const path = join(dir, "cells.ipynb");
    execFileSync(PYTHON, ["-c", `
import json, sys, nbformat
nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "tsdl", "display_name": "TypeScript (tsdl)", "language": "typescript"}})
nb.cells = [nbformat.v4.new_code_cell(s) for s in json.loads(sys.argv[2])]
nbformat.write(nb, sys.argv[1])
`, path, JSON.stringify(cells)]);
    let status = 0;
    let stderr = "";
    const started = Date.now();
    try {
      execFileSync(process.execPath, [join(REPO, "bin", "tsdl.js"), "run", path, "--inplace", ...options], { stdio: "pipe", timeout: RUN_TIMEOUT_MS });
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    const milliseconds = Date.now() - started;
    const nb = JSON.parse(readFileSync(path, "utf8")) as Notebook;
    rmSync(dir, { recursive: true, force: true });
    return { status, stderr: String(stderr), milliseconds, outputTypes: nb.cells.map((cell) => (cell.outputs ?? []).map((o) => o.output_type)) };
  }

  it("tsdl run stops at the first failing cell, shows it with the traceback, and exits 1", () => {
    const run = runCells(["1 + 1", "throw new Error('boom')", "console.log('never')"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("throw new Error('boom')");
    expect(run.stderr).toContain("boom");
    expect(run.outputTypes).toEqual([["execute_result"], ["error"], []]);
  }, 60_000);

  // A loop SIGINT reaches (vm's breakOnSigint), and one after an await that only the kernel's control thread stops.
  it.each([
    ["a loop", "function spin() {\n  while (true) spins++;\n}\nspin()"],
    ["a loop after an await", "await null;\nwhile (true) spins++;"],
  ])("tsdl run --timeout interrupts %s that runs too long, reports it and exits 1", (_, endless) => {
    const run = runCells(["let spins = 0", endless, "console.log('never')"], ["--timeout", "3"]);
    expect(run.status).toBe(1);
    expect(run.milliseconds).toBeLessThan(30_000);
    expect(run.stderr).toContain("cell 2/3 TIMEOUT");
    expect(run.stderr).toContain("the cell did not finish within 3 s (tsdl run --timeout) and was interrupted");
    expect(run.stderr).toContain("Interrupted");
    expect(run.outputTypes).toEqual([[], ["error"], []]);
  }, 60_000);

  it("tsdl run explains a wrong --timeout", () => {
    const result = spawnSync(process.execPath, [join(REPO, "bin", "tsdl.js"), "run", "x.ipynb", "--timeout", "soon"], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--timeout needs a number of seconds per cell, not "soon"');
  });
});
