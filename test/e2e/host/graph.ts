// Runs inside VS Code's extension host: GradLens: Visualize Gradient of Selection through the real command and its
// outcome: the graph panel for the XOR example, a selection, the hover link's `{ uri, node, offset }`, the
// CodeLens's uri, and the follow-editor toggle. What the webview draws (and redraws after edits, also when the panel
// was hidden) is checked through its DOM in the UI suite, test/e2e/ui/graph.suite.mjs.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extension, openFixture, select, waitFor, type HostTest } from "./harness";

type Outcome =
  | { kind: "shown"; title: string; source: string; target: number; value: number; nodes: number; totalNodes: number; focused?: number; paths?: number }
  | { kind: "error"; message: string; line: number; column: number }
  | { kind: "cancelled" };

const visualize = (...args: unknown[]) => vscode.commands.executeCommand<Outcome>("gradlens.visualize", ...args);

function graphTabs(): vscode.Tab[] {
  // Webview tabs report their view type with a host prefix in some VS Code builds ("mainThreadWebview-gradlens.graph").
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("gradlens.graph"));
}

export const tests: HostTest[] = [
  {
    name: "gradlens.visualize is registered and opens one graph panel beside the editor for the XOR example",
    fn: async () => {
      await extension().activate();
      assert.ok((await vscode.commands.getCommands(true)).includes("gradlens.visualize"));
      const editor = await openFixture("xor.nn.ts");
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const r = await visualize();
      assert.equal(r?.kind, "shown", JSON.stringify(r));
      if (r.kind !== "shown") return;
      assert.equal(r.source, "document");
      assert.match(r.title, /^Graph: xor\.nn\.ts \(loss\)$/);
      assert.ok(r.value > 0 && r.value < 4, `XOR loss ${r.value}`);
      // Every node of the tutorial's network fits the default budget of 120.
      assert.ok(r.nodes > 50 && r.nodes <= 120 && r.nodes <= r.totalNodes, `${r.totalNodes} nodes on the tape, ${r.nodes} shown`);
      await waitFor("the graph tab", () => graphTabs().length === 1);
      // The panel sits beside the editor, not over it, titled as the outcome says.
      const tab = graphTabs()[0];
      assert.notEqual(tab.group.viewColumn, editor.viewColumn);
      assert.equal(tab.label, r.title);
      // A second call (a CodeLens's uri) reuses the panel.
      const again = await visualize(editor.document.uri);
      assert.equal(again?.kind, "shown", JSON.stringify(again));
      assert.equal(graphTabs().length, 1);
    },
  },
  {
    name: "the hover link's { uri, node, offset } opens that document's graph pointing at the node",
    fn: async () => {
      const editor = await openFixture("xor.nn.ts");
      const doc = editor.document;
      const offset = doc.getText().indexOf("b3 = param");
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, doc.positionAt(offset));
      const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === "string" ? c : c.value)).join("\n");
      const link = /command:gradlens\.visualize\?([^ )"]+)/.exec(md);
      assert.ok(link, `no Show in graph link in the hover: ${md}`);
      const args = JSON.parse(decodeURIComponent(link[1])) as [{ uri: string; node: number; offset: number }];
      assert.equal(args[0].uri, doc.uri.toString());
      const r = await visualize(...args);
      assert.equal(r?.kind, "shown", JSON.stringify(r));
      if (r.kind !== "shown") return;
      assert.equal(r.focused, args[0].node, `${JSON.stringify(args)} -> ${JSON.stringify(r)}`);
      // b3 feeds the output neuron of all four samples: at least one path per sample.
      assert.ok((r.paths ?? 0) >= 4, `paths to b3: ${r.paths}`);
      // Only an offset (no node): the node is the innermost one whose code covers it, here b3's param(rand()).
      const r2 = await visualize({ uri: doc.uri.toString(), offset: offset + "b3 = param(".length });
      assert.equal(r2?.kind, "shown");
      if (r2.kind === "shown") assert.ok(r2.focused !== undefined && (r2.paths ?? 0) > 0, JSON.stringify(r2));
    },
  },
  {
    name: "a selection draws its own graph with names from the document, in the same panel",
    fn: async () => {
      const editor = await openFixture("square.nn.ts");
      select(editor, "(x**2 + 3)**2 + y");
      const r = await visualize();
      assert.equal(r?.kind, "shown", JSON.stringify(r));
      if (r.kind !== "shown") return;
      assert.equal(r.source, "selection");
      assert.equal(r.value, 7907327);
      assert.equal(r.title, "Graph: (x**2 + 3)**2 + y");
      // x, y, the constants and the operations of (x**2 + 3)**2 + y: all drawn, none folded.
      assert.ok(r.nodes >= 6 && r.nodes === r.totalNodes, JSON.stringify(r));
      await waitFor("the panel to take the selection's title", () => graphTabs().length === 1 && graphTabs()[0].label === r.title);
    },
  },
  {
    name: "the follow-editor toggle flips the setting and returns the new state",
    fn: async () => {
      try {
        assert.equal(await vscode.commands.executeCommand("gradlens.graph.toggleFollowEditor"), false);
        assert.equal(vscode.workspace.getConfiguration("gradlens.graph").get("followEditor"), false);
        assert.equal(await vscode.commands.executeCommand("gradlens.graph.toggleFollowEditor"), true);
        assert.equal(vscode.workspace.getConfiguration("gradlens.graph").get("followEditor"), true);
      } finally {
        await vscode.workspace.getConfiguration("gradlens.graph").update("followEditor", undefined, vscode.ConfigurationTarget.Global);
      }
    },
  },
  {
    name: "a .nn.ts file without a target is an error with its position, not an empty panel",
    fn: async () => {
      const editor = await openFixture("syntax.nn.ts");
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const r = await visualize();
      assert.equal(r?.kind, "error", JSON.stringify(r));
      if (r.kind === "error") assert.ok(r.line > 0, JSON.stringify(r));
    },
  },
];
