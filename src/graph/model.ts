// Runs anywhere (extension host, CLI, tests): the graph view model (src/view/graph.ts) from a tape and a target: the
// nodes the target depends on, with kinds, values, gradients and local derivatives, grouped by the tape's groups and
// folded to a budget.
import { Flag, Op } from "../engine/op";
import { noGrad, opSymbol } from "../engine/ops";
import { closeEnough, GRADCHECK_ATOL, GRADCHECK_RTOL } from "../engine/gradcheck";
import type { Tape } from "../engine/tape";
import {
  HARD_MAX_EDGES, HARD_MAX_VISIBLE_NODES, type NodeWarning, type NonFinite, type TensorInfo, type ViewGroup, type ViewModel,
  type ViewNode,
} from "../view/graph";
import { chooseFolding, type FoldInput } from "./fold";
import { layout, type Unit } from "./layout";
import { isTensorNode, leafKind, MAX_MODEL_CELLS, tensorInfo, tensorTitle, valueFinite } from "./tensor";

export interface ModelOptions {
  /** Never more visible nodes than this. Mermaid costs about 6 ms a node here, so 120 keeps a render under 1 s. */
  maxVisibleNodes?: number;
  /** Never more edges than this (the webview raises Mermaid's own limit above it). */
  maxEdges?: number;
  /** Groups to show folded. Undefined: fold automatically to fit the budget. */
  folded?: Iterable<number>;
  /** A program's own autograd: its gradient of a node's number, by tape node (drawn where it differs). */
  claims?: ReadonlyMap<number, number>;
}

export const DEFAULT_MAX_VISIBLE_NODES = 120;
/** Mermaid lays out every labelled edge as an extra node, so edges cost about what nodes do. */
export const DEFAULT_MAX_EDGES = 150;

/** Ancestors of target (itself included), as a mark per tape node. Iterative, since the tape is topological. */
export function ancestors(tape: Tape, target: number): Uint8Array {
  if (!(target >= 0 && target < tape.n)) throw new RangeError(`graph: no node ${target} on the tape`);
  const mark = new Uint8Array(tape.n);
  mark[target] = 1;
  const { start, in: inp } = tape;
  for (let i = target; i >= 0; i--) {
    if (!mark[i]) continue;
    for (let k = start[i], e = start[i + 1]; k < e; k++) mark[inp[k]] = 1;
  }
  return mark;
}

export function nodeKind(tape: Tape, i: number): "param" | "input" | "const" | "op" {
  return leafKind(tape, i);
}

/** What a single tape node is called in the graph: its name, else its operator (with the exponent for ^k). */
export function nodeTitle(tape: Tape, i: number): string {
  if (isTensorNode(tape, i)) return tensorTitle(tape, i);
  const name = tape.names.get(i);
  const op = tape.op[i];
  const sym = op === Op.PowConst ? `^${tape.aux[i]}` : opSymbol[op] ?? `op${op}`;
  if (name === undefined) return sym;
  return op <= Op.Param ? name : `${name} = ${sym}`;
}

/** NaN/Infinity marks: origin where a non-finite value appears from finite inputs, flow where it is inherited. */
function nonFiniteOf(tape: Tape, i: number, info?: TensorInfo): NonFinite | undefined {
  const finite = info ? info.firstNonFinite < 0 : Number.isFinite(tape.val[i]);
  if (finite && gradFinite(tape, i, info)) return undefined;
  for (let k = tape.start[i], e = tape.start[i + 1]; k < e; k++) {
    if (!valueFinite(tape, tape.in[k])) return "flow";
  }
  return finite ? "flow" : "origin";
}

/**
 * Tensor summaries for the units that stand for a tensor node, keyed by tape id. Arrays go to params first, then
 * inputs, the target, ops and constants, until the model's budget is spent (the posted message stays small).
 */
