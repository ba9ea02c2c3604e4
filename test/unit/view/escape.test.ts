// Runs on Node (vitest): escaping of user text for Mermaid source, HTML and Markdown.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown, escapeMermaid } from "../../../src/view/escape";

/** What Mermaid does with entity codes: #60; back to "<" (as text). */
const decode = (s: string) => s.replace(/#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));

const HOSTILE = ['"]-->x[', "<script>alert(1)</script>", "`**md**`", "%%{init: {'theme':'dark'}}%%", "a|b", "x;y#z", "click n0 call f()", "&lt;"];

describe("escapeMermaid", () => {
  it("leaves nothing that can end a quoted label, start a directive, markdown, HTML or an entity", () => {
    for (const h of HOSTILE) {
      const e = escapeMermaid(h);
      expect(e).not.toMatch(/["\]\[<>`%{}|&]/);
      // Every "#" left is the start of one of our entity codes.
      expect(e.replace(/#\d+;/g, "")).not.toContain("#");
      expect(e.replace(/#\d+;/g, "")).not.toContain(";");
    }
  });

  it("keeps ordinary names readable", () => {
    expect(escapeMermaid("w1")).toBe("w1");
    expect(escapeMermaid("L1.N2.w")).toBe("L1.N2.w");
    expect(escapeMermaid("forward(0, 1)")).toBe("forward(0, 1)");
    expect(escapeMermaid("∂ -0.25")).toBe("∂ -0.25");
    expect(escapeMermaid("naïve σ")).toBe("naïve σ");
    expect(escapeMermaid('"]-->x[')).toBe("#34;#93;--#62;x#91;");
  });

  it("round-trips any text through Mermaid's entity decoding (newlines become spaces)", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => {
      expect(decode(escapeMermaid(s))).toBe(s.replace(/\n/g, " "));
    }), { numRuns: 300 });
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML specials and backticks", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;");
  });
});

describe("escapeMarkdown", () => {
  it("escapes what Markdown would read as emphasis, code, links, tables or HTML", () => {
    expect(escapeMarkdown("a_b*c`d[e]|f~g")).toBe("a\\_b\\*c\\`d\\[e\\]\\|f\\~g");
    expect(escapeMarkdown("<b>&")).toBe("&lt;b&gt;&amp;");
    expect(escapeMarkdown("w1")).toBe("w1");
  });
});
