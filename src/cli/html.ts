// Runs on Node (the CLI): `gradlens graph --format html`, a standalone page that works offline: Mermaid's browser
// build is inlined from the clone's node_modules (never fetched from a CDN), and the page carries a Content Security
// Policy like the graph view's: scripts only by hash (the two inline ones), nothing from any origin, inline styles
// (Mermaid writes <style> elements into its drawing).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { escapeHtml } from "../view/escape";
import { UsageError } from "./args";

const LIBRARY = "mermaid/dist/mermaid.min.js";

/** Mermaid's browser build from the clone's node_modules (a dev dependency); a clear error when it is not there. */
export function mermaidLibrary(): string {
  let path: string;
  try {
    path = createRequire(__filename).resolve(LIBRARY);
  } catch {
    throw new UsageError(`--format html inlines Mermaid from node_modules/${LIBRARY}, which is not installed next to this ` +
      "CLI (run npm install in the GradLens clone), or use --format mermaid or --format markdown");
  }
  return readFileSync(path, "utf8");
}

const hash = (script: string): string => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;

/** The policy of a page whose only scripts are `scripts`, inline. */
export function htmlCsp(scripts: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(hash).join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
  ].join("; ");
}

/** The page: the Mermaid text (escaped), Mermaid itself and the call that draws it, under htmlCsp. */
export function graphPage(mermaid: string, title: string, library: string): string {
  // `</script` inside the inlined code would end the element early.
  const scripts = [library.replace(/<\/script/gi, "<\\/script"), `mermaid.initialize({ startOnLoad: true, securityLevel: "strict" });`];
  return `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(htmlCsp(scripts))}">
<title>GradLens: ${escapeHtml(title)}</title></head>
<body>
<pre class="mermaid">
${escapeHtml(mermaid)}
</pre>
${scripts.map((s) => `<script>${s}</script>`).join("\n")}
</body></html>`;
}
