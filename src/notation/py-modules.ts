// Runs anywhere: the modules a Python file may import: `math`, `random` (CPython's generator, bit for bit),
// `numpy` and `torch` (the notation's tensor built-ins under their names, `np.random` on NumPy's legacy generator);
// any other import is an error naming the module.
import type { Interp } from "./interp";
import { Namespace } from "./members";
import { unary } from "./mathfns";
import { NpRandom } from "./python/nprandom";
import { PyRandom, PyRandomError } from "./python/pyrandom";
import { constant, isFloat, iterate, pyFloat, pyTypeName } from "./py-values";
import { numpyEntries } from "./py-numpy";
import type { Span } from "./tree";
import { pyArith } from "./py-arith";
import { asNumber } from "./tensors";
import { Builtin, builtinEntry, Obj, Tensor, isNumber, type Value } from "./values";

/** A number argument's plain value (a module function's). */
export function num(ip: Interp, v: Value, who: string, site: Span): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Tensor && v.size === 1) v = asNumber(ip, v);
  if (!isNumber(v)) throw ip.error(`${who}: must be a real number, not ${pyTypeName(v)}`, site);
  return constant(ip, v);
}

/** A math function on a number: differentiable ones record nodes on graph values; results are floats. */
function mathFn(name: string, op: string): [string, Builtin] {
  return builtinEntry(name, (ip, [x], s) => {
    const r = unary(ip, op, typeof x === "boolean" ? (x ? 1 : 0) : x, s);
    return typeof r === "number" ? pyFloat(ip, r) : r;
  }, 1);
}

function plainFn(name: string, f: (...xs: number[]) => number, n: number, int = false): [string, Builtin] {
  return builtinEntry(name, (ip, args, s) => {
    const r = f(...args.map((a) => num(ip, a, `math.${name}`, s)));
    if (Number.isNaN(r) && args.every((a) => !Number.isNaN(num(ip, a, name, s)))) throw ip.error("math domain error", s);
    return int ? r : pyFloat(ip, r);
  }, n);
}

function math(): Namespace {
  const entries: [string, Value][] = [
    ...["exp", "sqrt", "sin", "cos", "tan", "tanh"].map((n) => mathFn(n, n)),
    builtinEntry("log", (ip, [x, base], s) => {
      const r = unary(ip, "log", typeof x === "boolean" ? (x ? 1 : 0) : x, s);
      const v = base === undefined ? r : pyArith(ip, "/", r, unary(ip, "log", base, s), s);
      return typeof v === "number" ? pyFloat(ip, v) : v;
    }, 1, 2),
    mathFn("fabs", "abs"),
    plainFn("floor", Math.floor, 1, true), plainFn("ceil", Math.ceil, 1, true), plainFn("trunc", Math.trunc, 1, true),
    plainFn("atan", Math.atan, 1), plainFn("asin", Math.asin, 1), plainFn("acos", Math.acos, 1), plainFn("atan2", Math.atan2, 2),
    plainFn("log2", Math.log2, 1), plainFn("log10", Math.log10, 1), plainFn("exp2", (x) => 2 ** x, 1),
    plainFn("hypot", Math.hypot, 2), plainFn("erf", erf, 1),
    builtinEntry("pow", (ip, [a, b], s) => {
      const x = num(ip, a, "math.pow", s), y = num(ip, b, "math.pow", s);
      return pyFloat(ip, x ** y);
    }, 2),
    builtinEntry("isnan", (ip, [x], s) => Number.isNaN(num(ip, x, "math.isnan", s)), 1),
    builtinEntry("isinf", (ip, [x], s) => Math.abs(num(ip, x, "math.isinf", s)) === Infinity, 1),
    builtinEntry("isfinite", (ip, [x], s) => Number.isFinite(num(ip, x, "math.isfinite", s)), 1),
    builtinEntry("isclose", (ip, [a, b, o], s) => {
      const x = num(ip, a, "math.isclose", s), y = num(ip, b, "math.isclose", s);
      const opts = o instanceof Obj ? o.props : new Map<string, Value>();
      const rel = opts.has("rel_tol") ? num(ip, opts.get("rel_tol"), "rel_tol", s) : 1e-9, abs = opts.has("abs_tol") ? num(ip, opts.get("abs_tol"), "abs_tol", s) : 0;
      return x === y || Math.abs(x - y) <= Math.max(rel * Math.max(Math.abs(x), Math.abs(y)), abs);
    }, 2, 3),
    ["pi", Math.PI], ["e", Math.E], ["tau", 2 * Math.PI], ["inf", Infinity], ["nan", NaN],
  ];
  return new Namespace("math", entries);
}

