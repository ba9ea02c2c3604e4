// Runs on Node 20 (the UI runner): the `.nn.ts` editor features through VS Code's real UI: a hover over b3 in the
// XOR example shows ∂loss/∂b3; a typo shows in the Problems panel and goes away when fixed; Gradient-Check
// Selection opens the report webview with a passing and a failing row.
import assert from "node:assert/strict";
import { screenshotPath } from "../lib.mjs";
import { hoverThroughUi, until } from "./steps.mjs";

async function problems(wb) {
  const rows = wb.page.locator(".markers-panel .monaco-list-row");
  return (await rows.allInnerTexts()).map((t) => t.replace(/\u00a0/g, " "));
}

export default {
  name: "editor",
  load: "dev",
  ready: "xor.nn.ts",
  tests: [
    {
      name: "hovering b3 in the XOR example shows ∂loss/∂b3",
      fn: async (wb) => {
        const text = await hoverThroughUi(wb, "xor.nn.ts", 10, "b3", "∂loss/∂b3");
        assert.match(text, /value -?\d[\d.e-]* · ∂loss\/∂b3 = -?\d[\d.e-]*/);
        await wb.page.screenshot({ path: screenshotPath("hover.png") });
        await wb.page.keyboard.press("Escape");
      },
    },
    {
      name: "a typo shows in the Problems panel and disappears when fixed",
      fn: async (wb) => {
        await wb.openFile("typo.nn.ts");
        await wb.goToLine(4);
        await wb.selectToLineEnd();
        await wb.page.keyboard.type("const loss = (wieght * 2 + bias - 1) ** 2;");
        await wb.page.keyboard.press("Escape");
        await wb.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
        const rows = await until("the typo in the Problems panel", () => problems(wb), (rs) => rs?.some((r) => /wieght/.test(r) && /gradlens/i.test(r)));
        assert.ok(rows.some((r) => /no value for `?wieght`?|wieght.*not defined|unknown name|wieght/.test(r)));
        await wb.openFile("typo.nn.ts");
        await wb.goToLine(4);
        await wb.selectToLineEnd();
        await wb.page.keyboard.type("const loss = (weight * 2 + bias - 1) ** 2;");
        await wb.page.keyboard.press("Escape");
        await until("the typo to leave the Problems panel", () => problems(wb), (rs) => Array.isArray(rs) && !rs.some((r) => /wieght/.test(r)));
      },
    },
    {
      name: "Gradient-Check Selection opens a report with a passing and a failing row",
      fn: async (wb) => {
        await wb.openFile("checks.nn.ts");
        await wb.runCommand("GradLens: Gradient-Check Selection");
        const view = wb.webview();
        const fail = view.locator("tr.fail").first();
        await fail.waitFor({ timeout: 20_000 });
        const failText = await fail.innerText();
        assert.match(failText, /^x\s/);
        assert.match(failText, /FAIL/);
        const pass = view.locator('tr.pass[data-name="w"]').first();
        assert.match(await pass.innerText(), /pass/);
        assert.match(await view.locator(".summary").innerText(), /1 of 3 checks fail/);
        assert.equal(await view.locator("svg.plot circle.best").count(), 1);
        await wb.page.locator("iframe.webview.ready").first().screenshot({ path: screenshotPath("gradcheck.png") });
      },
    },
  ],
};
