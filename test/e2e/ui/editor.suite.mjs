// Runs on Node 20 (the UI runner): the `.nn.ts` editor features through VS Code's real UI: a hover over b3 in the
// XOR example shows ∂loss/∂b3; a typo shows in the Problems panel and goes away when fixed; Gradient-Check
// Selection opens the report webview with a passing and a failing row.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { screenshotPath } from "../lib.mjs";

/** Polls `read` until `ok` holds; returns the last value read. */
async function until(what, read, ok, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let seen;
  for (;;) {
    seen = await read().catch(() => undefined);
    if (ok(seen)) return seen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw: ${JSON.stringify(seen)}`);
    await sleep(300);
  }
}

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
        await wb.openFile("xor.nn.ts");
        await wb.goToLine(10);
        const token = wb.page.locator(".editor-instance .view-line span", { hasText: /^b3$/ }).first();
        const text = await until("the GradLens hover", async () => {
          await wb.page.mouse.move(0, 0);
          await token.hover();
          const hover = wb.page.locator(".monaco-hover", { hasText: "∂loss/∂b3" }).first();
          await hover.waitFor({ timeout: 3000 });
          return hover.innerText();
        }, (t) => typeof t === "string" && /∂loss\/∂b3 = -?\d/.test(t));
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
