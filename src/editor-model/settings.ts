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
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
