// Runs on Node 20 (the UI runner): the seed tutorials' tensor examples (examples/seed002-modules.nn.ts and
// examples/seed000-xor.nn.ts, copied from examples/ into the workspace at run time: no second copy to drift)
// through VS Code's real UI: seed 002's failing hand-written backward shows as a warning on line 59 with no
// TypeScript errors, its gradcheck CodeLens opens the report with failing w1 elements; Visualize draws the tensor
// graph with shapes, clicking w1 opens its 3×4 heat map; seed 000 trains from the palette and learns XOR.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startCodeServer, workbenchUrl } from "../../../scripts/code-server.mjs";
import { copyFixtures, screenshotPath } from "../lib.mjs";
import { hoverThroughUi, until } from "./steps.mjs";

const SEED2 = "seed002-modules.nn.ts";
const SEED0 = "seed000-xor.nn.ts";

/** The fixtures workspace plus the two seed examples from examples/ (the .vsix does not ship them). */
async function load(ctx) {
  const workspace = copyFixtures(ctx.sandbox);
  for (const f of [SEED2, SEED0]) copyFileSync(join(ctx.root, "examples", f), join(workspace, f));
  ctx.workspace = workspace;
  const server = await startCodeServer(ctx.sandbox, { log: ctx.log });
  return { url: workbenchUrl(server.origin, workspace, { extensionDevelopmentPath: ctx.root }), stop: () => server.stop() };
}

/**
 * The Problems panel's visible rows as { file, severity, text }: file rows (tree level 1) head their markers (level
 * 2), whose severity is read from the marker's codicon.
 */
async function problems(wb) {
  const rows = await wb.page.locator(".markers-panel .monaco-list-row").evaluateAll((els) => els.map((e) => ({
    level: e.getAttribute("aria-level"),
    text: (e.textContent ?? "").replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim(),
    severity: e.querySelector('[class*="codicon-error"]') ? "error" : e.querySelector('[class*="codicon-warning"]') ? "warning" : "other",
  })));
  let file = "";
  const out = [];
  for (const r of rows) {
    if (r.level === "1") file = r.text;
    else out.push({ file, severity: r.severity, text: r.text });
  }
  return out;
}
const ofSeed2 = (ps) => (ps ?? []).filter((p) => p.file.includes(SEED2));

/** The drawn graph nodes' texts (Mermaid SVG text, so textContent). */
const nodeTexts = (wb) => wb.webview().locator("#gl-graph g.node").evaluateAll((els) =>
  els.map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim()));

