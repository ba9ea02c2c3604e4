// Runs anywhere: the training core. One step evaluates the objective, gets gradients by backprop (one reverse
// sweep) or by finite differences (the tutorial's first method), and lets the optimizer update store.values.
import type { Row } from "./data";
import { losses, type LossName } from "./losses";
import type { MLP } from "./nn";
import { Op } from "./op";
import type { Optimizer } from "./optim";
import { addTensorGrad, tensorParamLeaves, type ParamStore, type TensorParamLeaf } from "./params";
import { Tape } from "./tape";

/** Records a loss on a cleared tape (params put on it with store.leaf) and returns the loss node. */
export type Objective = (tape: Tape, store: ParamStore) => number;

export type Method = "backprop" | "finite-difference";
/** "forward": (f(p + eps) - f(p)) / eps, P + 1 evaluations (the tutorial's); "central": 2P evaluations. */
export type Scheme = "forward" | "central";

export interface TrainerOptions {
  optimizer: Optimizer;
  method?: Method;
  /** Finite-difference step (default 1e-4, the tutorial's). */
  eps?: number;
  scheme?: Scheme;
  /**
   * Record the tape once, then scatter new parameter values and recompute it each step. Only valid when the
   * objective's control flow does not depend on parameter values (true of MLPs and the losses here).
   */
  replay?: boolean;
}

export class Trainer {
  readonly tape = new Tape();
  readonly method: Method;
  readonly eps: number;
  readonly scheme: Scheme;
  readonly replay: boolean;
  /** Steps taken since construction or reset(). */
  steps = 0;
  private readonly optimizer: Optimizer;
  private recorded = false;
  private out = -1;
  /** Param leaves of the recorded tape and their slots (replay, gather). */
  private leaves = new Int32Array(0);
  private slots = new Int32Array(0);
  private from = 0;
  private tensorLeaves: TensorParamLeaf[] = [];
  private fdGrads = new Float64Array(0);

  constructor(readonly objective: Objective, readonly store: ParamStore, opts: TrainerOptions) {
    this.optimizer = opts.optimizer;
    this.method = opts.method ?? "backprop";
    this.eps = opts.eps ?? 1e-4;
    this.scheme = opts.scheme ?? "forward";
    this.replay = opts.replay ?? false;
  }

  /** One step; returns the loss at the start of the step (before the update). */
  step(): number {
    const n = this.store.size;
    let loss: number;
    if (this.method === "backprop") {
      loss = this.evaluate();
      this.tape.backward(this.out);
      this.gather();
    } else {
      loss = this.finiteDifferences();
    }
    this.optimizer.step(this.store.values, this.store.grads, n);
    this.steps++;
    return loss;
  }

  /** Loss at the current parameter values (the tape is left holding that evaluation). */
  loss(): number {
    return this.evaluate();
  }

  /** The loss node of the current recording (valid after step() or loss()). */
  get lossNode(): number {
    return this.out;
  }

  /** Values of nodes recorded by `fn` on a scratch tape at the current parameters (predictions, tables). */
  outputs(fn: (tape: Tape, store: ParamStore) => readonly number[]): number[] {
    const t = new Tape(256, 512);
    return fn(t, this.store).map((id) => t.val[id]);
  }

  /** Forget the recording and the optimizer state (after the store's values were changed from outside). */
  reset(): void {
    this.recorded = false;
    this.steps = 0;
    this.optimizer.reset();
  }

  private evaluate(): number {
    const t = this.tape;
    if (this.replay && this.recorded) {
      const leaves = this.leaves, slots = this.slots, v = this.store.values, val = t.val;
      for (let k = 0; k < leaves.length; k++) val[leaves[k]] = v[slots[k]];
      for (const p of this.tensorLeaves) t.tensorValue(p.node).set(v.subarray(p.slot, p.slot + p.size));
      t.recompute(this.from);
    } else {
      t.clear();
      this.out = this.objective(t, this.store);
      this.index();
      this.recorded = true;
    }
    return t.val[this.out];
  }

  /** Param leaves of the new recording, so replay and gather skip every other node. */
  private index(): void {
    const t = this.tape, op = t.op, aux = t.aux;
    let count = 0;
    for (let i = 0; i < t.n; i++) if (op[i] === Op.Param && aux[i] >= 0 && !t.isTensor(i)) count++;
    if (this.leaves.length !== count) {
      this.leaves = new Int32Array(count);
      this.slots = new Int32Array(count);
    }
    let k = 0;
    for (let i = 0; i < t.n; i++) {
      if (op[i] === Op.Param && aux[i] >= 0 && !t.isTensor(i)) {
        this.leaves[k] = i;
        this.slots[k++] = aux[i];
      }
    }
    this.from = count > 0 ? this.leaves[0] : t.n;
    this.tensorLeaves = tensorParamLeaves(t);
    if (this.tensorLeaves.length > 0) this.from = Math.min(this.from, this.tensorLeaves[0].node);
  }

  private gather(): void {
    const g = this.store.grads, grad = this.tape.grad, leaves = this.leaves, slots = this.slots;
    g.fill(0, 0, this.store.size);
    for (let k = 0; k < leaves.length; k++) g[slots[k]] += grad[leaves[k]];
    for (const p of this.tensorLeaves) addTensorGrad(this.tape, p, g);
  }

  private finiteDifferences(): number {
    const n = this.store.size, v = this.store.values, eps = this.eps;
    if (this.fdGrads.length < n) this.fdGrads = new Float64Array(n);
    const g = this.fdGrads;
    const loss = this.evaluate();
    for (let p = 0; p < n; p++) {
      const keep = v[p];
      v[p] = keep + eps;
      const up = this.evaluate();
      if (this.scheme === "central") {
        v[p] = keep - eps;
        g[p] = (up - this.evaluate()) / (2 * eps);
      } else {
        g[p] = (up - loss) / eps;
      }
      v[p] = keep;
    }
    this.store.grads.set(g.subarray(0, n));
    // Leave the tape holding the evaluation at the unperturbed values, like backprop does.
    this.evaluate();
    return loss;
  }
}

/**
 * The objective of a preset: an MLP over a dataset's rows [x..., y], each row a "sample" group, params bound once
 * per recording so every sample shares one leaf per parameter.
 */
export function datasetObjective(model: MLP, rows: readonly (readonly number[])[], loss: LossName = "sse"): Objective {
  return (t) => {
    const bound = model.bind(t);
    const preds: number[] = [], ys: number[] = [];
    rows.forEach((row, i) => {
      t.beginGroup("sample", `sample ${i + 1}`);
      const xs: number[] = [];
      for (let k = 0; k < model.nin; k++) xs.push(t.input(row[k], `x${k + 1}`));
      preds.push(model.forward(t, xs, bound)[0]);
      ys.push(row[model.nin]);
      t.endGroup();
    });
    return losses[loss](t, preds, ys);
  };
}

/** Whether every row's first output rounds to its target (the tutorial's "learned"). */
export function allRowsRight(model: MLP, rows: readonly Row[] | readonly (readonly number[])[]): boolean {
  return rows.every((row) => Math.round(model.predict(row.slice(0, model.nin))[0]) === row[model.nin]);
}
