// Runs anywhere: the TypeScript front end: a source file from parse.ts (a selection or a `.nn.ts` file) lowered to
// GradLens's language-neutral tree, every construct the interpreter runs with its meaning made explicit, and every
// one it does not run an Unsupported node with the interpreter's message.
import type * as TS from "typescript";
import type { Lowered } from "../lowering";
import { TsLowering } from "./context";
import { lowerStmts } from "./statements";

/**
 * Lower a parsed file. `base` is the offset of its text in the document `doc` (a selection's place): spans are
 * document offsets. Throws a positioned GradLensError past the nesting bound (MAX_NESTING).
 */
export function lowerTypeScript(sf: TS.SourceFile, base = 0, doc: string = sf.text): Lowered {
  const cx = new TsLowering(sf, base, doc);
  const body = cx.guard(() => lowerStmts(cx, sf.statements));
  return { program: { kind: "program", lang: "ts", body, start: base, end: base + sf.end }, unsupported: cx.unsupported };
}
