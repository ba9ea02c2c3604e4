// Runs anywhere: arithmetic and comparisons on values. Two constants fold to a constant (no node); anything
// involving a graph value records a node at the current source range.
import type { Span } from "./tree";
import type { Interp } from "./interp";
import { pyArith, pyCompare, pyNegate } from "./py-arith";
import { asNumber, matmul, tensorArith, tensorNegate } from "./tensors";
import type { ArithOp, CompareOp } from "./tree";
import { Num, Tensor, isNumber, typeName, type Value } from "./values";

export type { ArithOp, CompareOp };

function need(ip: Interp, v: Value, op: string, site: Span): number | Num {
  if (isNumber(v)) return v;
  throw ip.error(`\`${op}\` needs numbers, got ${typeName(v)}`, site);
}

export function arith(ip: Interp, op: ArithOp, a: Value, b: Value, site: Span): Value {
  if (ip.lang === "py") return pyArith(ip, op, a, b, site);
  return numericArith(ip, op, a, b, site);
}

/** Arithmetic on numbers and tensors (and JavaScript's `+` on strings). */
export function numericArith(ip: Interp, op: ArithOp, a: Value, b: Value, site: Span): Value {
  if (op === "+" && (typeof a === "string" || typeof b === "string")) return concat(ip, a, b, site);
  if (op === "@") return matmul(ip, a, b, site);
  if (a instanceof Tensor || b instanceof Tensor) return tensorArith(ip, op === "mod" ? "%" : op === "//" ? "/" : op, a, b, site);
  const x = need(ip, a, op, site), y = need(ip, b, op, site);
  if (typeof x === "number" && typeof y === "number") {
    switch (op) {
      case "+": return x + y;
      case "-": return x - y;
      case "*": return x * y;
      case "/": return x / y;
      case "%": return x % y;
      case "**": return x ** y;
      case "mod": return pyDivmod(x, y)[1];
      case "//": return pyDivmod(x, y)[0];
    }
  }
  // Floor division has no derivative: its value is a constant.
  if (op === "//") return pyDivmod(ip.plain(x), ip.plain(y))[0];
  ip.at(site);
  const t = ip.tape;
  if (op === "**" && typeof y === "number") return ip.num(t.powConst(ip.node(x), y));
  const nx = ip.node(x), ny = ip.node(y);
  switch (op) {
    // Python's `a % b` is a - b * floor(a / b): d/da 1, d/db -floor(a / b).
    case "mod": return ip.num(t.sub(nx, t.mul(ny, t.const(pyDivmod(x instanceof Num ? x.value : x, y instanceof Num ? y.value : y)[0]))));
    case "+": return ip.num(t.add(nx, ny));
    case "-": return ip.num(t.sub(nx, ny));
    case "*": return ip.num(t.mul(nx, ny));
    case "/": return ip.num(t.div(nx, ny));
    case "%": return ip.num(t.mod(nx, ny));
    case "**": {
      const out = t.pow(nx, ny);
      if (x instanceof Num ? x.value <= 0 : x <= 0) {
        ip.warn("d(a ** b)/db is undefined for a <= 0: that edge is reported as 0", site);
      }
      return ip.num(out);
    }
  }
}

/** Python's `divmod` of floats as CPython computes it (fmod-based: `1 // 0.1` is 9.0, `1 % 0.1` is 0.0999…). */
export function pyDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else mod = y < 0 ? -0 : 0;
  let floor: number;
  if (div !== 0) {
    floor = Math.floor(div);
    if (div - floor > 0.5) floor += 1;
  } else floor = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  return [floor, mod];
}

export function negate(ip: Interp, v: Value, site: Span): Value {
  if (ip.lang === "py") {
    const r = pyNegate(ip, v, site);
    if (r !== undefined) return r;
  }
  if (v instanceof Tensor) return tensorNegate(ip, v, site);
  const x = need(ip, v, "-", site);
  if (typeof x === "number") return -x;
  ip.at(site);
  return ip.num(ip.tape.neg(ip.node(x)));
}

/** a + b with a string: counted before it is made, so doubling a string stops at the element bound. */
function concat(ip: Interp, a: Value, b: Value, site: Span): string {
  const x = text(ip, a, site), y = text(ip, b, site);
  ip.allocate(x.length + y.length, site);
  return x + y;
}

function scalarText(v: Value): string {
  if (v instanceof Num) return String(v.value);
  return typeof v === "object" && v !== null ? `[${typeName(v)}]` : String(v);
}

/**
 * A value as `+` with a string shows it: an array's elements joined with commas, nested arrays flattened, as in
 * JavaScript (an array inside itself shows as ""). A loop, not recursion (arrays nest as deep as a loop makes them),
 * built in chunks and counted as it goes, a batch ahead: an array shared 2^60 times over stops at the step bound.
 */
function text(ip: Interp, v: Value, site: Span): string {
  if (typeof v === "string") return v;
  if (!Array.isArray(v)) return scalarText(v);
  const chunks: string[] = [], open = new Set<Value[]>([v]), stack: { arr: Value[]; i: number }[] = [{ arr: v, i: 0 }];
  let chunk = "", room = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.arr.length) {
      open.delete(top.arr);
      stack.pop();
      continue;
    }
    if (room <= 0) {
      // Each element visited is a step and its characters are elements; both checked a batch ahead.
      ip.spend(TEXT_BATCH, site);
      ip.allocate(TEXT_BATCH, site);
      room = TEXT_BATCH;
      chunks.push(chunk);
      chunk = "";
    }
    const x = top.arr[top.i++];
    if (top.i > 1) chunk += ",";
    room--;
    if (Array.isArray(x)) {
      if (!open.has(x)) {
        open.add(x);
        stack.push({ arr: x, i: 0 });
      }
      continue;
    }
    const s = scalarText(x);
    if (s.length > room) {
      ip.allocate(s.length, site);
      room += s.length;
    }
    chunk += s;
    room -= s.length;
  }
  chunks.push(chunk);
  return chunks.join("");
}

const TEXT_BATCH = 4096;

export function compare(ip: Interp, op: CompareOp, a0: Value, b0: Value, site: Span): boolean {
  if (ip.lang === "py") return pyCompare(ip, op, a0, b0, site);
  return numericCompare(ip, op, a0, b0, site);
}

/** Comparisons of numbers and strings (TypeScript's; Python's numbers too). */
export function numericCompare(ip: Interp, op: CompareOp, a0: Value, b0: Value, site: Span): boolean {
  const a = asNumber(ip, a0), b = asNumber(ip, b0);
  if (a instanceof Tensor || b instanceof Tensor) {
    throw ip.error(`\`${op}\` compares numbers, not tensors (use \`a.gt(0)\` / \`a.lt(0)\` for an elementwise mask)`, site);
  }
  if (op === "===" || op === "==" || op === "!==" || op === "!=") {
    const eq = isNumber(a) && isNumber(b) ? ip.plain(a) === ip.plain(b)
      : (op === "==" || op === "!=") && a == null && b == null ? true : a === b;
    return op === "===" || op === "==" ? eq : !eq;
  }
  let x: number | string, y: number | string;
  if (typeof a === "string" && typeof b === "string") {
    x = a;
    y = b;
  } else {
    x = ip.plain(need(ip, a, op, site));
    y = ip.plain(need(ip, b, op, site));
  }
  switch (op) {
    case "<": return x < y;
    case "<=": return x <= y;
    case ">": return x > y;
    case ">=": return x >= y;
    default: throw ip.error(`operator \`${op}\` is not supported here`, site);
  }
}
