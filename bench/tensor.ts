// Runs on Node (bundled by bench/tensor.mjs): one full training step of a 2-64-64-1 tanh/sigmoid MLP on 1024
// two-dimensional points with the tensor tape: forward, backward, SGD update. Two ways: replay (the recorded graph
// recomputed with updated parameters) and re-record (reset() then record again, reusing buffers). Median of runs
// after a warm-up; CPU time beside wall time, because the machine is shared.
import { loadavg } from "node:os";
import { Rng } from "../src/engine/rng";
import { TensorTape, mse, rand, randn, type TensorData } from "../src/engine/tensor";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TARGET_MS = 26;
const N = 1024, H = 64, LR = 0.1;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const rng = new Rng(1);
const X = rand(N, 2, rng);
for (let k = 0; k < X.data.length; k++) X.data[k] = 2 * X.data[k] - 1;
// Label: inside the circle of radius 0.6.
const Y: TensorData = { shape: [N, 1], data: new Float64Array(N) };
for (let i = 0; i < N; i++) Y.data[i] = X.data[2 * i] ** 2 + X.data[2 * i + 1] ** 2 < 0.36 ? 1 : 0;

function scaled(d: TensorData, s: number): TensorData {
  for (let k = 0; k < d.data.length; k++) d.data[k] *= s;
  return d;
}
const init = [scaled(randn(2, H, rng), Math.sqrt(1 / 2)), { shape: [1, H], data: new Float64Array(H) } as TensorData,
  scaled(randn(H, H, rng), Math.sqrt(1 / H)), { shape: [1, H], data: new Float64Array(H) } as TensorData,
  scaled(randn(H, 1, rng), Math.sqrt(1 / H)), { shape: [1, 1], data: new Float64Array(1) } as TensorData];

function record(t: TensorTape, params: TensorData[]): { ps: number[]; loss: number } {
  const ps = params.map((p) => t.param(p));
  const [w1, b1, w2, b2, w3, b3] = ps;
  const h1 = t.tanh(t.add(t.matmul(t.constant(X), w1), b1));
  const h2 = t.tanh(t.add(t.matmul(h1, w2), b2));
  const out = t.sigmoid(t.add(t.matmul(h2, w3), b3));
  return { ps, loss: mse(t, out, t.constant(Y)) };
}

function sgd(t: TensorTape, ps: number[]): void {
  for (const p of ps) {
    // value() is the leaf's live buffer: updating it in place is what replay reads next.
    const v = t.value(p), g = t.gradient(p);
    for (let k = 0; k < v.length; k++) v[k] -= LR * g[k];
  }
}

function replay(steps: number): { wall: number; cpu: number; loss: number } {
  const t = new TensorTape(), { ps, loss } = record(t, init);
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
  return { wall: median(walls), cpu: median(cpus), loss: t.item(loss) };
}

function rerecord(steps: number): { wall: number; cpu: number; loss: number } {
  const t = new TensorTape();
  const params = init.map((p) => ({ shape: p.shape, data: p.data.slice() }));
  const walls: number[] = [], cpus: number[] = [];
  let last = 0;
  for (let r = 0; r <= RUNS; r++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    for (let s = 0; s < steps; s++) {
      t.reset();
      const { ps, loss } = record(t, params);
      t.backward(loss);
      last = t.item(loss);
      ps.forEach((p, k) => {
        const v = params[k].data, g = t.gradient(p);
        for (let j = 0; j < v.length; j++) v[j] -= LR * g[j];
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
line("re-record (reset + record + backward + SGD)", rr);
