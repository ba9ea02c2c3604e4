// xor-mlp.nn.ts: the same 2-2-1 network with the built-in model (params named like L1.N2.w[0]).
const model = mlp([2, 2, 1], { activation: "sigmoid", seed: 1 });
const loss = sse(XOR.map(([p, q]) => model([p, q])), XOR.map((row) => row[2]));
train({ lr: 1, steps: 2000 });
