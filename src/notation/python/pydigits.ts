// Runs anywhere: the decimal digits of a double as CPython writes them. A double is m·2^e exactly, so its decimal
// expansion is finite: every rounding here (format precisions, `round(x, n)`) is half-even on that exact value,
// as CPython's dtoa does (`f"{2.675:.2f}"` is 2.67 because 2.675 is really 2.67499999…; 0.125 → 0.12 is a true
// tie). Shortest round-trip digits (repr) come from JavaScript, which picks the same digits as CPython.

/** A finite non-negative double as an exact decimal: value = digits · 10^exp (digits without leading zeros). */
export interface Exact {
  digits: bigint;
  exp: number;
}

export function exactDecimal(x: number): Exact {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0), lo = view.getUint32(4), bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2 = -1074;
  if (bexp !== 0) {
    mant |= 1n << 52n;
    e2 = bexp - 1075;
  }
  if (e2 >= 0) return { digits: mant << BigInt(e2), exp: 0 };
  return { digits: mant * 5n ** BigInt(-e2), exp: e2 }; // m / 2^k = m·5^k / 10^k
}

/** The integer N nearest to value / 10^at, ties to even: the digits kept when the last one sits at 10^at. */
export function roundAt(v: Exact, at: number): bigint {
  if (at <= v.exp) return v.digits * 10n ** BigInt(v.exp - at);
  const unit = 10n ** BigInt(at - v.exp), q = v.digits / unit, r = v.digits % unit, twice = 2n * r;
  return twice > unit || (twice === unit && q % 2n === 1n) ? q + 1n : q;
}

/** Decimal exponent of the leading digit (x = d.ddd · 10^E); 0 for zero. */
function leadExp(v: Exact): number {
  return v.digits === 0n ? 0 : v.digits.toString().length - 1 + v.exp;
}

/** `prec + 1` significant digits, rounded, and the exponent of the first: what 'e' format needs. */
export function significant(x: number, prec: number): { digits: string; exp: number } {
  const v = exactDecimal(x);
  let e = leadExp(v), n = roundAt(v, e - prec);
  if (n.toString().length > prec + 1) { // 9.99… rounded up to 10.0…
    e += 1;
    n /= 10n;
  }
  return { digits: n.toString().padStart(prec + 1, "0"), exp: e };
}

/** Fixed-point digits of |x| with `prec` places after the point, rounded half-even on the exact value. */
export function fixed(x: number, prec: number): string {
  const s = roundAt(exactDecimal(x), -prec).toString().padStart(prec + 1, "0");
  return prec === 0 ? s : `${s.slice(0, s.length - prec)}.${s.slice(s.length - prec)}`;
}

/** Shortest round-trip digits of |x| (finite, non-zero) and the exponent of the first digit. */
export function shortest(x: number): { digits: string; exp: number } {
  const [mant, e] = Math.abs(x).toExponential().split("e");
  return { digits: mant.replace(".", ""), exp: Number(e) };
}

/** Digits with the point after the first, and a CPython exponent (`e+05`, `e-10`, `e+100`). */
export function expForm(digits: string, exp: number, keepPoint: boolean, upper = false): string {
  const mant = digits.length > 1 || keepPoint ? `${digits[0]}.${digits.slice(1)}` : digits;
  const sign = exp < 0 ? "-" : "+";
  return `${mant}${upper ? "E" : "e"}${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/** Digits placed around the point at exponent `exp` without an exponent; `minFrac` digits after the point at least. */
export function fixedForm(digits: string, exp: number, minFrac: number, keepPoint: boolean): string {
  let int: string, frac: string;
  if (exp < 0) {
    int = "0";
    frac = "0".repeat(-exp - 1) + digits;
  } else {
    const d = digits.padEnd(exp + 1, "0");
    int = d.slice(0, exp + 1);
    frac = d.slice(exp + 1);
  }
  frac = frac.padEnd(minFrac, "0");
  return frac !== "" || keepPoint ? `${int}.${frac}` : int;
}

/** Python's repr of a float: shortest digits, an exponent when it is below -4 or at least 16, `.0` on integers. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (!Number.isFinite(x)) return `${sign}inf`;
  if (x === 0) return `${sign}0.0`;
  const { digits, exp } = shortest(x);
  return sign + (exp < -4 || exp >= 16 ? expForm(digits, exp, false) : fixedForm(digits, exp, 1, true));
}

/** Python's repr (and str) of an int or a float. */
export function pyRepr(x: number, isInt: boolean): string {
  if (isInt && Number.isFinite(x)) return BigInt(Math.trunc(x)).toString();
  return floatRepr(x);
}

export const pyStr = pyRepr;

/**
 * Python's `round(x)` (no ndigits: half-even to an int) and `round(x, n)` (a float for floats, an int for ints,
 * rounded half-even on the exact value as CPython does).
 */
export function pyRound(x: number, isInt: boolean, ndigits?: number): number {
  if (!Number.isFinite(x)) {
    if (ndigits === undefined) throw new RangeError(Number.isNaN(x) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
    return x;
  }
  const n = ndigits ?? 0;
  if (isInt && n >= 0) return x;
  if (ndigits !== undefined && !isInt && n > 323) return x;
  if (n < -308) return !isInt && (x < 0 || Object.is(x, -0)) ? -0 : 0;
  const r = roundAt(exactDecimal(x), -n);
  const neg = x < 0 || Object.is(x, -0);
  const text = `${neg ? "-" : ""}${r.toString()}e${-n}`;
  const out = Number(text);
  return ndigits === undefined || isInt ? out + 0 : out; // ints have no -0
}
