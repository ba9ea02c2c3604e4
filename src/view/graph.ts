// Runs anywhere (extension host, graph webview, CLI, tests): the graph view model, the plain data src/graph builds
// from a tape and the webview draws: nodes, edges, groups, a tensor node's summary and arrays, and the answer to
// "explain this gradient". JSON-safe apart from non-finite numbers (the protocol encodes those).

export type NodeKind = "param" | "input" | "const" | "op" | "target" | "group" | "bundle" | "hidden";
/** origin: the value is NaN/±Infinity while every input is finite (where it first appears); flow: inherited. */
export type NonFinite = "origin" | "flow";
/** What the tape noted at a node's forward step, and a gradient that came out NaN or ±Infinity. */
export type NodeWarning = "undefined-derivative" | "non-differentiable" | "non-finite-gradient";
export type GroupKind = "call" | "layer" | "neuron" | "sample" | "loop" | "model";

/** Document offsets [start, end) of the code a node came from. */
export interface ViewRange {
  readonly start: number;
  readonly end: number;
}

/** Most elements one matrix may send to the webview (64 x 64); larger ones say "too large to show". */
export const MAX_MATRIX_CELLS = 4096;
/** The most nodes any view model holds (expand all, after the user confirms): Mermaid itself gives up far beyond. */
export const HARD_MAX_VISIBLE_NODES = 1500;
/** The most edges any view model holds; the webview sets Mermaid's own limit above it. */
export const HARD_MAX_EDGES = 1900;

export interface TensorInfo {
  /** The tensor op's name: "param", "matmul", "tensor" (built from scalar nodes), ... */
  readonly op: string;
  readonly shape: number[];
  readonly size: number;
  /** The first few values (row-major). */
  readonly head: number[];
  /** Smallest and largest finite values (NaN when there is none). */
  readonly min: number;
  readonly max: number;
  /** ‖gradient‖₂ (0 when backward did not reach it; NaN/Infinity when an element is). */
  readonly gradNorm: number;
  /** Whether backward reached this tensor. */
  readonly hasGrad: boolean;
  /** First non-finite element of the value, or -1. */
  readonly firstNonFinite: number;
  /** First non-finite element of the gradient, or -1. */
  readonly gradNonFinite: number;
  /** Full arrays for the heat map, row-major; absent when the matrix is over MAX_MATRIX_CELLS or the model's budget. */
  readonly values?: number[];
  readonly grads?: number[];
  /** Why the arrays are absent. */
  readonly omitted?: "large" | "budget";
}

export interface ViewNode {
  /** Mermaid id, made from our counters only: n<tape id>, g<group id>, b<k>, h0. */
  readonly id: string;
  readonly kind: NodeKind;
  /** Tape node, or for a folded group its output node, or -1. */
  readonly tapeId: number;
  /** The folded group this node stands for, or -1. */
  readonly groupId: number;
  /** The innermost (expanded) group this node sits in, or -1: what "collapse" on this node folds. */
  readonly parentGroup: number;
  /** Name, operator or group label: raw user text, escaped only when emitted. */
  readonly title: string;
  readonly value: number;
  readonly grad: number;
  /** How many tape nodes this node stands for. */
  readonly size: number;
  /** For a folded group: how many of its nodes are read from outside (value and grad are the last one's). */
  readonly outputs: number;
  readonly nonFinite?: NonFinite;
  /** Derivative conventions that applied here (absent when none did). */
  readonly warnings?: readonly NodeWarning[];
  /** The program's own autograd gave this gradient, which differs from the true one in `grad` (absent otherwise). */
  readonly claimed?: number;
  readonly range?: ViewRange;
  /** True when this node is, or (folded) contains, the target. */
  readonly isTarget: boolean;
  /**
   * For a tensor node (or a folded group whose output is one): shape, summary and heat-map arrays. Then value is
   * the element of a one-element tensor, else NaN, and grad its gradient, else ‖grad‖₂ (so shading still works).
   */
  readonly tensor?: TensorInfo;
}

export interface ViewEdge {
  readonly from: string;
  readonly to: string;
  /** ∂to/∂from along this one tape edge; NaN when the edge stands for several (folded) tape edges. */
  readonly local: number;
  /** Tape edges this edge stands for. */
  readonly count: number;
  /** Tape edge index when count is 1, else -1. */
  readonly tapeEdge: number;
  /** Shape of what flows along the edge when its source is a tensor node (count 1 only); drawn instead of local. */
  readonly shape?: number[];
  /** No gradient flows along this edge (into detach, a comparison, argmax): drawn dotted, as a cut. */
  readonly cut?: boolean;
}

export interface ViewGroup {
  readonly id: number;
  readonly kind: GroupKind;
  readonly label: string;
  readonly parent: number;
  /** Tape nodes of this group (and its subgroups) that the target depends on. */
  readonly size: number;
  readonly folded: boolean;
  readonly containsTarget: boolean;
}

export interface ViewModel {
  readonly target: number;
  readonly nodes: ViewNode[];
  readonly edges: ViewEdge[];
  /** Only groups with members the target depends on. */
  readonly groups: ViewGroup[];
  /** Tape nodes the target depends on (itself included). */
  readonly totalNodes: number;
  readonly totalEdges: number;
  /** Tape nodes neither shown nor inside a shown folded group or bundle (the hidden placeholder counts them). */
  readonly hiddenNodes: number;
  /** Edges left out to stay under maxEdges. */
  readonly droppedEdges: number;
  readonly maxVisibleNodes: number;
}

export interface GradientPath {
  /** Tape nodes from the target down to the node. */
  readonly nodes: number[];
  /** Tape edge indices along the path, one per step (x * x gives two paths through different edges). */
  readonly edges: number[];
  readonly locals: number[];
  readonly product: number;
}

/** Every path from the target down to a node, with the product of local derivatives along each. */
export interface Explanation {
  readonly target: number;
  readonly node: number;
  readonly paths: GradientPath[];
  /** Sum of the listed paths' products: the gradient when nothing was left out. */
  readonly sum: number;
  /** The gradient the tape holds, for comparison. */
  readonly grad: number;
  /** Number of paths in all (a float: it can be astronomically large). */
  readonly pathCount: number;
  readonly truncated: boolean;
  /** Some path runs through tensor ops: their local derivatives are Jacobians, so products are not numbers (NaN). */
  readonly throughTensors: boolean;
}

/** What a warning means, for hovers. */
export function warningText(w: NodeWarning): string {
  switch (w) {
    case "undefined-derivative": return "derivative undefined here (reported as 0)";
    case "non-differentiable": return "not differentiable here (a kink or a tie: one-sided derivatives differ; the op's convention picks one, as PyTorch)";
    case "non-finite-gradient": return "gradient NaN or Infinity here (a local derivative on the way from the target is not finite)";
  }
}

/** Rows and columns of a heat map: a vector is one row, a scalar one cell. */
export function gridOf(shape: readonly number[]): { rows: number; cols: number } {
  if (shape.length === 0) return { rows: 1, cols: 1 };
  const cols = shape[shape.length - 1];
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  return { rows, cols };
}
