// Runs on Node 20 (the UI runner): packages GradLens as a .vsix through `npm run package`'s script, once per run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { root } from "../../scripts/code-server.mjs";

export function packageVsix(out) {
  mkdirSync(dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const r = spawnSync("node", [join(root, "scripts", "package.mjs"), "-o", out], { cwd: root, encoding: "utf8" });
  if (r.status !== 0 || !existsSync(out)) {
    throw new Error(`packaging the .vsix failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  }
  return out;
}
