// Runs in vitest (Node): the ranges checks.ts records for `train({...})` and `gradcheck(…)` are document offsets,
// also for a text that starts inside its document (a selection: spans are lowered already moved by its offset).
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/notation";
import { lower } from "../../../src/notation/frontends";
import { evaluateProgram, newInterp } from "../../../src/notation/run";

const CALLS = "train({ lr: 0.1, steps: 5 });\ngradcheck((x) => x * x, 0.5);\nconst y = 2 * x;\n";

/** Runs `text` lowered as the part of `doc` at `base`, as a selection is. */
function runAt(doc: string, text: string) {
  const base = doc.indexOf(text), program = lower(text, "ts", { base, doc }).program;
  const ip = newInterp(program, doc, undefined);
  ip.implicitDeclare = true;
  ip.scope.declare("x", 3, false);
  evaluateProgram(ip);
  return ip;
}

describe("train and gradcheck ranges", () => {
  it("a text inside its document: the call's own range, the offset counted once", () => {
    const doc = `// before\nconst x = 3;\n${CALLS}`;
    const ip = runAt(doc, CALLS);
    expect(ip.train).toBeDefined();
    expect(doc.slice(ip.train?.start, ip.train?.end)).toBe("train({ lr: 0.1, steps: 5 })");
    expect(ip.gradchecks).toHaveLength(1);
    expect(doc.slice(ip.gradchecks[0].start, ip.gradchecks[0].end)).toBe("gradcheck((x) => x * x, 0.5)");
    expect(ip.gradchecks[0].line).toBe(4);
  });

  it("a whole document", () => {
    const doc = `const x = param(3);\n${CALLS}`;
    const d = evaluateDocument(doc);
    expect(doc.slice(d.train?.start, d.train?.end)).toBe("train({ lr: 0.1, steps: 5 })");
    expect(doc.slice(d.gradchecks[0].start, d.gradchecks[0].end)).toBe("gradcheck((x) => x * x, 0.5)");
  });
});
