/**
 * Runs cells and answers editor questions (completion, inspection) for the kernel, on tslab's engine with
 * the tsdl prelude; turns tslab's reports into Jupyter's shapes (MIME bundles, ename/evalue/traceback).
 * Jupyter counts cursor positions in Unicode code points, JavaScript strings in UTF-16 units: conversions
 * happen here.
 */
import { inspect as inspectValue } from "node:util";
import { createTslabEngine, CompileDiagnostic, QuickInfo, TslabEngine, ts } from "./tslab";
import { preludeSource, resolveGlobals } from "./prelude";

/** A failed cell as Jupyter's `error` message describes it. */
export interface CellError {
  ename: string;
  evalue: string;
  traceback: string[];
}

export type CellOutcome = { ok: true; value: unknown; hasValue: boolean } | { ok: false; error: CellError };

export interface Completion {
  matches: string[];
  cursorStart: number;
  cursorEnd: number;
  /** Jupyter's `_jupyter_types_experimental`: one entry per match with its kind. */
  types: { start: number; end: number; text: string; type: string }[];
}

export interface Inspection {
  plain: string;
  markdown: string;
}

const RED = "\u001b[0;31m";
const BOLD_RED = "\u001b[1;31m";
const GREEN = "\u001b[0;32m";
const RESET = "\u001b[0m";

/** Frames of the kernel machinery, not of the user's code, dropped from tracebacks. */
const INTERNAL_FRAME = /node:internal|node:vm|[\\/]tslab[\\/]dist[\\/]|[\\/]dist[\\/]kernel[\\/]/;
const SIGINT_MESSAGE = /interrupted by `SIGINT`|Interrupted asynchronously/;

/**
 * @example
 * const evaluator = new Evaluator(process.cwd());
 * await evaluator.run("np.ones([2]).sum()", "Cell [1]"); // { ok: true, value: 2, hasValue: true }
 */
export class Evaluator {
  /** Globals the prelude could not provide because their module is not built; logged by the kernel. */
  readonly missingGlobals: string[];
  /** Type errors in the prelude itself (a broken .d.ts in dist/); logged by the kernel. */
  readonly preludeErrors: CompileDiagnostic[];
  private readonly engine: TslabEngine;

  /** Loads the globals and builds tslab's compiler for notebooks in `notebookDir` (about a second). */
  constructor(notebookDir: string) {
    const globals = resolveGlobals();
    Object.assign(globalThis, globals.values);
    this.missingGlobals = globals.missing;
    this.engine = createTslabEngine(notebookDir);
    this.preludeErrors = this.engine.addModule("__tsdl_prelude__", preludeSource(globals.sources, notebookDir));
  }

  /**
   * Type-checks and runs one cell. Never throws: type errors, exceptions and interrupts come back as errors.
   * `cellName` (e.g. "cell-3") names the cell's frames in tracebacks.
   * @example await evaluator.run("const x: number = 1; x + 1", "cell-1") // { ok: true, value: 2, hasValue: true }
   */
  async run(code: string, cellName: string): Promise<CellOutcome> {
    const report = await this.engine.execute(code, cellName.replace(/\s/g, "_"));
    switch (report.kind) {
      case "ok":
        return { ok: true, value: report.value, hasValue: report.hasValue };
      case "compile-error":
        return { ok: false, error: compileError(report.diagnostics, code) };
      case "exception":
        return { ok: false, error: exceptionError(report.thrown, (name) => this.engine.compiledLines(name)) };
    }
  }

  /** Rejects the pending `await` of the running cell (a synchronous loop is broken by SIGINT itself). @example process.on("SIGINT", () => evaluator.interrupt()) */
  interrupt(): void {
    this.engine.interrupt();
  }

  /**
   * Completions at a cursor given in code points.
   * @example evaluator.complete("np.ze", 5).matches // ["zeros", "zeros_like"]
   */
  complete(code: string, cursorPos: number): Completion {
    const info = this.engine.complete(code, toUtf16Offset(code, cursorPos));
    const kinds = new Map(info.original?.entries.map((entry) => [entry.name, entry.kind]) ?? []);
    const cursorStart = toCodePointOffset(code, info.start);
    const cursorEnd = toCodePointOffset(code, info.end);
    return {
      matches: info.candidates,
      cursorStart,
      cursorEnd,
      types: info.candidates.map((text) => ({ start: cursorStart, end: cursorEnd, text, type: jupyterKind(kinds.get(text)) })),
    };
  }

  /**
   * The signature and JSDoc of the symbol at (or just before) the cursor, as text and markdown.
   * @example evaluator.inspect("np.zeros", 8)?.markdown
   */
  inspect(code: string, cursorPos: number): Inspection | undefined {
    const offset = toUtf16Offset(code, cursorPos);
    // Frontends send the cursor just after a name ("np.zeros|"); TypeScript wants a position inside it.
    const info = this.engine.inspect(code, offset) ?? (offset > 0 ? this.engine.inspect(code, offset - 1) : undefined);
    return info ? describeQuickInfo(info) : undefined;
  }

  close(): void {
    this.engine.close();
  }
}

