#!/usr/bin/env node
// Runs on Node 20: a stand-in for the `code` executable that @vscode/test-electron launches
// (`npm run test:electron -- --code-server`): it takes VS Code's command line (workspace, --extensionDevelopmentPath=,
// --extensionTestsPath=), runs that suite in code-server instead, and exits 0 when it passed, 1 when not.
import { provision } from "../../scripts/provision.mjs";
import { runHostSession } from "./host-session.mjs";
import { cleanupOnExit } from "./lib.mjs";

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionDevelopmentPath = flag("extensionDevelopmentPath");
const extensionTestsPath = flag("extensionTestsPath");
const workspace = args.find((a) => !a.startsWith("-"));
if (!extensionDevelopmentPath || !extensionTestsPath || !workspace) {
  console.error("code-launcher: needs a workspace, --extensionDevelopmentPath= and --extensionTestsPath=");
  process.exit(2);
}
provision();
const cleanup = cleanupOnExit();
let code = 1;
try {
  const r = await runHostSession({ workspace, extensionDevelopmentPath, extensionTestsPath, cleanup });
  code = r.exitCode === 0 ? 0 : 1;
} catch (e) {
  console.error(`code-launcher: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  await cleanup.runAll();
}
process.exit(code);
