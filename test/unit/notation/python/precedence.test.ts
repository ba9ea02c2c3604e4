// Runs in vitest (Node): Python's operator precedence, checked against random expressions whose structure is known:
// each is printed with the fewest parentheses Python needs, lowered, and compared with the tree it was made from.
// Short expressions go through lezer's tree (logic.ts re-associates `not`); runs of LONG operators or more through
// runs.ts and chains.ts. Both must give the same trees.
import { describe, expect, it } from "vitest";
import { parsePython } from "../../../../src/notation/python/parse";
import { LONG } from "../../../../src/notation/python/runs";
import { py } from "./helpers";

/** An expression: its source, its expected tree in show-tree's notation, its precedence (1 `or` … 9 atom). */
interface Gen {
  src: string;
  show: string;
  prec: number;
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const ATOMS = ["a", "b", "x", "y", "3", "f(x)", "w[0]", "o.v"];
const COMPARE = ["<", "<=", ">", ">=", "==", "!=", "in", "not in", "is", "is not"];

function wrap(g: Gen, min: number): Gen {
  return g.prec >= min ? g : { src: `(${g.src})`, show: g.show, prec: 9 };
}

function gen(r: () => number, depth: number, length = 0): Gen {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const count = (): number => length || 2 + Math.floor(r() * 3);
  const operand = (min: number): Gen => wrap(gen(r, depth - 1), min);
  const chain = (prec: number, ops: readonly string[], shown: (op: string) => string = (o) => o): Gen => {
    const parts = Array.from({ length: count() }, () => operand(prec + 1)), chosen = parts.slice(1).map(() => pick(ops));
    return {
      src: parts.map((p, i) => (i === 0 ? p.src : ` ${chosen[i - 1]} ${p.src}`)).join(""),
      show: `(${parts.map((p, i) => (i === 0 ? p.show : ` ${shown(chosen[i - 1])} ${p.show}`)).join("")})`,
      prec,
    };
  };
  if (depth <= 0 && length === 0) return atom(pick(ATOMS));
  switch (length > 0 ? pick([0, 1, 3, 4, 5]) : Math.floor(r() * 9)) {
    case 0: return chain(1, ["or"]);
    case 1: return chain(2, ["and"]);
    case 2: {
      const x = operand(3);
      return { src: `not ${x.src}`, show: `(not ${x.show})`, prec: 3 };
    }
    case 3: return chain(4, COMPARE);
    case 4: return chain(5, ["+", "-"]);
    case 5: return chain(6, ["*", "/", "//", "%", "@"], (o) => (o === "%" ? "mod" : o));
    case 6: {
      const x = operand(7), op = pick(["-", "+"]);
      return { src: `${op} ${x.src}`, show: `(${op}${x.show})`, prec: 7 };
    }
    case 7: {
      const base = operand(9), exp = operand(7);
      return { src: `${base.src} ** ${exp.src}`, show: `(${base.show} ** ${exp.show})`, prec: 8 };
    }
    default: return atom(pick(ATOMS));
  }
}

function atom(a: string): Gen {
  return { src: a, show: a, prec: 9 };
}

describe("Python precedence", () => {
  it("random short expressions lower to the trees they were made from", () => {
    const r = random(7);
    for (let k = 0; k < 400; k++) {
      const g = gen(r, 4);
      expect(py(g.src), g.src).toBe(g.show);
    }
  });

  it("random runs of LONG operators or more (taken away from lezer) lower the same way", () => {
    const r = random(11);
    for (let k = 0; k < 40; k++) {
      const g = gen(r, 2, LONG + 3 + k);
      expect(parsePython(`z = ${g.src}`).runs.size, "taken away from lezer").toBeGreaterThan(0);
      expect(py(`z = ${g.src}`), g.src.slice(0, 80)).toBe(`z = ${g.show}`);
    }
  });

  it("a long run inside brackets, over several lines, inside an operand of another long run", () => {
    const inner = Array.from({ length: LONG + 1 }, (_, i) => `x${i}`).join(" *\n  ");
    const src = `y = f(${inner}, k=1) + ` + Array.from({ length: LONG }, () => "(a - b)").join(" + ");
    const expected = `y = (f((${Array.from({ length: LONG + 1 }, (_, i) => `x${i}`).join(" * ")}), k=1) + ${Array.from({ length: LONG }, () => "(a - b)").join(" + ")})`;
    expect(py(src)).toBe(expected);
  });
});
