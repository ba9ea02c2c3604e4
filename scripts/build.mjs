// Runs on Node (developer machine, CI): the one build script. Two kinds of target: the extension host bundle and
// the CLI (node, cjs, `vscode` external), and the webview bundles (browser, iife).
//   node scripts/build.mjs [--watch] [--production]
import * as esbuild from "esbuild";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");
const root = new URL("..", import.meta.url).pathname;

const common = {
  bundle: true,
  sourcemap: production ? false : "linked",
  minify: production,
  logLevel: "info",
  legalComments: "none",
};

/** Node targets: [entry, outfile, extra options]. Entries that do not exist yet are skipped. */
const nodeTargets = [
  ["src/extension/main.ts", "dist/extension.js", { external: ["vscode"] }],
  ["src/cli/main.ts", "dist/cli.js", {}],
  ["test/e2e/host/index.ts", "dist/test/host.js", { external: ["vscode", "mocha"] }],
  ["src/tsplugin/index.ts", "dist/tsplugin.js", { external: ["typescript"] }],
];

const webviewDir = join(root, "webview");
const webviewTargets = existsSync(webviewDir)
  ? readdirSync(webviewDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(webviewDir, d.name, "main.ts")))
      .map((d) => [`webview/${d.name}/main.ts`, `dist/webview/${d.name}.js`])
  : [];

const contexts = [];
for (const [entry, outfile, extra] of nodeTargets) {
  if (!existsSync(join(root, entry))) continue;
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: [join(root, entry)],
      outfile: join(root, outfile),
      platform: "node",
      format: "cjs",
      target: "node20",
      ...extra,
    }),
  );
}
for (const [entry, outfile] of webviewTargets) {
  contexts.push(
    await esbuild.context({
      ...common,
      entryPoints: [join(root, entry)],
      outfile: join(root, outfile),
      platform: "browser",
      format: "iife",
      target: "es2022",
      loader: { ".css": "text" },
    }),
  );
}

mkdirSync(join(root, "dist"), { recursive: true });
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
