// Runs in the training webview (browser): the link to the extension. Inside VS Code that is acquireVsCodeApi();
// standalone (the Chromium suite, a plain page) a shim keeps posted messages in window.__gradlensPosted and state
// in window.__gradlensState, like the graph view's.
import type { FromTrainingView } from "../../src/protocol";

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(s: unknown): void;
}

/** The globals the graph view's host declares too; read through this shape so both views compile together. */
interface Globals {
  acquireVsCodeApi?: () => VsCodeApi;
  __gradlensPosted?: unknown[];
  __gradlensState?: unknown;
}

export interface Host {
  post(msg: FromTrainingView): void;
  getState(): unknown;
  setState(s: unknown): void;
}

export function connect(): Host {
  const g = window as unknown as Globals;
  const api = typeof g.acquireVsCodeApi === "function" ? g.acquireVsCodeApi() : shim(g);
  return {
    post: (msg) => api.postMessage(msg),
    getState: () => api.getState(),
    setState: (s) => api.setState(s),
  };
}

function shim(g: Globals): VsCodeApi {
  const posted: unknown[] = (g.__gradlensPosted = []);
  return {
    postMessage: (msg) => posted.push(msg),
    getState: () => g.__gradlensState,
    setState: (s) => {
      g.__gradlensState = s;
    },
  };
}

/** The nonce the page's script tag carries, for the style elements this view adds (strict CSP). */
export function pageNonce(): string {
  const s = document.querySelector("script[nonce]") as HTMLScriptElement | null;
  return s?.nonce || s?.getAttribute("nonce") || "";
}

/** A VS Code theme colour from its CSS variable, with a fallback outside VS Code. */
export function themeColor(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}
