// Runs in tsserver (the GradLens TypeScript server plugin) and in tests: `builtins.d.ts` for `.nn.ts` files,
// generated from the notation's runtime globals (installGlobals), so the interpreter and the declarations are one
// table and cannot drift. Types here only shape what TypeScript accepts; the interpreter checks real arguments.
import { installGlobals } from "../notation/builtins";
import { ClassFn } from "../notation/classes";
import { Scope, type Interp } from "../notation/interp";
import { Namespace } from "../notation/members";
import { UNARY_NAMES } from "../notation/mathfns";
import { TENSOR_MEMBERS } from "../notation/tensor-members";
import { Builtin, type Value } from "../notation/values";

const ACT = `"sigmoid" | "tanh" | "relu"`;
const FN = "(...args: any[]) => any";
const POINT = "number | readonly number[]";
const T = "GradLensTensor";
const DIMS = "...shape: (number | readonly number[])[]";

/** Shared types the signatures below use. */
const PRELUDE = `interface GradLensMlpOptions { activation?: ${ACT}; output?: ${ACT} | "linear"; seed?: number; init?: "uniform01" | "uniform" | "normal" | "xavier" }
interface GradLensModel { (xs: readonly number[]): any; (...xs: number[]): any; parameters(): number[] }
interface GradLensTrainOptions { lr?: number; steps?: number; method?: "backprop" | "finite-difference"; eps?: number; optimizer?: "sgd" | "momentum" | "adam" }
interface GradLensCheckOptions { eps?: number; atol?: number; rtol?: number }
interface GradLensModule { (...args: any[]): any; args: any[]; out: any; forward(...args: any[]): any; backward(): any }
interface GradLensModuleClass { new (...args: any[]): GradLensModule; readonly prototype: GradLensModule }
interface GradLensGradcheckOptions extends GradLensCheckOptions { targets?: readonly any[]; loss?: ${FN}; lr?: number }
interface GradLensDataOptions { noise?: number; seed?: number; factor?: number; classes?: number; centers?: number | readonly (readonly [number, number])[]; std?: number }
type GradLensTensor = any;`;
// GradLensTensor is \`any\` on purpose: TypeScript cannot type operator overloading, so \`a * b\` or \`1 - out\` on a
// tensor object would be an error; the interpreter checks shapes and reports them with positions instead. For the
// same reason arithmetic on tensors has type \`number\` to TypeScript, so Number also gets the tensor members below.
// Module is a constructor whose instances have a call signature (a `class` cannot declare one), so
// `class Lin extends Module {…}` instances are callable, `lin(x)`, as the interpreter allows.

/** Signatures where the arity alone says too little (parameter lists after the name). */
const SIGNATURES: Record<string, string[]> = {
  param: ["(value: number, name?: string): number", `(value: ${T}, name?: string): ${T}`],
  seed: ["(n: number): void"],
  rand: ["(lo?: number, hi?: number): number", `(shape: readonly number[]): ${T}`],
  randn: ["(mean?: number, std?: number): number", `(shape: readonly number[]): ${T}`],
  mlp: ["(sizes: readonly number[], options?: GradLensMlpOptions): GradLensModel"],
  sse: [`(pred: ${POINT}, target: ${POINT}): number`, `(pred: ${T}, target: ${T}): ${T}`],
  mse: [`(pred: ${POINT}, target: ${POINT}): number`, `(pred: ${T}, target: ${T}): ${T}`],
  bce: [`(pred: ${POINT}, target: ${POINT}): number`, `(pred: ${T}, target: ${T}): ${T}`],
  train: ["(options: GradLensTrainOptions): void"],
  gradcheck: [
    `(f: ${FN}, at: ${POINT}, options?: GradLensCheckOptions): boolean`,
    `(f: ${FN}, df: ${FN}, at: ${POINT}, options?: GradLensCheckOptions): boolean`,
    `(model: object, inputs: readonly any[], options?: GradLensGradcheckOptions): boolean`,
  ],
  tensor: [`(x: number | readonly number[] | readonly (readonly number[])[] | ${T}): ${T}`],
  matmul: [`(a: ${T}, b: ${T}): ${T}`],
  transpose: [`(a: ${T}): ${T}`],
  sum: [`(a: ${T}, axis?: number): ${T}`],
  mean: [`(a: ${T}, axis?: number): ${T}`],
  reshape: [`(a: ${T}, ${DIMS}): ${T}`],
  zeros: [`(${DIMS}): ${T}`],
  ones: [`(${DIMS}): ${T}`],
  pow: ["(a: number, b: number): number"],
  power: ["(a: number, b: number): number"],
  load: ["(path: string): any"],
  max: ["(...xs: any[]): any"],
  min: ["(...xs: any[]): any"],
  clamp: [`(x: any, lo?: number | ${T} | null, hi?: number | ${T} | null): any`],
  clip: [`(x: any, lo?: number | ${T} | null, hi?: number | ${T} | null): any`],
  where: ["(cond: any, a: any, b: any): any"],
  softmax: [`(t: any, axis?: number): ${T}`],
  logSoftmax: [`(t: any, axis?: number): ${T}`],
  log_softmax: [`(t: any, axis?: number): ${T}`],
  argmax: [`(t: any, axis?: number): ${T}`],
  logsumexp: [`(t: any, axis?: number): ${T}`],
  amax: [`(t: any, axis?: number): ${T}`],
  amin: [`(t: any, axis?: number): ${T}`],
  crossEntropy: [`(logits: any, labels: any): ${T}`],
  cross_entropy: [`(logits: any, labels: any): ${T}`],
  nll: [`(logProbs: any, labels: any): ${T}`],
  nll_loss: [`(logProbs: any, labels: any): ${T}`],
};

