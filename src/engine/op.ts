// Runs anywhere (extension host, CLI, tests): the op codes of the tape's nodes, scalar and tensor alike, and the node
// flags. What each op computes (name, symbol, kernels, derivative, shape rule) is its entry in the table, ops/.

/**
 * Op codes. Leaves first; every other op reads its inputs from the tape's edge list. A node is a tensor when it has
 * a tensor slot (tape.isTensor): `Add` on two scalars is a scalar node, on a tensor a tensor node.
 */
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
  /** n-ary sum of scalars. */
  Sum: 21,
  /** b + Σ w_k x_k; edges laid out w0, x0, w1, x1, ..., b. One node per neuron keeps big MLPs cheap. */
  Linear: 22,
  /** A tensor whose elements are the scalar nodes on its edges (row-major); scalars enter tensors through it. */
  FromScalars: 23,
  /** Element aux (row-major) of the tensor node on its one edge, as a scalar; tensors leave through it. */
  Item: 24,
  MatMul: 25,
  Transpose: 26,
  /** Sum of a tensor's elements: aux = axis, -1 for all of them. */
  ReduceSum: 27,
  /** Mean of a tensor's elements: aux = axis, -1 for all of them. */
  Mean: 28,
  Reshape: 29,
  /** a[aux] along the first axis. */
  Row: 30,
} as const;
export type OpCode = (typeof Op)[keyof typeof Op];

export const OP_COUNT = 31;

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
