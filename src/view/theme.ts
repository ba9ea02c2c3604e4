// Runs anywhere (extension host, webview, CLI, tests): the graph's node colours. The webview reads them from VS Code's theme
// CSS variables; the CLI and exports use the defaults. Every colour is checked before it reaches Mermaid text.

export type ColorClass = "param" | "input" | "const" | "op" | "target" | "group" | "bundle" | "hidden" | "nan" | "nanflow" | "hl";

export interface NodeColors {
  readonly fill: string;
  readonly stroke: string;
  readonly text: string;
}

export type ThemeColors = Readonly<Record<ColorClass, NodeColors>>;

/** Light defaults (also what a "light background" export uses). */
export const DEFAULT_COLORS: ThemeColors = {
  param: { fill: "#dbeafe", stroke: "#1d4ed8", text: "#111111" },
  input: { fill: "#dcfce7", stroke: "#15803d", text: "#111111" },
  const: { fill: "#f3f4f6", stroke: "#6b7280", text: "#111111" },
  op: { fill: "#ffffff", stroke: "#374151", text: "#111111" },
  target: { fill: "#fef3c7", stroke: "#b45309", text: "#111111" },
  group: { fill: "#ede9fe", stroke: "#6d28d9", text: "#111111" },
  bundle: { fill: "#e0e7ff", stroke: "#4338ca", text: "#111111" },
  hidden: { fill: "#f9fafb", stroke: "#9ca3af", text: "#374151" },
  nan: { fill: "#fee2e2", stroke: "#dc2626", text: "#7f1d1d" },
  nanflow: { fill: "#fff1f2", stroke: "#f87171", text: "#7f1d1d" },
  hl: { fill: "#fef9c3", stroke: "#ca8a04", text: "#111111" },
};

/**
 * A colour as Mermaid's classDef can take it: #hex or a plain colour word. rgb()/rgba() (what getComputedStyle
 * returns) become #rrggbb[aa], because classDef splits its styles on commas. Anything else is refused (undefined).
 */
export function safeColor(c: string): string | undefined {
  const s = c.trim();
  if (/^#[0-9a-fA-F]{3,8}$/.test(s)) return s;
  if (/^[a-zA-Z]{3,30}$/.test(s)) return s.toLowerCase();
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(s);
  if (!m) return undefined;
  const hex = (x: number) => Math.max(0, Math.min(255, Math.round(x))).toString(16).padStart(2, "0");
  let out = `#${hex(+m[1])}${hex(+m[2])}${hex(+m[3])}`;
  if (m[4] !== undefined) {
    const a = m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    if (a < 1) out += hex(a * 255);
  }
  return out;
}

/** Theme colours with every entry checked; unusable entries fall back to the defaults. */
export function sanitizeColors(colors: Partial<Record<ColorClass, Partial<NodeColors>>> | undefined): ThemeColors {
  const out = {} as Record<ColorClass, NodeColors>;
  for (const k of Object.keys(DEFAULT_COLORS) as ColorClass[]) {
    const d = DEFAULT_COLORS[k], c = colors?.[k];
    out[k] = {
      fill: (c?.fill && safeColor(c.fill)) || d.fill,
      stroke: (c?.stroke && safeColor(c.stroke)) || d.stroke,
      text: (c?.text && safeColor(c.text)) || d.text,
    };
  }
  return out;
}
