// Runs in the VS Code extension host (pure: no vscode import): the graph webview's page and its Content Security
// Policy. Scripts run only with the page's nonce. Styles: Mermaid writes a <style> element into every SVG it draws
// (and into its measuring node) without a nonce, and a nonce in style-src makes browsers ignore 'unsafe-inline';
// so style-src allows inline styles from our own origin only, and nothing else (no remote fonts, frames or fetches).
import { randomBytes } from "node:crypto";

export interface PageResources {
  /** webview.cspSource */
  cspSource: string;
  /** dist/webview/graph.js as a webview uri. */
  script: string;
  /** media/graph.css as a webview uri. */
  style: string;
  nonce?: string;
}

export function makeNonce(): string {
  // Base64 of 16 random bytes; the characters +/= are valid in a CSP nonce and an HTML attribute.
  return randomBytes(16).toString("base64");
}

export function graphCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    // PNG export draws the SVG through a blob: image onto a canvas and reads it back as a data: URL.
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
  ].join("; ");
}

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function graphHtml(r: PageResources): string {
  const nonce = r.nonce ?? makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(graphCsp(r.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(r.style)}">
<title>GradLens graph</title>
</head>
<body>
<script nonce="${attr(nonce)}" src="${attr(r.script)}"></script>
</body>
</html>`;
}
