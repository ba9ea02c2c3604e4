// Runs on Node (vitest): the verdict's sentence, written once for the training view and the CLI, for each reason.
import { describe, expect, it } from "vitest";
import { verdictMessage } from "../../../src/view/verdict";

describe("verdictMessage", () => {
  it("words each verdict with its numbers: losses by the one formatter, the learning rate exactly as set", () => {
    expect(verdictMessage({ kind: "learned", step: 40 })).toBe("learned in 40 steps: every row rounds to its target");
    expect(verdictMessage({ kind: "not-converged", reason: "diverged", how: "non-finite", step: 12, initialLoss: 1.4, loss: NaN, lr: 1e6 }))
      .toBe("did not converge: the loss diverged to NaN at step 12; the learning rate 1000000 is too large — try a smaller one");
    expect(verdictMessage({ kind: "not-converged", reason: "diverged", how: "rose", step: 100, initialLoss: 1.36204, loss: 2.000001, lr: 30 }))
      .toBe("did not converge: the loss rose from 1.362 to 2; the learning rate 30 is too large (the units saturate) — try a smaller one");
    expect(verdictMessage({ kind: "not-converged", reason: "not-separable", step: 2000, loss: 1, dataset: "XOR" }))
      .toBe("did not converge: a single neuron cannot represent XOR (it is not linearly separable) — add a hidden layer");
    expect(verdictMessage({ kind: "not-converged", reason: "not-separable", step: 2000, loss: 1 })).toMatch(/cannot represent this dataset/);
    expect(verdictMessage({ kind: "not-converged", reason: "more-steps", step: 50, loss: 0.123456 }))
      .toBe("did not converge yet: the loss (0.1235) is still falling after 50 steps — train for more steps or raise the learning rate");
    expect(verdictMessage({ kind: "not-converged", reason: "stuck", step: 2000, loss: 0.5 }))
      .toBe("did not converge: the loss settled at 0.5 with some rows wrong — the network is stuck in a local minimum; try another seed");
    expect(verdictMessage({ kind: "not-converged", reason: "no-dataset", step: 300, loss: 1.5e-7 }))
      .toBe("finished 300 steps with loss 1.5e-7 (no 0/1 rows to judge it by; for class labels, its accuracy says how it does)");
    expect(verdictMessage({ kind: "not-converged", reason: "error", step: 3, error: "x is not defined" })).toBe("stopped at step 3: x is not defined");
    expect(verdictMessage({ kind: "not-converged", reason: "rows-disagree", step: 2000, loss: 0 })).toBe("the loss reached 0 after 2000 steps, yet some rows "
      + "do not round to their targets: the predictions come from the file's model (`model`, `forward`, `predict` or `net`), which is not what the loss measures");
  });
});
