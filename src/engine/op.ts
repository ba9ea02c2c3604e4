// Runs anywhere (extension host, CLI, tests): op codes of the tape and how the graph view names them.

/** Op codes. Leaves first; every other op reads its inputs from the tape's edge list. */
export const Op = {
  Const: 0,
  Input: 1,
  Param: 2,
  Add: 3,
  Sub: 4,
  Mul: 5,
  Div: 6,
  Neg: 7,
  /** a ** b with a variable exponent: two edges. */
  Pow: 8,
  /** a ** k with a constant exponent (kept in aux): one edge, none to the exponent. */
  PowConst: 9,
  Exp: 10,
  Log: 11,
  Sqrt: 12,
  Sin: 13,
  Cos: 14,
  Tan: 15,
  Tanh: 16,
  Sigmoid: 17,
  Relu: 18,
  Abs: 19,
  Mod: 20,
  /** n-ary sum. */
  Sum: 21,
  /** b + Σ w_k x_k; edges laid out w0, x0, w1, x1, ..., b. One node per neuron keeps big MLPs cheap. */
  Linear: 22,
  /** A tensor node: aux is its id in tape.tensors.store, which holds its shape, value and gradient arrays. */
  Tensor: 23,
  /** Element aux (row-major) of the tensor node on its one edge, as a scalar. */
  Item: 24,
} as const;
export type OpCode = (typeof Op)[keyof typeof Op];

export const OP_COUNT = 25;

/** Short label for the graph view. */
export const opSymbol: readonly string[] = [
  "const", "input", "param", "+", "−", "×", "÷", "neg", "^", "^", "exp", "log", "sqrt", "sin", "cos", "tan",
  "tanh", "sigmoid", "relu", "abs", "%", "Σ", "Σw·x+b", "tensor", "item",
];

/** Name as the notation spells it (for messages, JSON, the CLI). */
export const opName: readonly string[] = [
  "const", "input", "param", "add", "sub", "mul", "div", "neg", "pow", "pow", "exp", "log", "sqrt", "sin", "cos",
  "tan", "tanh", "sigmoid", "relu", "abs", "mod", "sum", "linear", "tensor", "item",
];

export function isLeaf(op: number): boolean {
  return op <= Op.Param;
}

/** Smallest normal double: gradients below it are flushed to zero, because subnormal arithmetic is ~8x slower. */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** Node flags, set at forward time. */
export const Flag = {
  /** d(a ** b)/db with a <= 0: undefined, reported as 0. */
  UndefinedDerivative: 1,
  /** relu or abs exactly at 0: the one-sided derivatives differ; the convention picks 0. */
  NonDifferentiable: 2,
} as const;
