// Runs on Node (bench/graph-fold.ts): tapes of about 100,000 nodes in the shapes the graph view must fold: one long
// chain, a wide sum, an MLP over many rows with deep groups, a tensor program, and calls nested 10,000 deep. Built
// with the Tape API the way the notation records them (names, groups), backward run.
import { Rng } from "../src/engine/rng";
import { Tape } from "../src/engine/tape";
import { randn } from "../src/engine/tensor/shape";

export interface Shape {
  name: string;
  tape: Tape;
  target: number;
}

function done(name: string, tape: Tape, target: number): Shape {
  tape.backward(target);
  return { name, tape, target };
}

/** x = tanh(x * w + b), over and over: one path of n nodes, no groups. */
export function chain(n: number): Shape {
  const t = new Tape();
  const w = t.param(0.9, "w"), b = t.param(0.1, "b");
  let x = t.input(0.5, "x");
  while (t.n < n - 2) x = t.tanh(t.add(t.mul(x, w), b));
  return done(`chain of ${t.n} nodes`, t, x);
}

/** One sum over n - 1 params: every leaf feeds the same node. */
export function wideSum(n: number): Shape {
  const t = new Tape();
  const xs = Array.from({ length: n - 1 }, (_, k) => t.param(k / n, `x[${k}]`));
  return done(`sum of ${n - 1} params`, t, t.sum(xs));
}

/**
 * An MLP over rows, each row a call (sse over them). batch 0: the rows' calls are outermost, as the notation records
 * `rows.map((r) => model(r))` (call > layer > neuron); else rows sit in an epoch > batch of that many rows (five
 * deep). Rows are added until the tape has n nodes.
 */
export function mlpRows(n: number, sizes: number[], batch: number): Shape {
  const t = new Tape(), rng = new Rng(3);
  const W: number[][][] = [], B: number[][] = [];
  t.beginGroup("model", `mlp([${sizes.join(", ")}])`);
  for (let l = 1; l < sizes.length; l++) {
    W.push(Array.from({ length: sizes[l] }, (_, j) => Array.from({ length: sizes[l - 1] }, (_, k) => t.param(rng.uniform(-1, 1), `L${l}.N${j}.w[${k}]`))));
    B.push(Array.from({ length: sizes[l] }, (_, j) => t.param(0, `L${l}.N${j}.b`)));
  }
  t.endGroup();
  const terms: number[] = [];
  if (batch) t.beginGroup("loop", "epoch");
  let rows = 0;
  while (t.n < n - 2) {
    if (batch && rows % batch === 0) {
      if (rows) t.endGroup();
      t.beginGroup("call", `batch ${rows / batch}`);
    }
    const xs0 = [t.input(rng.uniform(-1, 1), "p"), t.input(rng.uniform(-1, 1), "q")];
    t.beginGroup("call", `model([p, q]) row ${rows}`);
    let xs = xs0;
    for (let l = 0; l < W.length; l++) {
      t.beginGroup("layer", `L${l + 1}`);
      xs = W[l].map((ws, j) => {
        t.beginGroup("neuron", `L${l + 1}.N${j}`);
        const a = t.tanh(t.linear(ws, xs, B[l][j]));
        t.endGroup();
        return a;
      });
      t.endGroup();
    }
    t.endGroup();
    terms.push(t.powConst(t.sub(xs[0], t.const(rows % 2)), 2));
    rows++;
  }
  if (batch) {
    t.endGroup();
    t.endGroup();
  }
  const how = batch ? `in batches of ${batch}, groups five deep` : "one call each";
  return done(`MLP ${sizes.join("-")} over ${rows} rows, ${how} (${t.groups.length} groups)`, t, t.sum(terms));
}

/** A tensor program: h = tanh(h @ W + b) step after step (one group each), then mean(h^2). */
export function tensorSteps(n: number, width = 8): Shape {
  const t = new Tape(), rng = new Rng(7);
  const W = t.tensorParam(randn(width, width, rng), "W"), b = t.tensorParam(randn(1, width, rng), "b");
  let h = t.tensorInput(randn(4, width, rng), "X");
  let steps = 0;
  while (t.n < n - 3) {
    t.beginGroup("loop", `step ${steps++}`);
    h = t.tanh(t.add(t.matmul(h, t.tensorParam(randn(width, width, rng), `W${steps}`)), b));
    h = t.add(t.matmul(h, W), b);
    t.endGroup();
  }
  return done(`tensor program, ${steps} steps of [4, ${width}] matmuls`, t, t.mean(t.powConst(h, 2)));
}

/** A recursive function 10,000 calls deep (each call a group inside its caller's), then y = 2x outside them. */
export function nestedCalls(n: number, depth = 10_000): Shape {
  const t = new Tape();
  const w = t.param(0.5, "w"), b = t.param(0.1, "b");
  let x = t.input(0.3, "x");
  const per = Math.max(1, Math.floor((n - 3) / depth / 3));
  for (let d = 0; d < depth; d++) {
    t.beginGroup("call", `f(${depth - d})`);
    for (let k = 0; k < per; k++) x = t.tanh(t.add(t.mul(x, w), b));
  }
  for (let d = 0; d < depth; d++) t.endGroup();
  const y = t.mul(x, t.const(2));
  return done(`calls nested ${depth} deep, ${t.n} nodes, the target outside them`, t, y);
}
