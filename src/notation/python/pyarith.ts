// Runs anywhere: Python's `//`, `%` and `**` on ints and floats, value for value as CPython 3.11 computes them
// (Objects/floatobject.c, longobject.c): the remainder takes the divisor's sign, a float `//` is CPython's snapped
// quotient of fmod (so `1 // 0.1` is 9.0, not 10.0), an int `**` with a negative exponent is a float, and zero
// divisors, `0.0 ** -1` and a negative base to a fractional power raise as Python does. Numbers are JavaScript
// numbers: ints are exact up to 2^53.
import { pow } from "./libm";

/** What CPython raises (ZeroDivisionError, OverflowError, or a complex result GradLens does not have). */
export class PyArithError extends Error {
  constructor(message: string, readonly kind: "ZeroDivisionError" | "ValueError" | "OverflowError") {
    super(message);
  }
}

/** CPython's _float_div_mod: fmod (exact, as JavaScript's %), the remainder moved to the divisor's sign, the quotient snapped. */
function floatDivMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx, div = (vx - mod) / wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** Exact floor division and modulo of two ints (|a|, |b| < 2^53). */
function intDivMod(a: number, b: number): [number, number] {
  if (Math.abs(a) > 2 ** 52 || Math.abs(b) > 2 ** 52) {
    const A = BigInt(a), B = BigInt(b);
    let q = A / B, r = A % B;
    if (r !== 0n && (r < 0n) !== (B < 0n)) {
      q -= 1n;
      r += B;
    }
    return [Number(q), Number(r)];
  }
  let q = Math.floor(a / b), r = a - q * b; // q·b is exact here, so r is
  while (r !== 0 && (r < 0) !== (b < 0)) { q -= 1; r += b; }
  while (b > 0 ? r >= b : r <= b) { q += 1; r -= b; }
  return [q + 0, r + 0];
}

/** `a // b`: ints when both are ints. */
export function pyFloorDiv(a: number, b: number, bothInt: boolean): number {
  if (b === 0) throw new PyArithError(bothInt ? "integer division or modulo by zero" : "float floor division by zero", "ZeroDivisionError");
  return bothInt ? intDivMod(a, b)[0] : floatDivMod(a, b)[0];
}

/** `a % b`: the sign of b. */
export function pyMod(a: number, b: number, bothInt: boolean): number {
  if (b === 0) throw new PyArithError(bothInt ? "integer division or modulo by zero" : "float modulo", "ZeroDivisionError");
  return bothInt ? intDivMod(a, b)[1] : floatDivMod(a, b)[1];
}

/** `a / b`: always a float. */
export function pyTrueDiv(a: number, b: number, bothInt: boolean): number {
  if (b === 0) throw new PyArithError(bothInt ? "division by zero" : "float division by zero", "ZeroDivisionError");
  return a / b;
}

/**
 * `a ** b`. With both ints and b ≥ 0 the result is an int (exact while below 2^53; `isInt` says which it is); any
 * other pair is C's pow on floats, correctly rounded, with CPython's errors.
 */
export function pyPow(a: number, b: number, bothInt: boolean): { value: number; isInt: boolean } {
  if (bothInt && b >= 0) {
    const bits = Math.abs(a) <= 1 ? 0 : b * Math.log2(Math.abs(a));
    if (bits < 53) return { value: Math.pow(a, b), isInt: true }; // exact: a safe integer result
    if (bits > 1100) return { value: a < 0 && b % 2 === 1 ? -Infinity : Infinity, isInt: true }; // past any double
    return { value: Number(BigInt(a) ** BigInt(b)), isInt: true }; // the exact int, rounded once
  }
  // CPython's float_pow: nan and infinite exponents first, then a zero base, then a negative one
  if (a === 0 && b < 0 && Number.isFinite(b)) throw new PyArithError("0.0 cannot be raised to a negative power", "ZeroDivisionError");
  if (a < 0 && Number.isFinite(a) && Number.isFinite(b) && !Number.isInteger(b)) {
    throw new PyArithError("a negative number to a fractional power is a complex number", "ValueError");
  }
  const value = pow(a, b);
  if (!Number.isFinite(value) && Number.isFinite(a) && Number.isFinite(b) && a !== 0) {
    throw new PyArithError("(34, 'Numerical result out of range')", "OverflowError");
  }
  return { value, isInt: false };
}
