// and.nn.ts: the tutorial's AND network: one sigmoid neuron, three params (two weights and a bias).
seed(1);
const w1 = param(rand()), w2 = param(rand()), b = param(rand());

function forward(p: number, q: number): number {
  return sigmoid(p * w1 + q * w2 + b);
}

let loss = 0;
for (const [p, q, y] of AND) loss += (forward(p, q) - y) ** 2;

train({ lr: 1, steps: 2000 });
