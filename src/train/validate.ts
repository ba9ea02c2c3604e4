// Runs anywhere: checks settings that arrive from a webview, from saved workspace state or from the CLI's flags
// (none is trusted to be well formed) and returns either a clean config or one clear message.
import {
  ACTIVATIONS, DATASETS, DEFAULT_SETTINGS, INITS, LOSSES, METHODS, OPTIMIZERS, type DatasetChoice, type TrainSettings,
  type TrainSource,
} from "./types";

export const MAX_STEPS = 10_000_000;
export const MAX_HIDDEN = 256;

export class SettingsError extends Error {}

function pick<T extends string>(x: unknown, allowed: readonly T[], what: string): T {
  if (typeof x === "string" && (allowed as readonly string[]).includes(x)) return x as T;
  throw new SettingsError(`${what} must be one of ${allowed.join(", ")}, got ${JSON.stringify(x)}`);
}

function num(x: unknown, what: string, ok: (v: number) => boolean, rule: string): number {
  const v = typeof x === "string" && x.trim() !== "" ? Number(x) : x;
  if (typeof v !== "number" || !ok(v)) throw new SettingsError(`${what} must be ${rule}, got ${JSON.stringify(x)}`);
  return v;
}

function obj(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== "object" || x === null) throw new SettingsError(`${what} is missing`);
  return x as Record<string, unknown>;
}

/** "2", "16,16", "0" or "" (no hidden layer), or an array of sizes. */
export function parseHidden(x: unknown): number[] {
  const parts = Array.isArray(x) ? x : typeof x === "string" ? (x.trim() === "" ? [] : x.split(/[,\s-]+/)) : undefined;
  if (parts === undefined) throw new SettingsError("hidden sizes must look like 2 or 16,16 (0 for none)");
  const sizes = parts.map((p) => num(p, "a hidden size", (v) => Number.isInteger(v) && v >= 0 && v <= MAX_HIDDEN, `an integer from 0 to ${MAX_HIDDEN}`));
  if (sizes.length > 4) throw new SettingsError("at most 4 hidden layers");
  if (sizes.length > 1 && sizes.includes(0)) throw new SettingsError("0 means no hidden layer and stands alone");
  return sizes.length === 1 && sizes[0] === 0 ? [] : sizes;
}

export function parseSettings(x: unknown): TrainSettings {
  const o = obj(x, "settings");
  const d = DEFAULT_SETTINGS;
  return {
    optimizer: o.optimizer === undefined ? d.optimizer : pick(o.optimizer, OPTIMIZERS, "optimizer"),
    lr: o.lr === undefined ? d.lr : num(o.lr, "learning rate", (v) => Number.isFinite(v) && v > 0, "a positive number"),
    steps: o.steps === undefined ? d.steps : num(o.steps, "steps", (v) => Number.isInteger(v) && v >= 0 && v <= MAX_STEPS, `an integer from 0 to ${MAX_STEPS}`),
    seed: o.seed === undefined ? d.seed : num(o.seed, "seed", (v) => Number.isSafeInteger(v), "an integer"),
    method: o.method === undefined ? d.method : pick(o.method, METHODS, "method"),
    eps: o.eps === undefined ? d.eps : num(o.eps, "eps", (v) => Number.isFinite(v) && v > 0 && v < 1, "a number between 0 and 1"),
    ...(o.batch === undefined ? {} : { batch: num(o.batch, "batch", (v) => Number.isInteger(v) && v >= 1, "a positive integer") }),
  };
}

/** A preset source (documents are built by the extension from an open editor, never from a webview). */
export function parsePresetSource(x: unknown): TrainSource {
  const o = obj(x, "source");
  return {
    kind: "preset",
    dataset: pick(o.dataset, DATASETS, "dataset"),
    hidden: parseHidden(o.hidden ?? []),
    activation: o.activation === undefined ? "sigmoid" : pick(o.activation, ACTIVATIONS, "activation"),
    loss: o.loss === undefined ? "sse" : pick(o.loss, LOSSES, "loss"),
    ...(o.init === undefined ? {} : { init: pick(o.init, INITS, "init") }),
  };
}

export function isDatasetChoice(x: unknown): x is DatasetChoice {
  return typeof x === "string" && (DATASETS as readonly string[]).includes(x);
}
