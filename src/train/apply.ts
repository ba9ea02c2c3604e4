// Runs anywhere: "Apply to file": text edits that write trained param values back into a `.nn.ts` or `.nn.py`
// source, as the first argument of each `param(...)` call (a tensor param gets a `tensor([[...]])` literal in place
// of its initialiser; in Python the numbers are written as Python writes floats, `2.0`, `1e-05`). A call that made several params (in a loop or a function called more than once) or a param made by
// mlp(...) has no single literal to hold its value: it is listed as skipped.
import { evaluateDocument, type Lang } from "../notation";
import { pyRepr } from "../notation/python/pyformat";

export interface TextEdit {
  /** Offsets into the document text the values were trained from. */
  start: number;
  end: number;
  newText: string;
}

export interface ApplyResult {
  edits: TextEdit[];
  /** Params that could not be written back, with the reason. */
  skipped: { name: string; reason: string }[];
}

/**
 * Edits for `text` that set every param to `values` (by store slot, the order the file creates them).
 * Throws when the file no longer evaluates to the same params.
 */
export function applyEdits(text: string, values: ArrayLike<number>, names?: readonly string[], lang: Lang = "ts"): ApplyResult {
  const doc = evaluateDocument(text, { lang });
  const literal = lang === "py" ? pythonFloat : String;
  if (!doc.ok) throw new Error("the file does not evaluate; fix its errors first");
  if (doc.store.size !== values.length || (names && names.some((n, i) => doc.store.names[i] !== n))) {
    throw new Error("the file's params changed since training started; train again before applying");
  }
  // A tensor param is one leaf whose elements take consecutive slots; only its first slot names the leaf.
  const T = doc.tape, tensorSlots = new Map<number, { node: number; size: number }>(), inTensor = new Set<number>();
  for (const p of doc.params) {
    if (p.node < 0 || !T.isTensor(p.node)) continue;
    const size = T.tensorValue(p.node).length;
    tensorSlots.set(p.slot, { node: p.node, size });
    for (let k = 1; k < size; k++) inTensor.add(p.slot + k);
  }
  const bySite = new Map<string, number[]>();
  const skipped: ApplyResult["skipped"] = [];
  for (const p of doc.params) {
    if (inTensor.has(p.slot)) continue;
    const r = p.node >= 0 ? doc.tape.source(p.node) : undefined;
    if (!r || !/^param\s*\(/.test(text.slice(r.start, r.end))) {
      skipped.push({ name: p.name, reason: "not made by a param(...) call in this file (e.g. by mlp)" });
      continue;
    }
    const key = `${r.start}:${r.end}`;
    bySite.set(key, [...(bySite.get(key) ?? []), p.slot]);
  }
  const edits: TextEdit[] = [];
  const namesOf = (slot: number): string[] => {
    const size = tensorSlots.get(slot)?.size ?? 1;
    return Array.from({ length: size }, (_, k) => doc.store.names[slot + k]);
  };
  for (const [key, slots] of bySite) {
    const [start, end] = key.split(":").map(Number);
    const names = slots.flatMap(namesOf);
    if (slots.length > 1) {
      const made = tensorSlots.has(slots[0]) ? `${slots.length} tensor params` : `${slots.length} params`;
      for (const n of names) skipped.push({ name: n, reason: `one param(...) call made ${made}` });
      continue;
    }
    const tensor = tensorSlots.get(slots[0]);
    const vs = Array.from({ length: tensor?.size ?? 1 }, (_, k) => values[slots[0] + k]);
    const bad = vs.find((v) => !Number.isFinite(v));
    if (bad !== undefined) {
      for (const n of names) skipped.push({ name: n, reason: `its value is ${bad}` });
      continue;
    }
    const arg = firstArgument(text, start, end);
    if (!arg) {
      for (const n of names) skipped.push({ name: n, reason: "its param(...) call has no initial value to replace" });
      continue;
    }
    // A tensor param's initialiser (`randn([2, 3])`) has no numbers to rewrite: a tensor literal of the same shape
    // takes its place.
    const newText = tensor ? tensorLiteral(T.shape(tensor.node), vs, literal) : literal(vs[0]);
    if (text.slice(arg.start, arg.end) !== newText) edits.push({ start: arg.start, end: arg.end, newText });
  }
  edits.sort((a, b) => a.start - b.start);
  return { edits, skipped };
}

/** A value as Python writes a float (`0.5`, `2.0`, `1e-05`): what a `.nn.py` file gets back. */
export function pythonFloat(v: number): string {
  return pyRepr(v, false);
}

/** `tensor([[a, b], [c, d]])` for a [2,2] shape (rank 0 and 1 too), elements row-major. */
export function tensorLiteral(shape: readonly number[], vs: readonly number[], literal: (v: number) => string = String): string {
  if (shape.length === 0) return `tensor(${literal(vs[0])})`;
  const list = (from: number, to: number): string => vs.slice(from, to).map(literal).join(", ");
  if (shape.length === 1) return `tensor([${list(0, vs.length)}])`;
  const c = shape[1], rows = Array.from({ length: shape[0] }, (_, r) => `[${list(r * c, r * c + c)}]`);
  return `tensor([${rows.join(", ")}])`;
}

/** The first argument of the call in text[start, end): brackets and strings balanced, whitespace trimmed. */
export function firstArgument(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let i = text.indexOf("(", start);
  if (i < 0 || i >= end) return undefined;
  const from = ++i;
  let depth = 0, quote = "";
  for (; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) break;
      depth--;
    } else if (c === "," && depth === 0) break;
  }
  let a = from, b = i;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return a < b ? { start: a, end: b } : undefined;
}

/** The text with edits applied (what the editor will show; for tests and previews). */
export function applyToText(text: string, edits: readonly TextEdit[]): string {
  let out = "", at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
