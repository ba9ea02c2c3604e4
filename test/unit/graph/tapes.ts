// Runs on Node (tests, benchmarks, the webview suite's fixtures): tapes for the notation examples, built directly
// with the Tape API, the way the notation interpreter records them (names, groups, source ranges).
import { Rng } from "../../../src/engine/rng";
import { Tape } from "../../../src/engine/tape";

export interface Built {
  tape: Tape;
  target: number;
  /** Named leaves by name. */
  leaves: Record<string, number>;
}

function done(tape: Tape, target: number, leaves: Record<string, number>): Built {
  tape.backward(target);
  return { tape, target, leaves };
}

/** Example 1: (x**2 + 3)**2 + y at x = 53, y = -17. */
export function example1(): Built {
  const t = new Tape();
  const x = t.input(53, "x"), y = t.input(-17, "y");
  const e = t.add(t.powConst(t.add(t.powConst(x, 2), t.const(3)), 2), y);
  return done(t, e, { x, y });
}

/** Example 2: (x**2 + 3)**2 + x at x = 1.5 (two paths to x). */
export function example2(): Built {
  const t = new Tape();
  const x = t.input(1.5, "x");
  const e = t.add(t.powConst(t.add(t.powConst(x, 2), t.const(3)), 2), x);
  return done(t, e, { x });
}

/** Example 3: x * x at x = -4 (two edges into ×). */
export function example3(): Built {
  const t = new Tape();
  const x = t.input(-4, "x");
  return done(t, t.mul(x, x), { x });
}

/** Example 4: y = x; 30 times y = y + y (inside a loop group), at x = 1. */
export function example4(): Built {
  const t = new Tape();
  const x = t.input(1, "x");
  let y = x;
  t.beginGroup("loop", "for i < 30");
  for (let i = 0; i < 30; i++) y = t.add(y, y);
  t.endGroup();
  t.setName(y, "y");
  return done(t, y, { x });
}

/** Example 5: the tutorial's 2-2-1 sigmoid XOR network, four forward(p, q) call groups, loss = Σ (out - y)^2. */
export function xor(seed = 1): Built {
  const t = new Tape();
  const rng = new Rng(seed);
  const leaves: Record<string, number> = {};
  const p = (name: string) => (leaves[name] = t.param(rng.next(), name));
  const w1 = [p("w1[0]"), p("w1[1]")], b1 = p("b1");
  const w2 = [p("w2[0]"), p("w2[1]")], b2 = p("b2");
  const w3 = [p("w3[0]"), p("w3[1]")], b3 = p("b3");
  const rows = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
  let loss = -1;
  for (const [pv, qv, yv] of rows) {
    t.at(330, 344);
    const pn = t.const(pv), qn = t.const(qv);
    t.beginGroup("call", `forward(${pv}, ${qv})`);
    t.at(150, 195);
    const h1 = t.sigmoid(t.add(t.add(t.mul(pn, w1[0]), t.mul(qn, w1[1])), b1));
    t.at(200, 245);
    const h2 = t.sigmoid(t.add(t.add(t.mul(pn, w2[0]), t.mul(qn, w2[1])), b2));
    t.at(250, 300);
    const out = t.sigmoid(t.add(t.add(t.mul(h1, w3[0]), t.mul(h2, w3[1])), b3));
    t.endGroup();
    t.at(330, 365);
    const sq = t.powConst(t.sub(out, t.const(yv)), 2);
    loss = loss < 0 ? sq : t.add(loss, sq);
  }
  t.setName(loss, "loss");
  t.at(-1, -1);
  return done(t, loss, leaves);
}

/** An MLP (sigmoid everywhere) over the four XOR rows, grouped model > layer > neuron and sample > layer > neuron. */
export function mlp(sizes: number[], seed = 1): Built {
  const t = new Tape();
  const rng = new Rng(seed);
  const leaves: Record<string, number> = {};
  const W: number[][][] = [], B: number[][] = [];
  t.beginGroup("model", `mlp([${sizes.join(", ")}])`);
  for (let l = 1; l < sizes.length; l++) {
    t.beginGroup("layer", `L${l}`);
    W.push([]);
    B.push([]);
    for (let j = 0; j < sizes[l]; j++) {
      t.beginGroup("neuron", `L${l}.N${j}`);
      const ws: number[] = [];
      for (let k = 0; k < sizes[l - 1]; k++) {
        const name = `L${l}.N${j}.w[${k}]`;
        ws.push((leaves[name] = t.param(rng.uniform(-1, 1), name)));
      }
      W[l - 1].push(ws);
      B[l - 1].push((leaves[`L${l}.N${j}.b`] = t.param(0, `L${l}.N${j}.b`)));
      t.endGroup();
    }
    t.endGroup();
  }
  t.endGroup();
  const rows = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
  const terms: number[] = [];
  rows.forEach((row, r) => {
    t.beginGroup("sample", `XOR[${r}]`);
    let xs = row.slice(0, 2).map((v, k) => t.input(v, `x${k}`));
    for (let l = 0; l < W.length; l++) {
      t.beginGroup("layer", `L${l + 1}`);
      xs = W[l].map((ws, j) => {
        t.beginGroup("neuron", `L${l + 1}.N${j}`);
        const a = t.sigmoid(t.linear(ws, xs, B[l][j]));
        t.endGroup();
        return a;
      });
      t.endGroup();
    }
    t.endGroup();
    terms.push(t.powConst(t.sub(xs[0], t.const(row[2])), 2));
  });
  const loss = t.sum(terms);
  t.setName(loss, "loss");
  return done(t, loss, leaves);
}