export default {
  name: "seeds",
  load,
  ready: SEED2,
  tests: [
    {
      name: "seed 002: the Model.backward warning on line 59 shows in Problems, with no TypeScript errors",
      fn: async (wb) => {
        await wb.openFile(SEED2);
        await wb.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
        const seen = await until("the Model.backward warning in Problems", async () => ofSeed2(await problems(wb)),
          (ps) => ps?.some((p) => /`?Model\.backward`? disagrees with central differences/.test(p.text)), 60_000);
        const warning = seen.find((p) => /Model\.backward/.test(p.text));
        assert.equal(warning.severity, "warning", JSON.stringify(warning));
        assert.match(warning.text, /disagrees with central differences: w1\[/);
        assert.match(warning.text, /\[Ln 59, Col 1\]/);
        // One entry for the failed check, not a second "gradient check failed" beside it.
        assert.equal(seen.filter((p) => /\[Ln 59, Col 1\]/.test(p.text)).length, 1, JSON.stringify(seen));
        // TypeScript has answered for this file once its own hover (the plugin's declarations) shows; only then does
        // "no errors" mean something. Then watch Problems for a while: no error entry may come for the file.
        const hover = await hoverThroughUi(wb, SEED2, 35, "Model", "class Model", 90_000);
        assert.match(hover, /class Model/);
        await wb.page.keyboard.press("Escape");
        await wb.runCommand("View: Focus Problems (Errors, Warnings, Infos)");
        const watchUntil = Date.now() + 6000;
        while (Date.now() < watchUntil) {
          const errors = ofSeed2(await problems(wb)).filter((p) => p.severity === "error");
          assert.deepEqual(errors, [], `TypeScript (or GradLens) errors in ${SEED2}: ${JSON.stringify(errors)}`);
          await sleep(500);
        }
      },
    },
    {
      name: "seed 002: the failing gradcheck CodeLens on line 59 opens the report with failing w1 elements",
      fn: async (wb) => {
        await wb.openFile(SEED2);
        await wb.goToLine(59);
        const lens = wb.page.locator(".editor-instance .codelens-decoration a", { hasText: /gradcheck failed/ }).first();
        await lens.waitFor({ timeout: 60_000 });
        // The verdict names the worst element of each tensor that disagrees, w1's first.
        assert.match(await lens.innerText(), /^✗ gradcheck failed \(w1\[\d\]\[\d\], b1\[\d\]\[\d\], w2\[\d\]\[\d\]/);
        // Line 58's check passes: its lens says so.
        const passed = wb.page.locator(".editor-instance .codelens-decoration a", { hasText: /gradcheck passed/ }).first();
        assert.match(await passed.innerText(), /^✓ gradcheck passed \(max rel\. error/);
        // CodeLenses are redrawn when the file is re-evaluated (a busy machine finishes that late): a click that lands
        // during a redraw is lost, so click again until the report's tab shows.
        const tab = wb.page.locator(".tabs-container .tab", { hasText: `Gradient check: ${SEED2}` }).first();
        await until("the report's tab", async () => {
          if (!(await tab.isVisible())) await lens.click({ timeout: 5000 });
          await tab.waitFor({ timeout: 5000 });
          return true;
        }, (ok) => ok === true, 60_000);
        const view = wb.webview();
        const fail = view.locator("tr.fail").filter({ has: view.locator("td", { hasText: /^w1\[\d\]\[\d\]$/ }) }).first();
        await fail.waitFor({ timeout: 30_000 });
        assert.match(await fail.getAttribute("data-name"), /^w1\[\d\]\[\d\]$/);
        assert.match(await fail.innerText(), /FAIL/);
        const heads = (await view.locator("h2").allInnerTexts()).join("\n");
        assert.match(heads, /at line 58 — passes/);
        assert.match(heads, /at line 59 — FAILS/);
        assert.match(await view.locator(".summary").innerText(), /^\d+ of \d+ checks fail\.$/);
        // The framework's own gradients of the target pass: every failure is in a gradcheck call's rows.
        assert.equal(await view.locator("table").first().locator("tr.fail").count(), 0);
        await wb.runCommand("View: Close All Editors");
      },
    },
    {
      name: "seed 002: Visualize draws tensor nodes with shapes; clicking w1 opens its 3×4 heat map, Escape closes it",
      fn: async (wb) => {
        // One webview at a time (wb.webview() finds the only one): close the report if an earlier test left it.
        await wb.runCommand("View: Close All Editors");
        // Room for the panel: hide the side bars (explorer, chat) the way a person would.
        if (await wb.page.locator(".part.auxiliarybar").first().isVisible()) await wb.page.keyboard.press("Control+Alt+B");
        if (await wb.page.locator(".part.sidebar").first().isVisible()) await wb.page.keyboard.press("Control+B");
        await wb.openFile(SEED2);
        await wb.runCommand("GradLens: Visualize Gradient of Selection");
        await wb.page.locator(".tabs-container .tab", { hasText: `Graph: ${SEED2}` }).first().waitFor({ timeout: 30_000 });
        const nodes = await until("the tensor graph", () => nodeTexts(wb), (n) => Array.isArray(n) && n.some((t) => /^w1\b/.test(t)), 60_000);
        assert.ok(nodes.some((t) => /^x ?\[8,3\]/.test(t)), `no x [8,3] node: ${JSON.stringify(nodes)}`);
        assert.ok(nodes.some((t) => /^w1 ?\[3,4\]/.test(t)), `no w1 [3,4] node: ${JSON.stringify(nodes)}`);
        const view = wb.webview();
        const edges = (await view.locator("#gl-graph .edgeLabel").allTextContents()).map((s) => s.trim());
        assert.ok(edges.includes("3×4") && edges.includes("8×4"), `edge shapes: ${JSON.stringify(edges)}`);
        const matrix = view.locator("#gl-matrix");
        const w1 = view.locator("#gl-graph g.node").filter({ hasText: /^w1\b/ }).first();
        const openW1 = async () => {
          await w1.click();
          await matrix.waitFor({ state: "visible", timeout: 10_000 });
          assert.equal(await matrix.locator(".gl-matrix-title").innerText(), "w1");
          assert.match(await matrix.innerText(), /shape \[3,4\], 12 elements/);
          assert.equal(await matrix.locator(".gl-values .gl-cell").count(), 12);
          assert.equal(await matrix.locator(".gl-grads .gl-cell").count(), 12);
        };
        // As a person meets it: the source editor has focus, the graph is beside it; click w1, press Escape. The
        // outcome is checked at the end, so a failure here still leaves the picture below.
        assert.equal(await matrix.isVisible(), false);
        await openW1();
        await wb.page.keyboard.press("Escape");
        const escapeClosed = await matrix.waitFor({ state: "hidden", timeout: 5000 }).then(() => true, () => false);
        if (!escapeClosed) await matrix.locator(".gl-matrix-close").click();
        await matrix.waitFor({ state: "hidden", timeout: 5000 });
        assert.equal(await matrix.locator(".gl-cell").count(), 0);
        // The picture: the source editor closed (its tab clicked first: focus went into the graph's panel) so the
        // graph's group is alone, no bottom panel, Fit, and w1's heat map open.
        const source = wb.page.locator(".tabs-container .tab", { hasText: SEED2 }).filter({ hasNotText: "Graph:" });
        await source.first().click();
        await wb.runCommand("View: Close Editor");
        await source.first().waitFor({ state: "detached", timeout: 10_000 });
        if (await wb.page.locator(".part.panel").first().isVisible()) await wb.runCommand("View: Toggle Panel Visibility");
        await view.locator("#gl-toolbar button", { hasText: "Fit" }).click();
        await openW1();
        await view.locator("#gl-status").hover();
        await wb.page.locator("iframe.webview.ready").first().screenshot({ path: screenshotPath("tensor-graph.png") });
        // With the graph focused, Escape closes it.
        await wb.page.keyboard.press("Escape");
        await matrix.waitFor({ state: "hidden", timeout: 5000 });
        assert.ok(escapeClosed, "Escape did not close w1's heat map opened by a click while the editor beside the graph had focus");
        await wb.runCommand("View: Close All Editors");
      },
    },
    {
      name: "seed 000: GradLens: Train Model File trains the tensor XOR MLP and the view says it learned",
      fn: async (wb) => {
        // The training view is a webview too: close the graph if the test before left it open.
        await wb.runCommand("View: Close All Editors");
        await wb.openFile(SEED0);
        await wb.runCommand("GradLens: Train Model File");
        // The status line, or the view's error line when the run could not start (so a failure says why).
        const view = wb.webview();
        const read = async () => {
          const error = (await view.locator("#gl-error").innerText({ timeout: 3000 })).trim();
          return error ? `error: ${error}` : view.locator("#gl-status").innerText({ timeout: 3000 });
        };
        const done = await until("the run to finish", read, (s) => /^(done|error)/.test(s ?? ""), 120_000);
        assert.match(done, /^done · step 2000 \/ 2000/);
        const verdict = await view.locator("#gl-verdict").innerText();
        assert.match(verdict, /^learned in \d+ steps/);
      },
    },
    {
      name: "seed 000: hovering X shows its shape [4,2] and rows; hovering this.W1 shows [2,3] and ‖∂loss/∂W1‖",
      fn: async (wb) => {
        const text = await hoverThroughUi(wb, SEED0, 5, "X", "tensor [4,2]");
        assert.match(text, /tensor \[4,2\] · const/);
        assert.match(text, /\[\[1, 0\],\s*\[1, 1\],/);
        await wb.page.keyboard.press("Escape");
        const w1 = await hoverThroughUi(wb, SEED0, 16, "W1", "tensor [2,3]");
        assert.match(w1, /tensor \[2,3\] · param/);
        assert.match(w1, /∂loss\/∂model\.W1 · ‖·‖₂ = \d/);
        await wb.page.keyboard.press("Escape");
      },
    },
    {
      name: "New Model File offers the three tutorials and two Python starters; picking the matrix XOR writes and opens it",
      fn: async (wb) => {
        await wb.runCommand("View: Close All Editors");
        await wb.runCommand("GradLens: New Model File");
        const rows = wb.page.locator(".quick-input-list .monaco-list-row");
        await until("the template list", () => rows.allInnerTexts(), (r) => Array.isArray(r) && r.length === 5 && r[0].trim().startsWith("XOR with numbers"), 15_000);
        const labels = (await rows.allInnerTexts()).map((t) => t.split("\n")[0].trim());
        assert.deepEqual(labels, [
          "XOR with numbers", "XOR with matrices and a hand-written backward", "Module layers with hand-written bwd",
          "XOR with NumPy, in Python", "Your own autograd in Python (micrograd style)",
        ]);
        await rows.filter({ hasText: "XOR with matrices" }).first().click();
        // The pick and the file-name box share the title: wait until the box that replaced the list holds its name.
        const named = await until("the file-name box", () => wb.waitForInputBox("New Model File"), (v) => v === "matrix-xor.nn.ts", 15_000);
        assert.equal(named, "matrix-xor.nn.ts");
        await wb.answerInputBox("matrix-xor.nn.ts");
        await wb.page.locator(".tabs-container .tab", { hasText: "matrix-xor.nn.ts" }).first().waitFor({ timeout: 15_000 });
        const text = await until("the new file's text", () => wb.editorText(), (t) => typeof t === "string" && t.includes("class MultiLayerPerceptron"), 15_000);
        // (Inlay hints may stand between the call and its `;`.)
        assert.match(text, /const X = tensor\(\[\[1, 0\], \[1, 1\], \[0, 1\], \[0, 0\]\]\)/);
      },
    },
  ],
};
