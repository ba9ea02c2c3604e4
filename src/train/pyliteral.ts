// Runs anywhere: numbers as Python writes them, for values written back into a `.nn.py` file: a float's repr
// (`0.5`, `2.0`, `1e-05`, `1.5e+20`), so the file reads as Python wrote it.

/** Python's repr of a float: the shortest digits that read back the same, fixed from 1e-4 up to 1e16, else exponent. */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "-float('inf')";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const sign = v < 0 ? "-" : "";
  // toExponential() with no digit count gives the shortest round-tripping digits, as repr does.
  const [mantissa, e] = Math.abs(v).toExponential().split("e");
  const digits = mantissa.replace(".", ""), exp = Number(e);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.slice(0, exp + 1).padEnd(exp + 1, "0")}.${digits.slice(exp + 1) || "0"}`;
}
