// Runs in vitest (Node): the target rule's answers (issue 15): a file of gradcheck(…) calls needs no target, and a
// tensor of more than one element where the target would be is named with its shape and sum/mean suggested.
import { describe, expect, it } from "vitest";
import { evaluateDocument, evaluateSelection, GradLensError } from "../../../src/notation";

const CHECKS = `const sig = (x: number): number => 1 / (1 + exp(-x));
const dsig = (x: number): number => sig(x) * (1 - sig(x));
gradcheck(sig, dsig, 0.5);
gradcheck((x) => x * x, (x) => 2 * x, 3);
`;

describe("a file of gradcheck calls only", () => {
  it("needs no target: no warning, both checks kept, the reason kept for callers that need a target", () => {
    const d = evaluateDocument(CHECKS);
    expect(d.ok).toBe(true);
    expect(d.target).toBeUndefined();
    expect(d.diagnostics).toEqual([]);
    expect(d.gradchecks.map((g) => [g.line, g.pass])).toEqual([[3, true], [4, true]]);
    expect(d.noTarget).toMatch(/^no target: nothing at the top level evaluates to a number/);
  });

  it("a file with neither a target nor a check still gets the warning", () => {
    const d = evaluateDocument("const s = \"a\";\n");
    expect(d.diagnostics.map((x) => x.message)).toEqual(["no target: nothing at the top level evaluates to a number"]);
  });
});

describe("a tensor of more than one element where the target would be", () => {
  it("a file says `loss` is a [2,2] tensor at its declaration, and suggests sum and mean", () => {
    const d = evaluateDocument("const W = param(tensor([[1, 2], [3, 4]]));\nconst loss = W * 2;\n");
    const w = d.diagnostics.find((x) => x.message.startsWith("no target"));
    expect(w?.message).toBe("no target: `loss` is a [2,2] tensor, not a number: reduce it to one with `sum(loss)` or `mean(loss)`");
    expect([w?.line, w?.column, w?.severity]).toEqual([2, 1, "warning"]);
    expect(d.noTarget).toBe(w?.message);
  });

  it("a file whose last expression is a tensor says so there", () => {
    const d = evaluateDocument("const W = param(tensor([[1, 2]]));\nconst c = 3;\nmatmul(W, tensor([[1], [1]])) * tensor([[1, 2]]);\n");
    // `c` is a number, so it is the target; only when nothing is a number does the tensor explain why.
    expect(d.targetName).toBe("c");
    const e = evaluateDocument("const W = param(tensor([[1, 2]]));\nW * 2;\n");
    expect(e.diagnostics[0].message).toMatch(/^no target: the value is a \[1,2\] tensor, not a number: reduce it to one with `sum\(…\)` or `mean\(…\)`/);
    expect(e.diagnostics[0].line).toBe(2);
  });

  it("a one-element tensor is a number: it is the target", () => {
    expect(evaluateDocument("const W = param(tensor([[1, 2]]));\nconst loss = sum(W * 3);\n").value).toBe(9);
  });

  it("a selection says the same, positioned", () => {
    let e: unknown;
    try {
      evaluateSelection("tensor([[1, 2], [3, 4]]) * x", { values: { x: 2 } });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(GradLensError);
    expect((e as GradLensError).reason).toBe("nothing to differentiate: the value is a [2,2] tensor, not a number: reduce it to one with `sum(…)` or `mean(…)`");
  });

  it("a `// @target` on a tensor says its shape", () => {
    const d = evaluateDocument("const W = param(tensor([[1, 2]]));\n// @target\nconst t = W * 2;\n");
    expect(d.diagnostics.find((x) => x.severity === "error")?.message).toBe("the `// @target` declaration is not a number (`t` is a [1,2] tensor, not a number: reduce it to one with `sum(t)` or `mean(t)`)");
  });
});
