// Runs in vitest (Node): the extension host never evaluates user code. No source file of the extension host (those
// that import `vscode`, and the host side of the evaluator) imports anything that interprets, trains, checks or
// builds a graph; all of that runs in the evaluator worker (src/extension/evaluation/worker/ and what it imports).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../editor-model/helpers";

const extension = join(root, "src", "extension");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** What evaluates: the notation's evaluators, training sessions, gradient checks, the editor-model's answers, view models. */
const EVALUATORS = [
  "parse", "evaluateDocument", "evaluateSelection", "prepareSelection", "freeNames", "TrainingSession", "Comparison", "buildProblem",
  "applyEdits", "applyToText", "documentReport", "selectionReport", "hoverAt", "inlaysIn", "lensesOf", "problemsOf",
  "buildViewModel", "explainGradient", "GraphSession", "reevaluateSelection", "trainingSnapshot", "compareSnapshot", "nodeAt",
];
/** Modules that hold evaluating code of the extension part (the worker's side). */
const WORKER_SIDE = /\/evaluation\/worker\/|\/graph\/(session|input)["']/;

/** The names a file imports as values (type-only imports evaluate nothing), and its module paths. */
function imports(text: string): { names: string[]; modules: string[] } {
  const names: string[] = [], modules: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+(["'][^"']+["']);/gms)) {
    modules.push(m[3]);
    if (m[1]) continue;
    const braces = /\{([^}]*)\}/.exec(m[2]);
    for (const part of braces ? braces[1].split(",") : []) {
      const t = part.trim();
      if (t && !t.startsWith("type ")) names.push(t.split(/\s+as\s+/)[0]);
    }
  }
  return { names, modules };
}

describe("the extension host evaluates nothing", () => {
  const host = files(extension).filter((f) => {
    const text = readFileSync(f, "utf8");
    const rel = relative(extension, f);
    const hostSide = /^evaluation\/(client|pool|errors|start)\.ts$/.test(rel) || rel.startsWith("graph/remote") || rel.startsWith("training/remote");
    return hostSide || /^import .* from "vscode";$/m.test(text);
  });

  it("finds the host's files", () => {
    expect(host.length).toBeGreaterThan(25);
    expect(host.map((f) => relative(extension, f))).toContain("editor/service.ts");
  });

  it("no host file imports an evaluator or the worker's side", () => {
    const found: string[] = [];
    for (const f of host) {
      const { names, modules } = imports(readFileSync(f, "utf8"));
      for (const n of names) if (EVALUATORS.includes(n)) found.push(`${relative(root, f)} imports ${n}`);
      for (const m of modules) if (WORKER_SIDE.test(m)) found.push(`${relative(root, f)} imports ${m}`);
    }
    expect(found).toEqual([]);
  });

  it("the check sees a value import, not a type-only one", () => {
    expect(imports('import { evaluateDocument, type Bounds } from "../notation";\n').names).toEqual(["evaluateDocument"]);
    expect(imports('import type { DocumentResult } from "../notation";\n').names).toEqual([]);
    expect(imports('import {\n  GraphSession as S,\n} from "./graph/session";\n')).toEqual({ names: ["GraphSession"], modules: ['"./graph/session"'] });
  });
});
