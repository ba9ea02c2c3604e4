// Runs on Node 20 (the UI runner): the `.nn.ts` editor features from the installed .vsix (no development path):
// the TypeScript server plugin is found in the package's node_modules, so a built-in's hover shows GradLens's
// declaration and the XOR example has no TypeScript errors; GradLens's own hover answers too.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";

async function hoverToken(wb, line, token, expect, timeout = 60_000) {
  await wb.goToLine(line);
  const span = wb.page.locator(".editor-instance .view-line span", { hasText: new RegExp(`^${token}$`) }).first();
  const deadline = Date.now() + timeout;
  let seen = "";
  for (;;) {
    await wb.page.mouse.move(0, 0);
    await span.hover();
    const hover = wb.page.locator(".monaco-hover").filter({ hasText: expect }).first();
    try {
      await hover.waitFor({ timeout: 3000 });
      return await hover.innerText();
    } catch {
      seen = await wb.page.locator(".monaco-hover").allInnerTexts().catch(() => []);
    }
    if (Date.now() > deadline) throw new Error(`no hover matching ${expect} over ${token}; saw ${JSON.stringify(seen)}`);
    await sleep(500);
  }
}

export default {
  name: "editor-vsix",
  load: "vsix",
  ready: "xor.nn.ts",
  tests: [
    {
      name: "the installed TypeScript server plugin declares the built-ins: no red in xor.nn.ts",
      fn: async (wb) => {
        await wb.openFile("xor.nn.ts");
        const text = await hoverToken(wb, 8, "sigmoid", /function sigmoid\(x: number\): number/);
        assert.match(text, /function sigmoid\(x: number\): number/);
        await wb.page.keyboard.press("Escape");
        await wb.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
        await sleep(1000);
        const rows = await wb.page.locator(".markers-panel .monaco-list-row").allInnerTexts();
        assert.deepEqual(rows.filter((r) => /Cannot find name|ts\(\d+\)/.test(r)), []);
      },
    },
    {
      name: "the installed .vsix answers GradLens hovers: ∂loss/∂b3",
      fn: async (wb) => {
        await wb.openFile("xor.nn.ts");
        const text = await hoverToken(wb, 10, "b3", /∂loss\/∂b3 = /);
        assert.match(text, /∂loss\/∂b3 = -?\d/);
      },
    },
  ],
};
