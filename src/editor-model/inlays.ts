// Runs anywhere (extension host, tests): inlay hints after declarations in a `.nn.ts` file: the value and the
// gradient of the target with respect to it, compact (`0.5206 ∂0.0391`), or how often it was evaluated; for a
// tensor its shape and the gradient's 2-norm (`[2,3] ‖∂‖ 0.0325`).
import type { DocumentResult } from "../notation";
import type { Name } from "../notation/tree";
import { walk } from "../notation/tree-walk";
import { formatNumber, formatShape } from "../view/format";
import type { Source } from "./source";
import { resolveName } from "./subject-values";
import { dependsOnParam, tensorFacts } from "./tensor-view";

export interface InlayModel {
  /** Offset the hint stands at: the end of the declaration. */
  offset: number;
  label: string;
  tooltip: string;
}

const MAX_ITEMS = 3;

export function inlaysIn(r: DocumentResult, src: Source, from: number, to: number, digits: number): InlayModel[] {
  const f = (v: number) => formatNumber(v, digits);
  const target = r.targetName ?? "target";
  const out: InlayModel[] = [];
  // Declarations with a value (`const x = …`; Python's `x = …`), each hinted at its end.
  const declared: { id: Name; end: number }[] = [];
  walk(src.program, (n) => {
    if (n.end < from || n.start > to) return false;
    if (n.kind === "declare") for (const d of n.decls) if (d.target.kind === "name" && d.init !== undefined) declared.push({ id: d.target, end: d.span.end });
    if (n.kind === "assignStmt" && n.op === undefined && n.targets.length === 1 && n.targets[0].kind === "name") declared.push({ id: n.targets[0], end: n.end });
    return true;
  });
  for (const { id, end } of declared) {
    {
      const res = resolveName(r, src, id);
      const name = id.name;
      let label: string | undefined;
      if (res?.kind === "param") label = `${f(res.value)} ∂${f(res.grad)}`;
      else if (res?.kind === "target") label = `${f(res.value)} (target)`;
      else if (res?.kind === "params") {
        const items = res.items.slice(0, MAX_ITEMS), more = res.items.length > MAX_ITEMS ? ", …" : "";
        label = `[${items.map((p) => f(p.value)).join(", ")}${more}] ∂[${items.map((p) => f(p.grad)).join(", ")}${more}]`;
      } else if (res?.kind === "tensor" && res.what === "target") {
        const v = r.tape.tensorValue(res.items[0].node);
        label = v.length === 1 ? `${f(v[0])} (target)` : `${formatShape(r.tape.shape(res.items[0].node))} (target)`;
      } else if (res?.kind === "tensor") {
        // A tensor has no one value to show: its shape and the size of its gradient (the hover has the elements).
        const last = res.items[res.items.length - 1].node, facts = tensorFacts(r.tape, last);
        const grad = dependsOnParam(r.tape, last) ? ` ‖∂‖ ${f(facts.gradNorm)}` : "";
        label = `${formatShape(facts.shape)}${grad}${res.items.length > 1 ? ` ×${res.items.length}` : ""}`;
      } else if (res?.kind === "readings" && res.what === "name") {
        label = res.readings.length === 1 ? `${f(res.readings[0].value)} ∂${f(res.readings[0].grad)}` : `×${res.readings.length}`;
      }
      if (label !== undefined) out.push({ offset: end, label, tooltip: `${name}: value, then ∂${target}/∂${name}` });
    }
  }
  return out;
}
