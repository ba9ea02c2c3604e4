// Runs in vitest (Node): class-based models as newcomers write them, shared by the training, naming and CLI tests.

/** The tutorial's 2-2-1 network written as a class whose forward takes the inputs as arguments. */
export const CLASS_NET = `seed(1);
class Net {
  constructor() {
    this.w1 = [param(rand()), param(rand())]; this.b1 = param(rand());
    this.w2 = [param(rand()), param(rand())]; this.b2 = param(rand());
    this.w3 = [param(rand()), param(rand())]; this.b3 = param(rand());
  }
  forward(p, q) {
    const h1 = sigmoid(p * this.w1[0] + q * this.w1[1] + this.b1);
    const h2 = sigmoid(p * this.w2[0] + q * this.w2[1] + this.b2);
    return sigmoid(h1 * this.w3[0] + h2 * this.w3[1] + this.b3);
  }
}
const net = new Net();
let loss = 0;
for (const [p, q, y] of XOR) loss += (net.forward(p, q) - y) ** 2;
train({ lr: 1, steps: 2000 });
`;

/** A micrograd-style MLP: Neuron, Layer and MLP classes, params pushed into arrays, forward of one array. */
export const MICROGRAD = `seed(1);
class Neuron {
  constructor(nin) {
    this.w = [];
    for (let i = 0; i < nin; i++) this.w.push(param(rand(-1, 1)));
    this.b = param(0);
  }
  forward(x) {
    let act = this.b;
    for (let i = 0; i < x.length; i++) act = act + this.w[i] * x[i];
    return tanh(act);
  }
}
class Layer {
  constructor(nin, nout) {
    this.neurons = [];
    for (let j = 0; j < nout; j++) this.neurons.push(new Neuron(nin));
  }
  forward(x) { return this.neurons.map((n) => n.forward(x)); }
}
class MLP {
  constructor(nin, nouts) {
    const sz = [nin, ...nouts];
    this.layers = [];
    for (let i = 0; i < nouts.length; i++) this.layers.push(new Layer(sz[i], sz[i + 1]));
  }
  forward(x) { for (const l of this.layers) x = l.forward(x); return x[0]; }
}
const model = new MLP(2, [3, 1]);
let loss = 0;
for (const [p, q, y] of XOR) loss += (model.forward([p, q]) - y) ** 2;
train({ lr: 0.05, steps: 2000 });
`;
