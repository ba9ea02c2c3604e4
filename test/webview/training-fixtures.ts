// Runs on Node (bundled by training.tests.mjs): the messages the Chromium suite posts to the training webview,
// made by real training sessions (XOR by backprop, a diverging run, a comparison) through the training view model,
// encoded as the extension posts them; and the one number formatter the view writes with.
import { compareSnapshot, defaultForm, trainChoices, trainingSnapshot, verdictView } from "../../src/extension/training/view-model";
import type { ToTrainingView } from "../../src/protocol/training";
import { encodeNumbers } from "../../src/protocol/wire";
import { Comparison, TrainingSession, presetConfig, type TrainConfig } from "../../src/train";
import type { CompareSnapshot, TrainingSnapshot } from "../../src/view/training";

export { formatNumber } from "../../src/view/format";

const msg = (m: ToTrainingView): unknown => encodeNumbers(m);

/** form, the idle snapshot, snapshots while "running" (stepped by hand), and the final one. */
export function xorSequence(): { messages: unknown[]; final: TrainingSnapshot } {
  const s = new TrainingSession(presetConfig("XOR"));
  const messages = [msg({ type: "form", form: defaultForm("XOR"), choices: trainChoices() }), msg({ type: "snapshot", snapshot: trainingSnapshot(s) })];
  for (const until of [100, 400, 1000]) {
    while (s.step < until) s.stepOnce();
    messages.push(msg({ type: "snapshot", snapshot: { ...trainingSnapshot(s), state: "running", stepsPerSecond: 50_000 } }));
  }
  while (s.state !== "done") s.stepOnce();
  // Stepped by hand, the session measured no rate: give the final snapshot one, as a real run would have.
  const final = { ...trainingSnapshot(s), stepsPerSecond: 48_123 };
  messages.push(msg({ type: "snapshot", snapshot: final }));
  return { messages, final };
}

/** A preset with a huge learning rate on a linear-output file would go to NaN; the view must show NaN, not crash. */
export function nanSnapshot(): unknown {
  const s = new TrainingSession(presetConfig("AND"));
  s.stepOnce();
  return msg({
    type: "snapshot",
    snapshot: {
      ...trainingSnapshot(s), state: "done", loss: NaN, history: { steps: [0, 1, 2], losses: [0.5, Infinity, NaN] },
      verdict: verdictView({ kind: "not-converged", reason: "diverged", how: "non-finite", step: 2, initialLoss: 0.5, loss: NaN, lr: 1e300 }),
    },
  });
}

export async function compareMessage(): Promise<{ type: "compare"; compare: CompareSnapshot }> {
  const config = presetConfig("XOR");
  config.settings.steps = 300;
  let last: CompareSnapshot | undefined;
  await new Comparison(config, (c) => (last = compareSnapshot(c))).run();
  return msg({ type: "compare", compare: last! }) as { type: "compare"; compare: CompareSnapshot };
}

/** A `.nn.ts` file (seed 000: model.W1 [2,3], model.W2 [3,1]) after a few steps, as the view gets it. */
export function tensorSnapshot(text: string, label: string): { type: "snapshot"; snapshot: TrainingSnapshot } {
  const config: TrainConfig = {
    source: { kind: "document", uri: `file:///${label}`, version: 1, text, label },
    settings: { optimizer: "sgd", lr: 1, steps: 2000, seed: 1, method: "backprop", eps: 1e-4 },
  };
  const s = new TrainingSession(config);
  for (let i = 0; i < 5; i++) s.stepOnce();
  return msg({ type: "snapshot", snapshot: trainingSnapshot(s) }) as { type: "snapshot"; snapshot: TrainingSnapshot };
}

/** A run on mini-batches of a data set (issue 17): the batch loss, the full-data loss beside it, a 3-class accuracy. */
export function batchSnapshot(): { type: "snapshot"; snapshot: TrainingSnapshot } {
  const text = `seed(1);
const [X, y] = spirals(60, { classes: 3, seed: 0, tensors: true });
const W = param(randn([2, 8])), b = param(zeros(1, 8)), V = param(randn([8, 3]));
const forward = (x) => matmul(tanh(matmul(x, W) + b), V);
const loss = crossEntropy(forward(X), y);
train({ lr: 0.05, steps: 60, optimizer: "adam", batch: 16 });
`;
  const config: TrainConfig = {
    source: { kind: "document", uri: "file:///batch.nn.ts", version: 1, text, label: "batch.nn.ts" },
    settings: { optimizer: "adam", lr: 0.05, steps: 60, seed: 1, method: "backprop", eps: 1e-4 },
  };
  const s = new TrainingSession(config);
  while (s.state !== "done") s.stepOnce();
  return msg({ type: "snapshot", snapshot: trainingSnapshot(s) }) as { type: "snapshot"; snapshot: TrainingSnapshot };
}
