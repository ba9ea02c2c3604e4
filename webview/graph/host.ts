// Runs in the graph webview (browser): the link to the extension. Inside VS Code that is acquireVsCodeApi();
// standalone (tests, a plain page) a shim keeps posted messages in window.__gradlensPosted and state in memory.
// Messages and the saved state go out with their numbers encoded (src/protocol/wire.ts) and come back checked.
import {
  DEFAULT_GRAPH_STATE, isGraphViewState, isToGraphView, type FromGraphView, type GraphViewState, type ToGraphView,
} from "../../src/protocol/graph";
import { decodeNumbers, encodeNumbers } from "../../src/protocol/wire";

export type RenderMessage = Extract<ToGraphView, { type: "render" }>;

export interface Host {
  post(msg: FromGraphView): void;
  getState(): SavedState;
  setState(s: SavedState): void;
}

/** What the view persists across hide/restore: its settings and the last render, so it can redraw at once. */
export interface SavedState {
  state: GraphViewState;
  last?: RenderMessage;
}

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(s: unknown): void;
}

declare global {
  interface Window {
    acquireVsCodeApi?: () => VsCodeApi;
    __gradlensPosted?: FromGraphView[];
    __gradlensState?: unknown;
  }
}

export function connect(): Host {
  const api = typeof window.acquireVsCodeApi === "function" ? window.acquireVsCodeApi() : shim();
  return {
    post: (msg) => api.postMessage(encodeNumbers(msg)),
    getState: () => restore(decodeNumbers(api.getState())),
    setState: (s) => api.setState(encodeNumbers(s)),
  };
}

/** The saved state, checked like a message: settings over the defaults (older states lack newer fields), the render. */
function restore(saved: unknown): SavedState {
  const o = typeof saved === "object" && saved !== null ? (saved as { state?: unknown; last?: unknown }) : {};
  const state = { ...DEFAULT_GRAPH_STATE, ...(typeof o.state === "object" ? o.state : {}) };
  const last = isToGraphView(o.last) && o.last.type === "render" ? o.last : undefined;
  return { state: isGraphViewState(state) ? state : { ...DEFAULT_GRAPH_STATE }, last };
}

function shim(): VsCodeApi {
  window.__gradlensPosted = [];
  return {
    postMessage: (msg) => window.__gradlensPosted!.push(msg as FromGraphView),
    getState: () => window.__gradlensState,
    setState: (s) => {
      window.__gradlensState = s;
    },
  };
}
