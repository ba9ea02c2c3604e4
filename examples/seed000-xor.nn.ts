// Seed 000: a matrix MLP (W1, W2, sigmoid, no biases) with a hand-written backward, trained on XOR.
// Hover a name for its shape, value and gradient; Visualize draws the graph one node per tensor op;
// the gradcheck line compares the hand-written backward with central differences, element by element.
seed(0);
const X = tensor([[1, 0], [1, 1], [0, 1], [0, 0]]);
const Y = tensor([[1], [0], [1], [0]]);

class Sigmoid {
  forward(s) { return 1 / (1 + exp(-s)); }
  // The derivative written in terms of the output s = sigmoid(z).
  backward(s) { return s * (1 - s); }
}

class MultiLayerPerceptron {
  constructor(inputSize, hiddenSize, numClasses) {
    this.W1 = param(randn([inputSize, hiddenSize]));
    this.W2 = param(randn([hiddenSize, numClasses]));
    this.sigmoid = new Sigmoid();
  }

  forward(x) {
    this.z = matmul(x, this.W1);
    this.z2 = this.sigmoid.forward(this.z);
    this.z3 = matmul(this.z2, this.W2);
    return this.sigmoid.forward(this.z3);
  }

  // The tutorial's backward: one gradient-descent step on ½·Σ(y − out)², worked out by hand.
  backward(x, y, out) {
    this.error = y - out;
    this.outDelta = this.error * this.sigmoid.backward(out);
    this.z2Error = matmul(this.outDelta, this.W2.T);
    this.z2Delta = this.z2Error * this.sigmoid.backward(this.z2);
    this.W1 += matmul(x.T, this.z2Delta);
    this.W2 += matmul(this.z2.T, this.outDelta);
  }
}

const model = new MultiLayerPerceptron(2, 3, 1);
const out = model.forward(X);
const loss = sse(out, Y) / 2;

// The updates backward makes are -lr times the gradient of this loss (lr 1).
gradcheck(model, [X], { targets: [Y], loss: (o, y) => sse(o, y) / 2 });

train({ lr: 1, steps: 2000 });
