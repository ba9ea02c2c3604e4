// Runs anywhere (extension host, CLI, tests): op codes of the tensor tape. A separate numbering from the scalar
// tape's Op, so a later merge can map both into one graph without either renumbering.

export const TOp = {
  Const: 0,
  Input: 1,
  Param: 2,
  MatMul: 3,
  Transpose: 4,
  /** Elementwise binaries broadcast rows and columns ([n,m] with [1,m], [n,1] or a scalar). */
  Add: 5,
  Sub: 6,
  Mul: 7,
  Div: 8,
  Neg: 9,
  Exp: 10,
  Log: 11,
  Tanh: 12,
  Sigmoid: 13,
  Relu: 14,
  /** x ** k with k constant (in aux). */
  PowConst: 15,
  /** aux = axis: -1 for all elements, 0 or 1 keeps that axis with length 1. */
  Sum: 16,
  Mean: 17,
  Reshape: 18,
  /** x[i] along the first axis (aux = i). */
  Row: 19,
  /** A tensor whose elements are scalar-tape nodes (the bridge from scalars into tensors; see ../tensors.ts). */
  Scalars: 20,
} as const;
export type TOpCode = (typeof TOp)[keyof typeof TOp];

export const TOP_COUNT = 21;

/** Short label for views and messages, indexed by op code. */
export const tOpName: readonly string[] = [
  "const", "input", "param", "matmul", "transpose", "add", "sub", "mul", "div", "neg", "exp", "log", "tanh",
  "sigmoid", "relu", "pow", "sum", "mean", "reshape", "row", "tensor",
];

/** Leaves have no tensor inputs (Scalars' inputs live on the scalar tape). */
export function isTensorLeaf(op: number): boolean {
  return op <= TOp.Param || op === TOp.Scalars;
}
