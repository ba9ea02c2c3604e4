// Runs on Node (the CLI): dispatch of `gradlens` commands. Bad input is one line on stderr with its position and
// exit status 2.
import { GradLensError, MissingNamesError } from "../notation";
import { SettingsError } from "../train";
import { UsageError } from "./args";
import { check, grad, graph } from "./commands";
import { FileError } from "./source";
import { train } from "./train";

const USAGE = `usage:
  gradlens grad "<expr>" [--at x=53,y=-17] [--json]
  gradlens graph <file.nn.ts | "<expr>"> [--at ...] [--format mermaid|markdown|html|dot] [-o FILE]
  gradlens check <file.nn.ts | "<expr>"> [--at ...] [--eps 1e-6] [--max-params 200] [--json]
  gradlens train <AND|OR|XOR|NAND|file.nn.ts> [--hidden 2] [--activation sigmoid] [--loss sse|mse|bce] [--init auto]
                 [--optimizer sgd|momentum|adam] [--lr 1] [--steps 2000] [--method backprop|finite-difference]
                 [--seed N] [--eps 1e-4] [--json]
every command: [--max-steps 5000000] [--max-nodes 2000000] [--max-depth 1000] (bounds of each evaluation)`;

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, tty?: NodeJS.WriteStream): number {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case "grad": return grad(rest, out);
      case "graph": return graph(rest, out);
      case "check": return check(rest, out);
      case "train": return train(rest, out, tty);
      case undefined: case "help": case "--help": case "-h":
        out(USAGE);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${cmd}" (grad, graph, check, train)`);
    }
  } catch (e) {
    if (e instanceof GradLensError) {
      const where = e instanceof FileError ? `${e.file}:${e.line}:${e.column}` : `${e.line}:${e.column}`;
      const hint = e instanceof MissingNamesError ? ` (give values with --at ${e.names.map((n) => `${n}=…`).join(",")})` : "";
      err(`error: ${e.reason} at ${where}${hint}`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof SettingsError) {
      err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
