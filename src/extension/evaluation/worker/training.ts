// Runs in the evaluator worker (no Node, no vscode): the training view's session and comparison. They run here in
// time slices that yield to the worker's event loop, so the host's pause, step and reset get through between
// slices; snapshots (built by ../../training/view-model.ts) stream to the host as events. Each slice arms the
// per-step time limit afresh, so a file whose one step runs away stops with a message naming the setting.
import { languageOfFile, type FileReader } from "../../../notation";
import { applyEdits, Comparison, TrainingSession, type TrainConfig } from "../../../train";
import type { CompareSnapshot, TrainingSnapshot } from "../../../view/training";
import { compareSnapshot, trainingSnapshot } from "../../training/view-model";
import type { Request, Results, TrainAction, WorkerEvent } from "../protocol";
import { InputError } from "./documents";
import { Fence, hooked, within } from "./fence";
import { LostError } from "./selections";

type Start = Extract<Request, { kind: "trainStart" | "compareStart" }>;

const later = (f: () => void): void => {
  if (typeof setImmediate === "function") setImmediate(f);
  else setTimeout(f, 0);
};

/** How sessions yield between slices: each slice runs under the fence, armed for one step's limit. */
const sliced = (fence: Fence) => (f: () => void): void => later(() => within(fence.arm(), f));

export class Trainings {
  private current: { id: number; session: TrainingSession; fence: Fence } | undefined;
  private comparison: { id: number; comparison: Comparison } | undefined;

  constructor(private readonly emit: (e: WorkerEvent) => void, private readonly readerFor?: (uri: string) => FileReader | undefined) {}

  /** A new session (the previous one is cancelled: the view shows one at a time). */
  start(req: Start): TrainingSnapshot {
    this.current?.session.cancel();
    this.current = undefined;
    const id = req.session, fence = new Fence(req.stepLimit);
    return within(fence, () => {
      const session = new TrainingSession(this.config(req), {
        onChange: (s) => this.emit({ type: "training", session: id, snapshot: trainingSnapshot(s) }),
        schedule: sliced(fence),
      });
      this.current = { id, session, fence };
      return trainingSnapshot(session);
    });
  }

  control(id: number, action: TrainAction): TrainingSnapshot {
    const { session, fence } = this.session(id);
    return within(fence.arm(), () => {
      switch (action) {
        case "run": session.run(); break;
        case "pause": session.pause(); break;
        case "step": session.stepOnce(); break;
        case "reset": session.reset(); break;
        case "cancel": session.cancel(); break;
      }
      return trainingSnapshot(session);
    });
  }

  /** The edits that write the session's trained values into its file. */
  edits(id: number): Results["trainEdits"] {
    const { session } = this.session(id);
    const src = session.config.source;
    if (src.kind !== "document") throw new InputError("train a .nn.ts or .nn.py file first, then apply its values");
    const store = session.problem.store;
    return applyEdits(src.text, store.snapshot(), store.names, languageOfFile(src.uri));
  }

  /** Backprop against finite differences: runs on after the reply, its snapshots streaming as events. */
  compare(req: Start): CompareSnapshot {
    this.comparison?.comparison.cancel();
    const id = req.session, fence = new Fence(req.stepLimit);
    return within(fence, () => {
      const c = new Comparison(this.config(req), (x) => this.emit({ type: "compare", session: id, compare: compareSnapshot(x) }), { schedule: sliced(fence) });
      this.comparison = { id, comparison: c };
      void c.run();
      return compareSnapshot(c);
    });
  }

  cancelCompare(id: number): void {
    if (this.comparison?.id === id) this.comparison.comparison.cancel();
  }

  private session(id: number): { session: TrainingSession; fence: Fence } {
    if (this.current?.id !== id) throw new LostError("the training session is gone (its evaluator restarted): train again");
    return this.current;
  }

  private config(req: Start): TrainConfig {
    const src = req.config.source, readFile = src.kind === "document" ? this.readerFor?.(src.uri) : undefined;
    return { ...req.config, bounds: hooked(req.bounds), ...(readFile === undefined ? {} : { readFile }) };
  }
}
