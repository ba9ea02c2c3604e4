// Runs on Node (bench/hover.ts, bench/evaluator.ts): the 300-line `.nn.ts` file the hover benchmarks answer in.

/** A 300-line file: 100 params, a 150-step chain, a forward function called once per XOR row, the loss. */
export function bigFile(): string {
  const lines = ["// bench: a 300-line .nn.ts file", "seed(3);"];
  for (let i = 0; i < 100; i++) lines.push(`const a${i} = param(rand(-1, 1));`);
  lines.push("let h0 = a0;");
  for (let i = 1; i < 150; i++) lines.push(`const h${i} = tanh(a${i % 100} * ${i === 1 ? "h0" : `h${i - 1}`} + a${(i + 7) % 100});`);
  lines.push("function forward(p: number, q: number): number {");
  for (let i = 0; i < 40; i++) lines.push(`  const z${i} = sigmoid(p * a${i} + q * a${i + 50} + ${i === 0 ? "h149" : `z${i - 1}`} * a${(i + 3) % 100});`);
  lines.push("  return z39;", "}");
  lines.push("let loss = 0;");
  lines.push("for (const [p, q, y] of XOR) loss += (forward(p, q) - y) ** 2;");
  while (lines.length < 300) lines.push("// padding");
  return lines.join("\n") + "\n";
}
