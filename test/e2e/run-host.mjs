// Runs on Node 20 (developer machine, CI): the extension-host suites (test/e2e/host, bundled to dist/test/host.js)
// inside a real VS Code (code-server) with GradLens loaded from this folder. Writes out/results/host.json.
//   node test/e2e/run-host.mjs [--verbose] [--no-build]
import { join } from "node:path";
import { makeSandbox, root } from "../../scripts/code-server.mjs";
import { runHostSession } from "./host-session.mjs";
import { cleanupOnExit, copyFixtures, prepare, writeResults } from "./lib.mjs";

const t0 = Date.now();
prepare("host", { build: !process.argv.includes("--no-build") });

const cleanup = cleanupOnExit();
let counts;
try {
  // The workspace lives in its own temp folder, removed with the rest.
  const ws = makeSandbox("gradlens-host-ws-");
  cleanup.add(() => ws.remove());
  const r = await runHostSession({
    workspace: copyFixtures(ws),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, "dist", "test", "host.js"),
    cleanup,
    verbose: process.argv.includes("--verbose"),
  });
  counts = r.counts;
  if (!counts) throw new Error(`the suite exited (${r.exitCode}) without reporting its counts`);
  if (r.exitCode !== 0 && !counts.failed) counts.failed = 1;
} catch (e) {
  console.error(`host: ${e instanceof Error ? e.message : String(e)}`);
  counts = { passed: counts?.passed ?? 0, failed: Math.max(1, counts?.failed ?? 0), skipped: counts?.skipped ?? 0 };
} finally {
  await cleanup.runAll();
}
writeResults("host", counts);
console.log(`host: ${counts.passed} passed, ${counts.failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.exit(counts.failed || counts.skipped ? 1 : 0);
