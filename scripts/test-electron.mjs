// Runs on Node 20 (a machine that can download VS Code, or has one): `npm run test:electron` runs the same
// extension-host suites as test/e2e/run-host.mjs (dist/test/host.js) in a desktop VS Code through
// @vscode/test-electron. VSCODE_EXECUTABLE=/path/to/code uses an installed VS Code instead of downloading one;
// --code-server gives test-electron test/e2e/code-launcher.mjs as its "VS Code", which runs the suite in code-server
// (so the test-electron route itself can be checked on machines with no desktop VS Code).
//   node scripts/test-electron.mjs [--code-server]
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTests } from "@vscode/test-electron";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const build = spawnSync("node", [join(root, "scripts", "build.mjs")], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) {
  console.error("test:electron: the build failed");
  process.exit(1);
}
const sandbox = mkdtempSync(join(tmpdir(), "gradlens-electron-"));
const workspace = join(sandbox, "workspace");
cpSync(join(root, "test", "e2e", "fixtures"), workspace, { recursive: true });
let code = 0;
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, "dist", "test", "host.js"),
    vscodeExecutablePath: process.argv.includes("--code-server")
      ? join(root, "test", "e2e", "code-launcher.mjs")
      : process.env.VSCODE_EXECUTABLE || undefined,
    launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust", `--user-data-dir=${join(sandbox, "user-data")}`],
  });
} catch (e) {
  console.error(`test:electron: ${e instanceof Error ? e.message : String(e)}`);
  console.error("(it needs a desktop VS Code: internet access to download one, or VSCODE_EXECUTABLE; this machine's suites run through `node test/e2e/run-host.mjs`)");
  code = 1;
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
process.exit(code);
