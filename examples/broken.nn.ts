// broken.nn.ts: a deliberate mistake, to see how GradLens reports it (Problems panel, CLI exit status 2).
seed(1);
const weight = param(rand()), bias = param(rand());

function forward(p: number): number {
  return sigmoid(p * wieght + bias);
}

const loss = (forward(1) - 1) ** 2;
