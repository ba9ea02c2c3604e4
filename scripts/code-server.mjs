// Runs on Node 20 (developer machine, CI): starts and stops a real VS Code (code-server on Node 24) and a headless
// Chromium for the e2e runners and `npm start`. Every file either writes stays in one temp folder; every process is
// started detached and ended by its process group.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, codeServerEntry, node24, node24Dir } from "./provision.mjs";

export const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** A temp folder with TMPDIR and XDG_* inside it, and an env that points there. */
export function makeSandbox(prefix = "gradlens-e2e-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const sub = (name) => {
    const p = join(dir, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  const env = {
    ...process.env,
    TMPDIR: sub("tmp"),
    XDG_DATA_HOME: sub("xdg-data"),
    XDG_CONFIG_HOME: sub("xdg-config"),
    XDG_CACHE_HOME: sub("xdg-cache"),
    HOME: sub("home"),
  };
  return {
    dir,
    env,
    sub,
    remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function codeServerArgs(sandbox) {
  const config = join(sandbox.sub("code-server"), "config.yaml");
  writeFileSync(config, "auth: none\ncert: false\n");
  return [
    codeServerEntry,
    "--auth", "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--ignore-last-opened",
    "--user-data-dir", sandbox.sub("user-data"),
    "--extensions-dir", sandbox.sub("extensions"),
    "--config", config,
  ];
}

function serverEnv(sandbox) {
  return { ...sandbox.env, PATH: `${join(node24Dir, "bin")}:${process.env.PATH}`, NODE_OPTIONS: "" };
}

/** `code-server --install-extension file.vsix` into the sandbox's extensions folder; returns its output. */
export function installVsix(sandbox, vsix) {
  const r = spawnSync(node24, [...codeServerArgs(sandbox), "--install-extension", vsix], {
    env: serverEnv(sandbox),
    encoding: "utf8",
    timeout: 120_000,
  });
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (exit ${r.status ?? r.signal}): ${out}`);
  return out;
}

/**
 * Starts code-server on 127.0.0.1 and waits until it answers. `log` receives its output lines.
 * Returns { port, origin, process, stop }.
 */
export async function startCodeServer(sandbox, { port, log = () => {}, smokeTestDriver = true, workspace } = {}) {
  port ??= await freePort();
  const args = [...codeServerArgs(sandbox), "--bind-addr", `127.0.0.1:${port}`];
  if (smokeTestDriver) args.push("--vscode-option", "enable-smoke-test-driver");
  if (workspace) args.push(workspace);
  const child = spawn(node24, args, { env: serverEnv(sandbox), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let exited = null;
  child.on("exit", (code, signal) => (exited = code ?? signal));
  const onData = (buf) => {
    for (const line of buf.toString().split("\n")) if (line.trim()) log(line);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited early (${exited})`);
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("code-server did not answer within 30 s");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, origin, process: child, stop };
}

/** Ends a detached child's whole process group: TERM, then KILL after 5 s. */
export function stopGroup(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      // Stragglers of the group (extension host, watchers) go too.
      kill("SIGKILL");
      resolve();
    });
    kill("SIGTERM");
  });
}

/** The workbench URL for a folder, with the smoke-test payload (extension development path, test suite). */
export function workbenchUrl(origin, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = new URL(origin).host;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(["extensionDevelopmentPath", `vscode-remote://${authority}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(["extensionTestsPath", `vscode-remote://${authority}${extensionTestsPath}`]);
  let url = `${origin}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Headless Debian Chromium through playwright-core, its profile and temp files inside the sandbox. */
export async function launchBrowser(sandbox) {
  const { chromium } = await import("playwright-core");
  const context = await chromium.launchPersistentContext(sandbox.sub("chromium-profile"), {
    executablePath: CHROMIUM,
    headless: true,
    env: sandbox.env,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  return context;
}
