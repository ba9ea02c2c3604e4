// Runs anywhere: backprop against finite differences on the same network: two sessions with the same config but
// the method, run one after the other in time slices. Their loss curves should agree; their speeds should not.
import { TrainingSession, type SessionOptions } from "./session";
import type { MethodChoice, TrainConfig } from "./types";

export class Comparison {
  readonly sessions: TrainingSession[];
  private current = 0;
  private cancelled = false;
  /** Sessions report while being constructed; nothing to show until both exist. */
  private ready = false;

  /** onChange: either run changed (throttled like a session's notices), and once more when both are done. */
  constructor(config: TrainConfig, private readonly onChange: (c: Comparison) => void, opts: Omit<SessionOptions, "onChange"> = {}) {
    const methods: MethodChoice[] = ["backprop", "finite-difference"];
    this.sessions = methods.map((method) => new TrainingSession(
      { ...config, settings: { ...config.settings, method } },
      { ...opts, onChange: () => { if (this.ready) this.onChange(this); } },
    ));
    this.ready = true;
  }

  /** Runs both; resolves when both are done (or cancelled). */
  async run(): Promise<void> {
    for (this.current = 0; this.current < this.sessions.length && !this.cancelled; this.current++) {
      const s = this.sessions[this.current];
      s.run();
      await s.settled();
    }
    this.onChange(this);
  }

  cancel(): void {
    this.cancelled = true;
    for (const s of this.sessions) s.cancel();
  }

  get done(): boolean {
    return this.sessions.every((s) => s.state === "done" || s.state === "cancelled");
  }

  /** Largest |loss_bp - loss_fd| over the steps both curves hold (NaN until both have run). */
  maxLossDiff(): number {
    const [a, b] = this.sessions;
    if (!a || !b || a.step === 0 || b.step === 0) return NaN;
    const ha = a.history(), hb = b.history();
    const at = new Map<number, number>();
    ha.steps.forEach((s, i) => at.set(s, ha.losses[i]));
    let m = 0, any = false;
    hb.steps.forEach((s, i) => {
      const la = at.get(s);
      if (la === undefined) return;
      any = true;
      m = Math.max(m, Math.abs(la - hb.losses[i]));
    });
    return any ? m : NaN;
  }
}
