// Runs on Node (developer machine, CI): the one build script. Two kinds of target: the extension host bundle and
// the CLI (node, cjs, `vscode` external), and the webview bundles (browser: the graph view as ES modules, with its
// Mermaid in a file of its own; the others one iife each).
//   node scripts/build.mjs [--watch] [--production] [--outdir DIR]   (DIR/dist instead of ./dist: packaging stages there)
import * as esbuild from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { mermaidExternal, mermaidFaster, mermaidFlowchartOnly } from "./mermaid-build.mjs";

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");
const root = new URL("..", import.meta.url).pathname;
const outdirArg = process.argv.indexOf("--outdir");
const outRoot = outdirArg > 0 ? resolve(process.argv[outdirArg + 1]) : root;

const common = {
  bundle: true,
  sourcemap: production ? false : "linked",
  minify: production,
  logLevel: "info",
  legalComments: "none",
};

/** Node targets: [entry, outfile, extra options]. Entries that do not exist yet are skipped. */
const nodeTargets = [
  // TypeScript's parser (~9 MB) is its own bundle, required on first parse: activation does not load it.
  ["node_modules/typescript/lib/typescript.js", "dist/typescript.js", {}],
  ["src/extension/main.ts", "dist/extension.js", { external: ["vscode"], plugins: [typescriptBeside("dist/extension.js"), examplesInline()] }],
  ["src/cli/main.ts", "dist/cli.js", { plugins: [typescriptBeside("dist/cli.js")] }],
  // The evaluator worker (worker_threads) every evaluation of the editor features runs in; no vscode in it.
  ["src/extension/evaluation/worker/main.ts", "dist/evaluator.js", { plugins: [typescriptBeside("dist/evaluator.js")] }],
  ["test/e2e/host/index.ts", "dist/test/host.js", { external: ["vscode", "mocha"], plugins: [typescriptBeside("dist/test/host.js")] }],
  ["src/tsplugin/index.ts", "dist/tsplugin.js", {
    external: ["typescript"],
    // tsserver calls the module itself as the plugin factory; and loads it by name from the extension's node_modules.
    footer: { js: "module.exports = module.exports.default;" },
    plugins: [tspluginPackage()],
  }],
];

/** Resolve `require("typescript")` to the separate dist/typescript.js bundle, relative to the bundle being built. */
function typescriptBeside(outfile) {
  const path = `./${relative(dirname(outfile), "dist/typescript.js")}`;
  return {
    name: "typescript-beside",
    setup(build) {
      build.onResolve({ filter: /^typescript$/ }, () => ({ path, external: true }));
    },
  };
}

/**
 * `import files from "gradlens:examples"`: the starter files of GradLens: New Model File, read from examples/ at
 * build time, so the .vsix carries them inside the bundle (one copy in the repository, no .ts files in the package).
 */
function examplesInline() {
  const dir = join(root, "examples"), names = ["xor.nn.ts", "seed000-xor.nn.ts", "seed002-modules.nn.ts", "numpy-mlp.nn.py", "micrograd-style.nn.py"];
  return {
    name: "gradlens-examples",
    setup(build) {
      build.onResolve({ filter: /^gradlens:examples$/ }, () => ({ path: "examples", namespace: "gradlens-examples" }));
      build.onLoad({ filter: /.*/, namespace: "gradlens-examples" }, () => ({
        contents: JSON.stringify(Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), "utf8")]))),
        loader: "json",
        watchFiles: names.map((n) => join(dir, n)),
      }));
    },
  };
}

/** After each build of the TypeScript server plugin, lay it out as node_modules/gradlens-ts-plugin/ (see .vscodeignore). */
function tspluginPackage() {
  return {
    name: "gradlens-ts-plugin-package",
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        const dir = join(outRoot, "node_modules", "gradlens-ts-plugin");
        mkdirSync(dir, { recursive: true });
        copyFileSync(join(outRoot, "dist", "tsplugin.js"), join(dir, "index.js"));
        writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "gradlens-ts-plugin", version: "0.1.0", private: true, main: "index.js" }, null, 2)}\n`);
      });
    },
  };
}

const webviewDir = join(root, "webview");
const webviewTargets = existsSync(webviewDir)
  ? readdirSync(webviewDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(webviewDir, d.name, "main.ts")))
      .map((d) => [`webview/${d.name}/main.ts`, `dist/webview/${d.name}.js`])
  : [];

/**
 * The graph view loads as ES modules: dist/webview/graph.js (the view, small, so it says ready at once), its Mermaid
 * in one file beside it (graph-mermaid.js: Mermaid's core, flowchart and dagre, nothing else; the page preloads it)
 * and chunks (graph-chunk-*.js) for what comes after the first paint: pan and zoom, exports, the matrix panel.
 * Minified in every build, since parsing is most of a cold load (the sourcemaps stay linked in development builds).
 * Chunks of earlier builds are removed.
 */
const MERMAID_FILE = "graph-mermaid.js";

function graphWebview() {
  const outdir = join(outRoot, "dist", "webview");
  const chunk = /^graph-chunk-[A-Z0-9]+\.js(\.map)?$/;
  return {
    entryPoints: { graph: join(root, "webview", "graph", "main.ts") },
    absWorkingDir: root,
    outdir,
    entryNames: "[name]",
    chunkNames: "graph-chunk-[hash]",
    format: "esm",
    splitting: true,
    minify: !process.env.GRADLENS_NO_MINIFY,
    metafile: true,
    plugins: [mermaidExternal(MERMAID_FILE), {
      name: "stale-chunks",
      setup(build) {
        build.onEnd((result) => {
          if (result.errors.length > 0 || !result.metafile) return;
          const fresh = new Set(Object.keys(result.metafile.outputs).map((p) => resolve(root, p)));
          for (const f of existsSync(outdir) ? readdirSync(outdir) : []) {
            if (chunk.test(f) && !fresh.has(join(outdir, f))) rmSync(join(outdir, f));
          }
        });
      },
    }],
  };
}

/** The graph view's Mermaid, one ES module without splitting (see scripts/mermaid-build.mjs). */
const mermaidWebview = {
  entryPoints: [join(root, "webview", "graph", "mermaid.ts")],
  outfile: join(outRoot, "dist", "webview", MERMAID_FILE),
  format: "esm",
  minify: !process.env.GRADLENS_NO_MINIFY,
  metafile: true,
  plugins: [mermaidFlowchartOnly(root), mermaidFaster(root)],
};

const contexts = [];
for (const [entry, outfile, extra] of nodeTargets) {
  if (!existsSync(join(root, entry))) continue;
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: [join(root, entry)],
      outfile: join(outRoot, outfile),
      platform: "node",
      format: "cjs",
      target: "node20",
      ...extra,
    }),
  );
}
for (const [entry, outfile] of webviewTargets) {
  const name = entry.split("/")[1];
  contexts.push(
    await esbuild.context({
      ...common,
      ...(name === "graph" ? graphWebview() : { entryPoints: [join(root, entry)], outfile: join(outRoot, outfile), format: "iife" }),
      platform: "browser",
      target: "es2022",
      loader: { ".css": "text" },
    }),
  );
}

if (webviewTargets.some(([entry]) => entry === "webview/graph/main.ts")) {
  contexts.push(await esbuild.context({ ...common, ...mermaidWebview, platform: "browser", target: "es2022" }));
}

mkdirSync(join(outRoot, "dist"), { recursive: true });
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${contexts.length} targets`);
} else {
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}
