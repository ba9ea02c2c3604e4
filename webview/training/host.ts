// Runs in the training webview (browser): the link to the extension. Inside VS Code that is acquireVsCodeApi();
// standalone (the Chromium suite, a plain page) a shim keeps posted messages in window.__gradlensPosted and state
// in window.__gradlensState, like the graph view's. Messages and the saved state go out with their numbers encoded
// (src/protocol/wire.ts); the saved state comes back checked like a message.
import {
  isCompareSnapshot, isTrainChoices, isTrainForm, isTrainingSnapshot, type FromTrainingView,
} from "../../src/protocol/training";
import { decodeNumbers, encodeNumbers } from "../../src/protocol/wire";
import type { CompareSnapshot, TrainChoices, TrainForm, TrainingSnapshot } from "../../src/view/training";

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

/** What the view persists across hide/restore (all but the log-scale choice as the extension last sent it). */
export interface SavedState {
  form?: TrainForm;
  choices?: TrainChoices;
  document?: { label: string };
  /** The graph view's command exists. */
  graph?: boolean;
  last?: TrainingSnapshot;
  compare?: CompareSnapshot;
  log: boolean;
}

export interface Host {
  post(msg: FromTrainingView): void;
  getState(): SavedState;
  setState(s: SavedState): void;
}

export function connect(): Host {
  const g = window as unknown as Globals;
  const api = typeof g.acquireVsCodeApi === "function" ? g.acquireVsCodeApi() : shim(g);
  return {
    post: (msg) => api.postMessage(encodeNumbers(msg)),
    getState: () => restore(decodeNumbers(api.getState())),
    setState: (s) => api.setState(encodeNumbers(s)),
  };
}

/** Each saved part that passes its check; what does not (an older or damaged state) is left out. */
function restore(saved: unknown): SavedState {
  const o = typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
  const doc = o.document as { label?: unknown } | undefined;
  return {
    form: isTrainForm(o.form) ? o.form : undefined,
    choices: isTrainChoices(o.choices) ? o.choices : undefined,
    document: typeof doc === "object" && doc !== null && typeof doc.label === "string" ? { label: doc.label } : undefined,
    graph: o.graph === true,
    last: isTrainingSnapshot(o.last) ? o.last : undefined,
    compare: isCompareSnapshot(o.compare) ? o.compare : undefined,
    log: o.log === true,
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
