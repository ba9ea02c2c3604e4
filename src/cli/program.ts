// Runs on Node (the CLI): `gradlens run FILE`: runs a program (a `.py` or `.nn.ts` file, or standard input as `-`)
// within the evaluation bounds, prints what it printed, then the results of its own checks (its gradcheck(…) calls
// and the autograd check of a hand-written backward). Exit status as `check`'s: 0 every check passed (or there was
// none), 1 a check failed, 2 an error, reported after the lines printed before it (as Python prints a traceback).
import { evaluateDocument } from "../notation";
import { BOUND_FLAGS, boundsOption, langOption, parseArgs, UsageError } from "./args";
import { callLabel, printChecks } from "./checks";
import { FileError, isFile, languageOf, readSource } from "./source";

export function runFile(argv: string[], print: (s: string) => void): number {
  const p = parseArgs(argv, ["lang", ...Object.keys(BOUND_FLAGS)]);
  if (p.positional.length !== 1 || !isFile(p.positional[0])) throw new UsageError("run takes one file (or - for standard input)");
  const src = p.positional[0], name = src === "-" ? "<stdin>" : src;
  const text = readSource(src);
  const doc = evaluateDocument(text, { bounds: boundsOption(p), lang: languageOf(src, langOption(p)) });
  const output = doc.output;
  const error = doc.diagnostics.find((d) => d.severity === "error");
  const checks = doc.gradchecks.map((c) => ({ what: callLabel(text.slice(c.start, c.end), c.line, c.column, name), pass: c.pass, rows: c.rows }));
  // A program needs no target: the warning that it has none is not news here.
  const warnings = doc.diagnostics.filter((d) => d !== error && d.message !== doc.noTarget && !/^gradient check failed/.test(d.message))
    .map((d) => `${name}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  if (p.flags.has("json")) {
    const pass = error === undefined && checks.every((c) => c.pass);
    print(JSON.stringify({
      output, pass, checks, ...(error === undefined ? {} : { error: { message: error.message, line: error.line, column: error.column } }),
      ...(warnings.length > 0 ? { warnings } : {}),
    }));
    return error !== undefined ? 2 : pass ? 0 : 1;
  }
  for (const line of output) print(line);
  if (!doc.ok && error !== undefined) throw new FileError(name, error.message, error.start, error.end, text);
  printChecks(checks, print);
  // As `check` prints them: the autograd check's warning names the first operation whose backward is wrong.
  for (const w of warnings) print(w);
  return checks.every((c) => c.pass) ? 0 : 1;
}
