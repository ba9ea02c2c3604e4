// Runs anywhere: `mlp(sizes, options)`, a callable model over the engine's MLP. Its params live in the
// evaluation's store; its nodes come grouped by layer and neuron (names like `L1.N2.w[0]`).
import type { Span } from "./tree";
import { MLP, isActivation, isInit, inits, Rng, type Activation, type BoundParams, type Init, type Tape } from "../engine";
import { quantity, subject } from "./bounds";
import type { Interp } from "./interp";
import { PARAM_SLOT_ELEMENTS } from "./tensors";
import { Builtin, Fn, Num, Obj, isNumber, typeName, type Value } from "./values";

export class Model extends Fn {
  private readonly bound = new WeakMap<Tape, BoundParams>();
  /** Number of params. */
  readonly size: number;

  constructor(
    name: string,
    readonly mlp: MLP,
    /** Where the model was made: its param leaves point there. */
    readonly site: Span,
  ) {
    super(name);
    this.size = mlp.layers.reduce((n, l) => n + l.neurons.length * (l.nin + 1), 0);
    this.props.set("parameters", new Builtin("parameters", (ip) => this.leaves(ip).map((id) => ip.num(id)), 0, 0));
  }

  /** Param leaves on the current tape, made once per tape so every call shares them. */
  private bind(ip: Interp): BoundParams {
    let b = this.bound.get(ip.tape);
    if (b === undefined) {
      ip.at(this.site);
      b = this.mlp.bind(ip.tape);
      this.bound.set(ip.tape, b);
    }
    return b;
  }

  leaves(ip: Interp): number[] {
    const b = this.bind(ip);
    return this.mlp.parameters().map((slot) => b[slot]);
  }

  call(ip: Interp, args: Value[], site: Span): Value {
    const xs = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    if (xs.length !== this.mlp.nin) throw ip.error(`\`${this.name}\` takes ${this.mlp.nin} inputs, got ${xs.length}`, site);
    const bound = this.bind(ip);
    // One multiply-add per weight; the nodes and edges it records are counted as the tape grows.
    ip.work(this.size, site);
    ip.at(site);
    const ids = xs.map((x) => {
      if (!isNumber(x)) throw ip.error(`\`${this.name}\` inputs must be numbers, got ${typeName(x)}`, site);
      return ip.node(x);
    });
    ip.tape.beginGroup("model", this.name);
    let out: number[];
    try {
      out = this.mlp.forward(ip.tape, ids, bound);
    } finally {
      ip.tape.endGroup();
    }
    return out.length === 1 ? ip.num(out[0]) : out.map((id) => new Num(ip.tape, id));
  }
}

const OPTIONS = new Set(["activation", "output", "seed", "init"]);

/** The param count of an MLP checked against the bounds before a single neuron is built: each param is a slot and, once called, a graph node. */
function checkSize(ip: Interp, ns: readonly number[], site: Span): void {
  let params = 0;
  for (let k = 1; k < ns.length; k++) params += (ns[k - 1] + 1) * ns[k];
  if (ip.tape.n + params > ip.bounds.maxNodes) {
    throw ip.error(`${subject(ip.text(site))}: ${quantity(params)} params would be as many graph nodes, over the ${quantity(ip.bounds.maxNodes)} node limit (gradlens.maxNodes)`, site);
  }
  ip.allocate(PARAM_SLOT_ELEMENTS * params, site, ` (${quantity(params)} params, ${PARAM_SLOT_ELEMENTS} elements each)`);
}

export function makeMlp(ip: Interp, args: Value[], site: Span): Model {
  const [sizes, opts] = args;
  if (!Array.isArray(sizes) || sizes.length < 2) throw ip.error("`mlp` expects sizes like [2, 2, 1] (inputs, then each layer)", site);
  const ns = sizes.map((s) => {
    const n = isNumber(s) ? ip.plain(s) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 10000) throw ip.error(`\`mlp\` sizes must be positive integers, got ${isNumber(s) ? n : typeName(s)}`, site);
    return n;
  });
  let activation: Activation = "sigmoid", output: Activation | undefined, init: Init | undefined, rng = ip.rng;
  if (opts !== undefined) {
    if (!(opts instanceof Obj)) throw ip.error(`\`mlp\` options must be an object, got ${typeName(opts)}`, site);
    for (const [k, v] of opts.props) {
      if (!OPTIONS.has(k)) throw ip.error(`unknown \`mlp\` option \`${k}\` (activation, output, seed, init)`, site);
      if (v === undefined) continue;
      if (k === "seed") {
        if (!isNumber(v)) throw ip.error(`\`mlp\` seed must be a number, got ${typeName(v)}`, site);
        rng = new Rng(ip.seedOverride ?? ip.plain(v));
      } else if (typeof v !== "string") {
        throw ip.error(`\`mlp\` option \`${k}\` must be a string, got ${typeName(v)}`, site);
      } else if (k === "init") {
        if (!isInit(v)) throw ip.error(`unknown init "${v}" (${inits.join(", ")})`, site);
        init = v;
      } else {
        if (!isActivation(v) || (k === "activation" && v === "linear")) {
          throw ip.error(`unknown ${k} "${v}" (sigmoid, tanh, relu${k === "output" ? ", linear" : ""})`, site);
        }
        if (k === "activation") activation = v;
        else output = v;
      }
    }
  }
  checkSize(ip, ns, site);
  const before = ip.store.size;
  ip.at(site);
  const mlp = new MLP(ns[0], ns.slice(1), { activation, output, init, rng, poll: () => ip.poll(site) }, ip.store);
  const from = ip.valuesFrom;
  if (from !== undefined) for (let s = before; s < ip.store.size && s < from.size; s++) ip.store.values[s] = from.values[s];
  return new Model(ip.namePath ?? "mlp", mlp, site);
}
