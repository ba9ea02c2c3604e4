// Runs anywhere: what an entry of the op table (ops/index.ts) holds, and the tape as its kernels see it.
import type { Shape } from "../tensor/shape";

/** The tape's arrays a scalar kernel reads and writes. */
export interface KernelTape {
  val: Float64Array;
  in: Int32Array;
  local: Float64Array;
  start: Int32Array;
  aux: Float64Array;
  flags: Uint8Array;
  /** Value buffer of tensor node i (live: replay overwrites it in place). */
  tensorValue(i: number): Float64Array;
}

/**
 * Computes scalar node i in place from its inputs' values: its value, the local derivative ∂node/∂input of each of
 * its edges (the graph draws them; backward multiplies by them), and its flags. Returns i.
 */
export type Kernel = (t: KernelTape, i: number) => number;

/** The tape as a tensor op sees it during recording, replay and backward. */
export interface OpTape extends KernelTape {
  /** Scalar gradients (a tensor built from scalars passes gradients to its elements there). */
  grad: Float64Array;
  /** Shape of node i ([] for a scalar node). */
  shape(i: number): Shape;
  /** Node i's gradient buffer in the current sweep, zeroed on first use, or undefined when no input or param reaches i. */
  gradOf(i: number): Float64Array | undefined;
  /** Node i's gradient buffer in the current sweep, zeroed on first use, whether or not it needs one. */
  gradBuffer(i: number): Float64Array;
}

/** How an op acts on tensors. Inputs are tensor nodes (the tape lifts a scalar input into a rank-0 tensor first). */
export interface TensorRule {
  /**
   * The result's shape from the inputs' shapes, aux and (reshape, tensor) the requested shape; throws a RangeError
   * naming the op and the shapes. Shapes are arrays of any length: the table does not fix the rank.
   */
  shape(inputs: readonly Shape[], aux: number, to: readonly number[] | undefined): Shape;
  /**
   * The element operations one forward run costs, from the inputs' shapes and the result's (a budget checks it
   * before the op allocates or runs): an elementwise op its result's size, a matmul n·k·m, a reduction its input's.
   */
  cost(inputs: readonly Shape[], out: Shape): number;
  /** Computes tensor node i's value buffer from its inputs' (recording and replay). */
  forward(t: OpTape, i: number): void;
  /** The vector-Jacobian product: adds node i's gradient g, through the op, into its inputs' gradients. */
  vjp(t: OpTape, i: number, g: Float64Array): void;
}

/** One op, defined once: an entry of the op table. */
export interface OpDef {
  readonly code: number;
  /** Name as the notation, messages and JSON spell it. */
  readonly name: string;
  /** Short label for the graph view. */
  readonly symbol: string;
  /** Number of inputs; -1 for any number (sum, linear, tensor from scalars). */
  readonly arity: number;
  /** The op on scalar nodes; absent for tensor-only ops. */
  readonly kernel?: Kernel;
  /** The op on tensors; absent for scalar-only ops. */
  readonly tensor?: TensorRule;
  /** Backward step of a scalar node whose gradient does not flow along its edges' local derivatives (item). */
  readonly pull?: (t: OpTape, i: number, g: number) => void;
  /** No gradient flows through the op to any input (comparisons, argmax, detach): its tensor nodes need none. */
  readonly noGrad?: boolean;
  /** The convention at the op's non-differentiable points (kinks, ties), for nodes flagged NonDifferentiable. */
  readonly kink?: string;
}

/** An entry whose scalar kernel the tape calls directly when recording (one call site per op, so V8 inlines it). */
export interface ScalarOpDef extends OpDef {
  readonly kernel: Kernel;
}
