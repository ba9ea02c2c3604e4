// Runs on both sides (extension host and webviews): small composable checks for messages from the other side,
// which is not trusted to be well formed. `object` takes one check per field of the type, so a field added to a
// message type without a check is a compile error.

export type Check<T> = (x: unknown) => x is T;

export const isNumber: Check<number> = (x): x is number => typeof x === "number";
export const isInt: Check<number> = (x): x is number => Number.isInteger(x);
export const isString: Check<string> = (x): x is string => typeof x === "string";
export const isBoolean: Check<boolean> = (x): x is boolean => typeof x === "boolean";
export const isUndefined: Check<undefined> = (x): x is undefined => x === undefined;

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (x): x is T => typeof x === "string" && (values as readonly string[]).includes(x);
}

/** A string made from our own counters only, never user text (Mermaid node ids are written unescaped). */
export function matches(re: RegExp): Check<string> {
  return (x): x is string => typeof x === "string" && re.test(x);
}

export function arrayOf<T>(item: Check<T>): Check<T[]> {
  return (x): x is T[] => Array.isArray(x) && x.every((v) => item(v));
}

export function optional<T>(c: Check<T>): Check<T | undefined> {
  return (x): x is T | undefined => x === undefined || c(x);
}

export function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return (x): x is A | B => a(x) || b(x);
}

/** An object with every listed field passing its check (other fields are ignored, never read). */
export function object<T>(fields: { [K in keyof T]-?: Check<T[K]> }): Check<T> {
  const entries = Object.entries(fields) as [string, Check<unknown>][];
  return (x): x is T => isRecord(x) && entries.every(([k, c]) => c(x[k]));
}
