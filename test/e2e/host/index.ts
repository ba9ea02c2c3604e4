// Runs inside VS Code's extension host (code-server through test/e2e/run-host.mjs, or desktop VS Code through
// @vscode/test-electron): the mocha entry point. `run()` resolves when every test passed and throws when any failed;
// its output starts after a line GRADLENS_HOST_BEGIN and the counts go out as one console line `GRADLENS_HOST_RESULTS {"passed":N,"failed":N,"skipped":N}` for the runner.
import Mocha from "mocha";
import type { HostTest } from "./harness";
import { tests as activation } from "./activation";
import { tests as editor } from "./editor";
import { tests as evaluate } from "./evaluate";
import { tests as evaluator } from "./evaluator";
import { tests as graph } from "./graph";
import { tests as training } from "./training";

const files: [string, HostTest[]][] = [
  ["activation", activation],
  // Early, while few documents are open: the bounds it changes re-evaluate every open .nn.ts file.
  ["evaluator workers", evaluator],
  ["evaluate selection", evaluate],
  ["editor (.nn.ts)", editor],
  ["training", training],
  ["graph view", graph],
];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "tdd", color: false, timeout: 30_000, reporter: "spec" });
  for (const [title, tests] of files) {
    const suite = Mocha.Suite.create(mocha.suite, title);
    for (const t of tests) suite.addTest(new Mocha.Test(t.name, t.fn));
  }
  console.log("GRADLENS_HOST_BEGIN");
  return new Promise((resolve, reject) => {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const runner = mocha.run((failures) => {
      console.log(`GRADLENS_HOST_RESULTS ${JSON.stringify(counts)}`);
      if (failures > 0 || counts.passed === 0) reject(new Error(`${failures} of ${counts.passed + failures} tests failed`));
      else resolve();
    });
    runner.on("pass", () => counts.passed++);
    runner.on("fail", () => counts.failed++);
    runner.on("pending", () => counts.skipped++);
  });
}
