// Runs anywhere (extension host, tests): the `gradlens.*` settings the editor features read, with their defaults
// (package.json's contributes.configuration declares the same defaults; a unit test keeps the two equal).
import { GRADCHECK_ATOL, GRADCHECK_EPS, GRADCHECK_RTOL } from "../engine";
import { DEFAULT_BOUNDS } from "../notation";
import { DEFAULT_DIGITS } from "../view/format";

export const SETTING_DEFAULTS = {
  precision: DEFAULT_DIGITS,
  maxSteps: DEFAULT_BOUNDS.maxSteps,
  maxNodes: DEFAULT_BOUNDS.maxNodes,
  maxCallDepth: DEFAULT_BOUNDS.maxDepth,
  "inlayHints.enabled": true,
  "codeLens.enabled": true,
  "hover.enabled": true,
  "evaluation.debounceMs": 300,
  "gradcheck.eps": GRADCHECK_EPS,
  "gradcheck.atol": GRADCHECK_ATOL,
  "gradcheck.rtol": GRADCHECK_RTOL,
  "timeLimit.editor": 5,
  "timeLimit.graph": 15,
  "timeLimit.check": 30,
  "timeLimit.selection": 10,
  "timeLimit.trainingStep": 10,
} as const;

/** Each time limit's hard maximum in seconds (package.json declares the same; a workspace cannot go past it). */
export const TIME_LIMIT_MAX = { editor: 60, graph: 120, check: 600, selection: 120, trainingStep: 60 } as const;
export type TimeLimitKind = keyof typeof TIME_LIMIT_MAX;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
