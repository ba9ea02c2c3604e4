// Runs in the graph webview (browser): the link to the extension. Inside VS Code that is acquireVsCodeApi();
// standalone (tests, a plain page) a shim keeps posted messages in window.__gradlensPosted and state in memory.
import type { FromGraphView, GraphViewState } from "../../src/protocol";

export interface Host {
  post(msg: FromGraphView): void;
  getState(): SavedState | undefined;
  setState(s: SavedState): void;
}

/** What the view persists across hide/restore: its settings and the last render, so it can redraw at once. */
export interface SavedState {
  state: GraphViewState;
  last?: unknown;
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
    post: (msg) => api.postMessage(msg),
    getState: () => (api.getState() as SavedState | undefined) ?? undefined,
    setState: (s) => api.setState(s),
  };
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
