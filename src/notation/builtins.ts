// Runs anywhere: the global names of the notation: math functions (bare and under Math/math/np/torch/F) and the ops
// of opfns.ts, E and PI, param/seed/rand/randn, mlp, the losses, the AND/OR/XOR/NAND datasets and the generated
// ones (datasets.ts), train and gradcheck. Built-ins are values: they can be stored, passed and used as default
// parameters.
import type { Span } from "./tree";
import { datasets, datasetNames, losses, nodes, Rng, type LossName } from "../engine";
import { runGradcheck, train } from "./checks";
import { moduleClass } from "./classes";
import type { Interp } from "./interp";
import { Namespace } from "./members";
import { UNARY_NAMES, power, unary } from "./mathfns";
import { DATASET_MAKERS, datasetEntries, noteSeed } from "./datasets";
import { loadEntry } from "./load";
import { makeMlp } from "./model";
import { OP_NAMES, opEntries } from "./opfns";
import { nameGiven } from "./param-names";
import { randomTensor, tensorGlobals, tensorNamespace } from "./tensor-globals";
import { PARAM_SLOT_ELEMENTS, tensorLoss, tensorParam } from "./tensors";
import { Builtin, builtinEntry, Num, Tensor, isNumber, typeName, type Value } from "./values";

function plainArg(ip: Interp, v: Value, fallback: number, fname: string, site: Span): number {
  if (v === undefined) return fallback;
  if (!isNumber(v)) throw ip.error(`\`${fname}\` expects a number, got ${typeName(v)}`, site);
  return ip.plain(v);
}

function param(ip: Interp, args: Value[], site: Span): Value {
  const [v, name] = args;
  if (v instanceof Tensor || Array.isArray(v)) {
    if (name !== undefined && typeof name !== "string") throw ip.error(`\`param\` name must be a string, got ${typeName(name)}`, site);
    let label = name ?? ip.namePath ?? `p${ip.store.size}`;
    if (ip.store.names.some((n) => n === label || n.startsWith(`${label}[`))) label = `${label}#${ip.store.size}`;
    if (name !== undefined) nameGiven(ip, ip.store.size);
    return tensorParam(ip, v, label, site);
  }
  if (!isNumber(v)) throw ip.error(`\`param\` expects a number or a tensor as its initial value, got ${typeName(v)}`, site);
  if (name !== undefined && typeof name !== "string") throw ip.error(`\`param\` name must be a string, got ${typeName(name)}`, site);
  const value = typeof v === "number" ? v : v.value;
  ip.allocate(PARAM_SLOT_ELEMENTS, site);
  let label = name ?? ip.namePath ?? `p${ip.store.size}`;
  if (ip.store.names.includes(label)) label = `${label}#${ip.store.size}`;
  const slot = ip.store.add(value, label);
  if (name !== undefined) nameGiven(ip, slot);
  const from = ip.valuesFrom;
  if (from !== undefined && slot < from.size) ip.store.values[slot] = from.values[slot];
  ip.at(site);
  const node = ip.store.leaf(ip.tape, slot);
  ip.params.push({ name: label, slot, node });
  return ip.num(node);
}

function loss(name: LossName) {
  return (ip: Interp, args: Value[], site: Span): Value => {
    const [p, y] = args;
    if (p instanceof Tensor || y instanceof Tensor) return tensorLoss(ip, name, p, y, site);
    const preds = Array.isArray(p) ? p : [p], ys = Array.isArray(y) ? y : [y];
    if (preds.length !== ys.length || preds.length === 0) {
      throw ip.error(`\`${name}\`: ${preds.length} predictions for ${ys.length} targets`, site);
    }
    for (const v of [...preds, ...ys]) if (!isNumber(v)) throw ip.error(`\`${name}\` expects numbers or arrays of numbers, got ${typeName(v)}`, site);
    ip.at(site);
    const pn = preds.map((v) => ip.node(v as number | Num));
    const plainTargets = ys.every((v) => typeof v === "number");
    const targets = plainTargets ? (ys as number[]) : nodes(ys.map((v) => ip.node(v as number | Num)));
    return ip.num(losses[name](ip.tape, pn, targets));
  };
}

