// Runs in tsserver (the GradLens TypeScript server plugin) and in tests: a second language service for `.nn.ts`
// files only. Its program holds the `.nn.ts` files asked about plus the generated builtins.d.ts, each file its own
// module (so two files may both declare `x`), no DOM, and the notation's looseness (untyped parameters are fine).
import type * as TS from "typescript";
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

/** Suggestion diagnostics of a `.nn.ts` file without the "never read" ones. */
export function nnSuggestions(service: TS.LanguageService, fileName: string): TS.DiagnosticWithLocation[] {
  return service.getSuggestionDiagnostics(fileName).filter((d) => !UNUSED_CODES.has(d.code));
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
  const service = ts.createLanguageService(lsHost, ts.createDocumentRegistry());
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
