// Runs in vitest (Node): shared helpers for the editor-model tests: the examples, evaluated as the extension does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateDocument, type DocumentResult } from "../../../src/notation";
import type { Source } from "../../../src/editor-model/source";
import { Tape } from "../../../src/engine";

export const root = join(__dirname, "..", "..", "..");

export function example(name: string): string {
  return readFileSync(join(root, "examples", name), "utf8");
}

let version = 0;

/** Evaluates text as the document service does (uri + version), with its lowered file. */
export function evaluate(text: string) {
  const uri = `file:///test/${++version}.nn.ts`;
  const result = evaluateDocument(text, { uri, version });
  const sf: Source | undefined = result.program !== undefined ? { program: result.program, text } : undefined;
  return { result, sf: sf as Source, parsed: sf !== undefined, text };
}

/** The target's value with one param moved: an independent finite-difference reference for a param's gradient. */
export function centralDifference(r: DocumentResult, slot: number, h = 1e-6): number {
  const at = (delta: number) => {
    const s = r.trainingStore();
    s.values[slot] += delta;
    const tape = new Tape();
    const objective = r.objective;
    if (objective === undefined) throw new Error("no objective");
    return tape.val[objective(tape, s)];
  };
  return (at(h) - at(-h)) / (2 * h);
}

/** Offset of the n-th (0-based) occurrence of `needle`, plus `shift`. */
export function offsetOf(text: string, needle: string, n = 0, shift = 0): number {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${n} not found`);
  }
  return at + shift;
}
