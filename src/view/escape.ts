// Runs anywhere (extension host, webviews, CLI, tests): escaping of user text (names, group labels) for Mermaid
// source, HTML and Markdown. Labels come from user code, so nothing in them may reach Mermaid's parser, the DOM or a
// hover's Markdown as syntax.

/** Characters that are plain text in a quoted Mermaid label; everything else becomes an entity code. */
const MERMAID_SAFE = /[\p{L}\p{N} .,_+\-=:()·∂Σ×÷−^'…]/u;

/**
 * Text for inside a quoted Mermaid label (`id["..."]`, `-->|"..."|`). Every character that could end the quote,
 * open a directive (`%%{init}%%`), a markdown string (backticks), HTML (`<script>`) or an entity is written as
 * Mermaid's `#code;` entity, which Mermaid turns back into that character as text.
 */
export function escapeMermaid(text: string): string {
  let out = "";
  for (const ch of text) {
    if (MERMAID_SAFE.test(ch)) out += ch;
    else if (ch === "\n") out += " ";
    else out += `#${ch.codePointAt(0)};`;
  }
  return out;
}

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

/** Text for HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML[c]);
}

/** Markdown-safe text: user names can hold `*`, `_`, backticks, brackets, pipes (tables) or HTML. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]|~<>&]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`));
}

/**
 * Text for inside a quoted Graphviz DOT string (`label="..."`): backslashes and quotes escaped (so `\N`, `\G` and
 * `\l` stay text and the quote cannot end), line breaks as DOT's `\n`, other control characters dropped.
 */
export function escapeDot(text: string): string {
  let out = "";
  for (const ch of text) {
    if (ch === "\\" || ch === '"') out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch >= " " && ch !== "\u007f") out += ch;
  }
  return out;
}
