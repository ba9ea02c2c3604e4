// Runs on Node (the `gradlens` CLI): argv parsing by hand, small: one positional source and `--name value` options.
import type { Bounds } from "../notation";

export class UsageError extends Error {}

export interface Parsed {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** Options that take no value. */
const FLAGS = new Set(["json", "help"]);

export function parseArgs(argv: readonly string[], allowed: readonly string[]): Parsed {
  const positional: string[] = [], options = new Map<string, string>(), flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-o") {
      options.set("o", value(argv, ++i, a));
      continue;
    }
    if (!a.startsWith("--") || a === "--") {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (!FLAGS.has(name) && !allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (FLAGS.has(name)) flags.add(name);
    else options.set(name, eq >= 0 ? a.slice(eq + 1) : value(argv, ++i, a));
  }
  return { positional, options, flags };
}

function value(argv: readonly string[], i: number, name: string): string {
  if (i >= argv.length) throw new UsageError(`${name} needs a value`);
  return argv[i];
}

/** `x=53,y=-17`, as own keys: `__proto__`, `constructor` and `toString` are ordinary names. */
export function parseAt(s: string | undefined): Record<string, number> {
  const out = new Map<string, number>();
  if (s === undefined) return {};
  for (const part of s.split(",")) {
    if (part.trim() === "") continue;
    const m = /^\s*([A-Za-z_$][\w$]*)\s*=\s*(.+?)\s*$/.exec(part);
    const v = m ? Number(m[2]) : NaN;
    if (!m || m[2] === "" || Number.isNaN(v)) throw new UsageError(`--at: expected name=number, got "${part}"`);
    out.set(m[1], v);
  }
  return Object.fromEntries(out);
}

export function numberOption(p: Parsed, name: string, fallback: number, check: (x: number) => boolean, want: string): number {
  const s = p.options.get(name);
  if (s === undefined) return fallback;
  const x = Number(s);
  if (s.trim() === "" || !check(x)) throw new UsageError(`--${name} must be ${want}, got "${s}"`);
  return x;
}

/** `--lang python|ts`: the language of an inline expression or of standard input (a file's name says its own). */
export function langOption(p: Parsed): "py" | "ts" | undefined {
  if (!p.options.has("lang")) return undefined;
  return choiceOption(p, "lang", ["python", "ts"] as const, "ts") === "python" ? "py" : "ts";
}

export function choiceOption<T extends string>(p: Parsed, name: string, allowed: readonly T[], fallback: T): T {
  const s = p.options.get(name);
  if (s === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(s)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, got "${s}"`);
  return s as T;
}

/**
 * The flags that raise (or lower) the evaluation bounds, for a person who means it: the same Bounds the editor's
 * gradlens.maxSteps / maxNodes / maxCallDepth / maxElements / maxElementOps settings give, with the editor's defaults when a flag is absent.
 */
export const BOUND_FLAGS: Readonly<Record<string, "maxSteps" | "maxNodes" | "maxDepth" | "maxElements" | "maxElementOps">> = {
  "max-steps": "maxSteps", "max-nodes": "maxNodes", "max-depth": "maxDepth", "max-elements": "maxElements",
  "max-element-ops": "maxElementOps",
};

export function boundsOption(p: Parsed): Partial<Bounds> {
  const out: Partial<Bounds> = {};
  for (const [flag, key] of Object.entries(BOUND_FLAGS)) {
    if (p.options.has(flag)) out[key] = numberOption(p, flag, 0, (x) => Number.isSafeInteger(x) && x > 0, "a positive integer");
  }
  return out;
}
