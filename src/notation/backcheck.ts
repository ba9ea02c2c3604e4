// Runs anywhere: `gradcheck(model, inputs, options?)`: checks a hand-written backward against central differences,
// element by element. Two styles from the seed tutorials are read:
//  - seed 002: `backward()` leaves gradients in `.g` attributes (`inp.g`, `this.w.g`); a Module's output gets
//    `out.g` (a fixed random weighting, so transposed or misplaced elements cannot pass by symmetry) first.
//  - seed 000: `backward(...inputs, ...targets, out)` updates its params in place (`this.W1 += …`): the change,
//    divided by -lr, is the gradient of `options.loss(out, ...targets)`.
// Params are the `param(...)` tensors reachable from the model's fields. Everything runs on scratch tapes, and
// the model's fields are put back afterwards, so the rest of the file sees the model as it was.
import type { Call, Span } from "./tree";
import { Rng, elementIndex, type GradcheckRow, type Tape } from "../engine";
import { GRADCHECK_ATOL, GRADCHECK_EPS, GRADCHECK_RTOL, closeEnough } from "../engine/gradcheck";
import { Closure } from "./calls";
import { ClassFn, Instance } from "./classes";
import type { Interp } from "./interp";
import { Fn, Obj, Tensor, isNumber, typeName, type Value } from "./values";

type Site = Span;

/** A place holding a param tensor: a field of an object or an element of an array. */
interface Slot {
  readonly holder: Map<string, Value> | Value[];
  readonly key: string | number;
}

interface Param {
  readonly name: string;
  readonly tensor: Tensor;
  readonly slots: Slot[];
}

export interface BackcheckOptions {
  targets: Value[];
  loss: Fn | undefined;
  lr: number;
  eps: number;
  atol: number;
  rtol: number;
}

function read(s: Slot): Value {
  return s.holder instanceof Map ? s.holder.get(s.key as string) : s.holder[s.key as number];
}

function write(s: Slot, v: Value): void {
  if (s.holder instanceof Map) s.holder.set(s.key as string, v);
  else s.holder[s.key as number] = v;
}

/** Param tensors reachable from the model (fields, arrays, nested objects; 6 levels deep), and every object seen. */
function collect(root: Instance): { params: Param[]; objects: Obj[] } {
  const byTensor = new Map<Tensor, Param>(), objects: Obj[] = [], seen = new Set<unknown>();
  const visit = (v: Value, slot: Slot | undefined, path: string, depth: number): void => {
    if (v instanceof Tensor) {
      if (slot === undefined || v.tape.opName(v.node) !== "param") return;
      const p = byTensor.get(v);
      if (p) p.slots.push(slot);
      else byTensor.set(v, { name: v.tape.names.get(v.node) ?? path, tensor: v, slots: [slot] });
      return;
    }
    if (depth > 6 || seen.has(v)) return;
    if (v instanceof Obj && !(v instanceof ClassFn)) {
      seen.add(v);
      objects.push(v);
      for (const [k, x] of v.props) visit(x, { holder: v.props, key: k }, `${path}.${k}`, depth + 1);
    } else if (Array.isArray(v)) {
      seen.add(v);
      v.forEach((x, i) => visit(x, { holder: v, key: i }, `${path}[${i}]`, depth + 1));
    }
  };
  visit(root, undefined, root.path || root.cls.name, 0);
  return { params: [...byTensor.values()], objects };
}

/** A copy of a tensor's values as a constant on tape t. */
function constantOn(t: Tape, x: Tensor, data?: Float64Array): Tensor {
  const d = x.tape.tensorData(x.node);
  return new Tensor(t, t.tensorConst({ shape: d.shape, data: data ?? d.data }));
}

function values(v: Value): Float64Array | undefined {
  if (v instanceof Tensor) return v.tape.tensorValue(v.node);
  if (typeof v === "number") return Float64Array.of(v);
  if (isNumber(v)) return Float64Array.of(v.value);
  return undefined;
}

