// Runs on both sides (extension host and graph webview): the check of a graph view model arriving in a message
// (or restored from the webview's saved state): every field the webview reads, and ids that are our own counters.
import type {
  Explanation, GradientPath, GroupKind, NodeKind, NodeWarning, TensorInfo, ViewEdge, ViewGroup, ViewModel, ViewNode,
  ViewRange,
} from "../view/graph";
import { arrayOf, isBoolean, isInt, isNumber, isString, matches, object, oneOf, optional, type Check } from "./check";

/** n<tape id>, g<group id>, b<k>, h0: what the webview may write unescaped into Mermaid text. */
const viewId = matches(/^[ngbh]\d+$/);
const numbers = arrayOf(isNumber);
const ints = arrayOf(isInt);

export const isViewRange: Check<ViewRange> = object<ViewRange>({ start: isInt, end: isInt });

const isTensorInfo: Check<TensorInfo> = object<TensorInfo>({
  op: isString, shape: ints, size: isInt, head: numbers, min: isNumber, max: isNumber, gradNorm: isNumber,
  hasGrad: isBoolean, firstNonFinite: isInt, gradNonFinite: isInt, values: optional(numbers), grads: optional(numbers),
  omitted: optional(oneOf(["large", "budget"] as const)),
});

const isViewNode: Check<ViewNode> = object<ViewNode>({
  id: viewId, kind: oneOf<NodeKind>(["param", "input", "const", "op", "target", "group", "bundle", "hidden"]),
  tapeId: isInt, groupId: isInt, parentGroup: isInt, title: isString, value: isNumber, grad: isNumber, size: isInt,
  outputs: isInt, nonFinite: optional(oneOf(["origin", "flow"] as const)),
  warnings: optional(arrayOf(oneOf<NodeWarning>(["undefined-derivative", "non-differentiable", "non-finite-gradient"]))),
  range: optional(isViewRange), isTarget: isBoolean, tensor: optional(isTensorInfo), claimed: optional(isNumber),
});

const isViewEdge: Check<ViewEdge> = object<ViewEdge>({
  from: viewId, to: viewId, local: isNumber, count: isInt, tapeEdge: isInt, shape: optional(ints), cut: optional(isBoolean),
});

const isViewGroup: Check<ViewGroup> = object<ViewGroup>({
  id: isInt, kind: oneOf<GroupKind>(["call", "layer", "neuron", "sample", "loop", "model"]), label: isString,
  parent: isInt, size: isInt, folded: isBoolean, containsTarget: isBoolean,
});

export const isViewModel: Check<ViewModel> = object<ViewModel>({
  target: isInt, nodes: arrayOf(isViewNode), edges: arrayOf(isViewEdge), groups: arrayOf(isViewGroup),
  totalNodes: isInt, totalEdges: isInt, hiddenNodes: isInt, droppedEdges: isInt, maxVisibleNodes: isInt,
});

const isGradientPath: Check<GradientPath> = object<GradientPath>({ nodes: ints, edges: ints, locals: numbers, product: isNumber });

export const isExplanation: Check<Explanation> = object<Explanation>({
  target: isInt, node: isInt, paths: arrayOf(isGradientPath), sum: isNumber, grad: isNumber, pathCount: isNumber,
  truncated: isBoolean, throughTensors: isBoolean,
});
