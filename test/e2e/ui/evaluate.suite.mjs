// Runs on Node 20 (the UI runner): GradLens loaded from this folder into code-server, driven through the real UI:
// activation, the palette, GradLens: Evaluate Selection with its notification, output channel and input box.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateThroughUi } from "./steps.mjs";

export default {
  name: "evaluate",
  load: "dev",
  ready: "square.nn.ts",
  tests: [
    {
      name: "is active in a workspace with .nn.ts files (Running Extensions lists it)",
      fn: async (wb) => {
        await wb.openFile("square.nn.ts");
        await wb.runCommand("Developer: Show Running Extensions");
        // The list comes from the extension host, which can be busy for a while on a loaded machine.
        await wb.page.locator(".runtime-extensions-editor .monaco-list-row").first().waitFor({ timeout: 60_000 });
        // The running-extensions editor lists only extensions that activate, "Activating..." until they are done.
        const deadline = Date.now() + 60_000;
        let shown = "";
        while (!/Activation: \d+ms/.test(shown) && Date.now() < deadline) {
          shown = await (await wb.findListRow(".runtime-extensions-editor", "GradLens")).innerText();
          if (!/Activation: \d+ms/.test(shown)) await wb.page.waitForTimeout(1000);
        }
        assert.match(shown, /gradlens/i);
        assert.match(shown, /Activation: \d+ms/);
        await wb.page.keyboard.press("Control+F4");
      },
    },
    {
      name: "every contributed command is in the palette",
      fn: async (wb, ctx) => {
        const manifest = JSON.parse(readFileSync(join(ctx.root, "package.json"), "utf8"));
        const commands = manifest.contributes.commands;
        assert.ok(commands.length > 0);
        for (const c of commands) {
          const title = `${c.category}: ${c.title}`;
          const rows = await wb.paletteEntries(title);
          assert.ok(rows.includes(title), `${title} not in the palette: ${JSON.stringify(rows)}`);
        }
      },
    },
    {
      name: "Evaluate Selection reports 596144 for x in the notification and the output channel",
      fn: async (wb) => {
        const note = await evaluateThroughUi(wb, "square.nn.ts", 4, /GradLens: value/);
        // What was evaluated: the editor shows the expression and the status bar its 17 selected characters.
        assert.match(await wb.editorText(), /^\(x\*\*2 \+ 3\)\*\*2 \+ y$/m);
        await wb.page.locator(".part.statusbar", { hasText: "Ln 4, Col 18 (17 selected)" }).waitFor({ timeout: 5000 });
        assert.match(note, /value 7907327/);
        assert.match(note, /∂\/∂x = 596144/);
        assert.match(note, /∂\/∂y = 1\b/);
        await wb.clickNotificationButton(/GradLens: value/, "Show Output");
        const out = await wb.waitForOutput(/∂\/∂x = 596144/);
        assert.match(out, /value = 7907327/);
        assert.match(out, /∂\/∂x = 596144 +\(x = 53, from line 2\)/);
        assert.match(out, /∂\/∂y = 1 +\(y = -17, from line 3\)/);
      },
    },
    {
      name: "a syntax error is reported with its line and column",
      fn: async (wb, ctx) => {
        const src = readFileSync(join(ctx.workspace, "syntax.nn.ts"), "utf8");
        const line = src.split("\n")[2];
        const column = line.indexOf("))") + 2;
        const note = await evaluateThroughUi(wb, "syntax.nn.ts", 3, /GradLens: .*line \d+:\d+/);
        assert.match(note, new RegExp(`line 3:${column}\\b`), note);
        // "Go to Error" selects the offending token: the status bar shows where the selection ends.
        await wb.clickNotificationButton(/GradLens: .*line \d+:\d+/, "Go to Error");
        const status = wb.page.locator(".part.statusbar", { hasText: `Ln 3, Col ${column + 1} (1 selected)` });
        await status.waitFor({ timeout: 10_000 });
      },
    },
    {
      name: "names missing from the document are asked for, then pre-filled with the last values",
      fn: async (wb) => {
        await wb.clearNotifications();
        await wb.openFile("missing.nn.ts");
        await wb.goToLine(2);
        await wb.selectToLineEnd();
        await wb.runCommand("GradLens: Evaluate Selection");
        assert.equal(await wb.waitForInputBox("GradLens: values"), "a = , b = ");
        await wb.answerInputBox("a = 3, b = 4");
        const first = await wb.waitForNotification(/GradLens: value/);
        assert.match(first, /value 15; ∂\/∂a = 5, ∂\/∂b = 3/);
        await wb.clearNotifications();
        await wb.runCommand("GradLens: Evaluate Selection");
        assert.equal(await wb.waitForInputBox("GradLens: values"), "a = 3, b = 4");
        await wb.answerInputBox("a = 3, b = 4");
        assert.match(await wb.waitForNotification(/GradLens: value/), /value 15/);
        // Nothing typed went astray into the document.
        assert.match(await wb.editorText(), /^a \* b \+ a$/m);
      },
    },
  ],
};
