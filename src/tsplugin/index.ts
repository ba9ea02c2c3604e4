// Runs in tsserver (VS Code's TypeScript service loads it as `gradlens-ts-plugin`): keeps `.nn.ts` files from
// turning red. Requests about `.nn.ts` files are answered by a second language service that knows GradLens's
// built-ins; every other file's requests pass through unchanged, so `other.ts` keeps its own errors.
import type * as TS from "typescript";
import { createNnService, isNnFile, nnSuggestions } from "./service";

function init(modules: { typescript: typeof TS }): TS.server.PluginModule {
  const ts = modules.typescript;
  return {
    create(info: TS.server.PluginCreateInfo): TS.LanguageService {
      const outer = info.languageService;
      const h = info.languageServiceHost;
      const nn = createNnService(ts, {
        getScriptSnapshot: (f) => h.getScriptSnapshot(f),
        getScriptVersion: (f) => h.getScriptVersion(f),
        getCurrentDirectory: () => h.getCurrentDirectory(),
        getDefaultLibFileName: (o) => h.getDefaultLibFileName(o),
        fileExists: (f) => (h.fileExists ? h.fileExists(f) : ts.sys.fileExists(f)),
        readFile: (f) => (h.readFile ? h.readFile(f) : ts.sys.readFile(f)),
      });
      info.project.projectService.logger.info("gradlens-ts-plugin: answering .nn.ts files from GradLens built-ins");
      const proxy = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(outer) as (keyof TS.LanguageService)[]) {
        const original = outer[key];
        if (typeof original !== "function") {
          proxy[key] = original;
          continue;
        }
        proxy[key] = (...args: unknown[]): unknown => {
          const first = args[0];
          if (typeof first === "string" && isNnFile(first)) {
            const ls = nn.track(first);
            if (key === "getSuggestionDiagnostics") return nnSuggestions(ls, first);
            return (ls as unknown as Record<string, (...a: unknown[]) => unknown>)[key](...args);
          }
          return (original as (...a: unknown[]) => unknown).apply(outer, args);
        };
      }
      return proxy as unknown as TS.LanguageService;
    },
  };
}

export default init;
