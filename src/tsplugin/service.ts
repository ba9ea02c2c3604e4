// Runs in tsserver (the GradLens TypeScript server plugin) and in tests: a second language service for `.nn.ts`
// files only. Its program holds the `.nn.ts` files asked about plus the generated builtins.d.ts, each file its own
// module (so two files may both declare `x`), no DOM, and the notation's looseness (untyped parameters are fine,
// a class's fields come from assignments to them).
import type * as TS from "typescript";
import { parseDiagnostics, sourceFile } from "../notation/parse";
import { builtinsDts } from "./declarations";

export const BUILTINS_FILE = "/__gradlens__/builtins.d.ts";

export function isNnFile(fileName: string): boolean {
  return fileName.endsWith(".nn.ts");
}

/** Where file text and versions come from (tsserver's project host, or a test's files). */
export interface NnHost {
  getScriptSnapshot(fileName: string): TS.IScriptSnapshot | undefined;
  getScriptVersion(fileName: string): string;
  getCurrentDirectory(): string;
  getDefaultLibFileName(options: TS.CompilerOptions): string;
  fileExists(fileName: string): boolean;
  readFile(fileName: string): string | undefined;
}

export function nnCompilerOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: ["lib.es2022.d.ts"],
    types: [],
    strict: true,
    noImplicitAny: false,
    noEmit: true,
    allowNonTsExtensions: true,
    skipLibCheck: true,
  };
}

/**
 * "Declared but never read" and its kin: a `.nn.ts` file's target (`loss`) and its params are read by GradLens,
 * not by the file, so TypeScript's fading of them would mislead.
 */
export const UNUSED_CODES: ReadonlySet<number> = new Set([6133, 6138, 6192, 6196, 6198, 6199, 6205]);

/**
 * "Parameter 'x' implicitly has an 'any' type, but a better type may be inferred from usage" and its kin: the
 * notation's parameters are untyped on purpose (`forward(x)` takes numbers or tensors).
 */
export const UNTYPED_CODES: ReadonlySet<number> = new Set([7043, 7044, 7045, 7046, 7047, 7048, 7049, 7050]);

/** Suggestion diagnostics of a `.nn.ts` file without the "never read" and "implicitly any" ones. */
export function nnSuggestions(service: TS.LanguageService, fileName: string): TS.DiagnosticWithLocation[] {
  return service.getSuggestionDiagnostics(fileName).filter((d) => !UNUSED_CODES.has(d.code) && !UNTYPED_CODES.has(d.code));
}

/** "Property 'x' does not exist on type 'C'" (and its "Did you mean" form). */
const MISSING_PROPERTY_CODES: ReadonlySet<number> = new Set([2339, 2551]);

/** The class symbols of a type and of its base classes (declared in `.nn.ts` files or not). */
function classChain(ts: typeof TS, checker: TS.TypeChecker, type: TS.Type): TS.Symbol[] {
  const out: TS.Symbol[] = [];
  for (let t: TS.Type | undefined = checker.getApparentType(type); t !== undefined && out.length < 32;) {
    const sym = t.getSymbol();
    if (sym === undefined || (sym.flags & ts.SymbolFlags.Class) === 0) break;
    out.push(sym);
    t = t.isClassOrInterface() ? checker.getBaseTypes(t)[0] : undefined;
  }
  return out;
}

/**
 * A filter for "Property 'x' does not exist" on an instance of a class declared in a `.nn.ts` file whose fields the
 * file assigns (`this.W1 = param(…)` in a constructor, `this.z = …` in forward) on that class or a base: the
 * notation, like JavaScript, creates fields by assignment, which TypeScript infers only in JavaScript files. A
 * member never assigned (`lin.nope()`) or a misspelt `Math.sigmiod` keeps its error. Linear in the file and the
 * diagnostics: one walk indexes property names by position and assignments by field name, and each field's
 * owning classes are worked out once.
 */
function assignedFieldFilter(ts: typeof TS, program: TS.Program, sf: TS.SourceFile): (d: TS.Diagnostic) => boolean {
  const names = new Map<number, TS.PropertyAccessExpression>();
  const assigned = new Map<string, TS.PropertyAccessExpression[]>();
  const stack: TS.Node[] = [sf];
  while (stack.length > 0) {
    const n = stack.pop() as TS.Node;
    if (ts.isPropertyAccessExpression(n)) names.set(n.name.getStart(sf), n);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      && ts.isPropertyAccessExpression(n.left)) {
      const list = assigned.get(n.left.name.text);
      if (list === undefined) assigned.set(n.left.name.text, [n.left]);
      else list.push(n.left);
    }
    ts.forEachChild(n, (c) => void stack.push(c));
  }
  const checker = program.getTypeChecker();
  const owners = new Map<string, Set<TS.Symbol>>();
  const ownersOf = (field: string): Set<TS.Symbol> => {
    let set = owners.get(field);
    if (set === undefined) {
      set = new Set();
      for (const left of assigned.get(field) ?? []) {
        const owner = classChain(ts, checker, checker.getTypeAtLocation(left.expression))[0];
        if (owner !== undefined) set.add(owner);
      }
      owners.set(field, set);
    }
    return set;
  };
  return (d) => {
    if (!MISSING_PROPERTY_CODES.has(d.code) || d.file !== sf || d.start === undefined) return false;
    const pa = names.get(d.start);
    if (pa === undefined) return false;
    const chain = classChain(ts, checker, checker.getTypeAtLocation(pa.expression));
    if (chain.length === 0 || !(chain[0].declarations ?? []).some((x) => isNnFile(x.getSourceFile().fileName))) return false;
    const set = ownersOf(pa.name.text);
    return chain.some((c) => set.has(c));
  };
}