export function backcheck(ip: Interp, model: Instance, inputs: Value[], o: BackcheckOptions, site: Site): boolean {
  const cls = model.cls, isModule = cls.isModule();
  const forward = cls.method("forward"), backward = cls.method("backward");
  if (!(forward instanceof Fn)) throw ip.error(`\`gradcheck\`: \`${cls.name}\` has no \`forward\` method`, site);
  if (!(backward instanceof Fn)) throw ip.error(`\`gradcheck\`: \`${cls.name}\` has no \`backward\` method to check`, site);
  if (isModule && !(cls.method("bwd") instanceof Fn)) throw ip.error(`\`gradcheck\`: \`${cls.name}\` has no \`bwd\` method`, site);
  const { params, objects } = collect(model);
  const fields = objects.map((x) => new Map(x.props));
  const restore = (): void => {
    objects.forEach((x, i) => {
      x.props.clear();
      for (const [k, v] of fields[i]) x.props.set(k, v);
    });
    for (const p of params) for (const s of p.slots) write(s, p.tensor);
  };
  const inputTensors = inputs.map((v, i) => ({ i, v })).filter((x): x is { i: number; v: Tensor } => x.v instanceof Tensor);
  let weights: Float64Array | undefined;

  /** Put params (and inputs) on tape t with the given values; run forward; return out and the objective. */
  const run = (t: Tape, pv: (Float64Array | undefined)[], iv: (Float64Array | undefined)[]): { out: Value; phi: number; ins: Value[] } => {
    params.forEach((p, k) => {
      const c = constantOn(t, p.tensor, pv[k]);
      for (const s of p.slots) write(s, c);
    });
    const ins = inputs.map((v) => v);
    inputTensors.forEach((x, k) => { ins[x.i] = constantOn(t, x.v, iv[k]); });
    return ip.onScratch(t, () => {
      let out: Value;
      if (isModule) {
        model.props.set("args", ins);
        out = forward.call(ip, ins, site, model);
        model.props.set("out", out);
      } else out = forward.call(ip, ins, site, model);
      const ov = values(out);
      if (ov === undefined) throw ip.error(`\`gradcheck\`: \`${cls.name}.forward\` must return a tensor or a number, got ${typeName(out)}`, site);
      let phi: number;
      if (o.loss) {
        const l = values(o.loss.call(ip, [out, ...o.targets], site));
        if (l === undefined || l.length !== 1) throw ip.error("`gradcheck`: `loss` must return a number", site);
        phi = l[0];
      } else if (ov.length === 1) phi = ov[0];
      else {
        if (weights === undefined) {
          const rng = new Rng(7);
          weights = Float64Array.from(ov, (_, k) => rng.uniform(0.5, 1.5) * (k % 2 ? -1 : 1));
        }
        phi = 0;
        for (let k = 0; k < ov.length; k++) phi += ov[k] * (weights[k] ?? 0);
      }
      return { out, phi, ins };
    });
  };

  let rows: GradcheckRow[];
  try {
    // The hand-written side.
    const t = ip.scratchTape();
    const { out, ins } = run(t, [], []);
    const before = params.map((p) => read(p.slots[0]));
    if (out instanceof Tensor) {
      const ov = values(out) as Float64Array;
      out.props.set("g", new Tensor(t, t.tensorConst({ shape: out.shape, data: o.loss || ov.length === 1 ? new Float64Array(ov.length).fill(1) : (weights as Float64Array) })));
    }
    // A plain model's backward gets (inputs..., targets..., out), as many as it declares (seed 000's takes all three).
    const all = [...ins, ...o.targets, out];
    const bargs = isModule ? [] : backward instanceof Closure ? all.slice(0, backward.arity) : all;
    ip.onScratch(t, () => backward.call(ip, bargs, site, model));
    const hand: { name: string; shape: readonly number[]; g: Float64Array | undefined; how: string }[] = [];
    params.forEach((p, k) => {
      const now = read(p.slots[0]), was = before[k];
      if (now !== was && now instanceof Tensor && was instanceof Tensor) {
        const a = values(was) as Float64Array, b = values(now) as Float64Array;
        hand.push({ name: p.name, shape: p.tensor.shape, g: Float64Array.from(a, (x, e) => (x - b[e]) / o.lr), how: "update" });
      } else hand.push({ name: p.name, shape: p.tensor.shape, g: was instanceof Tensor ? values(was.props.get("g")) : undefined, how: "g" });
    });
    // A Module's bwd must leave inp.g (the layer before needs it); a plain model's backward may skip its inputs.
    const checkedInputs = inputTensors.filter((x) => isModule || (ins[x.i] as Tensor).props.has("g"));
    checkedInputs.forEach((x) => {
      const v = ins[x.i] as Tensor;
      hand.push({ name: inputName(ip, site, x.i), shape: v.shape, g: values(v.props.get("g")), how: "g" });
    });
    // The numeric side, element by element.
    const base = [...params.map((p) => values(p.tensor) as Float64Array), ...checkedInputs.map((x) => values(x.v) as Float64Array)];
    const np = params.length;
    rows = hand.map((h, k) => {
      const n = base[k].length;
      if (h.g === undefined || h.g.length !== n) {
        const note = h.g === undefined ? "backward wrote no gradient for it" : `backward wrote ${h.g.length} values for ${n} elements`;
        return { name: h.name, analytic: NaN, numeric: NaN, absError: NaN, relError: NaN, pass: false, note };
      }
      let worst: GradcheckRow | undefined, bad = 0;
      for (let e = 0; e < n; e++) {
        ip.poll(site);
        const at = (d: number): number => {
          const v = base[k].slice();
          v[e] += d;
          const pv = base.slice(0, np).map((b, j) => (j === k ? v : b));
          const iv = inputTensors.map((x) => { const j = checkedInputs.indexOf(x); return j >= 0 && j + np === k ? v : undefined; });
          return run(ip.scratchTape(), pv, iv).phi;
        };
        const num = (at(o.eps) - at(-o.eps)) / (2 * o.eps), ana = h.g[e];
        const abs = Math.abs(ana - num), rel = abs / Math.max(Math.abs(ana), Math.abs(num), 1e-300);
        const ok = closeEnough(ana, num, o.atol, o.rtol);
        if (!ok) bad++;
        const row = { name: `${h.name}${elementIndex(h.shape, e)}`, analytic: ana, numeric: num, absError: abs, relError: rel, pass: ok, note: "" };
        if (worst === undefined || (!ok && worst.pass) || (ok === worst.pass && abs > worst.absError)) worst = row;
      }
      const w = worst as GradcheckRow;
      const note = `worst of ${n} element${n === 1 ? "" : "s"}${bad > 0 ? `; ${bad} differ` : ""}${h.how === "update" ? `; read from its update (lr ${o.lr})` : ""}`;
      return { ...w, pass: bad === 0, note };
    });
  } finally {
    restore();
  }
  if (rows.length === 0) throw ip.error(`\`gradcheck\`: \`${cls.name}\` holds no \`param(...)\` tensors and no tensor inputs to check`, site);
  return ip.recordCheck(site, "backward", rows, `\`${cls.name}.backward\` disagrees with central differences: `, "backward");
}

