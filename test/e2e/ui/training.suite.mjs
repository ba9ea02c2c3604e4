// Runs on Node 20 (the UI runner): the training view through VS Code's real UI: GradLens: Train XOR from the
// palette opens the GradLens → Training view, the loss falls and the table ends all ✓; while a long run trains,
// Evaluate Selection in a .nn.ts file still answers; Pause stops it; hiding and re-showing the view, and reloading
// the window, keep it.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { screenshotPath } from "../lib.mjs";
import { hoverThroughUi, until } from "./steps.mjs";

/** Steps of the long run: long enough that Evaluate Selection and a hover both answer while it trains. */
const LONG_RUN = "10000000";

const status = (wb) => wb.webview().locator("#gl-status").innerText({ timeout: 3000 });
/** Evaluate Selection on square.nn.ts line 4 through the palette; its notification and how long it took. */
async function probe(wb) {
  await wb.clearNotifications();
  await wb.openFile("square.nn.ts");
  await wb.goToLine(4);
  await wb.selectToLineEnd();
  const t0 = Date.now();
  await wb.runCommand("GradLens: Evaluate Selection", { timeout: 60_000 });
  const text = await wb.waitForNotification(/GradLens: value/, 60_000);
  return { text, ms: Date.now() - t0 };
}

const stepOf = (s) => Number(/step (\d+) \//.exec(s ?? "")?.[1] ?? NaN);

export default {
  name: "training",
  load: "dev",
  ready: "xor.nn.ts",
  tests: [
    {
      name: "GradLens: Train XOR opens the view; the loss falls and the table ends all ✓",
      fn: async (wb) => {
        // Contributed commands reach the palette a moment after the workbench shows: wait for ours first.
        assert.ok((await wb.paletteEntries("GradLens: Train XOR")).includes("GradLens: Train XOR"));
        await wb.runCommand("GradLens: Train XOR");
        const done = await until("the XOR run to finish", () => status(wb), (s) => /^done · step 2000 \/ 2000/.test(s ?? ""));
        const m = /loss ([\d.e-]+) \(from ([\d.e-]+)\)/.exec(done);
        assert.ok(m, done);
        assert.ok(Number(m[1]) < 0.01 && Number(m[2]) > 1, `loss went from ${m[2]} to ${m[1]}`);
        const view = wb.webview();
        assert.equal(await view.locator("#gl-predictions td.gl-right").count(), 4);
        assert.equal(await view.locator("#gl-predictions td.gl-wrong").count(), 0);
        assert.match(await view.locator("#gl-verdict").innerText(), /^learned in \d+ steps/);
        assert.equal(await view.locator("#gl-chart .uplot canvas").count(), 1);
        assert.match(done, /[\d,]+ steps\/s/);
        await wb.page.locator("iframe.webview.ready").first().screenshot({ path: screenshotPath("training.png") });
      },
    },
    {
      name: "while a long run trains, Evaluate Selection and a hover in a .nn.ts file still answer; Pause stops the run",
      fn: async (wb) => {
        // The same probe without training first, for a baseline on this (shared, loaded) machine.
        const baseline = await probe(wb);
        const view = wb.webview();
        await view.locator("#gl-steps").fill(LONG_RUN);
        await view.locator("#gl-train").click();
        await until("the long run to start", () => status(wb), (s) => /^running/.test(s ?? ""));
        const t0 = Date.now();
        const note = await probe(wb);
        const during = await status(wb);
        console.log(`    Evaluate Selection: ${note.ms} ms while training, ${baseline.ms} ms without`);
        assert.match(note.text, /value 7907327/);
        assert.match(note.text, /∂\/∂x = 596144/);
        // Still training after the evaluation answered: the host served both.
        assert.match(during, /^running/, `training stopped: ${during}`);
        assert.ok(Date.now() - t0 < 3 * baseline.ms + 5000, `Evaluate Selection took ${note.ms} ms while training, ${baseline.ms} ms without`);
        // The editor features answer too: a hover over b3 in the XOR example, read from the hover widget.
        const h0 = Date.now();
        const hover = await hoverThroughUi(wb, "xor.nn.ts", 10, "b3", "∂loss/∂b3");
        console.log(`    hover over b3: ${Date.now() - h0} ms while training`);
        assert.match(hover, /∂loss\/∂b3 = -?\d/);
        await wb.page.keyboard.press("Escape");
        assert.match(await status(wb), /^running/, "the run ended before the hover answered: the probe proved nothing");
        await view.locator("#gl-pause").click();
        const paused = await until("the pause", () => status(wb), (s) => /^paused/.test(s ?? ""), 5000);
        await sleep(1000);
        assert.equal(stepOf(await status(wb)), stepOf(paused));
        assert.ok(stepOf(paused) > 2000, paused);
      },
    },
    {
      name: "hiding and re-showing the view keeps the run where it was",
      fn: async (wb) => {
        const before = await status(wb);
        await wb.runCommand("View: Show Explorer");
        await wb.page.locator(".explorer-viewlet").first().waitFor();
        await wb.runCommand("GradLens: Focus on Training View");
        const after = await until("the view to come back", () => status(wb), (s) => /^paused/.test(s ?? ""));
        assert.equal(stepOf(after), stepOf(before));
        assert.equal(await wb.webview().locator("#gl-steps").inputValue(), LONG_RUN);
      },
    },
    {
      name: "after Reload Window the view shows the last run and its settings",
      fn: async (wb) => {
        const before = await status(wb);
        await wb.runCommand("Developer: Reload Window");
        // The window comes back with the GradLens side bar open, as it was left.
        await wb.page.locator(".part.statusbar").first().waitFor({ timeout: 60_000 });
        const after = await until("the view after reload", () => status(wb), (s) => /^paused/.test(s ?? ""), 60_000);
        assert.equal(stepOf(after), stepOf(before));
        assert.equal(await wb.webview().locator("#gl-steps").inputValue(), LONG_RUN);
        assert.equal(await wb.webview().locator("#gl-predictions td.gl-right").count(), 4);
      },
    },
  ],
};