function compileError(diagnostics: CompileDiagnostic[], code: string): CellError {
  const lines = code.split("\n");
  const where = (d: CompileDiagnostic) => `${d.file ?? "cell"}:${d.line}:${d.column}`;
  const traceback = diagnostics.flatMap((d) => {
    const out = [`${BOLD_RED}${where(d)}${RESET} - ${d.message}`];
    const source = d.file ? undefined : lines[d.line - 1];
    if (source !== undefined) out.push(`    ${source}`, `    ${" ".repeat(Math.max(0, d.column - 1))}${GREEN}^${RESET}`);
    return out;
  });
  const first = diagnostics[0];
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
  return { ename: "TSError", evalue: `${where(first)} - ${first.message}${more}`, traceback };
}

/**
 * A stack frame in a cell, "at f (cell-3:4:11)" or "at cell-3:4:11": the line is one of the compiled
 * JavaScript (tslab emits no source map), so the frame shows that line's code instead of its number.
 */
const CELL_FRAME = /^\s+at (?:(.+) \()?([\w-]+):(\d+):\d+\)?$/;
/**
 * tslab's rewrites the user did not write: `exports.tsLastExpr = …` stores the last expression, `exports.x`
 * reads a variable of an earlier cell, and calls through `exports` name functions "Proxy.f".
 */
const LAST_EXPRESSION_STORE = /^exports\.tsLastExpr\d* = /;
const EXPORTS_PREFIX = /\bexports\./g;

/** "at f (cell 3): throw new Error()" for a frame in a cell; undefined drops the frame (tslab's wrapper call). */
function cellFrame(frame: string, compiledLines: (name: string) => readonly string[] | undefined): string | undefined {
  const match = CELL_FRAME.exec(frame);
  const lines = match ? compiledLines(match[2]) : undefined;
  if (!match || !lines) return frame;
  const code = lines[Number(match[3]) - 1];
  if (code === undefined) return undefined;
  const fn = match[1]?.replace(/^Proxy\./, "");
  return `    at ${fn ? `${fn} ` : ""}(${match[2].replace("-", " ")}): ${code.trim().replace(LAST_EXPRESSION_STORE, "").replace(EXPORTS_PREFIX, "")}`;
}

function exceptionError(thrown: unknown, compiledLines: (name: string) => readonly string[] | undefined): CellError {
  if (!(thrown instanceof Error)) {
    const evalue = inspectValue(thrown);
    return { ename: "Uncaught", evalue, traceback: [`${BOLD_RED}Uncaught${RESET} ${evalue}`] };
  }
  if (SIGINT_MESSAGE.test(thrown.message) || thrown.name === "Interrupted") {
    return { ename: "Interrupted", evalue: "the cell was interrupted", traceback: [`${BOLD_RED}Interrupted${RESET}: the cell was interrupted`] };
  }
  const ename = thrown.name || thrown.constructor?.name || "Error";
  const frames = (thrown.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line) && !INTERNAL_FRAME.test(line))
    .map((line) => cellFrame(line, compiledLines))
    .filter((line): line is string => line !== undefined);
  return { ename, evalue: thrown.message, traceback: [`${BOLD_RED}${ename}${RESET}: ${thrown.message}`, ...frames.map((f) => `${RED}${f}${RESET}`)] };
}

/** Jupyter's completion kinds (what JupyterLab draws icons for) from TypeScript's ScriptElementKind. */
function jupyterKind(kind: string | undefined): string {
  switch (kind) {
    case "method":
    case "function":
    case "local function":
    case "construct":
      return "function";
    case "class":
    case "local class":
      return "class";
    case "module":
    case "external module name":
    case "alias":
      return "module";
    case "keyword":
      return "keyword";
    case "property":
    case "getter":
    case "setter":
      return "property";
    case "parameter":
      return "param";
    case undefined:
      return "text";
    default:
      return "instance";
  }
}

function describeQuickInfo(info: QuickInfo): Inspection {
  const signature = ts.displayPartsToString(info.displayParts);
  const docs = ts.displayPartsToString(info.documentation);
  const tags = (info.tags ?? []).map((tag) => ({ name: tag.name, text: ts.displayPartsToString(tag.text) }));
  const plain = [signature, docs, ...tags.map((t) => `@${t.name} ${t.text}`)].filter(Boolean).join("\n\n");
  const markdownTags = tags.map(({ name, text }) => {
    if (name === "example") return `*Example:*\n\`\`\`typescript\n${text.trim()}\n\`\`\``;
    if (name === "param") return `*@param* ${text.replace(/^(\S+)/, "`$1` —")}`;
    return `*@${name}* ${text}`;
  });
  const markdown = [`\`\`\`typescript\n${signature}\n\`\`\``, docs, ...markdownTags].filter(Boolean).join("\n\n");
  return { plain, markdown };
}

/**
 * UTF-16 index of the `codePoints`-th code point of `text`.
 * @example toUtf16Offset("😀a", 1) // 2
 */
export function toUtf16Offset(text: string, codePoints: number): number {
  let offset = 0;
  for (let i = 0; i < codePoints && offset < text.length; i++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}

/**
 * Number of code points in the first `utf16Offset` units of `text`.
 * @example toCodePointOffset("😀a", 2) // 1
 */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  return [...text.slice(0, utf16Offset)].length;
}
