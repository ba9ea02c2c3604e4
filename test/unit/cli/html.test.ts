// Runs in vitest (Node): `gradlens graph --format html`'s page: Mermaid inlined, scripts admitted only by their
// hashes in the page's Content Security Policy, nothing from any origin, user text escaped.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { graphPage, htmlCsp, mermaidLibrary } from "../../../src/cli/html";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

describe("the exported HTML graph", () => {
  const library = 'window.mermaid = { initialize() {} }; const s = "</script><script>alert(1)</script>";';
  const page = graphPage("flowchart LR\n  n0[\"x\"]", "a <b> & \"c\"", library);

  it("admits exactly its two inline scripts, by hash, and nothing from anywhere", () => {
    const csp = decode(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1]);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(2);
    expect(csp).toBe(htmlCsp(scripts));
    expect(csp).toBe(`default-src 'none'; script-src ${scripts.map(sha).join(" ")}; style-src 'unsafe-inline'; img-src data:; font-src data:`);
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(page).not.toMatch(/<script[^>]*\bsrc=|cdn\.jsdelivr/);
  });

  it("keeps the inlined library inside its element and escapes the title and the graph text", () => {
    expect(page).toContain('"<\\/script><script>alert(1)<\\/script>"');
    expect(page).toContain("<title>GradLens: a &lt;b&gt; &amp; &quot;c&quot;</title>");
    expect(page).toContain("n0[&quot;x&quot;]");
  });

  it("inlines Mermaid's browser build from node_modules", () => {
    const real = mermaidLibrary();
    expect(real.length).toBeGreaterThan(1_000_000);
    expect(real).toMatch(/mermaid/);
  });
});
