// Runs on Node (scripts/build.mjs, the graph webview's build): Mermaid for the graph view's first paint, as esbuild plugins.
//
// `gradlens:mermaid-flowchart`: Mermaid imports each diagram type, and each layout, only when a diagram needs it, so
// a first render fetches the flowchart chunk after the core has loaded and run, then the dagre chunk after parsing:
// three waits in a row. This virtual module imports those two files (found in Mermaid's dist by name) as the page
// starts, beside the core, and esbuild maps them to the very chunks Mermaid imports later.
//
// firstPaintFiles: the chunks a first paint loads (graph.js's, Mermaid's core, flowchart and dagre, with every chunk
// they import), for the page to ask for all at once (`<link rel="modulepreload">`) rather than level by level as
// the imports are discovered.
//
// Two patches make a flowchart render cheaper with the same drawing (compared element by element on graphs with
// long, wrapping labels): getConfig() returns a fresh deep copy of Mermaid's whole configuration (every diagram's
// defaults and the theme's variables) on each call, and a flowchart calls it several times per node (40% of a
// render): the patch hands out one copy per configuration, a new one whenever it changes; flowcharts only read it
// (the ER, journey and kanban diagrams write to theirs, and the view never draws them). And every line of every
// label is measured in the live SVG to decide whether it wraps (a fifth of what is left): a canvas bound answers
// for lines that surely fit.
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

/** File names (in the output folder) of the chunks the first paint loads, from the build's metafile. */
export function firstPaintFiles(root, metafile, entry) {
  const dir = mermaidChunks(root);
  const wanted = new Set([createRequire(join(root, "package.json")).resolve("mermaid"), chunkFile(dir, "flowDiagram"), chunkFile(dir, "dagre")]);
  const outputs = Object.entries(metafile.outputs);
  const starts = outputs.filter(([out, o]) => out === entry || (o.entryPoint && wanted.has(join(root, o.entryPoint)))).map(([out]) => out);
  if (starts.length !== wanted.size + 1) throw new Error(`mermaid: expected ${wanted.size} first-paint chunks beside ${entry}, found ${starts.length - 1}`);
  const seen = new Set(starts);
  for (const out of starts) {
    for (const i of metafile.outputs[out].imports) {
      if (i.kind === "import-statement" && !seen.has(i.path)) {
        seen.add(i.path);
        starts.push(i.path);
      }
    }
  }
  return [...seen].filter((out) => out !== entry).map((out) => out.split("/").pop()).sort();
}

/**
 * Exact-text replacements in Mermaid's core chunks, each applied where its text occurs (once in all: a Mermaid
 * without it builds unpatched, with a warning). `code` is appended to the patched chunk.
 */
const PATCHES = [
  {
    name: "getConfig copies once per configuration",
    find: `var getConfig = /* @__PURE__ */ __name(() => {
  return assignWithDepth_default({}, currentConfig);
}, "getConfig");`,
    replace: `var configCopied, configCopy;
var getConfig = /* @__PURE__ */ __name(() => {
  if (configCopied !== currentConfig) {
    configCopied = currentConfig;
    configCopy = assignWithDepth_default({}, currentConfig);
  }
  return configCopy;
}, "getConfig");`,
  },
  {
    name: "a label line that surely fits is not measured in the DOM",
    find: "computeWidthOfText(labelGroup, lineHeight, line2) <= width",
    replace: "surelyFits(labelGroup, line2, width) || computeWidthOfText(labelGroup, lineHeight, line2) <= width",
    // An upper bound of the line's width from a canvas (the same text shaping, bold and italic at the label's size
    // and family, plus a tenth and 2 px): below the wrapping width, the line fits and needs no measurement in the
    // live SVG (a style and layout pass each); above it, Mermaid measures as before.
    code: `
var fitContext, fitFonts = new WeakMap();
function surelyFits(group, line, width) {
  if (!(width < Infinity)) return true;
  const node = group.node();
  let font = fitFonts.get(node);
  if (font === void 0) {
    const style = getComputedStyle(node);
    font = "italic bold " + style.fontSize + " " + style.fontFamily;
    fitFonts.set(node, font);
  }
  fitContext ??= document.createElement("canvas").getContext("2d");
  if (!fitContext) return false;
  fitContext.font = font;
  return fitContext.measureText(line.map((w) => w.content).join(" ")).width * 1.1 + 2 <= width;
}
`,
  },
];

export function mermaidFaster(root) {
  const applied = new Map();
  return {
    name: "gradlens-mermaid-faster",
    setup(build) {
      const dir = mermaidChunks(root);
      build.onStart(() => applied.clear());
      build.onLoad({ filter: /[\\/]mermaid[\\/]dist[\\/]chunks[\\/]mermaid\.core[\\/]chunk-[A-Z0-9]+\.mjs$/ }, (args) => {
        if (!args.path.startsWith(dir)) return undefined;
        let text = readFileSync(args.path, "utf8");
        const hits = PATCHES.filter((p) => text.includes(p.find));
        if (hits.length === 0) return undefined;
        for (const p of hits) {
          text = text.replace(p.find, p.replace) + (p.code ?? "");
          applied.set(p.name, (applied.get(p.name) ?? 0) + 1);
        }
        return { contents: text, loader: "js" };
      });
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        for (const p of PATCHES) {
          const n = applied.get(p.name) ?? 0;
          if (n !== 1) console.warn(`mermaid: "${p.name}" matched ${n} times, not once; the graph view renders without it (slower)`);
        }
      });
    },
  };
}
