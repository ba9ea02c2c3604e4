// spirals.nn.ts: a softmax classifier on three spirals (CS231n's data set): a 2-32-32-3 MLP with relu, trained on
// cross-entropy with Adam. `gradlens train examples/spirals.nn.ts` prints its accuracy; `--save w.json` keeps the
// trained params, which a file reads back with `load("w.json")` (`param(saved.W1)`).
seed(1);
const [X, y] = spirals(300, { classes: 3, seed: 0, tensors: true });
const W1 = param(randn([2, 32]) * 0.7), b1 = param(zeros(1, 32));
const W2 = param(randn([32, 32]) * 0.25), b2 = param(zeros(1, 32));
const W3 = param(randn([32, 3]) * 0.25), b3 = param(zeros(1, 3));

function forward(x) {
  const h1 = relu(matmul(x, W1) + b1);
  const h2 = relu(matmul(h1, W2) + b2);
  return matmul(h2, W3) + b3;
}

const loss = crossEntropy(forward(X), y);
train({ lr: 0.01, steps: 1500, optimizer: "adam" });
