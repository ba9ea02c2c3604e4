// Runs inside VS Code's extension host: GradLens: Evaluate Selection through the real command, on the fixtures.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openFixture, select, type HostTest } from "./harness";

type Outcome =
  | { kind: "value"; value: number; grads: Record<string, number>; text: string }
  | { kind: "error"; message: string; line: number; column: number }
  | { kind: "cancelled" };

const run = () => vscode.commands.executeCommand<Outcome>("gradlens.evaluateSelection");

export const tests: HostTest[] = [
  {
    name: "evaluates (x**2 + 3)**2 + y with x and y from the lines above",
    fn: async () => {
      const editor = await openFixture("square.nn.ts");
      select(editor, "(x**2 + 3)**2 + y");
      const r = await run();
      assert.equal(r?.kind, "value", JSON.stringify(r));
      if (r.kind !== "value") return;
      assert.equal(r.value, 7907327);
      assert.deepEqual(r.grads, { x: 596144, y: 1 });
      // What the output channel received: value, each gradient, and where each name's value came from.
      assert.match(r.text, /value = 7907327/);
      assert.match(r.text, /∂\/∂x = 596144 +\(x = 53, from line 2\)/);
      assert.match(r.text, /∂\/∂y = 1 +\(y = -17, from line 3\)/);
    },
  },
  {
    name: "says when the selection's names are constants it assigned itself, and how to make them leaves",
    fn: async () => {
      const editor = await openFixture("constants.md");
      select(editor, "x = 53; y = -17; (x**2 + 3)**2 + y");
      const r = await run();
      assert.equal(r?.kind, "value", JSON.stringify(r));
      if (r.kind !== "value") return;
      assert.equal(r.value, 7907327);
      assert.deepEqual({ ...r.grads }, {});
      assert.match(r.text, /note: `x` and `y` are constants here \(the expression assigns them numbers\), so they have no gradient: make them leaves with `x = param\(53\)`/);
    },
  },
  {
    name: "an unknown function is said to be one, before any prompt for values",
    fn: async () => {
      const editor = await openFixture("constants.md");
      // `max` is a built-in since issue 17; `hypot` is not.
      select(editor, "hypot(a, b)");
      const r = await run();
      assert.equal(r?.kind, "error", JSON.stringify(r));
      if (r.kind === "error") assert.match(r.message, /^`hypot` is not a known function/);
    },
  },
  {
    name: "evaluates the current line when the selection is empty",
    fn: async () => {
      const editor = await openFixture("square.nn.ts");
      const line = editor.document.lineAt(3);
      assert.equal(line.text, "(x**2 + 3)**2 + y");
      editor.selection = new vscode.Selection(line.range.start.translate(0, 3), line.range.start.translate(0, 3));
      const r = await run();
      assert.equal(r?.kind, "value", JSON.stringify(r));
      if (r.kind === "value") assert.equal(r.grads.x, 596144);
    },
  },
  {
    name: "asks for names the document does not define, and cancelling the prompt cancels the evaluation",
    fn: async () => {
      const editor = await openFixture("missing.nn.ts");
      select(editor, "a * b + a");
      let outcome: Outcome | undefined;
      const pending = run().then((r) => (outcome = r));
      // The input box is not visible to the API: close the quick input until the command returns.
      const deadline = Date.now() + 10_000;
      while (outcome === undefined && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
      }
      await pending;
      // Without a prompt the evaluation would have failed on the missing names instead.
      assert.deepEqual(outcome, { kind: "cancelled" });
    },
  },
  {
    name: "reports a syntax error with its line and column in the document",
    fn: async () => {
      const editor = await openFixture("syntax.nn.ts");
      const expr = "(x ** 2 + 3)) * x";
      select(editor, expr);
      const r = await run();
      assert.equal(r?.kind, "error", JSON.stringify(r));
      if (r.kind !== "error") return;
      // The stray ')' is the second of the two, on line 3 of the file.
      const stray = editor.document.positionAt(editor.document.getText().indexOf("))") + 1);
      assert.equal(r.line, stray.line + 1);
      assert.equal(r.column, stray.character + 1);
      assert.match(r.message, new RegExp(`line ${stray.line + 1}:${stray.character + 1}`));
    },
  },
];
