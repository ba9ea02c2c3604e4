// Runs anywhere: the nearest known names to one that is not known (`sigmiod` → `sigmoid`), by
// edit distance over the built-ins and the names the text declares, for "not a known function" messages.
import { GLOBAL_NAMES } from "./builtins";
import type { Scope } from "./interp";

/** Optimal-string-alignment distance (a swap of neighbours counts 1), ignoring case; stops counting past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = a.toLowerCase(), t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let prev2: number[] = [], prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[t.length];
}

/**
 * Up to `max` candidates within a slip's distance of `name` (2, or a third of a long name), nearest first; one of
 * each spelling that differs only in case (`math` for `Math`), and no one- or two-letter names for longer ones.
 */
export function nearestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.ceil(name.length / 3));
  const scored: [string, number, number][] = [];
  for (const c of new Set(candidates)) {
    if (c === name || (c.length <= 2 && name.length > 2)) continue;
    const d = editDistance(name, c, limit);
    if (d <= limit) scored.push([c, d, c.toLowerCase() === c ? 0 : 1]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));
  const seen = new Set<string>(), out: string[] = [];
  for (const [c] of scored) {
    if (seen.has(c.toLowerCase())) continue;
    seen.add(c.toLowerCase());
    out.push(c);
  }
  return out.slice(0, max);
}

/** Names a text declares (`const x`, `function f`, `class C`, `def f`, `x = …`), for suggestions: no parse needed. */
export function declaredIn(text: string): string[] {
  const out: string[] = [];
  const re = /\b(?:const|let|var|function|class|def)\s+([A-Za-z_$][\w$]*)|^[ \t]*([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]*)?=(?![=>])/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[1] ?? m[2]);
  return out;
}

/** Every name visible from `scope` (its own, its parents', the globals). */
export function namesInScope(scope: Scope): string[] {
  const out: string[] = [];
  for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) out.push(...s.vars.keys());
  return out;
}

/** "`sigmiod` is not a known function (nearest known name: `sigmoid`)" */
export function unknownFunction(name: string, candidates: Iterable<string>): string {
  const near = nearestNames(name, [...GLOBAL_NAMES, ...candidates]);
  const list = near.length === 0 ? "" : ` (nearest known name${near.length === 1 ? "" : "s"}: ${near.map((n) => `\`${n}\``).join(", ")})`;
  return `\`${name}\` is not a known function${list}`;
}