function tensorInfos(tape: Tape, units: Unit[], target: number): Map<number, TensorInfo> {
  const ids = units.flatMap((u) => (u.kind === "node" ? [u.tapeId] : []));
  const rank = (i: number) => {
    const k = leafKind(tape, i);
    return k === "param" ? 0 : k === "input" ? 1 : i === target ? 2 : k === "op" ? 3 : 4;
  };
  const order = ids.filter((i) => isTensorNode(tape, i)).sort((a, b) => rank(a) - rank(b) || a - b);
  const out = new Map<number, TensorInfo>();
  let budget = MAX_MODEL_CELLS;
  for (const i of order) {
    const info = tensorInfo(tape, i, budget);
    if (info.values) budget -= info.values.length + (info.grads?.length ?? 0);
    out.set(i, info);
  }
  // A folded group's output gets its summary for the label; its arrays never show (a click expands the group).
  for (const u of units) if (u.kind === "group" && isTensorNode(tape, u.tapeId)) out.set(u.tapeId, tensorInfo(tape, u.tapeId, 0));
  return out;
}

/** Value and grad fields of a tensor node: the element itself when there is one, else NaN and ‖grad‖₂. */
function tensorNumbers(tape: Tape, i: number, info: TensorInfo): { value: number; grad: number } {
  if (info.size !== 1) return { value: NaN, grad: info.gradNorm };
  return { value: tape.tensorValue(i)[0], grad: info.hasGrad ? tape.tensorGradient(i)[0] : 0 };
}

/** The view model: ancestors of target, grouped and folded to the budget. Gradients are whatever backward left. */
export function buildViewModel(tape: Tape, target: number, opts: ModelOptions = {}): ViewModel {
  const budget = Math.max(2, Math.min(HARD_MAX_VISIBLE_NODES, Math.floor(opts.maxVisibleNodes ?? DEFAULT_MAX_VISIBLE_NODES)));
  const maxEdges = Math.max(1, Math.min(HARD_MAX_EDGES, Math.floor(opts.maxEdges ?? DEFAULT_MAX_EDGES)));
  const mark = ancestors(tape, target);
  const members: number[] = [];
  for (let i = 0; i <= target; i++) if (mark[i]) members.push(i);

  const input: FoldInput = { tape, target, members, mark, budget, maxEdges };
  const folded = opts.folded === undefined ? chooseFolding(input) : new Set(opts.folded);
  const lay = layout(input, folded);

  const infos = tape.hasTensors ? tensorInfos(tape, lay.units, target) : undefined;
  const nodes: ViewNode[] = [];
  let roots: Int32Array | undefined;
  for (const u of lay.units) {
    if (u.kind === "node") {
      const i = u.tapeId;
      const isTarget = i === target;
      const info = infos?.get(i);
      const { value: v, grad: g } = info ? tensorNumbers(tape, i, info) : { value: tape.val[i], grad: tape.grad[i] };
      const range = tape.source(i);
      nodes.push({
        id: `n${i}`, kind: isTarget ? "target" : nodeKind(tape, i), tapeId: i, groupId: -1, parentGroup: tape.group[i], title: nodeTitle(tape, i),
        value: v, grad: g, size: 1, outputs: 1, nonFinite: nonFiniteOf(tape, i, info), ...warningsOf(tape.flags[i], !gradFinite(tape, i, info)), range, isTarget,
        ...(info ? { tensor: info } : {}), ...claimOf(opts.claims?.get(i), g),
      });
    } else if (u.kind === "group") {
      const gr = tape.groups[u.groupId];
      const out = u.tapeId;
      // Prefix the outermost enclosing sample or call, so L1.N0 of XOR[1] and of XOR[2] differ.
      const top = (roots ??= outermostGroups(tape))[u.groupId];
      const repeated = top >= 0 && tape.groups[top].kind !== "model";
      const title = repeated ? `${tape.groups[top].label} › ${gr.label}` : gr.label;
      const info = infos?.get(out);
      const { value: v, grad: g } = info ? tensorNumbers(tape, out, info) : { value: tape.val[out], grad: tape.grad[out] };
      nodes.push({
        id: `g${u.groupId}`, kind: "group", tapeId: out, groupId: u.groupId, parentGroup: gr.parent, title,
        value: v, grad: g, size: u.size, outputs: u.outputs, nonFinite: u.nonFinite ? "flow" : undefined,
        ...warningsOf(u.flags, !gradFinite(tape, out, info)), range: u.range, isTarget: u.isTarget, ...(info ? { tensor: info } : {}),
      });
    } else if (u.kind === "bundle") {
      nodes.push({
        id: `b${u.index}`, kind: "bundle", tapeId: -1, groupId: -1, parentGroup: -1, title: `${u.size} ${u.title}`,
        value: NaN, grad: NaN, size: u.size, outputs: 0, isTarget: false,
      });
    } else {
      nodes.push({
        id: "h0", kind: "hidden", tapeId: -1, groupId: -1, parentGroup: -1, title: `${u.size} more nodes not shown`,
        value: NaN, grad: NaN, size: u.size, outputs: 0, isTarget: false,
      });
    }
  }

  const groups: ViewGroup[] = [];
  for (let gid = 0; gid < tape.groups.length; gid++) {
    const size = lay.groupSize[gid];
    if (!size) continue;
    const gr = tape.groups[gid];
    groups.push({
      id: gid, kind: gr.kind, label: gr.label, parent: gr.parent, size, folded: folded.has(gid),
      containsTarget: lay.targetChain.has(gid),
    });
  }

  // A tensor edge has no scalar local derivative: it carries its source's shape instead. No gradient flows along an
  // edge into detach, a comparison or argmax: it is drawn as a cut.
  const edges = lay.edges.map((e) => {
    if (e.tapeEdge < 0) return e;
    const src = tape.in[e.tapeEdge];
    const shaped = tape.hasTensors && isTensorNode(tape, src) ? { ...e, shape: [...tape.shape(src)] } : e;
    return noGrad[tape.op[inputOf(tape, e.tapeEdge)]] === 1 ? { ...shaped, cut: true } : shaped;
  });
  return {
    target, nodes, edges, groups, totalNodes: members.length, totalEdges: lay.totalEdges,
    hiddenNodes: lay.hiddenNodes, droppedEdges: lay.droppedEdges, maxVisibleNodes: budget,
  };
}

