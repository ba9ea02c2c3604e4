// Runs in vitest (Node): the graph webview's page and Content Security Policy.
import { describe, expect, it } from "vitest";
import { graphCsp, graphHtml, makeNonce } from "../../../../src/extension/graph/html";

const SRC = "https://file+.vscode-resource.vscode-cdn.net";

describe("graph webview page", () => {
  it("allows scripts only with the nonce and from our own origin (the chunks), and nothing by default", () => {
    const csp = graphCsp(SRC, "abc123");
    const parts = Object.fromEntries(csp.split("; ").map((p) => [p.split(" ")[0], p.split(" ").slice(1)]));
    expect(parts["default-src"]).toEqual(["'none'"]);
    expect(parts["script-src"]).toEqual(["'nonce-abc123'", SRC]);
    expect(parts["style-src"]).toEqual([SRC, "'unsafe-inline'"]);
    expect(parts["img-src"]).toEqual([SRC, "data:", "blob:"]);
    expect(csp).not.toMatch(/unsafe-eval|\*|https?:\/\/(?!file\+)/);
  });

  it("loads the bundle as a module with the same nonce as the policy and escapes the uris", () => {
    const html = graphHtml({ cspSource: SRC, script: `${SRC}/dist/webview/graph.js`, style: `${SRC}/media/graph.css?a="b"`, nonce: "n0nce" });
    expect(html).toContain(`script-src 'nonce-n0nce' ${SRC};`);
    expect(html).toContain(`<script type="module" nonce="n0nce" src="${SRC}/dist/webview/graph.js"></script>`);
    expect(html).toContain(`href="${SRC}/media/graph.css?a=&quot;b&quot;"`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it("preloads the first paint's chunks as modules from our origin", () => {
    const html = graphHtml({ cspSource: SRC, script: `${SRC}/graph.js`, style: `${SRC}/graph.css`, preloads: [`${SRC}/graph-chunk-A.js`, `${SRC}/x.js?"`] });
    expect(html).toContain(`<link rel="modulepreload" href="${SRC}/graph-chunk-A.js">`);
    expect(html).toContain(`<link rel="modulepreload" href="${SRC}/x.js?&quot;">`);
    // Before the script, in the head, so the fetches start as the page is parsed.
    expect(html.indexOf("modulepreload")).toBeLessThan(html.indexOf("</head>"));
  });

  it("makes a fresh nonce each time", () => {
    const a = makeNonce(), b = makeNonce();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    const page = graphHtml({ cspSource: SRC, script: "s.js", style: "s.css" });
    const nonce = /nonce-([^']+)'/.exec(page)![1];
    expect(page).toContain(`<script type="module" nonce="${nonce}"`);
  });
});
