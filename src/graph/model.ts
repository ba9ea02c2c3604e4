// Runs anywhere (extension host, CLI, tests): the graph view model. From a tape and a target, the nodes the target
// depends on, with kinds, values, gradients and local derivatives, grouped by the tape's groups and folded to a
// budget. Plain data (JSON-safe apart from non-finite numbers), so it can be posted to the webview.
import { Flag, Op } from "../engine/op";
import { opSymbol } from "../engine/ops";
import type { GroupKind, SourceRange, Tape } from "../engine/tape";
import { chooseFolding, layout, type FoldInput, type Unit } from "./fold";
import { isTensorNode, leafKind, MAX_MODEL_CELLS, tensorInfo, tensorTitle, valueFinite, type TensorInfo } from "./tensor";

export type NodeKind = "param" | "input" | "const" | "op" | "target" | "group" | "bundle" | "hidden";
/** origin: the value is NaN/±Infinity while every input is finite (where it first appears); flow: inherited. */
export type NonFinite = "origin" | "flow";

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
  /** Flag bits of the tape node (undefined derivative, non-differentiable point). */
  readonly flags: number;
  readonly range?: SourceRange;
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

export interface ModelOptions {
  /** Never more visible nodes than this. Mermaid costs about 6 ms a node here, so 120 keeps a render under 1 s. */
  maxVisibleNodes?: number;
  /** Never more edges than this (the webview raises Mermaid's own limit above it). */
  maxEdges?: number;
  /** Groups to show folded. Undefined: fold automatically to fit the budget. */
  folded?: Iterable<number>;
}

export const DEFAULT_MAX_VISIBLE_NODES = 120;
/** Mermaid lays out every labelled edge as an extra node, so edges cost about what nodes do. */
export const DEFAULT_MAX_EDGES = 150;
/** The most any request may ask for (expand all, after the user confirms): Mermaid itself gives up far beyond. */
export const HARD_MAX_VISIBLE_NODES = 1500;
/** The most edges any request may ask for; the webview sets Mermaid's own limit above it. */
export const HARD_MAX_EDGES = 1900;

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
  const gradFinite = info ? info.gradNonFinite < 0 : Number.isFinite(tape.grad[i]);
  if (finite && gradFinite) return undefined;
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
  for (const u of lay.units) {
    if (u.kind === "node") {
      const i = u.tapeId;
      const isTarget = i === target;
      const info = infos?.get(i);
      const { value: v, grad: g } = info ? tensorNumbers(tape, i, info) : { value: tape.val[i], grad: tape.grad[i] };
      const range = tape.source(i);
      nodes.push({
        id: `n${i}`, kind: isTarget ? "target" : nodeKind(tape, i), tapeId: i, groupId: -1, parentGroup: tape.group[i], title: nodeTitle(tape, i),
        value: v, grad: g, size: 1, outputs: 1, nonFinite: nonFiniteOf(tape, i, info), flags: tape.flags[i], range, isTarget,
        ...(info ? { tensor: info } : {}),
      });
    } else if (u.kind === "group") {
      const gr = tape.groups[u.groupId];
      const out = u.tapeId;
      // Prefix the outermost enclosing sample or call, so L1.N0 of XOR[1] and of XOR[2] differ.
      let top = gr.parent;
      while (top >= 0 && tape.groups[top].parent >= 0) top = tape.groups[top].parent;
      const repeated = top >= 0 && tape.groups[top].kind !== "model";
      const title = repeated ? `${tape.groups[top].label} › ${gr.label}` : gr.label;
      const info = infos?.get(out);
      const { value: v, grad: g } = info ? tensorNumbers(tape, out, info) : { value: tape.val[out], grad: tape.grad[out] };
      nodes.push({
        id: `g${u.groupId}`, kind: "group", tapeId: out, groupId: u.groupId, parentGroup: gr.parent, title,
        value: v, grad: g, size: u.size, outputs: u.outputs, nonFinite: u.nonFinite ? "flow" : undefined,
        flags: u.flags, range: u.range, isTarget: u.isTarget, ...(info ? { tensor: info } : {}),
      });
    } else if (u.kind === "bundle") {
      nodes.push({
        id: `b${u.index}`, kind: "bundle", tapeId: -1, groupId: -1, parentGroup: -1, title: `${u.size} ${u.title}`,
        value: NaN, grad: NaN, size: u.size, outputs: 0, flags: 0, isTarget: false,
      });
    } else {
      nodes.push({
        id: "h0", kind: "hidden", tapeId: -1, groupId: -1, parentGroup: -1, title: `${u.size} more nodes not shown`,
        value: NaN, grad: NaN, size: u.size, outputs: 0, flags: 0, isTarget: false,
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

  // A tensor edge has no scalar local derivative: it carries its source's shape instead.
  const edges = !tape.hasTensors ? lay.edges : lay.edges.map((e) => {
    const src = e.tapeEdge >= 0 ? tape.in[e.tapeEdge] : -1;
    return src >= 0 && isTensorNode(tape, src) ? { ...e, shape: [...tape.shape(src)] } : e;
  });
  return {
    target, nodes, edges, groups, totalNodes: members.length, totalEdges: lay.totalEdges,
    hiddenNodes: lay.hiddenNodes, droppedEdges: lay.droppedEdges, maxVisibleNodes: budget,
  };
}

/** Flag bits worth a note in a label or hover. */
export function flagNotes(flags: number): string[] {
  const notes: string[] = [];
  if (flags & Flag.UndefinedDerivative) notes.push("derivative undefined here (reported as 0)");
  if (flags & Flag.NonDifferentiable) notes.push("not differentiable here (one-sided derivatives differ; 0 used)");
  return notes;
}
