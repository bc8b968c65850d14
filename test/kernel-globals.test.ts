/**
 * The preloaded libraries in a live kernel: np and plt as typed globals (completion, inspection, results),
 * figures shown after a cell, and imports of packages installed next to the notebook.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ofType, TestKernel } from "./clients/zmq-client";

let kernel: TestKernel;
beforeAll(async () => {
  // A notebook folder with its own package, to import from a cell.
  const cwd = mkdtempSync(join(tmpdir(), "tsdl-globals-"));
  const pkg = join(cwd, "node_modules", "greeter");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "greeter", version: "1.0.0", main: "index.js", types: "index.d.ts" }));
  writeFileSync(join(pkg, "index.js"), "exports.greet = (name) => `hello ${name}`;\n");
  writeFileSync(join(pkg, "index.d.ts"), "export declare function greet(name: string): string;\n");
  kernel = await TestKernel.start({ cwd });
});
afterAll(async () => {
  await kernel?.close();
});

const resultText = async (code: string) => {
  const { reply, outputs } = await kernel.execute(code);
  expect(reply.content.status, JSON.stringify(reply.content)).toBe("ok");
  return ofType(outputs, "execute_result")[0]?.content.data;
};

it("imports a package installed next to the notebook, with its types", async () => {
  expect((await resultText('import { greet } from "greeter";\ngreet("tsdl")'))["text/plain"]).toBe("'hello tsdl'");
  const { reply } = await kernel.execute('greet(42)');
  expect(reply.content.ename).toBe("TSError");
});

describe("np preloaded", () => {
  it("completes np. and inspects with JSDoc", async () => {
    const completion = await kernel.request("shell", "complete_request", { code: "np.zer", cursor_pos: 6 });
    expect(completion.content.matches).toEqual(expect.arrayContaining(["zeros", "zeros_like"]));
    const inspection = await kernel.request("shell", "inspect_request", { code: "np.zeros", cursor_pos: 8, detail_level: 0 });
    expect(inspection.content.found).toBe(true);
    expect(inspection.content.data["text/markdown"]).toMatch(/zeros/);
    expect(inspection.content.data["text/markdown"]).toMatch(/\*Example:\*/);
  });

  it("shows an NDArray with numpy's repr and an HTML table", async () => {
    const data = await resultText("np.zeros([2, 2])");
    expect(data["text/plain"]).toBe("array([[0., 0.],\n       [0., 0.]])");
    expect(data["text/html"]).toMatch(/<table/);
  });

  it("type-checks np calls", async () => {
    const { reply } = await kernel.execute("np.zeros('three')");
    expect(reply.content.ename).toBe("TSError");
  });

  it("annotates with np's types as np.NDArray, np.DType", async () => {
    await kernel.execute("function twice(z: np.NDArray): np.NDArray { return z.mul(2); }\nconst kind: np.DType = 'int32';");
    expect((await resultText("twice(np.ones([2], { dtype: kind })).sum()"))["text/plain"]).toBe("4");
    const { reply } = await kernel.execute("const wrong: np.DType = 'complex128';");
    expect(reply.content.ename).toBe("TSError");
  });

  it("np.zeros([1e6, 1e6]) fails clearly and the kernel lives on", async () => {
    const { reply } = await kernel.execute("np.zeros([1e6, 1e6])");
    expect(reply.content).toMatchObject({ status: "error", ename: "MemoryError" });
    expect(reply.content.evalue).toMatch(/Unable to allocate/);
    expect((await resultText("np.ones([3]).sum()"))["text/plain"]).toBe("3");
  });

  it("image() shows an array as PNG", async () => {
    const data = await resultText("image(np.ones([4, 6]))");
    expect(Buffer.from(data["image/png"], "base64").subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("plt preloaded", () => {
  it("shows a figure made in a cell after the cell, once", async () => {
    const { outputs } = await kernel.execute("plt.plot([1, 2, 3], [1, 4, 9]);");
    const figures = ofType(outputs, "display_data");
    expect(figures).toHaveLength(1);
    expect(Object.keys(figures[0].content.data).length).toBeGreaterThan(1);
    const next = await kernel.execute("1");
    expect(ofType(next.outputs, "display_data")).toHaveLength(0);
  });
});
