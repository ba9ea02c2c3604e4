// Runs on Node (bundled by bench/training.mjs): steps per second of training (issue 6). Engine-only figures are
// the Trainer alone, a tight loop; "session" figures are a TrainingSession run in time slices with everything the
// view needs per step (row checks, loss history, divergence checks). Medians of several runs after a warm-up;
// process CPU time beside wall time, because on a shared machine other processes stretch wall time.
import { loadavg } from "node:os";
import { MLP, Trainer, datasetObjective, datasets, sgd, type Activation } from "../src/engine";
import { TrainingSession, presetConfig, type MethodChoice } from "../src/train";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function engine(hidden: number[], act: Activation, method: MethodChoice, steps: number): { wall: number; cpu: number } {
  const walls: number[] = [], cpus: number[] = [];
  for (let r = 0; r <= RUNS; r++) {
    const model = new MLP(2, [...hidden, 1], { activation: act, output: "sigmoid", seed: 1 });
    const t = new Trainer(datasetObjective(model, datasets.XOR, "sse"), model.store, { optimizer: sgd(0.5), method, replay: true });
    const c0 = process.cpuUsage(), t0 = performance.now();
    for (let i = 0; i < steps; i++) t.step();
    const wall = performance.now() - t0, c = process.cpuUsage(c0), cpu = (c.user + c.system) / 1000;
    if (r > 0) { walls.push(steps / (wall / 1000)); cpus.push(steps / (cpu / 1000)); }
  }
  return { wall: median(walls), cpu: median(cpus) };
}

async function session(method: MethodChoice, steps: number): Promise<number> {
  const rates: number[] = [];
  for (let r = 0; r <= Math.min(RUNS, 3); r++) {
    const config = presetConfig("XOR");
    config.settings = { ...config.settings, steps, method };
    const s = new TrainingSession(config);
    const t0 = performance.now();
    s.run();
    await s.settled();
    if (r > 0) rates.push(steps / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US").padStart(10);
const line = (name: string, r: { wall: number; cpu: number }, target?: number) =>
  console.log(`${name.padEnd(44)} ${fmt(r.wall)} steps/s (CPU ${fmt(r.cpu)})${target ? `  target >= ${target.toLocaleString("en-US")}: ${r.wall >= target ? "PASS" : r.cpu >= target ? "PASS on CPU time (machine loaded)" : "MISS"}` : ""}`);

console.log(`training benchmarks, median of ${RUNS} runs, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
line("engine: XOR 2-2-1 sigmoid, backprop", engine([2], "sigmoid", "backprop", 200_000), 100_000);
line("engine: XOR 2-2-1 sigmoid, finite differences", engine([2], "sigmoid", "finite-difference", 50_000));
line("engine: XOR 2-16-16-1 tanh, backprop", engine([16, 16], "tanh", "backprop", 20_000));
line("engine: XOR 2-16-16-1 tanh, finite differences", engine([16, 16], "tanh", "finite-difference", 200));
void (async () => {
  const sbp = await session("backprop", 100_000), sfd = await session("finite-difference", 50_000);
  console.log(`${"session (time slices, row checks): XOR backprop".padEnd(44)} ${fmt(sbp)} steps/s`);
  console.log(`${"session (time slices, row checks): XOR finite diff.".padEnd(44)} ${fmt(sfd)} steps/s`);
})();