/**
 * A filter for the syntax errors of a `.nn.ts` file that GradLens's own diagnostics report (it parses with the same
 * parser, so every one): Problems then shows each once, as GradLens's, which exists wherever the extension runs,
 * also where this plugin is not loaded.
 */
function notReportedByGradLens(ts: typeof TS, text: string): (d: TS.Diagnostic) => boolean {
  const reported = new Set(parseDiagnostics(sourceFile(ts, text)).map((d) => `${d.start}:${d.code}`));
  return (d) => d.start === undefined || !reported.has(`${d.start}:${d.code}`);
}

/**
 * Deeper than this, TypeScript's checker recurses past the stack (a 2,000-link `a.b.c…` chain) or slows to minutes (a
 * 10,000-term sum takes a minute): such a file gets no TypeScript diagnostics, GradLens's own speak for it.
 */
export const CHECKER_DEPTH = 1000;

/** The depth of a syntax tree, by a walk with its own stack (it may be far deeper than the JavaScript stack). */
export function treeDepth(ts: typeof TS, sf: TS.SourceFile): number {
  const nodes: TS.Node[] = [sf], depths: number[] = [0];
  let deepest = 0;
  while (nodes.length > 0) {
    const n = nodes.pop() as TS.Node, d = (depths.pop() as number) + 1;
    if (d > deepest) deepest = d;
    ts.forEachChild(n, (c) => {
      nodes.push(c);
      depths.push(d);
    });
  }
  return deepest;
}

export interface NnService {
  service: TS.LanguageService;
  /** Adds a file to the program (when it is asked about); returns the service. */
  track(fileName: string): TS.LanguageService;
}

export function createNnService(ts: typeof TS, host: NnHost): NnService {
  const files = new Set<string>();
  let projectVersion = 0;
  const options = nnCompilerOptions(ts);
  const dts = builtinsDts();
  const dtsSnapshot = ts.ScriptSnapshot.fromString(dts);
  const lsHost: TS.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getProjectVersion: () => String(projectVersion),
    getScriptFileNames: () => [BUILTINS_FILE, ...files],
    getScriptVersion: (f) => (f === BUILTINS_FILE ? "1" : host.getScriptVersion(f)),
    getScriptSnapshot: (f) => {
      if (f === BUILTINS_FILE) return dtsSnapshot;
      const s = host.getScriptSnapshot(f);
      if (s !== undefined) return s;
      const text = host.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => host.getCurrentDirectory(),
    getDefaultLibFileName: (o) => host.getDefaultLibFileName(o),
    fileExists: (f) => f === BUILTINS_FILE || host.fileExists(f),
    readFile: (f) => (f === BUILTINS_FILE ? dts : host.readFile(f)),
  };
  const base = ts.createLanguageService(lsHost, ts.createDocumentRegistry());
  // Per file and version: too deep for TypeScript (its parser overflows, or the tree passes CHECKER_DEPTH).
  const depthChecked = new Map<string, { version: string; deep: boolean }>();
  const tooDeep = (fileName: string): boolean => {
    const version = lsHost.getScriptVersion(fileName), hit = depthChecked.get(fileName);
    if (hit?.version === version) return hit.deep;
    const snap = lsHost.getScriptSnapshot(fileName);
    let deep = false;
    try {
      deep = snap !== undefined && treeDepth(ts, ts.createSourceFile(fileName, snap.getText(0, snap.getLength()), options.target ?? ts.ScriptTarget.ES2022)) > CHECKER_DEPTH;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      deep = true;
    }
    depthChecked.set(fileName, { version, deep });
    return deep;
  };
  const service: TS.LanguageService = {
    ...base,
    getSyntacticDiagnostics(fileName) {
      if (tooDeep(fileName)) return [];
      const all = base.getSyntacticDiagnostics(fileName);
      const sf = all.length === 0 ? undefined : base.getProgram()?.getSourceFile(fileName);
      return sf === undefined ? all : all.filter(notReportedByGradLens(ts, sf.text));
    },
    getSuggestionDiagnostics: (fileName) => (tooDeep(fileName) ? [] : base.getSuggestionDiagnostics(fileName)),
    getSemanticDiagnostics(fileName) {
      if (tooDeep(fileName)) return [];
      const all = base.getSemanticDiagnostics(fileName), program = base.getProgram();
      const sf = program?.getSourceFile(fileName);
      if (program === undefined || sf === undefined || all.length === 0) return all;
      const assignedField = assignedFieldFilter(ts, program, sf);
      return all.filter((d) => !assignedField(d));
    },
  };
  return {
    service,
    track(fileName) {
      if (!files.has(fileName)) {
        files.add(fileName);
        projectVersion++;
      }
      return service;
    },
  };
}
