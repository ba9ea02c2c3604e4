// Runs anywhere: backprop against finite differences on the same network: two sessions with the same config but
// the method, run one after the other in time slices. Their loss curves should agree; their speeds should not.
import { TrainingSession, type SessionOptions } from "./session";
import type { CompareRun, CompareSnapshot, MethodChoice, TrainConfig } from "./types";

export class Comparison {
  readonly sessions: TrainingSession[];
  private current = 0;
  private cancelled = false;
  /** Sessions report while being constructed; nothing to show until both exist. */
  private ready = false;

  constructor(config: TrainConfig, private readonly onSnapshot: (s: CompareSnapshot) => void, opts: Omit<SessionOptions, "onSnapshot"> = {}) {
    const methods: MethodChoice[] = ["backprop", "finite-difference"];
    this.sessions = methods.map((method) => new TrainingSession(
      { source: config.source, settings: { ...config.settings, method } },
      { ...opts, onSnapshot: () => { if (this.ready) this.report(); } },
    ));
    this.ready = true;
  }

  /** Runs both; resolves when both are done (or cancelled). */
  async run(): Promise<CompareSnapshot> {
    for (this.current = 0; this.current < this.sessions.length && !this.cancelled; this.current++) {
      const s = this.sessions[this.current];
      s.run();
      await s.settled();
    }
    return this.report();
  }

  cancel(): void {
    this.cancelled = true;
    for (const s of this.sessions) s.cancel();
  }

  snapshot(): CompareSnapshot {
    const runs = this.sessions.map((s): CompareRun => {
      const snap = s.snapshot();
      return {
        method: snap.method, step: snap.step, totalSteps: snap.totalSteps, history: snap.history, finalLoss: snap.loss,
        stepsPerSecond: snap.stepsPerSecond, state: snap.state,
      };
    });
    return { runs, maxLossDiff: maxDiff(runs), done: this.sessions.every((s) => s.state === "done" || s.state === "cancelled") };
  }

  private report(): CompareSnapshot {
    const snap = this.snapshot();
    this.onSnapshot(snap);
    return snap;
  }
}

function maxDiff(runs: CompareRun[]): number {
  const [a, b] = runs;
  if (!a || !b || a.step === 0 || b.step === 0) return NaN;
  const at = new Map<number, number>();
  a.history.steps.forEach((s, i) => at.set(s, a.history.losses[i]));
  let m = 0, any = false;
  b.history.steps.forEach((s, i) => {
    const la = at.get(s);
    if (la === undefined) return;
    any = true;
    m = Math.max(m, Math.abs(la - b.history.losses[i]));
  });
  return any ? m : NaN;
}
