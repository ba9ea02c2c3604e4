// Runs on both sides (extension host and webviews): what every message goes through on its way. VS Code
// serialises postMessage payloads as JSON, where NaN and ±Infinity would become null: they are encoded in one walk
// right before posting and decoded in one walk right after receiving, so postMessage is the only serialisation.
// Then the view's guard checks the message; a malformed or unknown one is logged and dropped.
import type { Check } from "./check";

const TAG = "$num";

/**
 * The payload with every non-finite number replaced by `{ $num: "NaN" | "Infinity" | "-Infinity" }`. Copy on
 * write: subtrees without one are shared, never modified.
 */
export function encodeNumbers(x: unknown): unknown {
  if (typeof x === "number") return Number.isFinite(x) ? x : { [TAG]: String(x) };
  return mapChildren(x, encodeNumbers);
}

/** The inverse of encodeNumbers, again copy on write. */
export function decodeNumbers(x: unknown): unknown {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return mapChildren(x, decodeNumbers);
  const keys = Object.keys(x);
  if (keys.length === 1 && keys[0] === TAG) {
    const s = (x as Record<string, unknown>)[TAG];
    if (s === "NaN" || s === "Infinity" || s === "-Infinity") return Number(s);
  }
  return mapChildren(x, decodeNumbers);
}

function mapChildren(x: unknown, f: (v: unknown) => unknown): unknown {
  if (typeof x !== "object" || x === null) return x;
  if (Array.isArray(x)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < x.length; i++) {
      const v: unknown = x[i], e = f(v);
      if (!Object.is(e, v)) (out ??= x.slice())[i] = e;
    }
    return out ?? x;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(x)) {
    const e = f(v);
    if (!Object.is(e, v)) (out ??= { ...x })[k] = e;
  }
  return out ?? x;
}

/** A received payload as a message: numbers decoded, then checked; undefined (and logged) when it is not one. */
export function receive<T>(raw: unknown, guard: Check<T>, log: (line: string) => void): T | undefined {
  const m = decodeNumbers(raw);
  if (guard(m)) return m;
  log(`GradLens: dropped a malformed or unknown message: ${preview(raw)}`);
  return undefined;
}

function preview(x: unknown): string {
  try {
    const s = JSON.stringify(x) ?? String(x);
    return s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return String(x);
  }
}

/** For the default branch of a switch over a union: a compile error when a case is missing. */
export function assertNever(x: never, what = "message"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
