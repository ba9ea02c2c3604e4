// Runs on Node 20 (the UI runner): GradLens packaged as a .vsix (`npm run package`) and installed into code-server
// with --install-extension, with no development path: what a user installs, driven through the real UI (evaluation,
// errors, and a graph drawn by the Mermaid the package carries).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateThroughUi, until } from "./steps.mjs";

export default {
  name: "vsix",
  load: "vsix",
  ready: "square.nn.ts",
  tests: [
    {
      name: "the .vsix is installed into code-server's extensions folder, not loaded from the sources",
      fn: async (wb, ctx) => {
        const { version } = JSON.parse(readFileSync(join(ctx.root, "package.json"), "utf8"));
        const installed = readdirSync(join(ctx.sandbox.dir, "extensions"));
        assert.ok(installed.includes(`gradlens.gradlens-${version}`), JSON.stringify(installed));
        const dir = join(ctx.sandbox.dir, "extensions", `gradlens.gradlens-${version}`);
        const files = readdirSync(dir, { recursive: true }).map(String);
        assert.ok(files.includes(join("dist", "extension.js")));
        // The evaluator worker every evaluation runs in ships beside it.
        assert.ok(files.includes(join("dist", "evaluator.js")));
        // The graph view's page and the Mermaid file it loads beside it.
        assert.ok(files.includes(join("dist", "webview", "graph.js")) && files.includes(join("dist", "webview", "graph-mermaid.js")));
        const sources = files.filter((f) => !f.startsWith("node_modules") && (f.startsWith("src") || f.endsWith(".ts") || f.endsWith(".map")));
        assert.deepEqual(sources, []);
        assert.doesNotMatch(wb.page.url(), /payload=/);
      },
    },
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
      fn: async (wb, ctx) => {
        // The column of the stray second ')' on line 3 of the fixture.
        const column = readFileSync(join(ctx.workspace, "syntax.nn.ts"), "utf8").split("\n")[2].indexOf("))") + 2;
        const note = await evaluateThroughUi(wb, "syntax.nn.ts", 3, /GradLens: .*line \d+:\d+/);
        assert.match(note, new RegExp(`line 3:${column}\\b`));
      },
    },
    {
      name: "the installed .vsix draws the selection's graph: its Mermaid loads under the panel's CSP",
      fn: async (wb) => {
        await wb.openFile("square.nn.ts");
        await wb.goToLine(4);
        await wb.selectToLineEnd();
        await wb.runCommand("GradLens: Visualize Gradient of Selection");
        const texts = () => wb.webview().locator("#gl-graph svg g.node").allTextContents().catch(() => []);
        const nodes = await until("the graph to be drawn", texts, (n) => n.length >= 6, 60_000);
        // The x leaf carries ∂/∂x = 596144, drawn by Mermaid inside the webview.
        assert.equal(nodes.filter((t) => /\b596144\b/.test(t)).length, 1, JSON.stringify(nodes));
      },
    },
  ],
};
