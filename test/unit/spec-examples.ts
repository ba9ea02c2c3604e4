// Runs in vitest (Node): notation.md's examples 5 and 6, word for word, for every suite that evaluates them.

/** notation.md example 5: the tutorial's XOR network written out by hand. */
export const XOR_FILE = `// xor.nn.ts: the 2-2-1 sigmoid network of the tutorial
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
`;

/** notation.md example 6: the same with the built-in model. */
export const MLP_FILE = `const model = mlp([2, 2, 1], { activation: "sigmoid", seed: 1 });
const loss = sse(XOR.map(([p, q]) => model([p, q])), XOR.map((row) => row[2]));
train({ lr: 1, steps: 2000 });
`;
