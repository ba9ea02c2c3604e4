// Runs in the VS Code extension host (pure: no vscode import, so vitest covers it): what a graph panel shows (a
// `.nn.ts` file's target or a selection), how that survives a restart (it rides in the render message the webview
// persists), the arguments gradlens.visualize accepts, and keeping a selection's range in step with edits.
import type { Tape } from "../../engine/tape";
import { evaluateSelection, type Bounds } from "../../notation";

export type GraphSource =
  | { readonly kind: "document"; readonly uri: string }
  | {
    readonly kind: "selection";
    readonly uri: string;
    /** The selection's text when it was last evaluated. */
    readonly text: string;
    /** Offsets of the selection in the document. */
    readonly start: number;
    readonly end: number;
    readonly languageId: string;
    /** Values the user typed for names the document does not define. */
    readonly values: Readonly<Record<string, number>>;
  };

/** A tape and the node to draw it from, with the panel's title. */
export interface GraphInput {
  tape: Tape;
  target: number;
  title: string;
}

export function encodeSource(s: GraphSource): string {
  return JSON.stringify(s);
}

/** The inverse of encodeSource; undefined for anything malformed (the saved state comes back from a webview). */
export function decodeSource(raw: unknown): GraphSource | undefined {
  if (typeof raw !== "string") return undefined;
  let x: unknown;
  try {
    x = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof x !== "object" || x === null) return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.uri !== "string" || !o.uri) return undefined;
  if (o.kind === "document") return { kind: "document", uri: o.uri };
  if (o.kind !== "selection") return undefined;
  const int = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  if (typeof o.text !== "string" || !int(o.start) || !int(o.end) || (o.end as number) < (o.start as number)) return undefined;
  if (typeof o.values !== "object" || o.values === null) return undefined;
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(o.values)) if (typeof v === "number") values[k] = v;
  const languageId = typeof o.languageId === "string" ? o.languageId : "typescript";
  return { kind: "selection", uri: o.uri, text: o.text, start: o.start as number, end: o.end as number, languageId, values };
}

/** The `source` of the render the webview saved with setState: `{ state, last: { type: "render", source } }`. */
export function savedSource(state: unknown): unknown {
  if (typeof state !== "object" || state === null) return undefined;
  const last = (state as { last?: unknown }).last;
  if (typeof last !== "object" || last === null) return undefined;
  return (last as { source?: unknown }).source;
}

/** What gradlens.visualize was asked to show: a document, and maybe a node of its graph. */
export interface VisualizeRequest {
  uri: string;
  node?: number;
  offset?: number;
}

/**
 * The command's arguments: `{ uri, node, offset }` (hover link), a uri string, or anything with a uri-ish
 * toString (a vscode.Uri from a CodeLens or the training view). Undefined when there is none (palette, keybinding).
 */
export function parseVisualizeArgs(args: readonly unknown[]): VisualizeRequest | undefined {
  const a = args[0];
  if (typeof a === "string") return a ? { uri: a } : undefined;
  if (typeof a !== "object" || a === null) return undefined;
  const o = a as Record<string, unknown>;
  if ("uri" in o) {
    const uri = typeof o.uri === "string" ? o.uri : uriString(o.uri);
    if (!uri) return undefined;
    const req: VisualizeRequest = { uri };
    if (Number.isInteger(o.node) && (o.node as number) >= 0) req.node = o.node as number;
    if (Number.isInteger(o.offset) && (o.offset as number) >= 0) req.offset = o.offset as number;
    return req;
  }
  const uri = uriString(a);
  return uri ? { uri } : undefined;
}

function uriString(u: unknown): string | undefined {
  if (typeof u !== "object" || u === null) return undefined;
  const o = u as { scheme?: unknown; toString?: () => string };
  if (typeof o.scheme !== "string" || typeof o.toString !== "function") return undefined;
  const s = o.toString();
  return s.includes(":") ? s : undefined;
}

/** One text change, in offsets of the document before it. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

/**
 * The selection's range after edits (applied in order, each in offsets of the text before it): edits before it
 * shift it, edits overlapping it stretch or shrink it (to cover the edit), and text typed right at either end stays
 * outside (a new line after the expression must not join it).
 */
export function adjustRange(start: number, end: number, changes: readonly TextChange[]): { start: number; end: number } {
  for (const c of changes) {
    const cEnd = c.offset + c.length;
    const delta = c.text.length - c.length;
    if (cEnd <= start) {
      start += delta;
      end += delta;
    } else if (c.offset >= end) {
      continue;
    } else {
      const newStart = Math.min(start, c.offset);
      const newEnd = Math.max(end, cEnd) + delta;
      start = newStart;
      end = Math.max(newStart, newEnd);
    }
  }
  return { start, end };
}

/** A selection evaluated against the current document text (positions, hence node ranges, are the document's). */
export function evaluateSelectionSource(
  s: Extract<GraphSource, { kind: "selection" }>, documentText: string, bounds?: Partial<Bounds>,
): GraphInput {
  const r = evaluateSelection(s.text, {
    documentText, selectionOffset: s.start, languageId: s.languageId, values: { ...s.values }, bounds,
  });
  return { tape: r.tape, target: r.target, title: `Graph: ${oneLine(s.text)}` };
}

export function oneLine(text: string, max = 40): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
