// Runs anywhere (extension host, training webview, CLI, tests): the end-of-run verdict as data, and its wording,
// written once for the training view and the CLI. src/train decides the verdict (it cannot import this module, so
// it declares the same shape; passing one where the other is expected is what checks that they agree).
import { formatFull, formatNumber } from "./format";

export type VerdictReason = "not-separable" | "diverged" | "more-steps" | "stuck" | "no-dataset" | "rows-disagree" | "error";

/** How a run ended: learned from a step on, or why not, with the numbers the message needs. */
export type Verdict =
  | { kind: "learned"; step: number }
  | {
    kind: "not-converged"; reason: "diverged";
    /** non-finite: the loss or a param became NaN/±Infinity at `step`; rose: the loss ended above where it began. */
    how: "non-finite" | "rose"; step: number; initialLoss: number; loss: number; lr: number;
  }
  | { kind: "not-converged"; reason: "not-separable"; step: number; loss: number; dataset?: string }
  | { kind: "not-converged"; reason: "more-steps" | "stuck" | "no-dataset"; step: number; loss: number }
  /** The loss reached about 0 while some rows do not round right: the predictions do not read what the loss measures. */
  | { kind: "not-converged"; reason: "rows-disagree"; step: number; loss: number }
  | { kind: "not-converged"; reason: "error"; step: number; error: string };

/** The sentence the training view and the CLI show for a verdict. */
export function verdictMessage(v: Verdict): string {
  if (v.kind === "learned") return `learned in ${v.step} steps: every row rounds to its target`;
  // The learning rate is a setting the user typed: shown exactly.
  switch (v.reason) {
    case "diverged":
      return v.how === "non-finite"
        ? `did not converge: the loss diverged to ${formatNumber(v.loss)} at step ${v.step}; the learning rate ${formatFull(v.lr)} is too large — try a smaller one`
        : `did not converge: the loss rose from ${formatNumber(v.initialLoss)} to ${formatNumber(v.loss)}; the learning rate ${formatFull(v.lr)} is too large (the units saturate) — try a smaller one`;
    case "no-dataset":
      return `finished ${v.step} steps with loss ${formatNumber(v.loss)} (no 0/1 rows to judge it by; for class labels, its accuracy says how it does)`;
    case "not-separable":
      return `did not converge: a single neuron cannot represent ${v.dataset ?? "this dataset"} (it is not linearly separable) — add a hidden layer`;
    case "more-steps":
      return `did not converge yet: the loss (${formatNumber(v.loss)}) is still falling after ${v.step} steps — train for more steps or raise the learning rate`;
    case "rows-disagree":
      return `the loss reached ${formatNumber(v.loss)} after ${v.step} steps, yet some rows do not round to their targets: the predictions come from the file's model (\`model\`, \`forward\`, \`predict\` or \`net\`), which is not what the loss measures`;
    case "stuck":
      return `did not converge: the loss settled at ${formatNumber(v.loss)} with some rows wrong — the network is stuck in a local minimum; try another seed`;
    case "error":
      return `stopped at step ${v.step}: ${v.error}`;
  }
}
