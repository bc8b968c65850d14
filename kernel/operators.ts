/**
 * NumPy-style operators in notebook cells. TypeScript has no operator overloading, so before tslab sees a cell,
 * `100 * A / B` is rewritten to `__tsdl_ops.div(__tsdl_ops.mul(100, A), B)` wherever the type checker says an
 * operand is an NDArray; numbers, strings and everything else keep JavaScript's meaning. tslab then type-checks
 * and runs the rewritten code; diagnostics, hover and completion positions are mapped back to what the user typed.
 *
 * Why a converter wrapper: tslab's executor only calls `convert`/`inspect`/`complete(prevDecl, src, …)` on the
 * converter it is given, so wrapping it needs no fork of tslab. tslab's own type checker is not reachable from
 * outside, so the decision is made with a second program over the same files and options (lib and @types source
 * files are parsed once and reused from program to program). bench/operators.js measures the cost: about 5 ms for
 * a cell of plain number arithmetic (one check that finds no NDArray), about 11 ms for a cell with 20 operators
 * against the same cell written with methods, nothing for a cell without operator tokens.
 *
 * An operator's result that feeds straight into another operator or a unary ufunc is wrapped in
 * `__tsdl_ops.temp(…)`, so that operation may write into it (numpy's temporary elision; np/temporaries); so is
 * the new array of an np call that feeds one (`1 + np.exp(-Z)`: a ufunc without `out`, np.dot, np.matmul,
 * NDArray arithmetic methods). The same edits also work around two ways tslab
 * misreads earlier cells' names (`previousNameEdits`).
 *
 * `==`/`===` keep JavaScript's meaning (identity); `np.equal(a, b)` is the elementwise form. `-a ** 2` stays the
 * syntax error it is in TypeScript. Cells in `//@module` and browser mode are not rewritten.
 */
import { dirname } from "node:path";
import { preludeSource, resolveGlobals } from "./prelude";
import { ts, type CompletionInfo, type Converter, type Diagnostic, type QuickInfo } from "./tslab";
import type * as tsModule from "@tslab/typescript-for-tslab";
import type { OperatorHelper } from "../lib/ops";
// kernel/tslab.ts imports this module, and this module takes `ts` from it: `ts` is only used inside functions, by
// which time both modules are loaded.

/** The global the rewritten code calls (lib/ops's `ops`); kept out of completion lists. */
export const HELPERS_GLOBAL = "__tsdl_ops";
/** tslab's prefix before every cell and virtual module ("any file with an export is a module"). */
const MODULE_PREFIX = "export {};\n";
const TS_ERROR_CATEGORY = 1;
/** TypeScript's code for "Operator '+' cannot be applied to types …", which the errors reported here are. */
const OPERATOR_ERROR = 2365;

type Form = "binary" | "in-place" | "rebind" | "negate";
/** How one operator of the original cell is rewritten: which helper, called how. */
interface Rewrite {
  form: Form;
  helper: OperatorHelper;
}

/** The helper a binary or compound-assignment operator token calls, if it is one tsdl gives NumPy meaning. */
function helperFor(kind: tsModule.SyntaxKind): OperatorHelper | undefined {
  const k = ts.SyntaxKind;
  switch (kind) {
    case k.PlusToken: return "add";
    case k.MinusToken: return "sub";
    case k.AsteriskToken: return "mul";
    case k.SlashToken: return "div";
    case k.PercentToken: return "mod";
    case k.AsteriskAsteriskToken: return "pow";
    case k.LessThanToken: return "lt";
    case k.LessThanEqualsToken: return "le";
    case k.GreaterThanToken: return "gt";
    case k.GreaterThanEqualsToken: return "ge";
    case k.PlusEqualsToken: return "iadd";
    case k.MinusEqualsToken: return "isub";
    case k.AsteriskEqualsToken: return "imul";
    case k.SlashEqualsToken: return "idiv";
    case k.PercentEqualsToken: return "imod";
    case k.AsteriskAsteriskEqualsToken: return "ipow";
    default: return undefined;
  }
}

const isCompound = (helper: OperatorHelper) => helper.startsWith("i");

/**
 * Whether a cell has any token an NDArray operator could be (`-` included): if not, it is passed to tslab
 * untouched without building a program. Comments and strings are skipped by the scanner; `<` in a generic or `/`
 * of a regular expression are false positives that only cost a check.
 * @example mayUseOperators("np.zeros([2]) // plain") // false
 */
