// Runs in the VS Code extension host (pure: no vscode import, so vitest covers it): a selection's text as a panel
// title or an output heading.

/** Text on one line, cut to `max` characters. */
export function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
