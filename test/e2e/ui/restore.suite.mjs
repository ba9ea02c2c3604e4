// Runs on Node 20 (the UI runner): the graph panel comes back after "Developer: Reload Window" in every case. A graph
// whose folding the user changed (the drawing saved then came from a folding answer) comes back live; when its file
// is gone, or no longer evaluates, the restored view keeps its last drawing and says why in its banner.
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { until } from "./steps.mjs";

/** Too big to draw whole: the graph of four XOR rows through a 2-6-6-1 network folds. */
const WIDE = "// A network over the XOR rows, too big to draw whole: its graph folds.\nconst net = mlp([2, 6, 6, 1], { seed: 1 });\n" +
  "let loss = 0;\nfor (const [p, q, y] of XOR) loss += (net([p, q]) - y) ** 2;\n";
const SMALL = "const w = param(2);\nconst loss = w * w;\n";

const graphTab = (wb, title) => wb.page.locator(".tabs-container .tab", { hasText: title }).first();
const nodeCount = (wb) => wb.webview().locator("#gl-graph g.node").count();
const banner = (wb) => wb.webview().locator("#gl-banner").innerText({ timeout: 2000 });
const status = (wb) => wb.webview().locator("#gl-status").innerText({ timeout: 2000 });

async function reload(wb, title) {
  await wb.runCommand("Developer: Reload Window");
  await wb.page.locator(".part.statusbar").first().waitFor({ timeout: 60_000 });
  await graphTab(wb, title).waitFor({ timeout: 60_000 });
}

/** Opens `file`, draws its graph, and waits for the drawing. */
async function visualize(wb, file, title) {
  await wb.openFile(file);
  await wb.runCommand("GradLens: Visualize Gradient of Selection");
  await graphTab(wb, title).waitFor({ timeout: 30_000 });
  return until(`the graph of ${file}`, () => nodeCount(wb), (n) => n > 0, 60_000);
}

/** Closes the editor of `file` if one is open (the graph panel, whose title names the file too, stays). */
async function closeEditor(wb, file) {
  const tabs = wb.page.locator(".tabs-container .tab", { hasText: new RegExp(`^\\s*${file.replace(/\./g, "\\.")}`) });
  if ((await tabs.count()) === 0) return;
  await tabs.first().click();
  await wb.runCommand("View: Close Editor");
  await until(`${file}'s tab to close`, () => tabs.count(), (n) => n === 0, 10_000);
}

export default {
  name: "restore",
  load: "dev",
  ready: "xor.nn.ts",
  tests: [
    {
      name: "a graph whose folding was changed comes back after Reload Window, and its session answers",
      fn: async (wb, ctx) => {
        writeFileSync(join(ctx.workspace, "wide.nn.ts"), WIDE);
        const drawn = await visualize(wb, "wide.nn.ts", "Graph: wide.nn.ts (loss)");
        const group = wb.webview().locator('#gl-graph g.node[aria-label^="folded group"]').first();
        await group.click();
        // The folding answer is the drawing the view saves: it must carry the source a restore reads.
        await until("the group to expand", () => nodeCount(wb), (n) => n > drawn, 30_000);
        await reload(wb, "Graph: wide.nn.ts (loss)");
        const shown = await until("the restored graph", () => nodeCount(wb), (n) => n > 0, 60_000);
        assert.match(await status(wb), /^\d+ nodes shown for \d+ on the tape/);
        // Live: a folded group expands again, answered by the restored session in its worker.
        await until("the restored session to answer", async () => {
          await wb.webview().locator('#gl-graph g.node[aria-label^="folded group"]').first().click();
          await new Promise((r) => setTimeout(r, 1500));
          return nodeCount(wb);
        }, (n) => n > shown, 45_000);
        assert.doesNotMatch(await banner(wb).catch(() => ""), /not up to date|could not be restored/);
      },
    },
    {
      name: "when its file is gone, the restored view keeps its drawing and says so",
      fn: async (wb, ctx) => {
        await closeEditor(wb, "wide.nn.ts");
        rmSync(join(ctx.workspace, "wide.nn.ts"));
        await reload(wb, "Graph: wide.nn.ts (loss)");
        const text = await until("the banner", () => banner(wb), (t) => /could not be restored/.test(t ?? ""), 60_000);
        assert.match(text, /^The graph could not be restored: wide\.nn\.ts no longer exists\.$/);
        assert.ok((await nodeCount(wb)) > 0, "the saved drawing is gone");
      },
    },
    {
      name: "when its file no longer evaluates, the restored view says why, with the position",
      fn: async (wb, ctx) => {
        const file = join(ctx.workspace, "small.nn.ts");
        writeFileSync(file, SMALL);
        await visualize(wb, "small.nn.ts", "Graph: small.nn.ts (loss)");
        await closeEditor(wb, "small.nn.ts");
        writeFileSync(file, SMALL.replace("w * w", "w * wieght"));
        await reload(wb, "Graph: small.nn.ts (loss)");
        const text = await until("the banner", () => banner(wb), (t) => /could not be restored/.test(t ?? ""), 60_000);
        assert.match(text, /^The graph could not be restored: .*wieght.*\(line 2:18\)/);
        assert.ok((await nodeCount(wb)) > 0, "the saved drawing is gone");
      },
    },
  ],
};
