// Runs anywhere (extension host, tests): the `gradlens.*` settings the editor features read, with their defaults
// (package.json's contributes.configuration declares the same defaults; a unit test keeps the two equal), and the
// hard maxima of the bound settings: a value past one, from any settings source, is clamped, not trusted.
import { GRADCHECK_ATOL, GRADCHECK_EPS, GRADCHECK_RTOL } from "../engine";
import { BOUND_MAXIMA, BOUND_MINIMA, DEFAULT_BOUNDS, type BoundLimit } from "../notation";
import { DEFAULT_DIGITS } from "../view/format";

export const SETTING_DEFAULTS = {
  precision: DEFAULT_DIGITS,
  maxSteps: DEFAULT_BOUNDS.maxSteps,
  maxNodes: DEFAULT_BOUNDS.maxNodes,
  maxCallDepth: DEFAULT_BOUNDS.maxDepth,
  maxElements: DEFAULT_BOUNDS.maxElements,
  maxElementOps: DEFAULT_BOUNDS.maxElementOps,
  "inlayHints.enabled": true,
  "codeLens.enabled": true,
  "hover.enabled": true,
  "evaluation.debounceMs": 300,
  "gradcheck.eps": GRADCHECK_EPS,
  "gradcheck.atol": GRADCHECK_ATOL,
  "gradcheck.rtol": GRADCHECK_RTOL,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;

/** The bound settings (`gradlens.<key>`) and the field of the notation's Bounds each sets. */
export const BOUND_SETTING_FIELDS = {
  maxSteps: "maxSteps", maxNodes: "maxNodes", maxCallDepth: "maxDepth", maxElements: "maxElements", maxElementOps: "maxElementOps",
} as const satisfies Partial<Record<SettingKey, BoundLimit>>;

export type BoundSettingKey = keyof typeof BOUND_SETTING_FIELDS;

/** A bound setting's value as used: a whole number within its minimum and hard maximum; anything else is the default. */
export function clampBound(key: BoundSettingKey, v: unknown): number {
  const field = BOUND_SETTING_FIELDS[key];
  if (typeof v !== "number" || Number.isNaN(v)) return DEFAULT_BOUNDS[field];
  return Math.min(Math.max(Math.floor(v), BOUND_MINIMA[field]), BOUND_MAXIMA[field]);
}