/** The learner's own gradient where it differs from the true one (as a gradient check judges), else nothing. */
function claimOf(claimed: number | undefined, grad: number): { claimed?: number } {
  if (claimed === undefined || closeEnough(claimed, grad, GRADCHECK_ATOL, GRADCHECK_RTOL)) return {};
  return { claimed };
}

/** The node whose input tape edge k is (in[start[i] .. start[i + 1]) are node i's inputs). */
function inputOf(tape: Tape, k: number): number {
  let lo = 0, hi = tape.n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tape.start[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each group, the outermost group enclosing it (-1 for an outermost one); parents come before children. */
function outermostGroups(tape: Tape): Int32Array {
  const top = new Int32Array(tape.groups.length);
  tape.groups.forEach((g, i) => (top[i] = g.parent < 0 ? -1 : top[g.parent] < 0 ? g.parent : top[g.parent]));
  return top;
}

/** Whether backward left a finite gradient on node i (every element, for a tensor). */
function gradFinite(tape: Tape, i: number, info?: TensorInfo): boolean {
  return info ? info.gradNonFinite < 0 : Number.isFinite(tape.grad[i]);
}

/** The node's warnings from the tape's flag bits and its gradient; no field at all when there are none (most nodes). */
function warningsOf(flags: number, gradBad: boolean): { warnings?: NodeWarning[] } {
  if (!flags && !gradBad) return {};
  const warnings: NodeWarning[] = [];
  if (flags & Flag.UndefinedDerivative) warnings.push("undefined-derivative");
  if (flags & Flag.NonDifferentiable) warnings.push("non-differentiable");
  if (gradBad) warnings.push("non-finite-gradient");
  return { warnings };
}
