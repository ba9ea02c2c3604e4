// Runs in the VS Code extension host (pure: no vscode import, so vitest covers it): the arguments gradlens.visualize
// accepts from a hover link, a CodeLens or the training view.

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
