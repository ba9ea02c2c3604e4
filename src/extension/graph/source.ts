// Runs in the VS Code extension host (pure: no vscode import, so vitest covers it): what a graph panel shows (a
// `.nn.ts` file's target or a selection), and how that survives a restart: it rides in the render message the
// webview persists with setState, and the panel serializer reads it back.

/** What a graph panel shows; a selection keeps what it needs to be evaluated again as its document changes. */
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
  // fromEntries makes own keys: `__proto__` is an ordinary name here.
  const values = Object.fromEntries(Object.entries(o.values).filter(([, v]) => typeof v === "number")) as Record<string, number>;
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
