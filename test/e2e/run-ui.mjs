// Runs on Node 20 (developer machine, CI): the UI suites in test/e2e/ui/*.suite.mjs, driven through VS Code's real
// UI (code-server) in headless Chromium. One code-server and one browser per suite, shared by its tests; a failing
// test leaves a screenshot in test-results/; every process and temp folder goes at the end, also on failure.
// Writes out/results/ui.json.    node test/e2e/run-ui.mjs [suite-name ...] [--verbose]
//
// A suite file's default export: { name, load: "dev" | "vsix" | launch(ctx), ready: fileName, tests: [{ name, fn }] }
// where fn receives (wb: Workbench, ctx) and throws to fail. `launch` starts its own server and returns
// { url, stop }; "dev" loads GradLens from this folder, "vsix" installs the packaged .vsix into code-server.
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { installVsix, launchBrowser, makeSandbox, root, startCodeServer, workbenchUrl } from "../../scripts/code-server.mjs";
import { cleanupOnExit, copyFixtures, prepare, screenshots, writeResults } from "./lib.mjs";
import { packageVsix } from "./vsix.mjs";
import { Workbench } from "./ui/workbench.mjs";

const t0 = Date.now();
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.filter((a) => !a.startsWith("--"));

prepare("ui", { build: !args.includes("--no-build") });
const uiDir = join(root, "test", "e2e", "ui");
const suites = [];
for (const f of readdirSync(uiDir).filter((f) => f.endsWith(".suite.mjs")).sort()) {
  const s = (await import(pathToFileURL(join(uiDir, f)).href)).default;
  if (only.length === 0 || only.includes(s.name)) suites.push(s);
}
if (only.length && suites.length !== only.length) {
  console.error(`ui: unknown suite in ${only.join(", ")}`);
  writeResults("ui", { passed: 0, failed: 1, skipped: 0 });
  process.exit(1);
}
mkdirSync(screenshots, { recursive: true });

const cleanup = cleanupOnExit();
const counts = { passed: 0, failed: 0, skipped: 0 };
let vsix;

async function runSuite(suite) {
  const started = Date.now();
  const local = [];
  const log = (l) => verbose && console.log(`[${suite.name}] ${l}`);
  const end = async () => {
    for (const c of local.reverse()) await Promise.resolve().then(c).catch((e) => console.error(`cleanup: ${e.message}`));
    local.length = 0;
  };
  cleanup.add(end);
  console.log(`\n# ${suite.name}`);
  let page;
  try {
    const sandbox = makeSandbox(`gradlens-ui-${suite.name}-`);
    local.push(() => sandbox.remove());
    const ctx = { sandbox, log, root };
    let url;
    if (typeof suite.load === "function") {
      const launched = await suite.load(ctx);
      local.push(launched.stop);
      url = launched.url;
    } else {
      const workspace = copyFixtures(sandbox);
      ctx.workspace = workspace;
      if (suite.load === "vsix") {
        vsix ??= packageVsix(join(root, "out", "e2e", "gradlens.vsix"));
        log(installVsix(sandbox, vsix).trim());
      }
      const server = await startCodeServer(sandbox, { log });
      local.push(() => server.stop());
      const dev = suite.load === "dev" ? { extensionDevelopmentPath: root } : {};
      url = workbenchUrl(server.origin, workspace, dev);
    }
    const browser = await launchBrowser(sandbox);
    local.push(() => browser.close());
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (e) => log(`page error: ${e.message}`));
    await page.goto(url);
    const wb = new Workbench(page);
    await wb.waitReady(suite.ready);
    ctx.workbench = wb;
    for (const t of suite.tests) {
      const t1 = Date.now();
      try {
        await t.fn(wb, ctx);
        counts.passed++;
        console.log(`  ✔ ${t.name} (${((Date.now() - t1) / 1000).toFixed(1)}s)`);
      } catch (e) {
        counts.failed++;
        console.log(`  ✘ ${t.name}\n    ${(e instanceof Error ? e.message : String(e)).split("\n").join("\n    ")}`);
        await shoot(page, `${suite.name}--${t.name}`);
        // Leave the workbench usable for the next test: close any open quick input or dialog.
        await page.keyboard.press("Escape").catch(() => {});
      }
    }
  } catch (e) {
    // The suite could not start (or its workbench never loaded): each of its tests failed.
    counts.failed += Math.max(1, suite.tests.length);
    console.log(`  ✘ suite ${suite.name} did not start: ${e instanceof Error ? e.message : String(e)}`);
    if (page) await shoot(page, `${suite.name}--startup`);
  } finally {
    await end();
  }
  console.log(`  (${suite.name}: ${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

async function shoot(page, name) {
  const file = join(screenshots, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path: file }).then(() => console.log(`    screenshot: ${file}`), () => {});
}

try {
  for (const s of suites) await runSuite(s);
} finally {
  await cleanup.runAll();
}
writeResults("ui", counts);
console.log(`ui: ${counts.passed} passed, ${counts.failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.exit(counts.failed || counts.passed === 0 ? 1 : 0);
