// Runs anywhere: Neuron, Layer and MLP over a ParamStore. Parameters live in the store; each forward call records
// one Linear node per neuron (then its activation) inside "layer" and "neuron" tape groups, so the graph can fold.
import { sigmoidOf, tanhOf } from "./ops/elementwise";
import { ParamStore } from "./params";
import { Rng } from "./rng";
import type { Tape } from "./tape";

export type Activation = "sigmoid" | "tanh" | "relu" | "linear";
/** "uniform01" is the tutorial's random.random(); "xavier" is Glorot uniform with zero biases. */
export type Init = "uniform01" | "uniform" | "normal" | "xavier";

export const activations: readonly Activation[] = ["sigmoid", "tanh", "relu", "linear"];
export const inits: readonly Init[] = ["uniform01", "uniform", "normal", "xavier"];

export function isActivation(s: string): s is Activation {
  return (activations as readonly string[]).includes(s);
}

export function isInit(s: string): s is Init {
  return (inits as readonly string[]).includes(s);
}

export interface MLPOptions {
  /** Hidden activation (default "sigmoid", the tutorial's). */
  activation?: Activation;
  /** Output layer activation (default: same as activation). */
  output?: Activation;
  init?: Init;
  /** Seed for a fresh Rng (default DEFAULT_SEED); ignored when rng is given. */
  seed?: number;
  rng?: Rng;
  /** Called before each neuron is built: a caller's interruption check (it may throw) for a large model. */
  poll?: () => void;
}

export const DEFAULT_SEED = 1;

/**
 * Parameter leaves of a model already put on a tape, indexed by store slot (-1 where not bound). Passing them to
 * forward() makes every sample share one leaf per parameter instead of recording fresh leaves per call.
 */
export type BoundParams = Int32Array;

/** Record an activation on the tape (no node for "linear"). */
export function applyActivation(t: Tape, act: Activation, x: number): number {
  switch (act) {
    case "sigmoid": return t.sigmoid(x);
    case "tanh": return t.tanh(x);
    case "relu": return t.relu(x);
    case "linear": return x;
  }
}

/** The same activation on a plain number, bit-identical to the tape's value. */
export function activationValue(act: Activation, a: number): number {
  switch (act) {
    case "sigmoid": return sigmoidOf(a);
    case "tanh": return tanhOf(a);
    case "relu": return a > 0 ? a : 0;
    case "linear": return a;
  }
}

function initValue(rng: Rng, init: Init, nin: number, nout: number, bias: boolean): number {
  switch (init) {
    case "uniform01": return rng.next();
    case "uniform": return rng.uniform(-1, 1);
    case "normal": return rng.normal(0, 1);
    case "xavier": {
      if (bias) return 0;
      const a = Math.sqrt(6 / (nin + nout));
      return rng.uniform(-a, a);
    }
  }
}

export class Neuron {
  /** Store slots of the weights, then the bias. */
  readonly w: Int32Array;
  readonly b: number;
  /** Scratch for the weight leaf ids of one call (linear() copies them into the tape). */
  private readonly ws: number[];
  /** The BoundParams that ws currently holds the leaves of. */
  private boundFor: BoundParams | undefined;

  constructor(
    readonly store: ParamStore,
    readonly nin: number,
    readonly label: string,
    readonly act: Activation,
    rng: Rng,
    init: Init,
    nout: number,
  ) {
    this.w = new Int32Array(nin);
    // Weights then bias, neuron by neuron: the tutorial's random.random() order, so seeds mean the same thing.
    for (let k = 0; k < nin; k++) this.w[k] = store.add(initValue(rng, init, nin, nout, false), `${label}.w[${k}]`);
    this.b = store.add(initValue(rng, init, nin, nout, true), `${label}.b`);
    this.ws = new Array<number>(nin);
  }

  forward(t: Tape, xs: readonly number[], bound?: BoundParams): number {
    if (xs.length !== this.nin) throw new RangeError(`${this.label}: ${xs.length} inputs for ${this.nin} weights`);
    t.beginGroup("neuron", this.label);
    const ws = this.ws;
    let b: number;
    if (bound) {
      // Every sample of one recording shares the bound leaves: look them up once per recording.
      if (this.boundFor !== bound) {
        for (let k = 0; k < this.nin; k++) ws[k] = bound[this.w[k]];
        this.boundFor = bound;
      }
      b = bound[this.b];
    } else {
      for (let k = 0; k < this.nin; k++) ws[k] = this.store.leaf(t, this.w[k]);
      this.boundFor = undefined;
      b = this.store.leaf(t, this.b);
    }
    const out = applyActivation(t, this.act, t.linear(ws, xs, b));
    t.endGroup();
    return out;
  }

