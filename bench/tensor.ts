// Runs on Node (bundled by bench/tensor.mjs): one full training step of a 2-64-64-1 tanh/sigmoid MLP on 1024
// two-dimensional points with tensor nodes on the tape: forward, backward, SGD update. Two ways: replay (the recorded
// graph recomputed with updated parameters) and re-record (clear() then record again, reusing buffers). Model and data:
// bench/mlp-setup.ts (shared with the TensorFlow.js comparison, bench/versus-tfjs.ts). Median of runs
// after a warm-up; CPU time beside wall time, because the machine is shared.
import { loadavg } from "node:os";
import { Tape } from "../src/engine/tape";
import { H, LR, N, copyInit, record } from "./mlp-setup";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TARGET_MS = 26;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function sgd(t: Tape, ps: number[]): void {
  for (const p of ps) {
    // tensorValue() is the leaf's live buffer: updating it in place is what replay reads next.
    const v = t.tensorValue(p), g = t.liveGradient(p);
    if (g) for (let k = 0; k < v.length; k++) v[k] -= LR * g[k];
  }
}

function replay(steps: number): { wall: number; cpu: number; loss: number } {
  const t = new Tape(), { ps, loss } = record(t, copyInit());
  const walls: number[] = [], cpus: number[] = [];
  for (let r = 0; r <= RUNS; r++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    for (let s = 0; s < steps; s++) {
      t.recompute();
      t.backward(loss);
      sgd(t, ps);
    }
    const wall = performance.now() - t0, c = process.cpuUsage(c0);
    if (r > 0) { walls.push(wall / steps); cpus.push((c.user + c.system) / 1000 / steps); }
  }
  t.recompute();
  return { wall: median(walls), cpu: median(cpus), loss: t.value(loss) };
}

function rerecord(steps: number): { wall: number; cpu: number; loss: number } {
  const t = new Tape();
  const params = copyInit();
  const walls: number[] = [], cpus: number[] = [];
  let last = 0;
  for (let r = 0; r <= RUNS; r++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    for (let s = 0; s < steps; s++) {
      t.clear();
      const { ps, loss } = record(t, params);
      t.backward(loss);
      last = t.value(loss);
      ps.forEach((p, k) => {
        const v = params[k].data, g = t.liveGradient(p);
        if (g) for (let j = 0; j < v.length; j++) v[j] -= LR * g[j];
      });
    }
    const wall = performance.now() - t0, c = process.cpuUsage(c0);
    if (r > 0) { walls.push(wall / steps); cpus.push((c.user + c.system) / 1000 / steps); }
  }
  return { wall: median(walls), cpu: median(cpus), loss: last };
}

const verdict = (x: { wall: number; cpu: number }) =>
  x.wall < TARGET_MS ? "PASS" : x.cpu < TARGET_MS ? "PASS on CPU time (machine loaded)" : "MISS";
const line = (name: string, x: { wall: number; cpu: number; loss: number }) =>
  console.log(`${name.padEnd(40)} ${x.wall.toFixed(2).padStart(7)} ms/step (CPU ${x.cpu.toFixed(2).padStart(7)})` +
    `  target < ${TARGET_MS} ms: ${verdict(x)}  (loss after ${x.loss.toFixed(4)})`);

console.log(`tensor benchmark: MLP 2-${H}-${H}-1 tanh/sigmoid, mse, ${N} points, one SGD step; median of ${RUNS} runs,` +
  ` load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
const rr = rerecord(5), rp = replay(5);
line("replay (recompute + backward + SGD)", rp);
line("re-record (clear + record + backward + SGD)", rr);