export function mayUseOperators(src: string): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, src);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (helperFor(token)) return true;
  }
  return false;
}

/**
 * Edits that keep tslab from misreading names of earlier cells, which live on `exports`: tslab rewrites every
 * identifier whose symbol an earlier cell declared to `exports.name`. A shorthand property (`{ costs }`) is not
 * rewritten and then reads an undefined variable, so it is spelled out (`{ costs: costs }`); the property name
 * of a renaming destructuring (`const { cost: c } = f()`) is, and breaks the cell ("Identifier 'exports' has
 * already been declared"), so it is quoted (`{ "cost": c }`). Both mean the same in TypeScript.
 * @example previousNameEdits(parse("const o = { costs };")) // [{ start: 17, end: 17, text: ": costs", order: 0 }]
 */
export function previousNameEdits(file: tsModule.SourceFile): Edit[] {
  const edits: Edit[] = [];
  const visit = (node: tsModule.Node): void => {
    if (ts.isShorthandPropertyAssignment(node)) {
      edits.push({ start: node.name.end, end: node.name.end, text: `: ${node.name.text}`, order: 0 });
    } else if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.propertyName)) {
      edits.push({ start: node.propertyName.getStart(file), end: node.propertyName.end, text: JSON.stringify(node.propertyName.text), order: 2 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return edits;
}

/** An original offset range. */
interface Span {
  start: number;
  end: number;
}

/** One change to the cell's text: `text` replaces [start, end) of the original (an insertion when they are equal). */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** At one offset, closing `)` come before opening calls (outermost first), which come before a replaced token. */
  order: 0 | 1 | 2;
}
interface PlacedEdit extends Edit {
  /** Where the edit's text lands in the rewritten code: [outStart, outEnd). */
  outStart: number;
  outEnd: number;
}

/**
 * A cell's code after rewriting, with offsets mapped both ways. Only operator tokens are replaced (by `,` or a
 * call's opening) and calls' parentheses inserted, so everything the user typed is copied verbatim and its lines
 * keep their numbers.
 * @example
 * const cell = new RewrittenCell("A * 2", [{ start: 0, end: 0, text: "f(", order: 1 }, { start: 2, end: 3, text: ",", order: 2 }, { start: 5, end: 5, text: ")", order: 0 }]);
 * cell.code              // "f(A , 2)"
 * cell.toOriginal(6)     // 4 (the "2")
 */
export class RewrittenCell {
  readonly code: string;
  private readonly edits: PlacedEdit[];

  constructor(readonly original: string, edits: Edit[]) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.order - b.order);
    let code = "";
    let copied = 0;
    this.edits = sorted.map((edit) => {
      code += original.slice(copied, edit.start);
      const outStart = code.length;
      code += edit.text;
      copied = edit.end;
      return { ...edit, outStart, outEnd: code.length };
    });
    this.code = code + original.slice(copied);
  }

  /** The original offset of a rewritten one; inside inserted or replacing text, the offset the edit was made at. */
  toOriginal(offset: number): number {
    let shift = 0;
    for (const edit of this.edits) {
      if (offset < edit.outStart) break;
      if (offset < edit.outEnd) return edit.start;
      shift = edit.outEnd - edit.end;
    }
    return offset - shift;
  }

  /**
   * The rewritten offset of an original one (a cursor): after a call's opening inserted there, before a closing
   * `)` (so a cursor just after `b` in `A + b` stays just after `b`), at the start of a replaced operator token.
   */
  toRewritten(offset: number): number {
    let shift = 0;
    for (const edit of this.edits) {
      if (edit.start === edit.end ? offset < edit.start || (offset === edit.start && edit.order === 0) : offset < edit.start) break;
      if (offset < edit.end) return edit.outStart;
      shift = edit.outEnd - edit.end;
    }
    return offset + shift;
  }

  /** tslab's zero-based line and character of an original offset. */
  position(offset: number): Diagnostic["start"] {
    const { line, character } = ts.getLineAndCharacterOfPosition(this.originalSource(), offset);
    return { offset, line, character };
  }

  /** The original text as TypeScript's line lookup wants it (it caches the line starts on this object). */
  private lineSource?: tsModule.SourceFileLike;
  private originalSource(): tsModule.SourceFileLike {
    return (this.lineSource ??= { text: this.original } as tsModule.SourceFileLike);
  }
}

/** An operator that cannot apply to its operands: the error, at the offending operand, and the whole expression. */
export interface OperatorError {
  diagnostic: Diagnostic;
  /** Original offsets of the operator expression: tslab's own complaints there (`A * {}`) say the same again. */
  expression: Span;
}

