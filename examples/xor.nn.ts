// xor.nn.ts: the 2-2-1 sigmoid network of the tutorial
seed(1);
const w1 = [param(rand()), param(rand())], b1 = param(rand());
const w2 = [param(rand()), param(rand())], b2 = param(rand());
const w3 = [param(rand()), param(rand())], b3 = param(rand());

function forward(p: number, q: number): number {
  const h1 = sigmoid(p * w1[0] + q * w1[1] + b1);
  const h2 = sigmoid(p * w2[0] + q * w2[1] + b2);
  return sigmoid(h1 * w3[0] + h2 * w3[1] + b3);
}

let loss = 0;
for (const [p, q, y] of XOR) loss += (forward(p, q) - y) ** 2;

train({ lr: 1, steps: 2000 });
