// Runs in the VS Code extension host (pure: no vscode import): the page every GradLens webview loads, with its
// Content Security Policy. Scripts run only with the page's nonce; nothing loads from outside the extension.
import { randomBytes } from "node:crypto";

export interface PageOptions {
  title: string;
  /** webview.cspSource */
  cspSource: string;
  /** The bundle (dist/webview/<name>.js) as a webview uri. */
  script: string;
  /** Stylesheets as webview uris. */
  styles?: readonly string[];
  /** Module scripts the page will import, as webview uris, fetched from the start (`<link rel="modulepreload">`). */
  preloads?: readonly string[];
  /** Static markup before the script (already escaped). */
  body?: string;
  nonce?: string;
  /**
   * Allow inline styles from our own origin instead of nonce'd ones. Needed where a library writes <style>
   * elements without a nonce (Mermaid): a nonce in style-src makes browsers ignore 'unsafe-inline'.
   */
  inlineStyles?: boolean;
  /** Allow blob: images (PNG export draws the SVG through a blob: image). */
  blobImages?: boolean;
  /**
   * The script is an ES module that imports chunks from beside it: it loads as `type="module"`, and script-src
   * admits our own origin (the chunks, which no nonce reaches) besides the nonce.
   */
  modules?: boolean;
}

export function makeNonce(): string {
  // Base64 of 16 random bytes; the characters +/= are valid in a CSP nonce and an HTML attribute.
  return randomBytes(16).toString("base64");
}

export function pageCsp(o: Pick<PageOptions, "cspSource" | "inlineStyles" | "blobImages" | "modules">, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'${o.modules ? ` ${o.cspSource}` : ""}`,
    `style-src ${o.cspSource} ${o.inlineStyles ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    `img-src ${o.cspSource} data:${o.blobImages ? " blob:" : ""}`,
    `font-src ${o.cspSource}`,
  ].join("; ");
}

export const attr = (s: string): string => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function webviewPage(o: PageOptions): string {
  const nonce = o.nonce ?? makeNonce();
  const links = [...(o.styles ?? []).map((s) => `<link rel="stylesheet" href="${attr(s)}">\n`),
    ...(o.preloads ?? []).map((s) => `<link rel="modulepreload" href="${attr(s)}">\n`)].join("");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(pageCsp(o, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${links}<title>${attr(o.title)}</title>
</head>
<body>
${o.body ?? ""}<script${o.modules ? ' type="module"' : ""} nonce="${attr(nonce)}" src="${attr(o.script)}"></script>
</body>
</html>`;
}