/** A rewritten cell and the operator errors found on the way (an NDArray with a string, an object, …). */
export interface OperatorRewrite {
  cell: RewrittenCell;
  operators: RewrittenOperator[];
  errors: OperatorError[];
  /**
   * The cell as typed does not parse. It then runs nowhere, and tslab is given it unchanged so that it reports the
   * syntax errors (`-A ** 2` among them: rewritten to calls it would parse). Completion and hover, on half-typed
   * code, still see the rewrite.
   */
  syntaxErrors: boolean;
}

/** The type checker's view of an operand: an NDArray (or a union with one), `any`, a plain number/boolean/array, or other. */
type OperandKind = "array" | "any" | "plain" | "other";

const TYPED_ARRAYS = new Set(["Float64Array", "Float32Array", "Int32Array", "Uint8Array"]);
const NDARRAY_SOURCE = /[\\/]lib[\\/]np[\\/]ndarray(\.d)?\.ts$/;
const UFUNC_SOURCE = /[\\/]lib[\\/]np[\\/]ufunc(\.d)?\.ts$/;
const LINALG_SOURCE = /[\\/]lib[\\/]np[\\/]linalg(\.d)?\.ts$/;
/** NDArray methods and np products whose result is always a new array (unlike views such as `reshape` or `T`). */
const NEW_ARRAY_METHODS = new Set(["add", "sub", "mul", "div", "mod", "pow", "neg", "abs", "gt", "ge", "lt", "le", "eq", "ne", "dot"]);
const NEW_ARRAY_PRODUCTS = new Set(["dot", "matmul"]);

/**
 * np calls that matter to temporaries, by the offset of their opening parenthesis: unlike their start, it tells
 * `np.exp(x)` from `np.exp(x).sum()`.
 */
interface CallFindings {
  /** Calls of np functions and NDArray methods that return a new array nothing else holds. */
  newArray: Set<number>;
  /** Calls of a unary ufunc without options, which write into an argument marked as a temporary. */
  unaryUfunc: Set<number>;
}

/** What one analysis of (partly rewritten) code found, with offsets in that code. */
interface Findings {
  rewrites: Map<number, Rewrite>;
  calls: CallFindings;
  errors: (Span & { expression: Span; message: string })[];
}

/**
 * Finds the operators with an NDArray operand, bottom-up: an operator expression found to be NDArray-valued counts
 * as an NDArray for the operator above it, whatever the checker (which sees no overloading) says about it.
 * Offsets are of the operator token in `file`'s text minus the module prefix.
 */
