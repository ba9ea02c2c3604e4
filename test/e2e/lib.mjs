// Runs on Node 20 (developer machine, CI): what the e2e runners share: provisioning and build, results files,
// and cleanup that also happens on failure and on Ctrl+C.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
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

/** Provisions code-server and the browser, then builds; on any failure records one failed test and exits 1. */
export function prepare(name, { build = true } = {}) {
  try {
    provision();
    if (build) {
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
