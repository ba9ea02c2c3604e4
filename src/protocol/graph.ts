// Runs on both sides (extension host and graph webview): the graph view's messages, a discriminated union on `type`
// each way, and the one guard each way that a received message must pass before anything acts on it.
import type { Explanation, ViewModel } from "../view/graph";
import type { Direction } from "../view/mermaid";
import { arrayOf, isBoolean, isInt, isNumber, isRecord, isString, object, oneOf, optional, type Check } from "./check";
import { isExplanation, isViewModel, isViewRange } from "./graph-model";

/** What the graph view shows and how; the webview persists it with setState and sends it back on restore. */
export interface GraphViewState {
  direction: Direction;
  values: boolean;
  grads: boolean;
  locals: boolean;
  digits: number;
  /** Export PNG/SVG on a light background instead of the theme's. */
  lightExport: boolean;
  /** Border width by gradient magnitude. */
  shade: boolean;
}

export const DEFAULT_GRAPH_STATE: GraphViewState = {
  direction: "LR", values: true, grads: true, locals: true, digits: 4, lightExport: true, shade: false,
};

export type ExportFormat = "svg" | "png" | "mermaid";

/** Extension -> graph webview. */
export type ToGraphView =
  /** state: the settings to apply (first render, changed settings); source: the panel's, kept in the saved state. */
  | { type: "render"; model: ViewModel; state?: Partial<GraphViewState>; source?: string }
  | { type: "explanation"; explanation: Explanation; highlight: { nodes: string[]; edges: number[] } }
  | { type: "error"; message: string };

/** Graph webview -> extension. */
export type FromGraphView =
  | { type: "ready" }
  | { type: "nodeClicked"; nodeId: number; range?: { start: number; end: number } }
  | { type: "expand"; groupId: number }
  | { type: "collapse"; groupId: number }
  | { type: "expandAll"; confirmedLarge: boolean }
  | { type: "collapseAll" }
  | { type: "explain"; nodeId: number }
  | { type: "export"; format: ExportFormat; data: string; ok: boolean; error?: string }
  | { type: "renderFailed"; message: string }
  | { type: "rendered"; nodes: number; edges: number; ms: number };

type Fields<M> = Omit<M, "type">;
type To<K extends ToGraphView["type"]> = Fields<Extract<ToGraphView, { type: K }>>;
type From<K extends FromGraphView["type"]> = Fields<Extract<FromGraphView, { type: K }>>;

const isExportFormat = oneOf<ExportFormat>(["svg", "png", "mermaid"]);
const digits = (x: unknown): x is number => isInt(x) && x >= 1 && x <= 17;

export const isGraphViewState: Check<GraphViewState> = object<GraphViewState>({
  direction: oneOf<Direction>(["LR", "TB"]), values: isBoolean, grads: isBoolean, locals: isBoolean, digits,
  lightExport: isBoolean, shade: isBoolean,
});

const isPartialState: Check<Partial<GraphViewState>> = object<Partial<GraphViewState>>({
  direction: optional(oneOf<Direction>(["LR", "TB"])), values: optional(isBoolean), grads: optional(isBoolean),
  locals: optional(isBoolean), digits: optional(digits), lightExport: optional(isBoolean), shade: optional(isBoolean),
});

const TO: { [K in ToGraphView["type"]]: Check<To<K>> } = {
  render: object<To<"render">>({ model: isViewModel, state: optional(isPartialState), source: optional(isString) }),
  explanation: object<To<"explanation">>({
    explanation: isExplanation, highlight: object<To<"explanation">["highlight"]>({ nodes: arrayOf(isString), edges: arrayOf(isInt) }),
  }),
  error: object<To<"error">>({ message: isString }),
};

const none = object<Record<never, never>>({});

const FROM: { [K in FromGraphView["type"]]: Check<From<K>> } = {
  ready: object<From<"ready">>({}),
  nodeClicked: object<From<"nodeClicked">>({ nodeId: isInt, range: optional(isViewRange) }),
  expand: object<From<"expand">>({ groupId: isInt }),
  collapse: object<From<"collapse">>({ groupId: isInt }),
  expandAll: object<From<"expandAll">>({ confirmedLarge: isBoolean }),
  collapseAll: none,
  explain: object<From<"explain">>({ nodeId: isInt }),
  export: object<From<"export">>({ format: isExportFormat, data: isString, ok: isBoolean, error: optional(isString) }),
  renderFailed: object<From<"renderFailed">>({ message: isString }),
  rendered: object<From<"rendered">>({ nodes: isInt, edges: isInt, ms: isNumber }),
};

/** The guard of the graph webview: a message the extension may send, with every field the view reads. */
export function isToGraphView(x: unknown): x is ToGraphView {
  return isRecord(x) && typeof x.type === "string" && Object.hasOwn(TO, x.type) && TO[x.type as ToGraphView["type"]](x);
}

/** The guard of the graph panel: a message the webview may send, with every field the panel reads. */
export function isFromGraphView(x: unknown): x is FromGraphView {
  return isRecord(x) && typeof x.type === "string" && Object.hasOwn(FROM, x.type) && FROM[x.type as FromGraphView["type"]](x);
}
