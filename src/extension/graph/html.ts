// Runs in the VS Code extension host (pure: no vscode import): the graph webview's page and its Content Security
// Policy. Scripts run only with the page's nonce, and the chunks it imports only from our own origin. Styles: Mermaid writes a <style> element into every SVG it draws
// (and into its measuring node) without a nonce, and a nonce in style-src makes browsers ignore 'unsafe-inline';
// so style-src allows inline styles from our own origin only, and nothing else (no remote fonts, frames or fetches).
import { makeNonce, pageCsp, webviewPage } from "../webview-page";

export { makeNonce };

export interface PageResources {
  /** webview.cspSource */
  cspSource: string;
  /** dist/webview/graph.js as a webview uri. */
  script: string;
  /** media/graph.css as a webview uri. */
  style: string;
  /** What graph.js imports for its first paint (its Mermaid, dist/webview/graph-mermaid.js) as webview uris. */
  preloads?: readonly string[];
  nonce?: string;
}

// PNG export draws the SVG through a blob: image onto a canvas and reads it back as a data: URL. The bundle is ES
// modules: its Mermaid and its later chunks load from dist/webview beside it (our origin only).
const GRAPH = { inlineStyles: true, blobImages: true, modules: true } as const;

export function graphCsp(cspSource: string, nonce: string): string {
  return pageCsp({ cspSource, ...GRAPH }, nonce);
}

export function graphHtml(r: PageResources): string {
  return webviewPage({
    title: "GradLens graph", cspSource: r.cspSource, script: r.script, styles: [r.style], preloads: r.preloads, nonce: r.nonce, ...GRAPH,
  });
}
