// Runs on Node 20 (developer machine, CI): what the e2e runners share: provisioning and build, results files,
// and cleanup that also happens on failure and on Ctrl+C.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../../scripts/code-server.mjs";
import { provision } from "../../scripts/provision.mjs";

export const fixtures = join(root, "test", "e2e", "fixtures");
export const screenshots = join(root, "test-results");

export function writeResults(name, counts) {
  const dir = join(root, "out", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(counts));
}

function walk(dir, visit) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else visit(p);
  }
}

/** True when every bundle in dist/ is newer than every source it is built from (`npm test` has just built). */
function buildIsFresh() {
  const outputs = [join(root, "dist", "extension.js"), join(root, "dist", "test", "host.js")];
  walk(join(root, "dist", "webview"), (p) => p.endsWith(".js") && outputs.push(p));
  if (!outputs.every((p) => existsSync(p))) return false;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  let newestInput = Math.max(statSync(join(root, "package.json")).mtimeMs, statSync(join(root, "scripts", "build.mjs")).mtimeMs);
  for (const dir of ["src", "webview", join("test", "e2e", "host")]) {
    walk(join(root, dir), (p) => (newestInput = Math.max(newestInput, statSync(p).mtimeMs)));
  }
  return oldestOutput > newestInput;
}

/** Provisions code-server and the browser, then builds unless dist/ is fresh; on failure records one failed test. */
export function prepare(name, { build = true } = {}) {
  try {
    provision();
    if (build && !buildIsFresh()) {
      const r = spawnSync("node", ["scripts/build.mjs"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
      if (r.status !== 0) throw new Error("the build failed");
    }
  } catch (e) {
    console.error(`${name}: cannot start: ${e instanceof Error ? e.message : String(e)}`);
    writeResults(name, { passed: 0, failed: 1, skipped: 0 });
    process.exit(1);
  }
}

/** A fresh copy of the fixtures workspace inside the sandbox, so runs never share workspace state or edits. */
export function copyFixtures(sandbox) {
  const dir = join(sandbox.dir, "workspace");
  cpSync(fixtures, dir, { recursive: true });
  return dir;
}

/** Runs `cleanups` (last first) once: at the end, on an uncaught error, and on SIGINT/SIGTERM. */
export function cleanupOnExit() {
  const cleanups = [];
  let done = false;
  const runAll = async () => {
    if (done) return;
    done = true;
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch (e) {
        console.error(`cleanup: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.once(sig, () => void runAll().then(() => process.exit(130)));
  }
  return { add: (fn) => cleanups.push(fn), runAll };
}

/**
 * Where a suite saves a picture of what it just checked: test-results/screenshots/ normally, media/screenshots/
 * (the README's pictures) with GRADLENS_UPDATE_SCREENSHOTS=1, so an ordinary run leaves the tree clean.
 */
export function screenshotPath(name) {
  const dir = process.env.GRADLENS_UPDATE_SCREENSHOTS === "1" ? join(root, "media", "screenshots") : join(screenshots, "screenshots");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