function inputName(ip: Interp, site: Site, i: number): string {
  const call = site as Partial<Call>;
  const arr = call.kind === "call" ? call.args?.[1]?.value : undefined;
  const el = arr !== undefined && arr.kind === "array" ? arr.elements[i] : undefined;
  return el !== undefined && el.kind !== "hole" ? ip.text(el) : `inputs[${i}]`;
}

/** Options of the model form: `{ targets?, loss?, lr?, eps?, atol?, rtol? }`. */
export function backcheckOptions(ip: Interp, o: Value, num: (key: string) => number | undefined, site: Site): BackcheckOptions {
  if (o !== undefined && !(o instanceof Obj)) throw ip.error(`\`gradcheck\` options must be an object, got ${typeName(o)}`, site);
  for (const k of o?.props.keys() ?? []) {
    if (!["targets", "loss", "lr", "eps", "atol", "rtol"].includes(k)) {
      throw ip.error(`unknown \`gradcheck\` option \`${k}\` (targets, loss, lr, eps, atol, rtol)`, site);
    }
  }
  const targets = o?.props.get("targets"), loss = o?.props.get("loss");
  if (targets !== undefined && !Array.isArray(targets)) throw ip.error(`\`targets\` must be an array, got ${typeName(targets)}`, site);
  if (loss !== undefined && !(loss instanceof Fn)) throw ip.error(`\`loss\` must be a function, got ${typeName(loss)}`, site);
  return {
    targets: targets ?? [], loss, lr: num("lr") ?? 1, eps: num("eps") ?? GRADCHECK_EPS, atol: num("atol") ?? GRADCHECK_ATOL,
    rtol: num("rtol") ?? GRADCHECK_RTOL,
  };
}
