// Runs in the evaluator worker: what a selection printed (Python's print), as plain lines for the host's output
// channel; none while the notation's SelectionResult does not carry the lines (a document's result does: `output`).
export function printed(result: object): string[] {
  const output = (result as { output?: unknown }).output;
  return Array.isArray(output) ? output.filter((x): x is string => typeof x === "string") : [];
}
