// Runs on Node (bundled by training.tests.mjs): the messages the Chromium suite posts to the training webview,
// made by real training sessions (XOR by backprop, a diverging run, a comparison), encoded as the extension does.
import { encodeNumbers, type ToTrainingView, type TrainForm } from "../../src/protocol";
import { Comparison, TrainingSession, presetConfig, type TrainConfig, type TrainingSnapshot } from "../../src/train";

const form: TrainForm = {
  source: "preset", dataset: "XOR", hidden: "2", activation: "sigmoid", loss: "sse", optimizer: "sgd", lr: "1",
  steps: "2000", seed: "1", method: "backprop", eps: "0.0001",
};

const msg = (m: ToTrainingView): ToTrainingView => encodeNumbers(m);

/** form, the idle snapshot, snapshots while "running" (stepped by hand), and the final one. */
export function xorSequence(): { messages: ToTrainingView[]; final: TrainingSnapshot } {
  const s = new TrainingSession(presetConfig("XOR"));
  const messages: ToTrainingView[] = [msg({ type: "form", form }), msg({ type: "snapshot", snapshot: s.snapshot() })];
  for (const until of [100, 400, 1000]) {
    while (s.step < until) s.stepOnce();
    messages.push(msg({ type: "snapshot", snapshot: { ...s.snapshot(), state: "running", stepsPerSecond: 50_000 } }));
  }
  while (s.state !== "done") s.stepOnce();
  // Stepped by hand, the session measured no rate: give the final snapshot one, as a real run would have.
  const final = { ...s.snapshot(), stepsPerSecond: 48_123 };
  messages.push(msg({ type: "snapshot", snapshot: final }));
  return { messages, final };
}

/** A preset with a huge learning rate on a linear-output file would go to NaN; the view must show NaN, not crash. */
export function nanSnapshot(): ToTrainingView {
  const s = new TrainingSession(presetConfig("AND"));
  s.stepOnce();
  const snap = s.snapshot();
  return msg({
    type: "snapshot",
    snapshot: {
      ...snap, state: "done", loss: NaN, history: { steps: [0, 1, 2], losses: [0.5, Infinity, NaN] },
      verdict: { kind: "not-converged", reason: "diverged", message: "did not converge: the loss diverged to NaN at step 2; the learning rate 1e300 is too large — try a smaller one" },
    },
  });
}

export async function compareMessage(): Promise<ToTrainingView> {
  const config = presetConfig("XOR");
  config.settings.steps = 300;
  const r = await new Comparison(config, () => {}).run();
  return msg({ type: "compare", compare: r });
}

/** A `.nn.ts` file (seed 000: model.W1 [2,3], model.W2 [3,1]) after a few steps, as the view gets it. */
export function tensorSnapshot(text: string, label: string): ToTrainingView {
  const config: TrainConfig = {
    source: { kind: "document", uri: `file:///${label}`, version: 1, text, label },
    settings: { optimizer: "sgd", lr: 1, steps: 2000, seed: 1, method: "backprop", eps: 1e-4 },
  };
  const s = new TrainingSession(config);
  for (let i = 0; i < 5; i++) s.stepOnce();
  return msg({ type: "snapshot", snapshot: s.snapshot() });
}
