// Seed 002: Module-style layers. Calling a Module stores its inputs and output; backward() calls the layer's
// hand-written bwd(out, ...inputs), which leaves gradients in `.g`. gradcheck compares every `.g` with central
// differences, element by element, and reports the worst elements.
//
// This file has a deliberate bug: Mse.bwd forgets the 2 of d(x²)/dx, and the check on `model` says so.
// Fix it (`2 * (inp.squeeze() - targ)…`) and the check passes.
seed(2);
const x = randn([8, 3]);
const y = sum(x * tensor([1, -2, 0.5]), 1).squeeze();

class Lin extends Module {
  constructor(w, b) {
    super();
    this.w = w;
    this.b = b;
  }
  forward(inp) { return matmul(inp, this.w) + this.b; }
  bwd(out, inp) {
    inp.g = matmul(out.g, this.w.t());
    this.w.g = matmul(inp.t(), out.g);
    this.b.g = out.g.sum(0);
  }
}

class ReLU extends Module {
  forward(inp) { return inp.clampMin(0); }
  bwd(out, inp) { inp.g = inp.gt(0) * out.g; }
}

class Mse extends Module {
  forward(inp, targ) { return mean((inp.squeeze() - targ) ** 2); }
  bwd(out, inp, targ) { inp.g = (inp.squeeze() - targ).unsqueeze(-1) / targ.shape[0]; }
}

class Model {
  constructor(w1, b1, w2, b2) {
    this.layers = [new Lin(w1, b1), new ReLU(), new Lin(w2, b2)];
    this.loss = new Mse();
  }
  forward(inp, targ) {
    let h = inp;
    for (const layer of this.layers) h = layer(h);
    return this.loss(h, targ);
  }
  backward() {
    this.loss.backward();
    for (let i = this.layers.length - 1; i >= 0; i--) this.layers[i].backward();
  }
}

const w1 = param(randn([3, 4]));
const b1 = param(zeros(1, 4));
const w2 = param(randn([4, 1]));
const b2 = param(zeros(1, 1));
const model = new Model(w1, b1, w2, b2);
const loss = model.forward(x, y);

gradcheck(new Lin(w1, b1), [x]);
gradcheck(model, [x, y]);

train({ lr: 0.05, steps: 500 });