function findArrayOperators(checker: tsModule.TypeChecker, file: tsModule.SourceFile): Findings {
  const findings: Findings = { rewrites: new Map(), calls: { newArray: new Set(), unaryUfunc: new Set() }, errors: [] };
  const arrayValued = new Set<tsModule.Node>();
  /**
   * Variables declared (without a type) from an expression found NDArray-valued above them in this pass: their
   * later uses are NDArrays too, which the checker can only see once the code is rewritten. Knowing it here saves
   * the typical cell (`const Z = W * X + b; const A = Z * (Z > 0)`) a type-check pass per line.
   */
  const arrayVariables = new Set<tsModule.Symbol>();
  const isArrayVariable = (expression: tsModule.Expression) => {
    const symbol = ts.isIdentifier(expression) ? checker.getSymbolAtLocation(expression) : undefined;
    return !!symbol && arrayVariables.has(symbol);
  };
  const offset = (pos: number) => pos - MODULE_PREFIX.length;

  const isNDArray = (type: tsModule.Type) => {
    const declaration = type.getSymbol()?.declarations?.[0];
    return type.getSymbol()?.getName() === "NDArray" && !!declaration && NDARRAY_SOURCE.test(declaration.getSourceFile().fileName);
  };
  const isPlain = (type: tsModule.Type): boolean => {
    if (type.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike)) return true;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      return checker.getTypeArguments(type as tsModule.TypeReference).every((element) => isPlain(element));
    }
    return TYPED_ARRAYS.has(type.getSymbol()?.getName() ?? "");
  };
  const kindOfType = (declared: tsModule.Type): OperandKind => {
    // A type parameter counts as its constraint: `<T extends NDArray>(x: T) => x * 2` is NDArray arithmetic.
    const type = declared.flags & ts.TypeFlags.TypeParameter ? (checker.getBaseConstraintOfType(declared) ?? declared) : declared;
    if (type.flags & ts.TypeFlags.Any) return "any";
    const parts = type.isUnion() ? type.types : [type];
    if (parts.some((part) => !isNDArray(part) && !isPlain(part))) return "other";
    return parts.some(isNDArray) ? "array" : "plain";
  };
  const knownArray = (expression: tsModule.Expression) => arrayValued.has(expression) || isArrayVariable(expression);
  const kindOf = (operand: tsModule.Expression): OperandKind => {
    const inner = withoutParentheses(operand);
    return knownArray(inner) ? "array" : kindOfType(checker.getTypeAtLocation(inner));
  };
  const typeText = (operand: tsModule.Expression) => {
    const inner = withoutParentheses(operand);
    return knownArray(inner) ? "NDArray" : checker.typeToString(checker.getTypeAtLocation(inner));
  };
  /** An assignment target's declared type (at a `const` target, the checker's type there is its error type). */
  const declaredType = (target: tsModule.Expression) => {
    const symbol = checker.getSymbolAtLocation(target);
    return symbol ? checker.getTypeOfSymbol(symbol) : checker.getTypeAtLocation(target);
  };
  /**
   * Records a call of a ufunc without options (with them it may write into `out`), np.dot or np.matmul, or such an
   * NDArray method: its result is new. A unary ufunc's argument may also receive its result.
   */
  const recordCall = (call: tsModule.CallExpression): void => {
    const signature = checker.getResolvedSignature(call);
    const source = signature?.getDeclaration()?.getSourceFile().fileName ?? "";
    const at = offset(call.expression.end);
    if (UFUNC_SOURCE.test(source)) {
      const parameters = signature!.getParameters().length;
      if (call.arguments.length < parameters) findings.calls.newArray.add(at);
      if (call.arguments.length === 1 && parameters === 2) findings.calls.unaryUfunc.add(at);
      return;
    }
    const callee = call.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
    if ((LINALG_SOURCE.test(source) && NEW_ARRAY_PRODUCTS.has(name)) || (NDARRAY_SOURCE.test(source) && NEW_ARRAY_METHODS.has(name))) findings.calls.newArray.add(at);
  };
  const error = (operand: tsModule.Node, expression: tsModule.Node, message: string) =>
    findings.errors.push({ start: offset(operand.getStart(file)), end: offset(operand.end), expression: { start: offset(expression.getStart(file)), end: offset(expression.end) }, message });

  const visit = (node: tsModule.Node): void => {
    ts.forEachChild(node, visit);
    if (ts.isVariableDeclaration(node) && !node.type && node.initializer && arrayValued.has(withoutParentheses(node.initializer))) {
      const symbol = checker.getSymbolAtLocation(node.name);
      if (symbol) arrayVariables.add(symbol);
      return;
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && kindOf(node.operand) === "array") {
      arrayValued.add(node);
      findings.rewrites.set(offset(node.getStart(file)), { form: "negate", helper: "neg" });
      return;
    }
    if (ts.isCallExpression(node)) recordCall(node);
    if (!ts.isBinaryExpression(node)) return;
    const helper = helperFor(node.operatorToken.kind);
    if (!helper) return;
    const target = isCompound(helper) ? declaredType(node.left) : undefined;
    const left = target && !isArrayVariable(node.left) ? kindOfType(target) : kindOf(node.left);
    const right = kindOf(node.right);
    if (left !== "array" && right !== "array") return;
    const other = left === "array" ? node.right : node.left;
    if ((left === "array" ? right : left) === "other") {
      const operator = node.operatorToken.getText(file);
      error(other, node, `Operator '${operator}' cannot be applied to types '${typeText(node.left)}' and '${typeText(node.right)}'.`);
      return;
    }
    let form: Form = "binary";
    if (target) {
      // `W += dW` on an NDArray variable updates it in place (numpy's semantics, and fine for a `const`); a target
      // that may hold something else gets the result assigned back.
      form = isArrayVariable(node.left) || (!target.isUnion() && isNDArray(target)) ? "in-place" : "rebind";
    } else {
      arrayValued.add(node);
    }
    findings.rewrites.set(offset(node.operatorToken.getStart(file)), { form, helper });
  };
  visit(file);
  return findings;
}

function withoutParentheses(expression: tsModule.Expression): tsModule.Expression {
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  return expression;
}