/** The error function (Abramowitz–Stegun 7.1.26 is too coarse; this is W. J. Cody's rational form via erfc). */
function erf(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y = 1 - t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? y : -y;
}

function random(ip: Interp): Namespace {
  const r = (ip.pyRandom ??= new PyRandom(ip.seedOverride ?? 0));
  const wrap = (f: () => Value, s: Span): Value => {
    try {
      return f();
    } catch (e) {
      if (e instanceof PyRandomError || e instanceof RangeError) throw ip.error(e.message, s);
      throw e;
    }
  };
  return new Namespace("random", [
    builtinEntry("seed", (ip2, [a], s) => {
      if (a === undefined || a === null) r.seed(0);
      else r.seed(ip2.seedOverride ?? num(ip2, a, "random.seed", s), ip2.seedOverride !== undefined || !isFloat(a));
      return null;
    }, 0, 1),
    builtinEntry("random", () => r.random(), 0),
    builtinEntry("uniform", (ip2, [a, b], s) => r.uniform(num(ip2, a, "uniform", s), num(ip2, b, "uniform", s)), 2),
    builtinEntry("gauss", (ip2, [m, sd], s) => r.gauss(m === undefined ? 0 : num(ip2, m, "gauss", s), sd === undefined ? 1 : num(ip2, sd, "gauss", s)), 0, 2),
    builtinEntry("normalvariate", (ip2, [m, sd], s) => r.normalvariate(m === undefined ? 0 : num(ip2, m, "normalvariate", s), sd === undefined ? 1 : num(ip2, sd, "normalvariate", s)), 0, 2),
    builtinEntry("randint", (ip2, [a, b], s) => wrap(() => r.randint(num(ip2, a, "randint", s), num(ip2, b, "randint", s)), s), 2),
    builtinEntry("randrange", (ip2, [a, b, c], s) => wrap(() => r.randrange(num(ip2, a, "randrange", s), b === undefined ? undefined : num(ip2, b, "randrange", s), c === undefined ? 1 : num(ip2, c, "randrange", s)), s), 1, 3),
    builtinEntry("choice", (ip2, [xs], s) => wrap(() => r.choice(iterate(ip2, xs, s, "choice")), s), 1),
    builtinEntry("shuffle", (ip2, [xs], s) => {
      if (!Array.isArray(xs)) throw ip2.error(`shuffle: expected a list, got ${pyTypeName(xs)}`, s);
      return wrap(() => {
        r.shuffle(xs);
        return null;
      }, s);
    }, 1),
  ]);
}

/** `import name`: the module's namespace (made once per run), or an error naming the module. */
export function importModule(ip: Interp, name: string, site: Span): Namespace {
  const made = ip.modules.get(name);
  if (made !== undefined) return made;
  let m: Namespace;
  switch (name) {
    case "math": m = math(); break;
    case "random": m = random(ip); break;
    case "numpy": m = new Namespace("np", numpyEntries("np", () => npRandom(ip))); break;
    case "torch": m = new Namespace("torch", numpyEntries("torch", () => npRandom(ip))); break;
    default: throw ip.error(`module \`${name}\` is not supported (supported: math, random, numpy, torch)`, site);
  }
  ip.modules.set(name, m);
  return m;
}

function npRandom(ip: Interp): NpRandom {
  return (ip.npRandom ??= new NpRandom(0));
}

