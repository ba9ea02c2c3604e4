// Runs on Node 20 (developer machine): `npm start` builds GradLens and opens it in a real VS Code served by
// code-server on 127.0.0.1, with examples/ as the workspace and GradLens loaded from this folder; prints the URL and
// runs until Ctrl+C, then ends code-server and removes its temp folder.
// `npm run start:desktop` does the same with a desktop VS Code (`code` on PATH).
//   node scripts/start.mjs [--port N] [--desktop]
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { makeSandbox, root, startCodeServer, workbenchUrl } from "./code-server.mjs";
import { provision } from "./provision.mjs";

const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : undefined;
const examples = join(root, "examples");

function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

function build() {
  const r = spawnSync("node", [join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) fail("the build failed");
}

if (args.includes("--desktop")) {
  const which = spawnSync("sh", ["-c", "command -v code"], { encoding: "utf8" });
  if (which.status !== 0 || !which.stdout.trim()) {
    fail("no desktop VS Code: `code` is not on PATH (install VS Code and run 'Shell Command: Install code in PATH'), or use `npm start` for code-server");
  }
  build();
  const code = spawn(which.stdout.trim(), [`--extensionDevelopmentPath=${root}`, examples], { stdio: "inherit" });
  code.on("exit", (c) => process.exit(c ?? 1));
} else {
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) fail(`bad --port ${args[portArg + 1]}`);
  try {
    provision();
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  build();
  const sandbox = makeSandbox("gradlens-start-");
  let server;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await server?.stop();
    sandbox.remove();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  try {
    server = await startCodeServer(sandbox, { port, log: (l) => args.includes("--verbose") && console.log(`[code-server] ${l}`) });
  } catch (e) {
    sandbox.remove();
    fail(e instanceof Error ? e.message : String(e));
  }
  server.process.on("exit", (c) => {
    if (!stopping) console.error(`start: code-server exited (${c})`);
    void stop(1);
  });
  const url = workbenchUrl(server.origin, examples, { extensionDevelopmentPath: root });
  console.log(`GradLens in VS Code (code-server): ${url}`);
  console.log("Press Ctrl+C to stop.");
}
