// Runs on Node (developer machine, CI): `npm test`. Type check, lint, build, then every suite; prints one summary
// line last, alone: "N passed, N failed" (", N skipped" when any were skipped). The checks count as one test each.
// Suites other than vitest write their counts to out/results/<suite>.json as {"passed":N,"failed":N,"skipped":N}.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const results = join(root, "out", "results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0, failed = 0, skipped = 0;
const lines = [];

function run(label, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  return { ok: r.status === 0, secs, status: r.status ?? r.signal };
}

function check(label, cmd, args) {
  const r = run(label, cmd, args);
  if (r.ok) passed++;
  else failed++;
  lines.push(`${label}: ${r.ok ? "ok" : `FAILED (exit ${r.status})`} in ${r.secs}s`);
  return r.ok;
}

function suite(label, file, cmd, args, env) {
  const out = join(results, file);
  const r = run(label, cmd, args, env);
  let counts;
  if (existsSync(out)) {
    try {
      counts = JSON.parse(readFileSync(out, "utf8"));
    } catch {
      counts = undefined;
    }
  }
  if (!counts) counts = { passed: 0, failed: 1, skipped: 0 };
  // A suite that exits non-zero with no failure recorded still failed: count it.
  if (!r.ok && !counts.failed) counts.failed = 1;
  passed += counts.passed ?? 0;
  failed += counts.failed ?? 0;
  skipped += counts.skipped ?? 0;
  lines.push(`${label}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""} in ${r.secs}s`);
}

const npx = "npx";
check("typecheck", npx, ["tsc", "--noEmit", "-p", "."]);
check("typecheck webview", npx, ["tsc", "--noEmit", "-p", "webview"]);
check("lint", npx, ["eslint", "."]);
const built = check("build", "node", ["scripts/build.mjs"]);

const vitestOut = join(results, "vitest-raw.json");
{
  const r = run("unit tests (vitest)", npx, ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestOut}`]);
  let c = { passed: 0, failed: r.ok ? 0 : 1, skipped: 0 };
  if (existsSync(vitestOut)) {
    const j = JSON.parse(readFileSync(vitestOut, "utf8"));
    c = { passed: j.numPassedTests, failed: j.numFailedTests + (j.numFailedTestSuites ?? 0), skipped: j.numPendingTests + (j.numTodoTests ?? 0) };
    if (!r.ok && !c.failed) c.failed = 1;
  }
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  lines.push(`unit tests: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""} in ${r.secs}s`);
}

// Browser (real Chromium) and real VS Code suites, each through its own runner script.
const suites = [
  ["webview tests (Chromium)", "webview.json", "test/webview/run.mjs"],
  ["VS Code extension-host tests", "host.json", "test/e2e/run-host.mjs"],
  ["VS Code UI tests", "ui.json", "test/e2e/run-ui.mjs"],
];
for (const [label, file, script] of suites) {
  if (!existsSync(join(root, script))) continue;
  if (!built) {
    failed++;
    lines.push(`${label}: not run, the build failed`);
    continue;
  }
  suite(label, file, "node", [script]);
}

console.log("\n=== summary ===");
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 && skipped === 0 ? 0 : 1);
