// Runs anywhere: params named by the path that reaches them from the program's top-level names. A param made where
// no binding names it (`this.w.push(param(…))`, a `Neuron` built in a loop and pushed into `this.neurons`) was
// named `p0` or `Neuron.b#5`; after the run it takes the shortest path a reader would write to reach it,
// `model.layers[0].neurons[1].b`. Names given in `param(v, "name")`, and paths that still reach their param, stay.
import { Op, elementIndex } from "../engine";
import type { Interp } from "./interp";
import { Num, Obj, Tensor, type Value } from "./values";

/** Values the walk looks at, at most: a file's data tables can be large, and naming must stay cheap. */
const MAX_VISITS = 100_000;

const given = new WeakMap<Interp, Set<number>>();

/** The param at `slot` was named by the file (`param(v, "name")`): its name stays. */
export function nameGiven(ip: Interp, slot: number): void {
  let set = given.get(ip);
  if (set === undefined) given.set(ip, (set = new Set()));
  set.add(slot);
}

/** The store slot of a param value of this run (a scalar param's or a tensor param's first), or -1. */
function paramSlot(ip: Interp, v: Value): number {
  if (!(v instanceof Num || v instanceof Tensor) || v.tape !== ip.tape) return -1;
  return ip.tape.op[v.node] === Op.Param ? ip.tape.aux[v.node] : -1;
}

/**
 * Breadth first from the program scope's names through arrays, objects and class instances: the first path to
 * each param slot is the shortest. Slots named by the file, or whose own name is among the paths, keep it.
 */
export function nameParamsByPath(ip: Interp): void {
  const store = ip.store, keep = new Set(given.get(ip)), found = new Map<number, string>();
  const tensorAt = new Map(store.tensors.map((t, k) => [t.slot, k]));
  const nameOf = (slot: number): string => store.tensors[tensorAt.get(slot) ?? -1]?.name ?? store.names[slot];
  const queue: [Value, string][] = [...ip.scope.vars].map(([name, b]) => [b.value, name]);
  const push = (v: Value, path: () => string): void => {
    if (queue.length < MAX_VISITS) queue.push([v, path()]);
  };
  const seen = new Set<object>();
  for (let head = 0; head < queue.length; head++) {
    const [v, path] = queue[head];
    const slot = paramSlot(ip, v);
    if (slot >= 0) {
      if (nameOf(slot) === path) keep.add(slot);
      if (!found.has(slot)) found.set(slot, path);
      continue;
    }
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x, i) => push(x, () => `${path}[${i}]`));
    else if (v instanceof Obj) for (const [k, x] of v.props) push(x, () => `${path}.${k}`);
  }
  for (const slot of keep) found.delete(slot);
  if (found.size > 0) rename(ip, found, tensorAt);
}

/** Renames slots in the store, on the tape's param leaves and in the run's param list: one pass over each. */
function rename(ip: Interp, paths: ReadonlyMap<number, string>, tensorAt: ReadonlyMap<number, number>): void {
  const store = ip.store, tape = ip.tape;
  for (const [slot, path] of paths) {
    const k = tensorAt.get(slot);
    if (k === undefined) {
      store.rename(slot, path);
      continue;
    }
    const t = store.tensors[k], size = t.shape.reduce((a, b) => a * b, 1);
    store.tensors[k] = { ...t, name: path };
    for (let e = 0; e < size; e++) store.rename(slot + e, `${path}${elementIndex(t.shape, e)}`);
  }
  for (let i = 0; i < tape.n; i++) {
    const path = tape.op[i] === Op.Param ? paths.get(tape.aux[i]) : undefined;
    if (path !== undefined) tape.setName(i, path);
  }
  for (const p of ip.params) p.name = paths.get(p.slot) ?? p.name;
}
