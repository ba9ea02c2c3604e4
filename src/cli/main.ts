// Runs on Node (the `gradlens` command, bundled to dist/cli.js and loaded by bin/gradlens.js): runs the command.
import { run } from "./run";

process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s + "\n"), (s) => process.stderr.write(s + "\n"),
  process.stderr.isTTY ? process.stderr : undefined);
