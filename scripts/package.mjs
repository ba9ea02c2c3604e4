// Runs on Node 20 (developer machine, CI): `npm run package` writes gradlens-<version>.vsix with @vscode/vsce.
// It stages the package in out/package/: a production build (so a concurrent dev build of ./dist cannot leak in),
// the manifest without scripts and devDependencies, README, LICENSE, media and the runtime node_modules the
// extension loads by name (the TypeScript server plugin, once it exists); .vscodeignore still filters the files.
//   node scripts/package.mjs [-o FILE.vsix]
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const i = process.argv.indexOf("-o");
const out = resolve(i > 0 ? process.argv[i + 1] : join(root, `gradlens-${manifest.version}.vsix`));
const stage = join(root, "out", "package");
/** Runtime packages VS Code resolves from node_modules by name; everything else is bundled into dist/. */
const RUNTIME_MODULES = ["gradlens-ts-plugin"];

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const build = spawnSync("node", [join(root, "scripts", "build.mjs"), "--production", "--outdir", stage], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
});
if (build.status !== 0) fail("the production build failed");
rmSync(join(stage, "dist", "test"), { recursive: true, force: true });

for (const f of ["README.md", "CHANGELOG.md", "LICENSE", ".vscodeignore", "media"]) {
  if (existsSync(join(root, f))) cpSync(join(root, f), join(stage, f), { recursive: true });
}
const modules = RUNTIME_MODULES.filter((m) => existsSync(join(root, "node_modules", m)));
for (const m of modules) cpSync(join(root, "node_modules", m), join(stage, "node_modules", m), { recursive: true, dereference: true });

// The staged manifest: no build scripts (vsce would run vscode:prepublish there), no devDependencies, and only the
// runtime dependencies that are staged, so vsce's `npm list --production` finds exactly them.
const staged = { ...manifest };
delete staged.scripts;
delete staged.devDependencies;
staged.dependencies = Object.fromEntries(modules.map((m) => [m, manifest.dependencies?.[m] ?? "*"]));
writeFileSync(join(stage, "package.json"), `${JSON.stringify(staged, null, 2)}\n`);

const vsce = join(root, "node_modules", ".bin", "vsce");
// No repository URL exists yet: --allow-missing-repository keeps vsce from prompting, and README's relative links
// (examples/, docs) stay as they are instead of failing for want of a base URL to rewrite them against.
const args = ["package", "--allow-missing-repository", "--no-rewrite-relative-links", "-o", out];
const r = spawnSync(vsce, args, { cwd: stage, stdio: "inherit" });
if (r.status !== 0) fail(`vsce failed (exit ${r.status ?? r.signal})`);
console.log(`package: ${out}`);
