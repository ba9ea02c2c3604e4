// Runs in the evaluator worker: what an evaluation printed (Python's print), as plain lines for the host's output
// channel. A result from before the interpreter captured output has none.
export function printed(result: object): string[] {
  const output = (result as { output?: unknown }).output;
  return Array.isArray(output) ? output.filter((x): x is string => typeof x === "string") : [];
}
