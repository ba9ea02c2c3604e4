// Runs anywhere: Python's text of values: `str` and `repr` (ints without `.0`, floats as CPython prints them, a
// class's `__str__`/`__repr__` called), format specs (`f"{x:.3f}"`), truthiness and `print` into the run's output.
import { ClassFn, Instance, instanceMember } from "./classes";
import type { Interp } from "./interp";
import { PyFormatError, formatSpec, pyRepr as numberRepr } from "./python/pyformat";
import { PyDict, constant, isFloat, isTuple, pyTypeName } from "./py-values";
import type { Span } from "./tree";
import { asNumber } from "./tensors";
import { Fn, Num, Obj, Tensor, isNumber, type Value } from "./values";

/** Python's truthiness of a non-number: empty containers and strings are false. */
export function pyTruthy(ip: Interp, v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyDict) return v.props.size > 0;
  if (v instanceof Instance) {
    const len = instanceMember(v, "__len__");
    if (len instanceof Fn) return ip.truthy(len.call(ip, [], ip.current ?? ip.program, v));
  }
  return true;
}

/** Elements a container's text shows, at most (a huge list prints its start). */
const MAX_SHOWN = 10_000;

/** `repr(v)`. */
export function pyRepr(ip: Interp, v: Value, site: Span): string {
  return text(ip, v, site, true, 0);
}

/** `str(v)`. */
export function pyStr(ip: Interp, v: Value, site: Span): string {
  return text(ip, v, site, false, 0);
}

function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t").replace(/\r/g, "\\r");
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

function text(ip: Interp, v: Value, site: Span, repr: boolean, depth: number): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return repr ? quote(v) : v;
  if (isNumber(v)) return numberRepr(v instanceof Num ? v.value : v, !isFloat(v));
  if (depth > 50) return "...";
  ip.spend(1, site);
  if (Array.isArray(v)) {
    const items = v.slice(0, MAX_SHOWN).map((x) => text(ip, x, site, true, depth + 1));
    if (v.length > MAX_SHOWN) items.push("...");
    if (isTuple(v)) return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
    return `[${items.join(", ")}]`;
  }
  if (v instanceof PyDict) {
    const items = [...v.keys].map(([key, k]) => `${text(ip, k, site, true, depth + 1)}: ${text(ip, v.props.get(key), site, true, depth + 1)}`);
    return `{${items.join(", ")}}`;
  }
  if (v instanceof Instance) {
    const m = (!repr ? v.cls.method("__str__") : undefined) ?? v.cls.method("__repr__");
    if (m !== undefined) {
      const s = m.call(ip, [], site, v);
      if (typeof s !== "string") throw ip.error(`__${repr ? "repr" : "str"}__ returned non-string (type ${pyTypeName(s)})`, site);
      return s;
    }
    return `<__main__.${v.cls.name} object>`;
  }
  if (v instanceof ClassFn) return `<class '__main__.${v.name}'>`;
  if (v instanceof Fn) return `<function ${v.name || "<lambda>"}>`;
  if (v instanceof Tensor) return tensorText(v);
  if (v instanceof Obj) return `{${[...v.props].map(([k, x]) => `${quote(k)}: ${text(ip, x, site, true, depth + 1)}`).join(", ")}}`;
  return String(v);
}

/** A tensor as NumPy prints an array: `[1. 2.5]`, rows on their own lines. */
function tensorText(t: Tensor): string {
  const data = t.tape.tensorValue(t.node), shape = t.shape;
  const el = (x: number): string => {
    const s = numberRepr(Number(x.toPrecision(8)), false);
    return s.endsWith(".0") ? s.slice(0, -1) : s;
  };
  if (shape.length === 0) return numberRepr(data[0], false); // a NumPy scalar prints as a float
  if (shape.length === 1) return `[${Array.from(data, el).join(" ")}]`;
  const [r, c] = [shape[0], data.length / shape[0]], rows: string[] = [];
  for (let i = 0; i < r; i++) rows.push(`[${Array.from(data.subarray(i * c, (i + 1) * c), el).join(" ")}]`);
  return `[${rows.join("\n ")}]`;
}

/** `format(v, spec)` and an f-string's `{v:spec}` / `{v!r}`. */
export function pyFormat(ip: Interp, v: Value, spec: string | undefined, conversion: "r" | "s" | "a" | undefined, site: Span): string {
  if (conversion === "r" || conversion === "a") v = pyRepr(ip, v, site);
  else if (conversion === "s") v = pyStr(ip, v, site);
  if (spec === undefined || spec === "") return pyStr(ip, v, site);
  if (v instanceof Instance) {
    const f = v.cls.method("__format__");
    if (f !== undefined) return String(f.call(ip, [spec], site, v));
    v = pyStr(ip, v, site);
  }
  if (typeof v === "boolean") v = v ? 1 : 0;
  if (v instanceof Tensor && v.size === 1) v = asNumber(ip, v);
  if (!isNumber(v) && typeof v !== "string") throw ip.error(`unsupported format string passed to ${pyTypeName(v)}.__format__`, site);
  try {
    return formatSpec(typeof v === "string" ? v : constant(ip, v), typeof v !== "string" && !isFloat(v), spec);
  } catch (e) {
    if (e instanceof PyFormatError || e instanceof RangeError) throw ip.error(e.message, site);
    throw e;
  }
}

/** `print(*values, sep=" ", end="\n")`: the text goes to the run's output, one entry per line. */
export function print(ip: Interp, values: Value[], sep: string, end: string, site: Span): void {
  const s = values.map((v) => pyStr(ip, v, site)).join(sep) + end;
  ip.allocate(s.length, site);
  const out = ip.output;
  // A line still open (`end=""`) is continued by the next print.
  const open = ip.openLine;
  const lines = s.split("\n");
  if (open && out.length > 0) out[out.length - 1] += lines.shift() as string;
  const closed = s.endsWith("\n");
  if (closed) lines.pop();
  out.push(...lines);
  ip.openLine = !closed;
}
