// Runs in vitest (Node): shared helpers for the notation tests: evaluation shorthands and finite differences.
import { expect } from "vitest";
import { Tape } from "../../../src/engine";
import { GradLensError, evaluateDocument, evaluateSelection, type SelectionOptions } from "../../../src/notation";

export function grads(text: string, values: Record<string, number>, opts: SelectionOptions = {}): { value: number; g: Record<string, number> } {
  const r = evaluateSelection(text, { ...opts, values });
  return { value: r.value, g: Object.fromEntries(r.leaves.map((l) => [l.name, l.grad])) };
}

export function value(text: string, values: Record<string, number> = {}, opts: SelectionOptions = {}): number {
  return evaluateSelection(text, { ...opts, values }).value;
}

/** Central difference of the selection's value with respect to one free name. */
export function fd(text: string, values: Record<string, number>, name: string, eps = 1e-6, opts: SelectionOptions = {}): number {
  const up = value(text, { ...values, [name]: values[name] + eps }, opts);
  const down = value(text, { ...values, [name]: values[name] - eps }, opts);
  return (up - down) / (2 * eps);
}

/** Every gradient of the selection agrees with central differences. */
export function expectGradientsMatch(text: string, values: Record<string, number>, opts: SelectionOptions = {}): void {
  const { g } = grads(text, values, opts);
  for (const name of Object.keys(values)) {
    const numeric = fd(text, values, name, 1e-6, opts);
    expect(Math.abs(g[name] - numeric), `${text}: d/d${name} ${g[name]} vs ${numeric}`).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(numeric));
  }
}

/** The GradLensError thrown by f (fails the test when f does not throw one). */
export function caught(f: () => unknown): GradLensError {
  try {
    f();
  } catch (e) {
    if (e instanceof GradLensError) return e;
    throw e;
  }
  throw new Error("expected a GradLensError, got a result");
}

/** Central difference of a file's target with respect to one store slot (re-evaluating with changed values). */
export function numeric(text: string, slot: number, h = 1e-6): number {
  const d = evaluateDocument(text), at = (delta: number): number => {
    const store = d.trainingStore();
    store.values[slot] += delta;
    const t = new Tape();
    const node = d.objective?.(t, store);
    if (node === undefined) throw new Error("no objective");
    return t.value(node);
  };
  return (at(h) - at(-h)) / (2 * h);
}
