/**
 * Everything tsdl takes from tslab, in one file: deep requires of its converter and executor (the package has
 * no exports map), its TypeScript compiler, and the one hook we depend on — how its executor reports results
 * through the `console` it is given. test/kernel-tslab-hook.test.ts fails if a tslab upgrade changes any of it.
 */
import { dirname } from "node:path";
import type { Converter, Diagnostic, CompletionInfo } from "tslab/dist/converter";
import type { Executor, ConverterSet } from "tslab/dist/executor";
import type * as tsModule from "@tslab/typescript-for-tslab";
import { withOperators } from "./operators";

const converterModule: typeof import("tslab/dist/converter") = require("tslab/dist/converter");
const executorModule: typeof import("tslab/dist/executor") = require("tslab/dist/executor");

/** The TypeScript compiler tslab is built on (a 5.0 fork); used for versions and parsing only. */
export const ts: typeof tsModule = require(
  require.resolve("@tslab/typescript-for-tslab", { paths: [dirname(require.resolve("tslab/package.json"))] }),
);

/** tslab's version, for kernel_info. */
export const TSLAB_VERSION: string = require("tslab/package.json").version;

export type { Converter, Diagnostic, CompletionInfo };
export type QuickInfo = tsModule.QuickInfo;

/** A type error found before the cell ran, at a 1-based line and column of the cell (or of `file`). */
export interface CompileDiagnostic {
  line: number;
  column: number;
  message: string;
  /** Set when the error is in another file the cell imports. */
  file?: string;
}

/** What tslab's executor reported for one `execute`. */
export type ExecutorReport =
  | { kind: "ok"; value: unknown; hasValue: boolean }
  | { kind: "compile-error"; diagnostics: CompileDiagnostic[] }
  | { kind: "exception"; thrown: unknown };

/**
 * tslab's executor prints type errors as `console.error("%s%d:%d - %s", file, line, column, message)`,
 * exceptions as `console.error(error)`, and the last expression's value as `console.log(value)`.
 * This is the hook: the console we hand it records those calls instead of printing them.
 */
const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";

class ReportingConsole {
  private value: unknown;
  private hasValue = false;
  private diagnostics: CompileDiagnostic[] = [];
  private thrown: { error: unknown } | undefined;

  log = (value: unknown): void => {
    this.value = value;
    this.hasValue = true;
  };

  error = (first: unknown, ...rest: unknown[]): void => {
    if (first === DIAGNOSTIC_FORMAT && rest.length === 4) {
      const [file, line, column, message] = rest as [string, number, number, string];
      this.diagnostics.push({ line, column, message, ...(file.trim() ? { file: file.trim() } : {}) });
    } else {
      this.thrown = { error: first };
    }
  };

  /** The report for the execution that just ended, then a clean slate for the next one. */
  take(succeeded: boolean): ExecutorReport {
    const report: ExecutorReport = this.diagnostics.length
      ? { kind: "compile-error", diagnostics: this.diagnostics }
      : this.thrown
        ? { kind: "exception", thrown: this.thrown.error }
        : succeeded
          ? { kind: "ok", value: this.value, hasValue: this.hasValue }
          : { kind: "exception", thrown: new Error("the cell failed without an error") };
    this.value = undefined;
    this.hasValue = false;
    this.diagnostics = [];
    this.thrown = undefined;
    return report;
  }
}

/** tslab's converter and executor for Node code in `rootDir` (where `import`s resolve: the notebook's folder). */
export interface TslabEngine {
  /**
   * Type-checks and runs a cell; declarations carry over to later cells. `sourceName` (no spaces) names
   * the cell's code in stack traces, and `compiledLine` gives back its lines.
   */
  execute(src: string, sourceName: string): Promise<ExecutorReport>;
  /** The lines of JavaScript a recent cell compiled to, by its `sourceName`. */
  compiledLines(sourceName: string): readonly string[] | undefined;
  complete(src: string, position: number): CompletionInfo;
  inspect(src: string, position: number): QuickInfo | undefined;
  /** Adds a virtual module (the prelude) to every later type check; returns its type errors. */
  addModule(name: string, content: string): CompileDiagnostic[];
  /** Rejects the pending `await` of a running cell. */
  interrupt(): void;
  close(): void;
}

/** How many cells' compiled code is kept for tracebacks (functions of older cells show without their line). */
const COMPILED_CELLS_KEPT = 200;

/**
 * Builds tslab's converter and executor. Creating the compiler takes about a second.
 * @example const engine = createTslabEngine(process.cwd()); await engine.execute("1 + 1") // { kind: "ok", value: 2, hasValue: true }
 */
export function createTslabEngine(rootDir: string): TslabEngine {
  // NumPy-style operators on NDArrays: cells are rewritten before tslab type-checks them (kernel/operators.ts).
  const node = withOperators(converterModule.createConverter({ isJS: false, isBrowser: false }));
  let browser: Converter | undefined;
  /** The name the cell being run gets in stack traces, and the compiled lines of recent cells. */
  let runningAs = "cell";
  const compiled = new Map<string, string[]>();
  const converters: ConverterSet = {
    node: {
      ...node,
      // tslab runs the output with vm and no filename: a sourceURL comment names the cell in stack traces.
      convert(prevDecl, src) {
        const result = node.convert(prevDecl, src);
        if (result.output !== undefined) {
          compiled.delete(runningAs);
          compiled.set(runningAs, result.output.split("\n"));
          if (compiled.size > COMPILED_CELLS_KEPT) compiled.delete(compiled.keys().next().value!);
          result.output += `\n//# sourceURL=${runningAs}`;
        }
        return result;
      },
    },
    // Only `//@mode: browser` cells need the second compiler, so it is built on first use.
    get browser() {
      return (browser ??= converterModule.createConverter({ isJS: false, isBrowser: true }));
    },
    close() {
      node.close();
      browser?.close();
    },
  };
  const reporter = new ReportingConsole();
  const executor: Executor = executorModule.createExecutor(rootDir, converters, reporter);
  return {
    async execute(src, sourceName) {
      runningAs = sourceName;
      return reporter.take(await executor.execute(src));
    },
    compiledLines: (sourceName) => compiled.get(sourceName),
    complete: (src, position) => executor.complete(src, position),
    inspect: (src, position) => executor.inspect(src, position) ?? undefined,
    addModule: (name, content) =>
      node.addModule(name, content).map((d: Diagnostic) => ({
        line: d.start.line + 1,
        column: d.start.character + 1,
        message: d.messageText,
        ...(d.fileName ? { file: d.fileName } : {}),
      })),
    interrupt: () => executor.interrupt(),
    close: () => executor.close(),
  };
}

/**
 * Whether a cell is complete, needs more lines, or can never parse (for is_complete_request).
 * tslab's own `isCompleteCode` treats any unbalanced input after the last "expected" as complete.
 * @example codeCompleteness("for (;;) {") // { status: "incomplete", indent: "  " }
 */
export function codeCompleteness(code: string): { status: "complete" | "incomplete" | "invalid"; indent?: string } {
  const tslabAnswer = converterModule.isCompleteCode(code);
  if (!tslabAnswer.completed) return { status: "incomplete", indent: tslabAnswer.indent ?? "" };
  const source = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const parseErrors = (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics ?? [];
  return { status: parseErrors.length === 0 || /(^|\n)\s*\n\s*$/.test(code) ? "complete" : "invalid" };
}
