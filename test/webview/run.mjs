// Runs on Node (npm test, CI): the graph webview in a real Chromium. Loads dist/webview/graph.js into a page like
// the panel's, posts scripted messages and checks what is drawn and what the view posts back. Writes
// out/results/webview.json {"passed","failed","skipped"}; exits non-zero on any failure or when Chromium is missing.
//   node test/webview/run.mjs [name-filter]   (installs Debian's chromium first when missing and run as root)
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { debianPackages } from "../../scripts/provision.mjs";
import { CHROMIUM, launch } from "./page.mjs";
import { loadFixtures } from "./fixtures-build.mjs";
import { graphTests } from "./graph.tests.mjs";
import { loadTrainingFixtures, trainingTests } from "./training.tests.mjs";

const root = new URL("../..", import.meta.url).pathname;
const resultsDir = join(root, "out", "results");
const filter = process.argv[2];

function finish(passed, failed) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "webview.json"), JSON.stringify({ passed, failed, skipped: 0 }) + "\n");
  console.log(`webview: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// A fresh machine has no browser yet: install Debian's chromium first (as root; otherwise the error says how).
try {
  debianPackages();
} catch (e) {
  console.error(`provision: ${e instanceof Error ? e.message : String(e)}`);
}
if (!existsSync(CHROMIUM)) {
  console.error(`FAILED: Chromium is missing at ${CHROMIUM}; the webview suite needs a real browser (apt-get install chromium).`);
  finish(0, 1);
}
if (!existsSync(join(root, "dist/webview/graph.js"))) {
  console.error("FAILED: dist/webview/graph.js is missing; run `npm run build` first.");
  finish(0, 1);
}

let fx, trainingFx, browser;
try {
  fx = await loadFixtures(root);
  trainingFx = await loadTrainingFixtures(root);
  browser = await launch(root);
} catch (e) {
  console.error(`FAILED to start: ${e instanceof Error ? e.message : e}`);
  finish(0, 1);
}
let passed = 0, failed = 0;
try {
  for (const [name, fn] of [...graphTests(fx), ...trainingTests(root, trainingFx)]) {
    if (filter && !name.includes(filter)) continue;
    const t0 = Date.now();
    try {
      await fn(browser);
      passed++;
      console.log(`  ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL ${name}: ${e instanceof Error ? e.stack : e}`);
    }
  }
} finally {
  await browser.close();
}
finish(passed, failed);
