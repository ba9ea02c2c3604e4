// Runs on Node (the `gradlens` command, bundled to dist/cli.js and loaded by bin/gradlens.js): runs the command.
import { run } from "./run";

// `gradlens graph … | head` closes the pipe early: that is the reader's choice, not an error to crash on.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s + "\n"), (s) => process.stderr.write(s + "\n"),
  process.stderr.isTTY ? process.stderr : undefined);
