// Runs on Node (scripts/build.mjs, the graph webview's build): Mermaid for the graph view's first paint, as esbuild plugins.
//
// mermaidFlowchartOnly: Mermaid imports each diagram type, and each layout, only when a diagram needs it. The graph
// view draws flowcharts with dagre and nothing else, so its Mermaid file (dist/webview/graph-mermaid.js, built
// without splitting) holds those two and stands every other diagram and layout in for a module that fails to load:
// one file for the first paint to fetch, not thirty chunks found level by level.
//
// mermaidExternal: graph.js imports `gradlens:mermaid` as that file, beside it, so graph.js stays small and says
// ready at once while Mermaid loads.
//
// mermaidFaster: three patches make a flowchart render cheaper with the same drawing (compared element by element on
// graphs with long, wrapping labels; each patch's own comment below says why it holds): getConfig() returns a fresh deep copy of Mermaid's whole configuration (every diagram's
// defaults and the theme's variables) on each call, and a flowchart calls it several times per node (40% of a
// render): the patch hands out one copy per configuration, a new one whenever it changes; flowcharts only read it
// (the ER, journey and kanban diagrams write to theirs, and the view never draws them). And every line of every
// label is measured in the live SVG to decide whether it wraps (a fifth of what is left): a canvas bound answers
// for lines that surely fit. And label text whose only markup is line breaks skips DOMPurify, which would hand it
// back unchanged.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

/** Mermaid's dist folder, and the folder of its core's chunks in it. */
const mermaidDist = (root) => dirname(createRequire(join(root, "package.json")).resolve("mermaid"));
const mermaidChunks = (root) => join(mermaidDist(root), "chunks", "mermaid.core");

/** Dynamic imports within Mermaid that the graph view needs: its flowchart diagram and the dagre layout. */
const FLOWCHART = /[\\/](flowDiagram|dagre)-[A-Z0-9]+\.mjs$/;

export function mermaidFlowchartOnly(root) {
  const dir = mermaidDist(root);
  return {
    name: "gradlens-mermaid-flowchart-only",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== "dynamic-import" || !args.importer.startsWith(dir)) return undefined;
        if (args.path.startsWith(".") && FLOWCHART.test(join(dirname(args.importer), args.path))) return undefined;
        return { path: args.path, namespace: "gradlens-mermaid-absent" };
      });
      build.onLoad({ filter: /.*/, namespace: "gradlens-mermaid-absent" }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`the graph view's Mermaid draws flowcharts only (${args.path.split("/").pop()} is not in it)`)});\n`,
        loader: "js",
      }));
      build.onEnd((result) => {
        if (result.errors.length > 0 || !result.metafile) return;
        const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
        for (const name of ["flowDiagram", "dagre"]) {
          if (!inputs.some((i) => i.includes(`/${name}-`))) throw new Error(`mermaid: the ${name} chunk is not in the graph view's Mermaid`);
        }
      });
    },
  };
}

/** `import("gradlens:mermaid")` in graph.js: the separate Mermaid file beside it. */
export function mermaidExternal(file) {
  return {
    name: "gradlens-mermaid-external",
    setup(build) {
      build.onResolve({ filter: /^gradlens:mermaid$/ }, () => ({ path: `./${file}`, external: true }));
    },
  };
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
  // One font per drawing and kind of label (asking every label's style would recompute the page's styles each time).
  const key = node.ownerSVGElement ?? node.ownerDocument;
  const kind = node.closest(".edgeLabel") ? "edge" : "node";
  let fonts = fitFonts.get(key);
  if (fonts === void 0) fitFonts.set(key, fonts = {});
  let font = fonts[kind];
  if (font === void 0) {
    const style = getComputedStyle(node);
    font = fonts[kind] = "italic bold " + style.fontSize + " " + style.fontFamily;
  }
  fitContext ??= document.createElement("canvas").getContext("2d");
  if (!fitContext) return false;
  fitContext.font = font;
  return fitContext.measureText(line.map((w) => w.content).join(" ")).width * 1.1 + 2 <= width;
}
`,
  },
  {
    name: "label text without markup skips DOMPurify",
    find: `var sanitizeText = /* @__PURE__ */ __name((text, config2) => {
  if (!text) {
    return text;
  }`,
    replace: `var sanitizeText = /* @__PURE__ */ __name((text, config2) => {
  if (!text) {
    return text;
  }
  if (!config2.dompurifyConfig && MARKUP_FREE.test(text)) {
    return text.replace(/<br\\s*\\/?>/gi, "<br>");
  }`,
    // Text whose only markup is line breaks: DOMPurify would parse it as HTML and serialise it back unchanged but
    // for writing each break as <br> (Mermaid calls it twice per label, and again as the label is drawn). No '<' but
    // a break's, no '>' or '&' (which serialising escapes), no no-break space, carriage return or NUL.
    code: `
var MARKUP_FREE = /^(?:[^<>&\\u00a0\\r\\0]|<br\\s*\\/?>)*$/i;
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
