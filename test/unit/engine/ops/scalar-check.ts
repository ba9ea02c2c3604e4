// Runs in vitest (Node): a central-difference check of an op on scalar nodes: the gradient of every input after one
// backward sweep against (f(x + h) - f(x - h)) / 2h, each f a fresh recording, and the edges' local derivatives
// against the same numbers (the graph shows them; backward multiplies by them).
import { expect } from "vitest";
import { Tape } from "../../../../src/engine/tape";

export type Rec = (t: Tape, ids: number[]) => number;

const H = 1e-6;

function valueAt(rec: Rec, x: readonly number[]): number {
  const t = new Tape();
  return t.value(rec(t, x.map((v) => t.input(v))));
}

/** Checks the gradient of every input of rec at x; returns the tape, the inputs and the output for more checks. */
export function scalarCheck(rec: Rec, x: readonly number[]): { t: Tape; ids: number[]; out: number } {
  const t = new Tape(), ids = x.map((v) => t.input(v)), out = rec(t, ids);
  t.backward(out);
  ids.forEach((id, k) => {
    const up = x.slice(), down = x.slice();
    up[k] += H;
    down[k] -= H;
    const num = (valueAt(rec, up) - valueAt(rec, down)) / (2 * H);
    if (!(Math.abs(t.gradient(id) - num) <= 1e-7 * Math.max(1, Math.abs(num)))) {
      expect.fail(`input ${k} at (${x.join(", ")}): backprop ${t.gradient(id)}, central difference ${num}`);
    }
  });
  return { t, ids, out };
}
