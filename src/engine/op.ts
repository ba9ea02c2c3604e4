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
  /** n-ary max of scalars; maximum(a, b) of tensors, with broadcasting. Ties split the gradient equally. */
  Max: 31,
  /** n-ary min of scalars; minimum(a, b) of tensors, with broadcasting. Ties split the gradient equally. */
  Min: 32,
  /** clamp(x, lo, hi): three edges (x, lo, hi), with broadcasting on tensors. */
  Clamp: 33,
  /** where(cond, a, b): a where cond is non-zero, else b; three edges, none of the gradient to cond. */
  Where: 34,
  /** x for x > 0, else slope·x; slope in aux. */
  LeakyRelu: 35,
  /** x Φ(x), the exact erf form. */
  Gelu: 36,
  /** ln(1 + e^x), computed stably. */
  Softplus: 37,
  /** Comparisons: 1 where a > b (<, >=, <=), else 0; no gradient. */
  Gt: 38,
  Lt: 39,
  Ge: 40,
  Le: 41,
  /** Max of a tensor's elements, all (aux -1) or along axis aux kept with length 1; gradient to the first maximum. */
  ReduceMax: 42,
  /** Min, as ReduceMax. */
  ReduceMin: 43,
  /** Index of the first maximum, all (flat, aux -1) or along axis aux kept with length 1; no gradient. */
  ArgMax: 44,
  /** ln Σ e^x, all (aux -1) or along axis aux kept with length 1, shifted by the max. */
  LogSumExp: 45,
  /** Softmax along axis aux (-1: the whole tensor). */
  Softmax: 46,
  /** ln softmax along axis aux (-1: the whole tensor). */
  LogSoftmax: 47,
  /** Mean over rows of -ln softmax(logits)[i, label_i]: edges logits [n, c] and labels [n]; no gradient to labels. */
  CrossEntropy: 48,
  /** Mean over rows of -logProbs[i, label_i]: edges logProbs [n, c] and labels [n]; no gradient to labels. */
  Nll: 49,
  /** The same value, no gradient through it: the graph draws the cut. */
  Detach: 50,
} as const;
export type OpCode = (typeof Op)[keyof typeof Op];

export const OP_COUNT = 51;

export function isLeaf(op: number): boolean {
  return op <= Op.Param;
}

/** Smallest normal double: gradients below it are flushed to zero, because subnormal arithmetic is ~8x slower. */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** Node flags, set at forward time. */
export const Flag = {
  /** d(a ** b)/db with a <= 0: undefined, reported as 0. */
  UndefinedDerivative: 1,
  /**
   * A kink or a tie (relu, abs or leakyRelu at 0, max or min at a tie, clamp at a bound): the one-sided derivatives
   * differ and the op's convention picks one (its entry's `kink` says which).
   */
  NonDifferentiable: 2,
} as const;