/** The differentiable functions and constants, as one namespace's entries. */
function mathEntries(): [string, Value][] {
  const out: [string, Value][] = [...UNARY_NAMES].map((n) => builtinEntry(n, (ip, a, s) => unary(ip, n, a[0], s), 1));
  out.push(builtinEntry("pow", (ip, a, s) => power(ip, a[0], a[1], s), 2));
  out.push(["E", Math.E], ["PI", Math.PI], ...opEntries());
  return out;
}

/** Fresh globals for one evaluation (datasets are copied so a file cannot change them for the next one). */
export function installGlobals(ip: Interp): void {
  const g = ip.global;
  const math = mathEntries();
  for (const [k, v] of math) g.declare(k, v, true);
  const lower: [string, Value][] = [...math, ["pi", Math.PI], ["e", Math.E], builtinEntry("power", (ip2, a, s) => power(ip2, a[0], a[1], s), 2)];
  g.declare("Math", new Namespace("Math", math), true);
  for (const ns of ["math", "np", "torch", "F"]) g.declare(ns, new Namespace(ns, [...lower, ...tensorNamespace(ns)]), true);
  const entries: [string, Builtin][] = [
    builtinEntry("param", param, 1, 2),
    builtinEntry("seed", (ip2, a, s) => {
      const n = plainArg(ip2, a[0], 0, "seed", s);
      ip2.rng = new Rng(ip2.seedOverride ?? n);
      noteSeed(ip2, n);
      return undefined;
    }, 1),
    // `rand([r, c])` / `randn([r, c])` (a shape array) make tensors; numbers keep the scalar meaning (lo, hi / mean, std).
    builtinEntry("rand", (ip2, a, s) => Array.isArray(a[0]) ? randomTensor(ip2, a, false, "rand", s)
      : ip2.rng.uniform(plainArg(ip2, a[0], 0, "rand", s), plainArg(ip2, a[1], 1, "rand", s)), 0, 2),
    builtinEntry("randn", (ip2, a, s) => {
      if (Array.isArray(a[0])) return randomTensor(ip2, a, true, "randn", s);
      const mean = plainArg(ip2, a[0], 0, "randn", s), std = plainArg(ip2, a[1], 1, "randn", s);
      // PyTorch's randn(2, 3) is a matrix; here it is one number. Say so where it is most likely a slip.
      if (a.length === 2 && Number.isInteger(mean) && Number.isInteger(std) && mean >= 1 && std >= 2) {
        ip2.warn(`\`randn(${mean}, ${std})\` is one number (mean ${mean}, std ${std}); a ${mean}×${std} random matrix is \`randn([${mean}, ${std}])\``, s);
      }
      return ip2.rng.normal(mean, std);
    }, 0, 2),
    builtinEntry("mlp", makeMlp, 1, 2),
    builtinEntry("sse", loss("sse"), 2),
    builtinEntry("mse", loss("mse"), 2),
    builtinEntry("bce", loss("bce"), 2),
    builtinEntry("train", train, 1),
    builtinEntry("gradcheck", runGradcheck, 2, 4),
    ...tensorGlobals(),
    ...datasetEntries(),
    loadEntry(),
  ];
  for (const [k, v] of entries) g.declare(k, v, true);
  g.declare("Module", moduleClass(), true);
  for (const d of datasetNames) g.declare(d, datasets[d].map((row) => [...row]), true);
  // Python's spellings, so pasted Python reads (they cannot clash: TypeScript has no such names).
  g.declare("True", true, true);
  g.declare("False", false, true);
  g.declare("None", null, true);
  g.declare("Infinity", Infinity, true);
  g.declare("NaN", NaN, true);
}

/** Every global name (free-name analysis leaves these alone). */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set([
  ...UNARY_NAMES, ...OP_NAMES, "pow", "E", "PI", "Math", "math", "np", "torch", "F", "param", "seed", "rand", "randn", "mlp",
  "sse", "mse", "bce", "train", "gradcheck", "Module", ...tensorGlobals().map(([k]) => k), ...datasetNames, ...DATASET_MAKERS, "load", "undefined", "Infinity", "NaN", "True", "False", "None",
]);
