// Runs in vitest (Node): shared bits of the training tests: running a session to its end and the tutorial's files.
// What a session shows is read through the training view model (trainingSnapshot), as the view gets it.
export { MLP_FILE, XOR_FILE } from "../spec-examples";
import { trainingSnapshot } from "../../../src/extension/training/view-model";
import { TrainingSession, type SessionOptions, type TrainConfig } from "../../../src/train";
import type { TrainingSnapshot } from "../../../src/view/training";

export { trainingSnapshot };

export async function runToEnd(config: TrainConfig, opts: SessionOptions = {}): Promise<{ session: TrainingSession; snap: TrainingSnapshot }> {
  const session = new TrainingSession(config, opts);
  session.run();
  await session.settled();
  return { session, snap: trainingSnapshot(session) };
}

export function documentConfig(text: string, settings: Partial<TrainConfig["settings"]> = {}): TrainConfig {
  return {
    source: { kind: "document", uri: "file:///test.nn.ts", version: 1, text, label: "test.nn.ts" },
    settings: { optimizer: "sgd", lr: 1, steps: 2000, seed: 1, method: "backprop", eps: 1e-4, ...settings },
  };
}

/** The values of a snapshot's rows, every one a scalar param (a tensor row fails the test that asks). */
export function scalarGrads(snap: TrainingSnapshot): number[] {
  return snap.params.map((p) => {
    if (p.kind !== "scalar") throw new Error(`${p.name} is a tensor row`);
    return p.grad;
  });
}

export function scalarValues(snap: TrainingSnapshot): number[] {
  return snap.params.map((p) => {
    if (p.kind !== "scalar") throw new Error(`${p.name} is a tensor row`);
    return p.value;
  });
}
