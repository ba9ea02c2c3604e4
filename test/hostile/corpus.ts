// Runs in the hostile corpus's child processes and in its vitest driver (test/unit/notation/hostile.test.ts): inputs
// a hostile user would try, each with the outcome it must end in. Each is evaluated as a selection (free name `x` =
// 2) and as a document (`const x = 2;` on a line before it, so its error lines are one lower).

export interface HostileInput {
  name: string;
  /** What it attacks. */
  kind: "memory" | "time" | "nesting" | "size";
  text: string;
  /** The value it must evaluate to, or the error it must end in (a pattern of the reason) on `line` of the text. */
  expect: { value: number } | { error: RegExp; line: number };
}

const rep = (n: number, s: string, sep = "") => Array(n).fill(s).join(sep);
const ELEMENTS = /gradlens\.maxElements\)/, OPS = /gradlens\.maxElementOps\)/, NESTED = /^too deeply nested/;

export const corpus: readonly HostileInput[] = [
  // Memory: every one would take gigabytes if it ran to its end.
  { name: "array spread doubling", kind: "memory", text: "let a = [0];\nfor (let i = 0; i < 28; i++) a = [...a, ...a];\na.length * x", expect: { error: ELEMENTS, line: 2 } },
  { name: "push(...a) doubling", kind: "memory", text: "let a = [0];\nfor (let i = 0; i < 28; i++) a.push(...a);\na.length * x", expect: { error: ELEMENTS, line: 2 } },
  { name: "concat doubling", kind: "memory", text: "let a = [0];\nfor (let i = 0; i < 40; i++) a = a.concat(a);\na.length * x", expect: { error: ELEMENTS, line: 2 } },
  { name: "string doubling", kind: "memory", text: "let s = 'ab';\nfor (let i = 0; i < 40; i++) s = s + s;\ns.length * x", expect: { error: ELEMENTS, line: 2 } },
  { name: "template string doubling", kind: "memory", text: "let s = 'ab';\nfor (let i = 0; i < 40; i++) s = `${s}${s}`;\ns.length * x", expect: { error: ELEMENTS, line: 2 } },
  { name: "string of a shared array doubled 60 times", kind: "memory", text: "let a = [1];\nfor (let i = 0; i < 60; i++) a = [a, a];\nconst s = '' + a;\ns.length * x", expect: { error: /gradlens\.max(Steps|Elements)\)/, line: 3 } },
  { name: "zeros([20000, 20000])", kind: "memory", text: "const z = zeros([20000, 20000]);\nsum(z) * x", expect: { error: /^`zeros\(\[20000, 20000\]\)`: 400 M elements is over the 50 M element limit \(gradlens\.maxElements\)$/, line: 1 } },
  { name: "ones, randn, rand, torch.randn of 20000 x 20000", kind: "memory", text: "const a = ones([100, 100]);\nconst b = randn([20000, 20000]);\nconst c = rand([20000, 20000]);\nconst d = torch.randn(20000, 20000);\nsum(a) * x", expect: { error: ELEMENTS, line: 2 } },
  { name: "broadcasting [8000,1] + [1,8000]", kind: "memory", text: "const a = ones([8000, 1]);\nconst b = ones([1, 8000]);\nsum(a + b) * x", expect: { error: /^`a \+ b`: 64 M elements/, line: 3 } },
  { name: "tensor of a 60 M element nested array", kind: "memory", text: "const row = [];\nfor (let i = 0; i < 6000; i++) row.push(i);\nconst rows = [];\nfor (let i = 0; i < 10000; i++) rows.push(row);\nsum(tensor(rows)) * x", expect: { error: ELEMENTS, line: 5 } },
  { name: "param of a 9 M element tensor", kind: "memory", text: "const W = param(zeros([3000, 3000]));\nsum(W) * x", expect: { error: ELEMENTS, line: 1 } },
  { name: "tolist of 25 M elements", kind: "memory", text: "const z = zeros([5000, 5000]);\nconst l = z.tolist();\nl.length * x", expect: { error: ELEMENTS, line: 2 } },
  { name: "mlp([2, 3000, 3000, 1])", kind: "memory", text: "const m = mlp([2, 3000, 3000, 1]);\nm([1, 2]) * x", expect: { error: /^`mlp\(\[2, 3000, 3000, 1\]\)`: 9\.02 M params .*gradlens\.maxNodes\)$/, line: 1 } },
  { name: "moons, spirals of a billion rows (issue 17)", kind: "memory", text: "const a = moons(100);\nconst b = spirals(1000000000, { tensors: true });\na.length * x", expect: { error: ELEMENTS, line: 2 } },
  { name: "rank-3 zeros of 2000 x 2000 x 2000", kind: "memory", text: "const z = torch.zeros(2000, 2000, 2000);\nsum(z) * x", expect: { error: ELEMENTS, line: 1 } },
  { name: "a graph that grows without end", kind: "memory", text: "let s = x;\nfor (;;) s = s * 1.0001 + x;\ns", expect: { error: /gradlens\.maxNodes\)|gradlens\.maxSteps\)/, line: 2 } },
  // Time: each would run for minutes or forever.
  { name: "while (true) {}", kind: "time", text: "let i = 0;\nwhile (true) {}\ni * x", expect: { error: /^step limit reached .*gradlens\.maxSteps\)$/, line: 2 } },
  { name: "matmul of 4000 x 4000", kind: "time", text: "const a = zeros([4000, 4000]);\nconst b = ones([4000, 4000]);\nsum(matmul(a, b)) * x", expect: { error: /^`matmul\(a, b\)`: 64 G element operations is over the 2 G element-operation limit \(gradlens\.maxElementOps\)$/, line: 3 } },
  { name: "matmul in a loop", kind: "time", text: "const a = randn([500, 500]);\nlet s = a;\nfor (let i = 0; i < 1000; i++) s = matmul(s, a) / 25;\nsum(s) * x", expect: { error: OPS, line: 3 } },
  { name: "elementwise tensor ops in a loop", kind: "time", text: "const a = ones([1000, 1000]);\nlet s = a;\nfor (let i = 0; i < 100000; i++) s = s * 0.5 + a;\nsum(s) * x", expect: { error: /gradlens\.max(Elements|ElementOps)\)/, line: 3 } },
  { name: "runaway recursion", kind: "time", text: "function f(n) { return f(n + 1) + 1; }\nf(0) * x", expect: { error: /^call depth limit reached \(1000 nested calls; see gradlens\.maxCallDepth\)$/, line: 1 } },
  { name: "exponential recursion", kind: "time", text: "function f(n) { return n <= 0 ? x : f(n - 1) + f(n - 1); }\nf(40)", expect: { error: /gradlens\.max(Steps|Nodes)\)/, line: 1 } },
  { name: "gradient checks without end", kind: "time", text: "const f = (v) => v * v;\nfor (;;) gradcheck(f, 3);\nx", expect: { error: /gradlens\.max(Steps|Elements)\)/, line: 2 } },
  // Nesting: TypeScript's parser and any recursive walk would overflow the stack.
  { name: "-(-(-…x)) 10,000 deep", kind: "nesting", text: `let y = 1;\n${rep(10_000, "-(")}x${rep(10_000, ")")}`, expect: { error: NESTED, line: 2 } },
  { name: "((((x)))) 10,000 deep", kind: "nesting", text: `let y = 1;\n${rep(10_000, "(")}x${rep(10_000, ")")}`, expect: { error: NESTED, line: 2 } },
  { name: "[[[[x]]]] 10,000 deep", kind: "nesting", text: `let y = 1;\n${rep(10_000, "[")}x${rep(10_000, "]")}.length`, expect: { error: NESTED, line: 2 } },
  { name: "{a: {a: …}} 10,000 deep", kind: "nesting", text: `let y = 1;\n${rep(10_000, "({a:")}x${rep(10_000, "})")}.a`, expect: { error: NESTED, line: 2 } },
  { name: "x => x => … 10,000 deep", kind: "nesting", text: `let y = 1;\n${rep(10_000, "(v) => ")}x`, expect: { error: NESTED, line: 2 } },
  { name: "a.b.b.b… 10,000 long", kind: "nesting", text: `const o = { b: 1 };\no${rep(10_000, ".b")} * x`, expect: { error: /^too deeply nested|^cannot read/, line: 2 } },
  { name: "10,000 chained if / else if", kind: "nesting", text: `let y = 0;\n${Array.from({ length: 10_000 }, (_, i) => `if (x === ${i}) y = ${i};`).join(" else ")}\ny`, expect: { error: NESTED, line: 2 } },
  { name: "an array nested 100,000 deep at run time, passed to a call", kind: "nesting", text: "let a = [1];\nfor (let i = 0; i < 100000; i++) a = [a];\nfunction f(v) { return 1; }\nf(a) * x", expect: { value: 2 } },
  // Size: long but flat input works.
  { name: "a 10,000-term sum", kind: "size", text: rep(10_000, "x", " + "), expect: { value: 20_000 } },
  { name: "a 50,000-term sum", kind: "size", text: rep(50_000, "x", " + "), expect: { value: 100_000 } },
  { name: "a 10,000-term product", kind: "size", text: rep(10_000, "(x - 1)", " * "), expect: { value: 1 } },
  { name: "a 10,000-term chain of && and ||", kind: "size", text: `(${rep(10_000, "x", " && ")}) * (${rep(10_000, "0", " || ")} || x)`, expect: { value: 4 } },
  { name: "10,000 statements", kind: "size", text: `${Array.from({ length: 10_000 }, (_, i) => `let v${i} = x * ${i};`).join("\n")}\nv9999`, expect: { value: 19_998 } },
];
