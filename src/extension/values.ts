// Runs in the VS Code extension host (pure, no vscode import): the text of the "values for missing names" prompt.
// Format: `x = 53, y = -17` (commas, semicolons or newlines between pairs; `:` also works for `=`).

export type Values = Record<string, number>;

const NAME = /^[A-Za-z_$][\w$]*$/;

/** Formats values for the prompt, in the order of `names`, using `known` where present. */
export function formatValues(names: readonly string[], known: Values): string {
  return names.map((n) => `${n} = ${Object.hasOwn(known, n) ? String(known[n]) : ""}`).join(", ");
}

/** Parses the prompt's text; returns the values or a message saying what is wrong and where. */
export function parseValues(text: string, required: readonly string[]): { values: Values } | { error: string } {
  // A Map, then own keys: `__proto__`, `constructor` and `toString` are names like any other.
  const values = new Map<string, number>();
  for (const raw of text.split(/[,;\n]/)) {
    const part = raw.trim();
    if (!part) continue;
    const m = /^([^=:]+)[=:](.*)$/.exec(part);
    if (!m) return { error: `expected name = number, got "${part}"` };
    const name = m[1].trim();
    const num = m[2].trim();
    if (!NAME.test(name)) return { error: `"${name}" is not a name` };
    // Number("") is 0 and Number("0x1") is 1: accept only decimal literals, with exponent.
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(num)) return { error: `${name}: "${num}" is not a number` };
    values.set(name, Number(num));
  }
  const missing = required.filter((n) => !values.has(n));
  if (missing.length) return { error: `missing a value for ${missing.join(", ")}` };
  return { values: Object.fromEntries(values) };
}
