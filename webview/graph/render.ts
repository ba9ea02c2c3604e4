// Runs in the graph webview (browser): Mermaid, initialised once with strict security and limits raised on purpose
// (the view model already keeps the graph under its own budget), and every way Mermaid fails turned into a clear
// message saying what to do.
import type { Mermaid } from "mermaid";
import { HARD_MAX_EDGES } from "../../src/view/graph";

// Mermaid (one file of its own, which the page preloads) loads while the view builds its toolbar and asks for a
// graph. User Timing entries (a profile's Timings track) say when it arrived and how long each render took.
const loading: Promise<Mermaid> = import("gradlens:mermaid").then((m) => {
  performance.mark("GradLens: Mermaid loaded");
  return m.default;
});

/** Mermaid's own limits, above what the view model ever emits, so hitting one means a bug or a hostile message. */
export const MERMAID_MAX_EDGES = HARD_MAX_EDGES + 100;
/** A full-size graph (1500 nodes, 1900 edges) is about 200k characters; Mermaid's default is 50k. */
export const MERMAID_MAX_TEXT = 400_000;

let counter = 0;

/** Colours Mermaid itself draws with (edges, edge labels, text); node colours come from classDefs. */
export interface Surface {
  background: string;
  foreground: string;
}

export const LIGHT_SURFACE: Surface = { background: "#ffffff", foreground: "#333333" };

let lastSurface = "";

/** (Re)configure Mermaid; cheap, and only redone when the surface colours change (theme switch, light export). */
function init(mermaid: Mermaid, surface: Surface): void {
  const key = `${surface.background}|${surface.foreground}`;
  if (key === lastSurface) return;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    theme: "base",
    // dagre and the classic look: several times faster here than Mermaid 12's default ELK layout and neo look.
    layout: "dagre",
    look: "classic",
    // SVG text rather than HTML labels: no foreignObject, so PNG export can draw the SVG onto a canvas.
    htmlLabels: false,
    maxEdges: MERMAID_MAX_EDGES,
    maxTextSize: MERMAID_MAX_TEXT,
    flowchart: { useMaxWidth: false, curve: "basis" },
    themeVariables: {
      fontFamily: "var(--vscode-font-family, sans-serif)",
      background: surface.background,
      lineColor: surface.foreground,
      textColor: surface.foreground,
      primaryTextColor: surface.foreground,
      edgeLabelBackground: surface.background,
    },
  });
  lastSurface = key;
}

export type RenderResult = { ok: true; svg: string; ms: number } | { ok: false; message: string };

/** Mermaid text to SVG markup, or a message for the user. */
export async function renderSvg(text: string, surface: Surface = LIGHT_SURFACE): Promise<RenderResult> {
  let mermaid: Mermaid;
  try {
    mermaid = await loading;
  } catch (e) {
    return { ok: false, message: `Mermaid could not be loaded: ${e instanceof Error ? e.message : String(e)}. Reopen the graph view.` };
  }
  init(mermaid, surface);
  const t0 = performance.now();
  const id = `gradlens-graph-${++counter}`;
  try {
    if (text.length > MERMAID_MAX_TEXT) return { ok: false, message: textTooLong(text.length) };
    const { svg } = await mermaid.render(id, text);
    // Mermaid reports some failures by drawing them instead of throwing.
    if (svg.includes("Maximum text size in diagram exceeded")) return { ok: false, message: textTooLong(text.length) };
    if (/Syntax error in text|aria-roledescription="error"/.test(svg)) {
      return { ok: false, message: "Mermaid could not read the graph text (syntax error). Copy it as Mermaid and report it." };
    }
    performance.measure("GradLens: Mermaid render", { start: t0 });
    return { ok: true, svg, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, message: explain(e) };
  } finally {
    // A failed render can leave its scratch element behind.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}

function textTooLong(n: number): string {
  return `The graph is too large for Mermaid (${n} characters of text). Collapse groups or use "Collapse all".`;
}

function explain(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/Edge limit exceeded/.test(msg)) {
    return `The graph has more edges than Mermaid draws (limit ${MERMAID_MAX_EDGES}). ` +
      `Collapse groups or use "Collapse all" to fold it.`;
  }
  if (/Maximum text size/i.test(msg)) return `The graph text is too large for Mermaid. Collapse groups or use "Collapse all".`;
  return `Mermaid could not draw the graph: ${msg.split("\n")[0].slice(0, 300)}. Try "Collapse all" or copy it as Mermaid.`;
}
