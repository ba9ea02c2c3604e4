// Runs on Node (scripts/build.mjs, the graph webview's build): two esbuild plugins for Mermaid.
//
// `gradlens:mermaid-flowchart`: Mermaid imports each diagram type, and each layout, only when a diagram needs it, so
// a first render fetches the flowchart chunk after the core has loaded and run, then the dagre chunk after parsing:
// three waits in a row. This virtual module imports those two files (found in Mermaid's dist by name) as the page
// starts, beside the core, and esbuild maps them to the very chunks Mermaid imports later.
//
// getConfig: Mermaid's getConfig() returns a fresh deep copy of its whole configuration (every diagram's defaults
// and the theme's variables) on each call, and a flowchart calls it several times per node: 40% of a render's
// time. The patch hands out one copy per configuration (a new one whenever the configuration changes). What
// flowcharts read from it they do not write to (only the ER, journey and kanban diagrams do, which the view never
// draws); a Mermaid without that exact function builds unpatched, with a warning.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const mermaidChunks = (root) =>
  join(dirname(createRequire(join(root, "package.json")).resolve("mermaid")), "chunks", "mermaid.core");

/** The one file of Mermaid's core chunks whose name starts with `prefix`. */
function chunkFile(dir, prefix) {
  const found = readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".mjs"));
  if (found.length !== 1) throw new Error(`mermaid: expected one ${prefix}-*.mjs in ${dir}, found ${found.length}`);
  return join(dir, found[0]);
}

export function mermaidFlowchart(root) {
  return {
    name: "gradlens-mermaid-flowchart",
    setup(build) {
      build.onResolve({ filter: /^gradlens:mermaid-flowchart$/ }, () => ({ path: "flowchart", namespace: "gradlens-mermaid" }));
      build.onLoad({ filter: /.*/, namespace: "gradlens-mermaid" }, () => {
        const dir = mermaidChunks(root);
        const files = [chunkFile(dir, "flowDiagram"), chunkFile(dir, "dagre")];
        return {
          contents: `export const loadFlowchart = () => Promise.all([${files.map((f) => `import(${JSON.stringify(f)})`).join(", ")}]);\n`,
          loader: "js",
          resolveDir: dir,
          watchFiles: files,
        };
      });
    },
  };
}

const GET_CONFIG = `var getConfig = /* @__PURE__ */ __name(() => {
  return assignWithDepth_default({}, currentConfig);
}, "getConfig");`;
const MEMO = `var configCopied, configCopy;
var getConfig = /* @__PURE__ */ __name(() => {
  if (configCopied !== currentConfig) {
    configCopied = currentConfig;
    configCopy = assignWithDepth_default({}, currentConfig);
  }
  return configCopy;
}, "getConfig");`;

export function mermaidConfigOnce(root) {
  let patched = 0;
  return {
    name: "gradlens-mermaid-config-once",
    setup(build) {
      const dir = mermaidChunks(root);
      build.onStart(() => {
        patched = 0;
      });
      build.onLoad({ filter: /[\\/]mermaid[\\/]dist[\\/]chunks[\\/]mermaid\.core[\\/]chunk-[A-Z0-9]+\.mjs$/ }, (args) => {
        if (!args.path.startsWith(dir)) return undefined;
        const text = readFileSync(args.path, "utf8");
        if (!text.includes(GET_CONFIG)) return undefined;
        patched++;
        return { contents: text.replace(GET_CONFIG, MEMO), loader: "js" };
      });
      build.onEnd((result) => {
        if (result.errors.length === 0 && patched !== 1) {
          console.warn(`mermaid: getConfig was ${patched ? "found more than once" : "not found"}; the graph view renders unpatched (slower)`);
        }
      });
    },
  };
}
