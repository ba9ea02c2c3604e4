// Runs anywhere (extension host, tests): what resolving a name, operator or call of a `.nn.ts` file gives (see
// subject-values.ts and logged-values.ts), and the small readers both use.
import type { DocumentResult } from "../notation";
import { callLabel } from "./query";

/** One evaluation of something: its node, value, gradient, and the call it happened in. */
export interface Reading {
  node: number;
  value: number;
  grad: number;
  call: string | undefined;
}

export interface Local {
  /** Source text of the input (or its op when it has none). */
  input: string;
  node: number;
  derivative: number;
}

export type Resolved =
  | { kind: "param"; name: string; node: number; value: number; grad: number }
  | { kind: "params"; items: { name: string; node: number; value: number; grad: number }[] }
  | { kind: "target"; name: string; node: number; value: number }
  | { kind: "readings"; what: "name" | "call" | "operator"; readings: Reading[]; locals: Local[][] }
  /** A function's parameter: the argument each call got, as the call's label shows it. */
  | { kind: "arguments"; fn: string; values: { call: string; value: string }[] }
  /**
   * A loop variable, destructured name or destructured function parameter's element (of `fn`, when named) bound
   * several times, or once to a plain value: one row per binding. A "local" is a `const` declared in a function's
   * body (of `fn`, when named), bound once per call (more often when `loop`).
   */
  | { kind: "bound"; how: "loop variable" | "destructured" | "parameter" | "local"; fn?: string; loop?: boolean; count: number; rows: BoundRow[] }
  /** A declared name holding plain data (`const k = 3`, `const rows = XOR.length`): its value or a preview; no gradient. */
  | { kind: "constant"; value: number | string; final: boolean }
  /** Tensor nodes: a tensor param (one leaf, many slots), a tensor target, or one tensor per evaluation. */
  | { kind: "tensor"; what: "param" | "target" | "name" | "call" | "operator"; items: TensorItem[] };

export interface BoundRow {
  /** The row or call it was bound in (`XOR[2]`, `forward(0, 1)`), when it was bound inside one. */
  label: string | undefined;
  /** A graph value's value and gradient; undefined for a plain value. */
  reading: Reading | undefined;
  /** A plain value: the number, else its text (`[1, 2]`, `tensor[2,3]`). */
  plain: number | string;
}

export interface TensorItem {
  /** The param's name (`model.W1`) or the call the value was made in. */
  name: string | undefined;
  node: number;
}

export function reading(r: DocumentResult, node: number, call?: string): Reading {
  return { node, value: r.tape.val[node], grad: r.tape.grad[node], call: call ?? callLabel(r.tape, node) };
}

/** The arguments in a call label such as `forward(0, [1, 2])`, split at top-level commas. */
export function labelArguments(label: string): string[] {
  const open = label.indexOf("(");
  const inner = label.slice(open + 1, label.endsWith(")") ? -1 : undefined);
  const out: string[] = [];
  let depth = 0, from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "[" || c === "(" || c === "{") depth++;
    else if (c === "]" || c === ")" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(inner.slice(from, i).trim());
      from = i + 1;
    }
  }
  if (inner.trim() !== "") out.push(inner.slice(from).trim());
  return out;
}