const DATA = [
  "(n: number, options?: GradLensDataOptions & { tensors?: false }): (readonly [number, number, number])[]",
  `(n: number, options: GradLensDataOptions & { tensors: true }): [${T}, ${T}]`,
];
for (const k of ["moons", "circles", "spirals", "blobs"]) SIGNATURES[k] = DATA;

/** Members of the torch and np namespaces whose spelling differs from the globals' (`torch.randn(2, 3)`). */
const NAMESPACE_SIGNATURES: Record<string, string[]> = {
  randn: [`(${DIMS}): ${T}`],
  rand: [`(${DIMS}): ${T}`],
  array: SIGNATURES.tensor,
  mm: SIGNATURES.matmul,
  dot: SIGNATURES.matmul,
  t: SIGNATURES.transpose,
};

/** Globals the standard library already declares (Math is augmented instead). */
const FROM_LIB = new Set(["Infinity", "NaN", "undefined", "Math"]);

function signatures(name: string, v: Builtin, inNamespace = false): string[] {
  const known = (inNamespace ? NAMESPACE_SIGNATURES[name] : undefined) ?? SIGNATURES[name];
  if (known !== undefined) return known;
  const names = ["x", "y", "z", "w"];
  const params = Array.from({ length: Math.min(v.maxArgs, 4) }, (_, i) => `${names[i]}${i >= v.minArgs ? "?" : ""}: number`);
  return [`(${params.join(", ")}): number`];
}

function typeOf(v: Value): string {
  if (typeof v === "number") return "number";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "boolean";
  if (Array.isArray(v)) {
    const row = v[0];
    if (Array.isArray(row)) return `readonly (readonly [${row.map(() => "number").join(", ")}])[]`;
    return "readonly number[]";
  }
  return "unknown";
}

/** One declaration per runtime global: `function name(...)`, `const name: T`, or a namespace object. */
function declarations(globals: Map<string, Value>, prefix: "declare" | "export"): string[] {
  const out: string[] = [];
  for (const [name, v] of globals) {
    if (FROM_LIB.has(name)) continue;
    if (v instanceof Builtin) for (const s of signatures(name, v)) out.push(`${prefix} function ${name}${s};`);
    else if (v instanceof ClassFn) out.push(`${prefix} const ${name}: GradLensModuleClass;`);
    else if (v instanceof Namespace) {
      const members = [...v.props].map(([k, m]) => (m instanceof Builtin ? signatures(k, m, true).map((s) => `${k}${s};`).join(" ") : `readonly ${k}: ${typeOf(m)};`));
      out.push(`${prefix} const ${name}: { ${members.join(" ")} };`);
    } else out.push(`${prefix} const ${name}: ${typeOf(v)};`);
  }
  return out;
}

/** The runtime globals, as a fresh evaluation installs them. */
export function runtimeGlobals(): Map<string, Value> {
  const global = new Scope(undefined, true);
  // installGlobals only declares into ip.global; nothing else of an interpreter is touched.
  installGlobals({ global } as unknown as Interp);
  return new Map([...global.vars].map(([k, b]) => [k, b.value]));
}

let cached: string | undefined;

/** The text of builtins.d.ts. */
export function builtinsDts(): string {
  if (cached !== undefined) return cached;
  const globals = runtimeGlobals();
  const math = globals.get("Math");
  const extraMath = math instanceof Namespace ? [...math.props.keys()].filter((k) => !["exp", "log", "sqrt", "sin", "cos", "tan", "tanh", "abs", "pow", "E", "PI"].includes(k)) : [];
  const numberMethods = [...UNARY_NAMES].map((n) => `${n}(): number;`).concat("pow(k: number): number;");
  // Tensor members on Number too: TypeScript types `a - b` on tensors as number (see GradLensTensor).
  const taken = new Set([...UNARY_NAMES, "pow"]);
  const tensorMembers = [...TENSOR_MEMBERS].filter((n) => !taken.has(n)).map((n) => `readonly ${n}: any;`);
  cached = [
    "// Generated by GradLens from its runtime built-ins (src/notation/builtins.ts). Do not edit.",
    PRELUDE,
    ...declarations(globals, "declare"),
    `interface Math { ${extraMath.map((k) => `${k}(x: number): number;`).join(" ")} }`,
    `interface Number { ${[...numberMethods, ...tensorMembers].join(" ")} }`,
    `declare module "gradlens" {`,
    ...declarations(globals, "export").map((l) => `  ${l}`),
    "}",
    "",
  ].join("\n");
  return cached;
}
