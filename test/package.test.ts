// tsdl as a package: what `import { np } from "tsdl"` gives a TypeScript project outside the kernel.
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";

const root = resolve(__dirname, "..");
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "tsdl-consumer-"));
  mkdirSync(join(project, "node_modules"));
  symlinkSync(root, join(project, "node_modules", "tsdl"), "dir");
  symlinkSync(join(root, "node_modules", "@types"), join(project, "node_modules", "@types"), "dir");
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, module: "node16", moduleResolution: "node16", target: "ES2022", noEmit: true, types: ["node"] } }),
  );
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

function typecheck(source: string): string {
  writeFileSync(join(project, "main.ts"), source);
  try {
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project], { encoding: "utf8" });
    return "";
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

test("the package's type declarations type-check a numpy-style program", () => {
  const errors = typecheck(`
    import { np, plt, display } from "tsdl";
    import * as np2 from "tsdl/np";
    const A: np.NDArray = np.array([[1, 2], [3, 4]]);
    const total: np.NDArray = A.sum({ axis: 0, keepdims: true });
    const everything: np.NDArray | number = A.sum();
    const x: np2.NDArray = np2.linspace(0, 1, 5).mul(2);
    const column = A.get(":, 0");
    np.random.seed(1);
    const W = np.random.randn(3, 2).mul(0.01);
    plt.plot([1, 2, 3]);
    void display; void total; void everything; void x; void column; void W;
  `);
  expect(errors).toBe("");
});

test("misuse is a type error: an unknown option, a string operand", () => {
  const errors = typecheck(`
    import { np } from "tsdl";
    np.array([1, 2]).sum({ axes: 0 });
    np.array([1, 2]).add("x");
  `);
  expect(errors).toMatch(/main\.ts\(3,.*'axes' does not exist/);
  expect(errors).toMatch(/main\.ts\(4,.*Argument of type '"x"' is not assignable/);
});

test("the built package runs from plain Node", () => {
  const out = execFileSync(process.execPath, ["-e", `const { np } = require("tsdl"); console.log(String(np.arange(6).reshape(2, 3).sum({ axis: 1 })));`], {
    cwd: project,
    encoding: "utf8",
  });
  expect(out.trim()).toBe("[ 3 12]");
});

test("inside this repository, notebooks import tsdl by name (npm install links node_modules/tsdl to the package)", () => {
  const notebooks = join(root, "notebooks");
  const out = execFileSync(process.execPath, ["-e", `const { data } = require("tsdl"); console.log(typeof data.loadMnist, typeof require("tsdl/np").zeros);`], {
    cwd: notebooks,
    encoding: "utf8",
  });
  expect(out.trim()).toBe("function function");
});
