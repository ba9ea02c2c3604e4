// Runs in the VS Code extension host (pure: no vscode import, so vitest covers it): keeping a graphed selection's
// range in step with edits of its document, so following the editor redraws the same expression.

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