/** The offset in the original cell that keys a candidate operator: its operator token. */
function operatorOffset(node: tsModule.Node, file: tsModule.SourceFile): number | undefined {
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) return node.getStart(file);
  if (ts.isBinaryExpression(node) && helperFor(node.operatorToken.kind)) return node.operatorToken.getStart(file);
  return undefined;
}

/** A rewritten operator that has a value (not `a += b`): its token and whole expression in the original cell. */
export interface RewrittenOperator {
  token: Span;
  expression: Span;
}

/** The edits that turn the chosen operators of the original cell into helper calls, and those operators. */
function planRewrite(file: tsModule.SourceFile, rewrites: Map<number, Rewrite>, calls: CallFindings): { edits: Edit[]; operators: RewrittenOperator[] } {
  const edits: Edit[] = [];
  const operators: RewrittenOperator[] = [];
  const call = (helper: OperatorHelper) => `${HELPERS_GLOBAL}.${helper}(`;
  const rewriteOf = (node: tsModule.Node) => {
    const at = operatorOffset(node, file);
    return at === undefined ? undefined : rewrites.get(at);
  };
  // An operand of an operator or a unary ufunc that is itself a rewritten operator's fresh result, or a new array
  // from an np call, is marked, so that the outer operation may write into it (np/temporaries). In-place forms
  // return their target, which is not fresh.
  const fresh = (operand: tsModule.Expression) => {
    const rewrite = rewriteOf(operand);
    if (rewrite) return rewrite.form === "binary" || rewrite.form === "negate";
    return ts.isCallExpression(operand) && calls.newArray.has(operand.expression.end);
  };
  const markTemporary = (operand: tsModule.Expression) => {
    if (!fresh(withoutParentheses(operand))) return;
    const start = operand.getStart(file);
    edits.push({ start, end: start, text: call("temp"), order: 1 }, { start: operand.end, end: operand.end, text: ")", order: 0 });
  };
  const visit = (node: tsModule.Node): void => {
    const at = operatorOffset(node, file);
    const rewrite = rewriteOf(node);
    const expression = { start: node.getStart(file), end: node.end };
    if (rewrite && ts.isPrefixUnaryExpression(node)) {
      edits.push({ start: at!, end: at! + 1, text: call(rewrite.helper), order: 2 }, { start: node.operand.end, end: node.operand.end, text: ")", order: 0 });
      markTemporary(node.operand);
      operators.push({ token: { start: at!, end: at! + 1 }, expression });
    } else if (rewrite && ts.isBinaryExpression(node)) {
      const token = { start: at!, end: node.operatorToken.end };
      if (rewrite.form === "rebind") {
        edits.push({ ...token, text: `= ${call(rewrite.helper)}${node.left.getText(file)},`, order: 2 });
      } else {
        edits.push({ start: node.left.getStart(file), end: node.left.getStart(file), text: call(rewrite.helper), order: 1 }, { ...token, text: ",", order: 2 });
      }
      edits.push({ start: node.right.end, end: node.right.end, text: ")", order: 0 });
      if (rewrite.form === "binary") {
        markTemporary(node.left);
        markTemporary(node.right);
        operators.push({ token, expression });
      }
    }
    if (ts.isCallExpression(node) && node.arguments.length === 1 && calls.unaryUfunc.has(node.expression.end)) markTemporary(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { edits, operators };
}

function countOperators(file: tsModule.SourceFile): number {
  let count = 0;
  const visit = (node: tsModule.Node): void => {
    if (operatorOffset(node, file) !== undefined && !literalOnly(node)) count++;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return count;
}

/** An expression made of literals alone (`1 + 1`, `-2 * (3 - 1)`, `"a" + "b"`) can never involve an array. */
function literalOnly(node: tsModule.Node): boolean {
  if (ts.isParenthesizedExpression(node)) return literalOnly(node.expression);
  if (ts.isPrefixUnaryExpression(node)) return literalOnly(node.operand);
  if (ts.isBinaryExpression(node)) return literalOnly(node.left) && literalOnly(node.right);
  return ts.isLiteralExpression(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword;
}

/**
 * tslab's compiler options (node_modules/tslab/dist/converter.js, createConverter) where they affect types: the
 * target and lib tslab picks for Node ≥ 18 (tsdl needs Node 20.15), module resolution, and its type roots.
 */
function tslabTypeOptions(cwd: string): tsModule.CompilerOptions {
  const typeRoots = ts.getDefaultTypeRoots(cwd, ts.sys) ?? [];
  if (!typeRoots.some((root) => ts.sys.fileExists(`${root}/node/package.json`))) {
    typeRoots.push(`${dirname(require.resolve("tslab/package.json"))}/node_modules/@types`);
  }
  return {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    resolveJsonModule: true,
    allowJs: true,
    experimentalDecorators: true,
    jsx: ts.JsxEmit.React,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    typeRoots,
    skipLibCheck: true,
    noEmit: true,
  };
}

/**
 * Decides and performs the rewrite of cells, with a program of its own that mirrors tslab's: the earlier cells'
 * declarations in `__prev__.d.ts`, the cell in `__tslab__.ts` (made a child of the declarations file, tslab's trick
 * for letting a cell see and redeclare earlier names), and the virtual modules (the prelude).
 * @example
 * const rewriter = new OperatorRewriter(process.cwd());
 * rewriter.addModule("__tsdl_prelude__", preludeSource(resolveGlobals().sources, process.cwd()));
 * rewriter.rewrite("", "const A = np.ones([2]); 100 * A")?.cell.code // "const A = np.ones([2]); __tsdl_ops.mul(100 , A)"
 */
export class OperatorRewriter {
  private readonly options: tsModule.CompilerOptions;
  private readonly host: tsModule.CompilerHost;
  private readonly cellFile: string;
  private readonly declsFile: string;
  private readonly virtualFiles = new Map<string, string>();
  /** Parsed files by name, returned as the same objects while their text is unchanged so programs reuse them. */
  private readonly parsed = new Map<string, { file: tsModule.SourceFile; modified: number | undefined }>();
  private program?: tsModule.Program;
  private last?: { prevDecl: string; src: string; result: OperatorRewrite | undefined };

  constructor(private readonly cwd: string) {
    this.options = tslabTypeOptions(cwd);
    this.cellFile = `${cwd}/__tslab__.ts`;
    this.declsFile = `${cwd}/__prev__.d.ts`;
    const host = ts.createCompilerHost(this.options);
    host.getCurrentDirectory = () => cwd;
    host.readFile = (name) => this.virtualFiles.get(name) ?? ts.sys.readFile(name);
    host.fileExists = (name) => this.virtualFiles.has(name) || ts.sys.fileExists(name);
    // Files on disk are re-read only when their modification time changes (a module next to the notebook being
    // edited): reading the ~200 lib and @types files again for every program would cost more than checking the cell.
    host.getSourceFile = (name, languageVersion) => {
      const known = this.parsed.get(name);
      const virtual = this.virtualFiles.get(name);
      const modified = virtual === undefined ? ts.sys.getModifiedTime?.(name)?.getTime() : undefined;
      if (known && (virtual === undefined ? known.modified === modified : known.file.text === virtual)) return known.file;
      const text = virtual ?? ts.sys.readFile(name);
      if (text === undefined) return undefined;
      const file = ts.createSourceFile(name, text, languageVersion, true);
      this.parsed.set(name, { file, modified });
      return file;
    };
    this.host = host;
  }

  /**
   * Builds the first program (parsing the lib and @types files: about 1.5 s) ahead of the first cell with operators.
   * @example setTimeout(() => rewriter.warmUp(), 0)
   */
  warmUp(): void {
    this.check("", "");
  }

  /** Mirrors tslab's `addModule` (the prelude, `//@module` cells) into this program. @example rewriter.addModule("m", "export const x = 1;") */
  addModule(name: string, content: string, jsx = false): void {
    this.virtualFiles.set(`${this.cwd}/${name}.ts${jsx ? "x" : ""}`, MODULE_PREFIX + content);
  }

  /**
   * The cell with its NDArray operators rewritten, or undefined when it has none (then it goes to tslab as typed).
   * A pass can reveal more: `const C = A * 2; C + 1` types `C` as an NDArray only once `A * 2` is a call, so passes
   * repeat until one finds nothing new.
   * @example rewriter.rewrite(prevDecl, "A - B - C")?.cell.code // "__tsdl_ops.sub(__tsdl_ops.sub(A , B) , C)"
   */
  rewrite(prevDecl: string, src: string): OperatorRewrite | undefined {
    if (this.last?.prevDecl === prevDecl && this.last.src === src) return this.last.result;
    const result = this.decide(prevDecl, src);
    this.last = { prevDecl, src, result };
    return result;
  }

  private decide(prevDecl: string, src: string): OperatorRewrite | undefined {
    const operatorTokens = mayUseOperators(src);
    if (!operatorTokens && !src.includes("{")) return undefined;
    const original = ts.createSourceFile("cell.ts", src, ts.ScriptTarget.Latest, true);
    const syntaxErrors = ((original as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length > 0;
    const nameEdits = previousNameEdits(original);
    const operatorCount = operatorTokens ? countOperators(original) : 0;
    const withoutOperators = () => (nameEdits.length > 0 ? { cell: new RewrittenCell(src, nameEdits), operators: [], errors: [], syntaxErrors } : undefined);
    if (operatorCount === 0) return withoutOperators();
    const rewrites = new Map<number, Rewrite>();
    const calls: CallFindings = { newArray: new Set(), unaryUfunc: new Set() };
    let cell = new RewrittenCell(src, nameEdits);
    let operators: RewrittenOperator[] = [];
    for (;;) {
      const analyzed = cell;
      const findings = findArrayOperators(...this.check(prevDecl, analyzed.code));
      let found = false;
      for (const [at, rewrite] of findings.rewrites) {
        const originalAt = analyzed.toOriginal(at);
        if (!rewrites.has(originalAt)) {
          rewrites.set(originalAt, rewrite);
          found = true;
        }
      }
      // Calls change which operands are marked, not what the checker sees: no extra pass for them.
      const callsBefore = calls.newArray.size + calls.unaryUfunc.size;
      for (const at of findings.calls.newArray) calls.newArray.add(analyzed.toOriginal(at));
      for (const at of findings.calls.unaryUfunc) calls.unaryUfunc.add(analyzed.toOriginal(at));
      if (found || calls.newArray.size + calls.unaryUfunc.size > callsBefore) {
        const plan = planRewrite(original, rewrites, calls);
        cell = new RewrittenCell(src, [...nameEdits, ...plan.edits]);
        operators = plan.operators;
      }
      if (!found || rewrites.size === operatorCount) {
        if (rewrites.size === 0 && findings.errors.length === 0) return withoutOperators();
        const errors = findings.errors.map(({ start, end, expression, message }) => ({
          diagnostic: {
            start: cell.position(analyzed.toOriginal(start)),
            end: cell.position(analyzed.toOriginal(end)),
            messageText: message,
            category: TS_ERROR_CATEGORY,
            code: OPERATOR_ERROR,
          },
          expression: { start: analyzed.toOriginal(expression.start), end: analyzed.toOriginal(expression.end) },
        }));
        return { cell, operators, errors, syntaxErrors };
      }
    }
  }

  /**
   * Hover on an operator tslab sees as a call: the operator expression and its type, as TypeScript shows a name.
   * @example rewriter.operatorQuickInfo(prevDecl, "100 * A / B", 6) // displayParts "100 * A / B: NDArray"
   */
  operatorQuickInfo(prevDecl: string, src: string, position: number): QuickInfo | undefined {
    const rewrite = this.rewrite(prevDecl, src);
    const operator = rewrite?.operators.find(({ token }) => token.start <= position && position < token.end);
    if (!rewrite || !operator) return undefined;
    const { cell } = rewrite;
    const [checker, file] = this.check(prevDecl, cell.code);
    const findCall = (node: tsModule.Node): tsModule.Node | undefined => {
      if (ts.isCallExpression(node) && cell.toOriginal(node.getStart(file) - MODULE_PREFIX.length) === operator.expression.start && cell.toOriginal(node.end - MODULE_PREFIX.length) === operator.expression.end) {
        return node;
      }
      return ts.forEachChild(node, findCall);
    };
    const call = findCall(file);
    if (!call) return undefined;
    const text = `${src.slice(operator.expression.start, operator.expression.end)}: ${checker.typeToString(checker.getTypeAtLocation(call))}`;
    return {
      kind: ts.ScriptElementKind.unknown,
      kindModifiers: "",
      textSpan: { start: operator.expression.start, length: operator.expression.end - operator.expression.start },
      displayParts: [{ text, kind: "text" }],
      documentation: [],
    };
  }

  /** A type checker over `code` as the cell after `prevDecl`, reusing the previous program's unchanged files. */
  private check(prevDecl: string, code: string): [tsModule.TypeChecker, tsModule.SourceFile] {
    this.virtualFiles.set(this.declsFile, MODULE_PREFIX + prevDecl);
    this.virtualFiles.set(this.cellFile, MODULE_PREFIX + code);
    const roots = [this.declsFile, this.cellFile, ...[...this.virtualFiles.keys()].filter((name) => name !== this.declsFile && name !== this.cellFile)];
    this.program = ts.createProgram(roots, this.options, this.host, this.program);
    const cell = this.program.getSourceFile(this.cellFile)!;
    (cell as { parent?: tsModule.Node }).parent = this.program.getSourceFile(this.declsFile);
    return [this.program.getTypeChecker(), cell];
  }
}

/** A diagnostic tslab reported for rewritten code, at the place in the original cell it concerns. */
function toOriginalDiagnostic(diagnostic: Diagnostic, cell: RewrittenCell): Diagnostic {
  if (diagnostic.fileName) return diagnostic;
  return { ...diagnostic, start: cell.position(cell.toOriginal(diagnostic.start.offset)), end: cell.position(cell.toOriginal(diagnostic.end.offset)) };
}

const withoutHelpers = (info: CompletionInfo): CompletionInfo => ({ ...info, candidates: info.candidates.filter((name) => name !== HELPERS_GLOBAL) });

/**
 * tslab's converter with NumPy-style operators: cells are rewritten before `convert`, `inspect` and `complete`,
 * and positions mapped back. Also defines `__tsdl_ops` (lib/ops, built in dist/) on globalThis and for the type
 * checker. If lib/ops is not built, returns `converter` unchanged: operators on NDArrays then stay type errors.
 * @example const node = withOperators(createConverter({ isJS: false, isBrowser: false }));
 */
export function withOperators(converter: Converter): Converter {
  const helpers = resolveGlobals([{ name: HELPERS_GLOBAL, module: "lib/ops/index", exportName: "ops" }]);
  if (helpers.missing.length > 0) return converter;
  Object.assign(globalThis, helpers.values);
  const cwd = ts.sys.getCurrentDirectory();
  const rewriter = new OperatorRewriter(cwd);
  const addModule: Converter["addModule"] = (name, content, meta) => {
    rewriter.addModule(name, content, !!meta?.jsx);
    return converter.addModule(name, content, meta);
  };
  addModule("__tsdl_operators__", preludeSource(helpers.sources, cwd));
  // Built once the first cell has run, while the user reads or types: building it at start would delay the
  // first result by about a second. A cell with array operators before then builds it on demand.
  let closed = false;
  let warmUpScheduled = false;
  const warmUpSoon = () => {
    if (warmUpScheduled) return;
    warmUpScheduled = true;
    setTimeout(() => closed || rewriter.warmUp(), 0).unref();
  };
  return {
    addModule,
    close: () => {
      closed = true;
      converter.close();
    },
    convert(prevDecl, src) {
      warmUpSoon();
      const rewrite = rewriter.rewrite(prevDecl, src);
      if (!rewrite || rewrite.syntaxErrors) return converter.convert(prevDecl, src);
      const result = converter.convert(prevDecl, rewrite.cell.code);
      const diagnostics = result.diagnostics.map((d) => toOriginalDiagnostic(d, rewrite.cell));
      if (rewrite.errors.length === 0) return { ...result, diagnostics };
      const reported = (d: Diagnostic) => rewrite.errors.some(({ expression }) => expression.start <= d.start.offset && d.start.offset < expression.end);
      const merged = [...rewrite.errors.map((e) => e.diagnostic), ...diagnostics.filter((d) => !reported(d))].sort((a, b) => a.start.offset - b.start.offset);
      // Local .ts files the cell imports were emitted by this convert and will not be again: the executor takes them even from a failed cell.
      return { diagnostics: merged, sideOutputs: result.sideOutputs };
    },
    inspect(prevDecl, src, position) {
      const rewrite = rewriter.rewrite(prevDecl, src);
      if (!rewrite) return converter.inspect(prevDecl, src, position);
      const onOperator = rewriter.operatorQuickInfo(prevDecl, src, position);
      if (onOperator) return onOperator;
      const { cell } = rewrite;
      const info = converter.inspect(prevDecl, cell.code, cell.toRewritten(position));
      if (!info) return info;
      const start = cell.toOriginal(info.textSpan.start);
      return { ...info, textSpan: { start, length: cell.toOriginal(info.textSpan.start + info.textSpan.length) - start } };
    },
    complete(prevDecl, src, position) {
      const rewrite = rewriter.rewrite(prevDecl, src);
      if (!rewrite) return withoutHelpers(converter.complete(prevDecl, src, position));
      const { cell } = rewrite;
      const info = converter.complete(prevDecl, cell.code, cell.toRewritten(position));
      return withoutHelpers({ ...info, start: cell.toOriginal(info.start), end: cell.toOriginal(info.end) });
    },
  };
}
