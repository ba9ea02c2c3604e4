// Runs anywhere: the Python front end: a text parsed with @lezer/python (parse.ts) lowered to GradLens's
// language-neutral tree with Python's meanings made explicit, every construct GradLens does not run an Unsupported
// node naming it ("`async def` is not supported").
import { Lowering, type Lowered } from "../lowering";
import { PyLowering } from "./context";
import type { PythonTree } from "./parse";
import { lowerBody } from "./statements";

/**
 * Lower a parsed text. `base` is its offset in the document `doc` (a selection's place): spans are document offsets.
 * Throws a positioned GradLensError past the nesting bound (MAX_NESTING).
 */
export function lowerPython(tree: PythonTree, base = 0, doc: string = tree.text): Lowered {
  const lw = new Lowering(base, doc);
  const body = lw.guard(() => lowerBody(new PyLowering(lw, tree), tree.top, true));
  return { program: { kind: "program", lang: "py", body, start: base, end: base + tree.text.length }, unsupported: lw.unsupported };
}
