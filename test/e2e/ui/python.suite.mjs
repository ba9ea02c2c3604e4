// Runs on Node 20 (the UI runner): Python wherever GradLens reads, through VS Code's real UI: a selection in a plain
// `.py` file is read as Python (`7 // 2 + x` is 4, not 7 as TypeScript's comment would make it); a `.nn.py` file gets
// hovers and CodeLens, and what it prints goes to the GradLens output channel; the autograd check of a hand-written
// backward shows its failing row in the gradient-check report.
import assert from "node:assert/strict";
import { evaluateThroughUi, hoverThroughUi, until } from "./steps.mjs";

/** A token in Python's grammar carries the spaces around it in the same span. */
const spaced = (name) => `[\\s\\u00a0]*${name}[\\s\\u00a0]*`;

export default {
  name: "python",
  load: "dev",
  ready: "model.nn.py",
  tests: [
    {
      name: "Evaluate Selection of `7 // 2 + x` in a .py file gives Python's 4, x from the line above",
      fn: async (wb) => {
        const note = await evaluateThroughUi(wb, "select.py", 3, /GradLens: value/);
        assert.match(note, /value 4\b/, note);
        assert.match(note, /∂\/∂x = 1\b/, note);
      },
    },
    {
      name: "hovering bias in a .nn.py file shows ∂loss/∂bias",
      fn: async (wb) => {
        const text = await hoverThroughUi(wb, "model.nn.py", 3, spaced("bias"), "∂loss/∂bias");
        // loss = (0.5·2 + b − 3)²: ∂loss/∂bias = 2·(−1.75) = −3.5 at bias = 0.25.
        assert.match(text, /value 0\.25 · ∂loss\/∂bias = -3\.5\b/, text);
        await wb.page.keyboard.press("Escape");
      },
    },
    {
      name: "Visualize in a .nn.py file draws its target's graph, and what the file printed goes to the output channel",
      fn: async (wb) => {
        await wb.runCommand("View: Close All Editors");
        await wb.openFile("model.nn.py");
        await wb.runCommand("GradLens: Visualize Gradient of Selection");
        await wb.page.locator(".tabs-container .tab", { hasText: "Graph: model.nn.py" }).first().waitFor({ timeout: 30_000 });
        const out = await wb.waitForOutput(/model\.nn\.py printed:/, 30_000);
        assert.match(out, /^loss 3\.0625$/m, out);
        await wb.runCommand("View: Close All Editors");
      },
    },
    {
      name: "CodeLens above loss in a .nn.py file: Visualize · Gradient check · Train, and its Visualize opens the graph",
      fn: async (wb) => {
        await wb.runCommand("View: Close All Editors");
        await wb.openFile("model.nn.py");
        await wb.goToLine(5);
        const lenses = wb.page.locator(".editor-instance .codelens-decoration a");
        const lens = lenses.filter({ hasText: /Visualize/ }).first();
        await lens.waitFor({ timeout: 60_000 });
        const titles = (await lenses.allInnerTexts()).map((t) => t.trim());
        assert.ok(titles.some((t) => /Gradient check/.test(t)) && titles.some((t) => /Train/.test(t)), JSON.stringify(titles));
        const tab = wb.page.locator(".tabs-container .tab", { hasText: "Graph: model.nn.py" }).first();
        // CodeLenses are redrawn when the file is re-evaluated: a click during a redraw is lost, so click again.
        await until("the graph's tab", async () => {
          if (!(await tab.isVisible())) await lens.click({ timeout: 5000 });
          await tab.waitFor({ timeout: 5000 });
          return true;
        }, (ok) => ok === true, 60_000);
        await wb.runCommand("View: Close All Editors");
      },
    },
    {
      name: "the autograd check of a hand-written backward shows y's failing row in the gradient-check report",
      fn: async (wb) => {
        await wb.runCommand("View: Close All Editors");
        await wb.openFile("autograd.nn.py");
        await wb.runCommand("GradLens: Gradient-Check Selection");
        const view = wb.webview();
        const fail = view.locator("tr.fail").first();
        await fail.waitFor({ timeout: 30_000 });
        const failText = await fail.innerText();
        // y's gradient: the learner's 3 against the true 2 (z = x·y + x at x = 2, y = 3).
        assert.match(failText, /\by\b/, failText);
        assert.match(failText, /FAIL/, failText);
        assert.match(failText, /\b3\b/, failText);
        assert.match(failText, /\b2\b/, failText);
        assert.equal(await view.locator("tr.fail").count(), 1, "only y's row fails");
        await wb.runCommand("View: Close All Editors");
      },
    },
  ],
};