  value(xs: ArrayLike<number>): number {
    const v = this.store.values;
    let acc = v[this.b];
    for (let k = 0; k < this.nin; k++) acc += v[this.w[k]] * xs[k];
    return activationValue(this.act, acc);
  }

  parameters(): number[] {
    return [...this.w, this.b];
  }
}

export class Layer {
  readonly neurons: Neuron[];

  constructor(store: ParamStore, readonly nin: number, nout: number, readonly label: string, act: Activation,
    rng: Rng, init: Init, poll?: () => void) {
    this.neurons = [];
    for (let j = 0; j < nout; j++) {
      poll?.();
      this.neurons.push(new Neuron(store, nin, `${label}.N${j + 1}`, act, rng, init, nout));
    }
  }

  forward(t: Tape, xs: readonly number[], bound?: BoundParams): number[] {
    t.beginGroup("layer", this.label);
    const out = this.neurons.map((n) => n.forward(t, xs, bound));
    t.endGroup();
    return out;
  }

  parameters(): number[] {
    return this.neurons.flatMap((n) => n.parameters());
  }
}

/** A multilayer perceptron: `new MLP(2, [2, 1])` is the tutorial's 2-2-1 XOR network (sizes exclude the input). */
export class MLP {
  readonly layers: Layer[];
  readonly nin: number;
  readonly nout: number;

  constructor(nin: number, sizes: readonly number[], opts: MLPOptions = {}, readonly store = new ParamStore()) {
    if (!Number.isInteger(nin) || nin < 1) throw new RangeError(`MLP: input size ${nin} must be a positive integer`);
    if (sizes.length === 0) throw new RangeError("MLP: no layers");
    for (const s of sizes) if (!Number.isInteger(s) || s < 1) throw new RangeError(`MLP: layer size ${s} must be a positive integer`);
    const act = opts.activation ?? "sigmoid", out = opts.output ?? act, init = opts.init ?? "uniform01";
    const rng = opts.rng ?? new Rng(opts.seed ?? DEFAULT_SEED);
    this.layers = [];
    let n = nin;
    sizes.forEach((size, i) => {
      const last = i === sizes.length - 1;
      this.layers.push(new Layer(store, n, size, `L${i + 1}`, last ? out : act, rng, init, opts.poll));
      n = size;
    });
    this.nin = nin;
    this.nout = n;
  }

  /** The notation's spelling: `mlp([2, 2, 1], opts)` lists the input size first. */
  static fromSizes(sizes: readonly number[], opts: MLPOptions = {}, store = new ParamStore()): MLP {
    if (sizes.length < 2) throw new RangeError(`mlp: sizes [${sizes.join(", ")}] need an input size and at least one layer`);
    return new MLP(sizes[0], sizes.slice(1), opts, store);
  }

  /** Output node ids for input node ids. */
  forward(t: Tape, xs: readonly number[], bound?: BoundParams): number[] {
    let h = xs;
    for (const layer of this.layers) h = layer.forward(t, h, bound);
    return h as number[];
  }

  /** Put every parameter on the tape once, as Param leaves in the current group; pass the result to forward(). */
  bind(t: Tape): BoundParams {
    const bound = new Int32Array(this.store.size).fill(-1);
    for (const slot of this.parameters()) bound[slot] = this.store.leaf(t, slot);
    return bound;
  }

  /** Outputs for plain input values from the store's current values, without a tape (views, heat maps). */
  predict(xs: ArrayLike<number>): number[] {
    if (xs.length !== this.nin) throw new RangeError(`MLP: ${xs.length} inputs for ${this.nin}`);
    let h: ArrayLike<number> = xs;
    for (const layer of this.layers) h = layer.neurons.map((n) => n.value(h));
    return Array.from(h);
  }

  /** Store slots of every parameter, layer by layer, neuron by neuron, weights then bias. */
  parameters(): number[] {
    return this.layers.flatMap((l) => l.parameters());
  }
}
