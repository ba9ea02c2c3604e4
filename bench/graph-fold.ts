// Runs on Node (bundled by bench/graph-fold.mjs): the graph view's own time on tapes of about 100,000 nodes:
// ancestors, automatic folding to the default budget, the view model, and its Mermaid text. Medians of several runs
// after a warm-up; target: well under 1 s each (judged on wall-clock time, CPU time printed beside it).
import { loadavg } from "node:os";
import { buildViewModel } from "../src/graph/model";
import { toMermaid } from "../src/view/mermaid";
import { chain, mlpRows, nestedCalls, tensorSteps, wideSum, type Shape } from "./graph-shapes";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const NODES = 100_000;
const TARGET_MS = 1000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function run(shape: Shape): boolean {
  const { tape, target } = shape;
  const model = () => buildViewModel(tape, target);
  let m = model();
  toMermaid(m);
  const wall: number[] = [], cpu: number[] = [], mermaid: number[] = [];
  let text = "";
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    m = model();
    const t1 = performance.now();
    text = toMermaid(m);
    const t2 = performance.now(), c = process.cpuUsage(c0);
    wall.push(t2 - t0);
    mermaid.push(t2 - t1);
    cpu.push((c.user + c.system) / 1000);
  }
  const w = median(wall), pass = w < TARGET_MS;
  const folded = m.groups.filter((g) => g.folded).length;
  console.log(`${pass ? "PASS" : "MISS"}  ${shape.name}: ${Math.round(w)} ms (CPU ${Math.round(median(cpu))} ms; ` +
    `Mermaid text ${median(mermaid).toFixed(1)} ms) for ${m.totalNodes} nodes -> ${m.nodes.length} shown, ` +
    `${folded} groups folded, ${m.hiddenNodes} hidden, ${text.length} characters (target < ${TARGET_MS} ms)`);
  return pass;
}

console.log(`GradLens graph folding benchmark, Node ${process.version}, ~${NODES} tape nodes each, default budget, ` +
  `medians of ${RUNS} runs, load average ${loadavg()[0].toFixed(2)}`);
// `node bench/graph-fold.mjs mlp` runs one shape (chain, sum, mlp, mlp-deep, tensor, nested).
const only = process.argv[2]?.toLowerCase();
const shapes: [string, (n: number) => Shape][] = [
  ["chain", chain], ["sum", wideSum], ["mlp", (n) => mlpRows(n, [2, 64, 64, 1], 0)], ["mlp-deep", (n) => mlpRows(n, [2, 16, 16, 1], 10)],
  ["tensor", tensorSteps], ["nested", nestedCalls],
];
let met = 0, ran = 0;
for (const [name, make] of shapes) {
  if (only && name !== only) continue;
  ran++;
  if (run(make(NODES))) met++;
}
console.log(`${met} of ${ran} targets met`);
