// Runs anywhere: `train({...})` (checked and recorded, not run) and `gradcheck(f, at, opts)` /
// `gradcheck(f, df, at, opts)`, run through the engine's gradient check on scratch tapes.
import type { Span } from "./tree";
import { checkDerivative, gradcheck, type GradcheckReport, type Tape } from "../engine";
import { backcheck, backcheckOptions } from "./backcheck";
import { Instance } from "./classes";
import type { Interp } from "./interp";
import { Closure } from "./calls";
import { Fn, Num, Obj, isNumber, typeName, type Value } from "./values";

const TRAIN_KEYS = new Set(["lr", "steps", "method", "eps", "optimizer", "batch"]);

function option(ip: Interp, o: Obj, key: string, site: Span, positive: boolean, integer = false): number | undefined {
  const v = o.props.get(key);
  if (v === undefined) return undefined;
  const x = isNumber(v) ? ip.plain(v) : NaN;
  if (!isNumber(v) || !Number.isFinite(x) || (positive && x <= 0) || (integer && !Number.isInteger(x))) {
    const want = integer ? "a positive integer" : positive ? "a positive number" : "a number";
    throw ip.error(`\`${key}\` must be ${want}, got ${isNumber(v) ? x : typeName(v)}`, site);
  }
  return x;
}

function choice<T extends string>(ip: Interp, o: Obj, key: string, allowed: readonly T[], site: Span): T | undefined {
  const v = o.props.get(key);
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    throw ip.error(`\`${key}\` must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`, site);
  }
  return v as T;
}

function batchOption(batch: number | undefined): { batch?: number } {
  return batch === undefined ? {} : { batch };
}

export function train(ip: Interp, args: Value[], site: Span): Value {
  const o = args[0];
  if (!(o instanceof Obj)) throw ip.error(`\`train\` expects an options object, got ${typeName(o)}`, site);
  for (const k of o.props.keys()) if (!TRAIN_KEYS.has(k)) throw ip.error(`unknown \`train\` option \`${k}\` (lr, steps, method, eps, optimizer, batch)`, site);
  ip.train = {
    lr: option(ip, o, "lr", site, true) ?? 1,
    steps: option(ip, o, "steps", site, true, true) ?? 2000,
    method: choice(ip, o, "method", ["backprop", "finite-difference"] as const, site) ?? "backprop",
    eps: option(ip, o, "eps", site, true),
    optimizer: choice(ip, o, "optimizer", ["sgd", "momentum", "adam"] as const, site) ?? "sgd",
    ...batchOption(option(ip, o, "batch", site, true, true)),
    start: site.start,
    end: site.end,
  };
  return undefined;
}

function points(ip: Interp, v: Value, site: Span): { at: number[]; scalar: boolean } {
  if (isNumber(v)) return { at: [ip.plain(v)], scalar: true };
  if (Array.isArray(v) && v.length > 0 && v.every(isNumber)) return { at: v.map((x) => ip.plain(x as number | Num)), scalar: false };
  throw ip.error(`\`gradcheck\` needs a point: a number or an array of numbers, got ${typeName(v)}`, site);
}

/** Call f on the given tape (restoring the interpreter's state after), with inputs as one value or spread. */
function invoke(ip: Interp, f: Fn, tape: Tape, xs: Value[], scalar: boolean, site: Span): Value {
  const spread = scalar || (f instanceof Closure ? f.arity === xs.length && xs.length > 1 : xs.length > 1);
  return ip.onScratch(tape, () => f.call(ip, spread ? xs : [xs], site));
}

function numberOut(ip: Interp, v: Value, what: string, site: Span): number | Num {
  if (!isNumber(v)) throw ip.error(`\`gradcheck\`: ${what} must return a number, got ${typeName(v)}`, site);
  return v;
}

export function runGradcheck(ip: Interp, args: Value[], site: Span): Value {
  const [f, second] = args;
  if (f instanceof Instance) {
    if (args.length > 3) throw ip.error("`gradcheck` of a model expects (model, inputs, options?)", site);
    const inputs = second === undefined ? [] : Array.isArray(second) ? second : [second];
    const o = args[2];
    const opts = backcheckOptions(ip, o, (k) => (o instanceof Obj ? option(ip, o, k, site, true) : undefined), site);
    return ip.runChecks ? backcheck(ip, f, inputs, opts, site) : true;
  }
  if (!(f instanceof Fn)) throw ip.error(`\`gradcheck\` expects a function or a model first, got ${typeName(f)}`, site);
  const df = second instanceof Fn ? second : undefined;
  const rest = df ? args.slice(2) : args.slice(1);
  if (rest.length < 1 || rest.length > 2) throw ip.error("`gradcheck` expects (f, at, options?) or (f, df, at, options?)", site);
  const { at, scalar } = points(ip, rest[0], site);
  const o = rest[1];
  if (o !== undefined && !(o instanceof Obj)) throw ip.error(`\`gradcheck\` options must be an object, got ${typeName(o)}`, site);
  for (const k of o?.props.keys() ?? []) if (!["eps", "atol", "rtol"].includes(k)) throw ip.error(`unknown \`gradcheck\` option \`${k}\` (eps, atol, rtol)`, site);
  const opts = o ? { eps: option(ip, o, "eps", site, true), atol: option(ip, o, "atol", site, false), rtol: option(ip, o, "rtol", site, false) } : {};
  const names = at.map((_, i) => paramName(f, i, scalar) ?? (scalar ? "x" : `x[${i}]`));
  if (!ip.runChecks) return true;
  const scratch = ip.scratchTape();
  // The numeric side re-interprets f at each point (not a replay), so branches on values are honoured too.
  const plainF = (x: number[]): number => {
    ip.poll(site);
    scratch.clear();
    const out = numberOut(ip, invoke(ip, f, scratch, x, scalar, site), "f", site);
    return typeof out === "number" ? out : out.value;
  };
  let report: GradcheckReport;
  if (df) {
    report = checkDerivative(plainF, (x) => {
      scratch.clear();
      const d = invoke(ip, df, scratch, x, scalar, site);
      if (isNumber(d)) return [typeof d === "number" ? d : d.value];
      if (Array.isArray(d) && d.length === x.length && d.every(isNumber)) return d.map((v) => (typeof v === "number" ? v : (v as Num).value));
      throw ip.error(`\`gradcheck\`: df must return ${x.length === 1 ? "a number" : `${x.length} numbers`}, got ${typeName(d)}`, site);
    }, at, { ...opts, names });
  } else {
    report = gradcheck((tape, inputs) => {
      const out = numberOut(ip, invoke(ip, f, tape, inputs.map((id) => new Num(tape, id)), scalar, site), "f", site);
      return typeof out === "number" ? tape.const(out) : out.tape === tape ? out.node : tape.const(out.value);
    }, at, { ...opts, names, numeric: plainF });
  }
  return ip.recordCheck(site, df ? "derivative" : "gradient", report.rows);
}

function paramName(f: Fn, i: number, scalar: boolean): string | undefined {
  if (!(f instanceof Closure)) return undefined;
  const ps = f.decl.params;
  const p = scalar || ps.length > 1 ? ps[i] : undefined;
  return p && p.target.kind === "name" ? p.target.name : undefined;
}
