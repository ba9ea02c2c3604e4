// Runs in a child process of the hostile corpus's driver (test/unit/notation/hostile.test.ts), bundled by it: one
// corpus input, evaluated as a selection and as a document; prints one JSON line with each outcome, its wall time
// and the process's peak memory. A crash (a fatal V8 error, an uncaught exception) prints no line: the driver sees
// the exit and fails the input.
import { GradLensError, evaluateDocument, evaluateSelection } from "../../src/notation";
import { corpus } from "./corpus";

export interface Outcome {
  kind: "value" | "error";
  value?: number;
  reason?: string;
  line?: number;
  column?: number;
  ms: number;
}

function selection(text: string): Outcome {
  const t0 = performance.now();
  try {
    const v = evaluateSelection(text, { values: { x: 2 } }).value;
    return { kind: "value", value: v, ms: performance.now() - t0 };
  } catch (e) {
    // Anything but a positioned error escapes: the process ends without its line and the driver reports a crash.
    if (!(e instanceof GradLensError)) throw e;
    return { kind: "error", reason: e.reason, line: e.line, column: e.column, ms: performance.now() - t0 };
  }
}

function document(text: string): Outcome {
  const t0 = performance.now();
  const r = evaluateDocument(`const x = 2;\n${text}\n`);
  const ms = performance.now() - t0, err = r.diagnostics.find((d) => d.severity === "error");
  if (err !== undefined) return { kind: "error", reason: err.message, line: err.line - 1, column: err.column, ms };
  return { kind: "value", value: r.value, ms };
}

const input = corpus[Number(process.argv[2])];
const sel = selection(input.text);
const doc = document(input.text);
process.stdout.write(`${JSON.stringify({ selection: sel, document: doc, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
