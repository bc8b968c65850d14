/**
 * The contract with tslab that kernel/tslab.ts relies on (deep requires, the executor's console reports,
 * prelude modules, completeness). If a tslab upgrade changes any of it, this file fails first.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { codeCompleteness, createTslabEngine, TslabEngine, TSLAB_VERSION, ts } from "../kernel/tslab";

let engine: TslabEngine;
beforeAll(() => {
  engine = createTslabEngine(process.cwd());
  return () => engine.close();
});

describe("tslab's executor reports through the console we give it", () => {
  it("the last expression's value (console.log)", async () => {
    expect(await engine.execute("const a = 20;\na + 1", "hook-1")).toEqual({ kind: "ok", value: 21, hasValue: true });
    expect(await engine.execute("let nothing = 1;", "hook-2")).toEqual({ kind: "ok", value: undefined, hasValue: false });
  });

  it("declarations carried to the next cell", async () => {
    expect(await engine.execute("a * 2", "hook-3")).toEqual({ kind: "ok", value: 40, hasValue: true });
  });

  it("type errors as console.error('%s%d:%d - %s', file, line, column, message)", async () => {
    const report = await engine.execute("const fine = 1;\n  const s: string = 5;", "hook-4");
    expect(report).toEqual({
      kind: "compile-error",
      diagnostics: [{ line: 2, column: 9, message: "Type 'number' is not assignable to type 'string'." }],
    });
  });

  it("exceptions as console.error(error)", async () => {
    const report = await engine.execute("throw new SyntaxError('nope')", "hook-5");
    expect(report.kind).toBe("exception");
    expect((report as { thrown: Error }).thrown).toBeInstanceOf(SyntaxError);
  });

  it("a rejected top-level await as an exception", async () => {
    const report = await engine.execute("await Promise.reject(new Error('async nope'))", "hook-6");
    expect(report.kind).toBe("exception");
    expect(((report as { thrown: Error }).thrown as Error).message).toBe("async nope");
  });

  it("keeps each cell's compiled lines under its name, for tracebacks", async () => {
    // How the name appears in stack traces (the sourceURL comment) is checked in a real kernel by
    // kernel-protocol.test.ts: vitest formats stacks itself, with script names instead of source URLs.
    const report = await engine.execute("const ok = 1;\nthrow new Error('named')", "cell-77");
    expect(report.kind).toBe("exception");
    expect(engine.compiledLines("cell-77")).toContain("throw new Error('named');");
  });

  it("interrupt() rejects a pending await", async () => {
    const pending = engine.execute("await new Promise(() => {})", "hook-7");
    setTimeout(() => engine.interrupt(), 50);
    const report = await pending;
    expect(report.kind).toBe("exception");
    expect(((report as { thrown: Error }).thrown as Error).message).toMatch(/Interrupted asynchronously/);
  });
});

describe("tslab's converter", () => {
  it("addModule makes `declare global` visible to later cells (the prelude)", async () => {
    expect(engine.addModule("__hook_test__", "declare global { var fromPrelude: { answer: number }; }")).toEqual([]);
    (globalThis as { fromPrelude?: unknown }).fromPrelude = { answer: 42 };
    expect(await engine.execute("fromPrelude.answer", "hook-8")).toEqual({ kind: "ok", value: 42, hasValue: true });
    expect(engine.complete("fromPrelude.ans", 15).candidates).toEqual(["answer"]);
  });

  it("completion and quick info", () => {
    const completion = engine.complete("Math.fl", 7);
    expect(completion.candidates).toContain("floor");
    expect([completion.start, completion.end]).toEqual([5, 7]);
    expect(completion.original?.entries.find((e) => e.name === "floor")?.kind).toBe("method");
    const info = engine.inspect("Math.floor", 7);
    expect(ts.displayPartsToString(info?.displayParts)).toContain("floor(x: number): number");
  });

  it("compiles with the TypeScript fork tsdl reports in kernel_info", () => {
    expect(ts.version).toMatch(/^5\./);
    expect(TSLAB_VERSION).toMatch(/^1\./);
  });
});

describe("names of earlier cells, which tslab keeps on `exports`", () => {
  it("in a shorthand property and as the property a destructuring renames", async () => {
    expect((await engine.execute("interface Result { cost: number; w: number }\nfunction train(): Result { return { cost: 0.5, w: 2 }; }\nconst costs = [1, 2];", "names-1")).kind).toBe("ok");
    expect(await engine.execute("const history = { costs };\nhistory.costs.length", "names-2")).toEqual({ kind: "ok", value: 2, hasValue: true });
    expect(await engine.execute("const { cost: finalCost, w } = train();\nfinalCost + w", "names-3")).toEqual({ kind: "ok", value: 2.5, hasValue: true });
    expect(await engine.execute("const { cost: withDefault = 9 } = train();\nlet total = 0;\n({ w: total } = train());\nwithDefault + total", "names-4")).toEqual({ kind: "ok", value: 2.5, hasValue: true });
    expect(await engine.execute("finalCost", "names-5")).toEqual({ kind: "ok", value: 0.5, hasValue: true });
  });

  it("type errors there point at what the user typed", async () => {
    const report = await engine.execute("const { nope: x } = train();", "names-6");
    expect(report).toEqual({ kind: "compile-error", diagnostics: [{ line: 1, column: 9, message: "Property 'nope' does not exist on type 'Result'." }] });
  });
});

describe("codeCompleteness", () => {
  it.each([
    ["const a = 1;", { status: "complete" }],
    ["function f() {", { status: "incomplete", indent: "  " }],
    ["const list = [1,", { status: "incomplete", indent: "  " }],
    ["}", { status: "invalid" }],
    ["const = 5;", { status: "invalid" }],
    ["function f() {\n\n\n", { status: "complete" }],
  ])("%j → %j", (code, expected) => {
    expect(codeCompleteness(code)).toEqual(expected);
  });
});
