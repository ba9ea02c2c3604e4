// Runs in the graph webview (browser): node colours from VS Code's theme variables (--vscode-*), resolved to
// concrete colours (Mermaid's classDef cannot take var()); a kind's fill is its chart colour blended into the
// editor background so text stays readable in light, dark and high-contrast themes.
import { DEFAULT_COLORS, sanitizeColors, type ColorClass, type NodeColors, type ThemeColors } from "../../src/view/theme";

const ACCENT: Record<ColorClass, [string, string]> = {
  param: ["--vscode-charts-blue", "#3b82f6"],
  input: ["--vscode-charts-green", "#22c55e"],
  const: ["--vscode-descriptionForeground", "#6b7280"],
  op: ["--vscode-editor-foreground", "#374151"],
  target: ["--vscode-charts-orange", "#f59e0b"],
  group: ["--vscode-charts-purple", "#8b5cf6"],
  bundle: ["--vscode-charts-purple", "#6366f1"],
  hidden: ["--vscode-disabledForeground", "#9ca3af"],
  nan: ["--vscode-charts-red", "#dc2626"],
  nanflow: ["--vscode-errorForeground", "#f87171"],
  hl: ["--vscode-charts-yellow", "#eab308"],
};

/** A CSS colour (any syntax, var() included) as [r, g, b], via the browser's own parser. */
function resolve(css: string, probe: HTMLElement): [number, number, number] | undefined {
  probe.style.color = "";
  probe.style.color = css;
  if (!probe.style.color) return undefined;
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(probe).color);
  if (!m || m[4] === "0") return undefined;
  return [+m[1], +m[2], +m[3]];
}

/** Run f with a hidden element to resolve colours against the page's styles, removed afterwards. */
function withProbe<T>(f: (probe: HTMLElement) => T): T {
  const probe = document.createElement("span");
  probe.style.display = "none";
  document.body.appendChild(probe);
  try {
    return f(probe);
  } finally {
    probe.remove();
  }
}

const hex = (c: [number, number, number]) => "#" + c.map((x) => Math.round(x).toString(16).padStart(2, "0")).join("");
const mix = (a: [number, number, number], b: [number, number, number], t: number): [number, number, number] =>
  [a[0] * (1 - t) + b[0] * t, a[1] * (1 - t) + b[1] * t, a[2] * (1 - t) + b[2] * t];

/** Theme colours as the page's CSS variables give them (defaults when a variable is missing). */
export function themeColors(): ThemeColors {
  return withProbe((probe) => {
    const bg = resolve("var(--vscode-editor-background)", probe);
    const fg = resolve("var(--vscode-editor-foreground)", probe);
    if (!bg || !fg) return DEFAULT_COLORS;
    const contrast = document.body.classList.contains("vscode-high-contrast");
    const out: Partial<Record<ColorClass, NodeColors>> = {};
    for (const k of Object.keys(ACCENT) as ColorClass[]) {
      const [v, fallback] = ACCENT[k];
      const accent = resolve(`var(${v}, ${fallback})`, probe) ?? resolve(fallback, probe)!;
      out[k] = { fill: hex(contrast ? bg : mix(bg, accent, k === "op" ? 0.06 : 0.22)), stroke: hex(accent), text: hex(fg) };
    }
    return sanitizeColors(out);
  });
}

/** The editor's background and foreground as concrete colours (edges, edge labels, exports on the theme). */
export function surface(): { background: string; foreground: string } {
  return withProbe((probe) => {
    const bg = resolve("var(--vscode-editor-background)", probe);
    const fg = resolve("var(--vscode-editor-foreground)", probe);
    return bg && fg ? { background: hex(bg), foreground: hex(fg) } : { background: "#ffffff", foreground: "#333333" };
  });
}

export type Rgb = [number, number, number];

/** The heat map's diverging scale: negative and positive accents around the editor background (0). */
export interface Diverging {
  zero: Rgb;
  neg: Rgb;
  pos: Rgb;
  /** NaN/Infinity cells. */
  bad: Rgb;
}

export function divergingColors(): Diverging {
  return withProbe((probe) => {
    const pick = (v: string, fallback: string): Rgb => resolve(`var(${v}, ${fallback})`, probe) ?? resolve(fallback, probe) ?? [128, 128, 128];
    return {
      zero: pick("--vscode-editor-background", "#ffffff"),
      neg: pick("--vscode-charts-blue", "#3b82f6"),
      pos: pick("--vscode-charts-red", "#dc2626"),
      bad: pick("--vscode-charts-yellow", "#eab308"),
    };
  });
}

/** Colour of x on the scale: 0 is the background, ±scale the full accent; non-finite values get their own colour. */
export function divergingColor(d: Diverging, x: number, scale: number): string {
  if (!Number.isFinite(x)) return hex(d.bad);
  const t = scale > 0 ? Math.min(1, Math.abs(x) / scale) : 0;
  return hex(mix(d.zero, x < 0 ? d.neg : d.pos, t));
}

/** Black or white, whichever reads better on a #rrggbb background (relative luminance, WCAG's formula). */
export function readableOn(bg: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bg);
  if (!m) return "";
  const lin = (h: string): number => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
  return l > 0.179 ? "#000000" : "#ffffff";
}
