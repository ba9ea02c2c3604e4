// Runs in vitest (Node): Python lowering shorthands for the tests of src/notation/python.
import { expect } from "vitest";
import { lowerPython } from "../../../../src/notation/python/lower";
import { parsePython } from "../../../../src/notation/python/parse";
import type { Lowered } from "../../../../src/notation/lowering";
import { show } from "../show-tree";

export function lowerPy(src: string): Lowered {
  return lowerPython(parsePython(src));
}

/** The program in show-tree's notation; nothing in it may be unsupported. */
export function py(src: string): string {
  const r = lowerPy(src);
  expect(r.unsupported).toEqual([]);
  return show(r.program);
}
