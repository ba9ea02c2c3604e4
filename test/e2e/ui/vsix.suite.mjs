// Runs on Node 20 (the UI runner): GradLens packaged as a .vsix (`npm run package`) and installed into code-server
// with --install-extension, with no development path: what a user installs, driven through the real UI.
import assert from "node:assert/strict";
import { evaluateThroughUi } from "./steps.mjs";

export default {
  name: "vsix",
  load: "vsix",
  ready: "square.nn.ts",
  tests: [
    {
      name: "the installed .vsix evaluates the current line (empty selection)",
      fn: async (wb) => {
        await wb.clearNotifications();
        await wb.openFile("square.nn.ts");
        await wb.goToLine(4);
        await wb.runCommand("GradLens: Evaluate Selection");
        const note = await wb.waitForNotification(/GradLens: value/);
        assert.match(note, /value 7907327; ∂\/∂x = 596144, ∂\/∂y = 1\b/);
      },
    },
    {
      name: "the installed .vsix reports a syntax error's position",
      fn: async (wb) => {
        const note = await evaluateThroughUi(wb, "syntax.nn.ts", 3, /GradLens: .*line \d+:\d+/);
        assert.match(note, /line 3:13\b/);
      },
    },
  ],
};
