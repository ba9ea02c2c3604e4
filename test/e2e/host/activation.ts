// Runs inside VS Code's extension host: GradLens activates on a .nn.ts file and registers every command it
// contributes.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extension, openFixture, waitFor, type HostTest } from "./harness";

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

export const tests: HostTest[] = [
  {
    name: "activates when a .nn.ts file is open",
    fn: async () => {
      const editor = await openFixture("square.nn.ts");
      assert.equal(editor.document.languageId, "typescript");
      const ext = extension();
      await waitFor("GradLens to activate", () => ext.isActive);
      // isActive turns true even when activate() threw; activate() rejects then, so this catches a broken bundle.
      await ext.activate();
      assert.ok((await vscode.commands.getCommands(true)).includes("gradlens.evaluateSelection"));
    },
  },
  {
    name: "registers every contributed command, each with the GradLens category",
    fn: async () => {
      const contributed = (extension().packageJSON as { contributes: { commands: ContributedCommand[] } }).contributes.commands;
      assert.ok(contributed.length >= 1, "no commands contributed");
      await extension().activate();
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = contributed.filter((c) => !registered.has(c.command)).map((c) => c.command);
      assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(", ")}`);
      for (const c of contributed) {
        assert.match(c.command, /^gradlens\./);
        assert.equal(c.category, "GradLens", `${c.command} has no GradLens category`);
      }
    },
  },
];
