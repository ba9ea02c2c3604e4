// Runs inside VS Code's extension host: GradLens: Visualize Gradient of Selection through the real command: the
// graph panel for the XOR example (its webview draws it), a selection, the hover link's `{ uri, node, offset }`,
// the CodeLens's uri, and following edits of the selection's document.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { extension, openFixture, select, waitFor, type HostTest } from "./harness";

type Outcome =
  | { kind: "shown"; title: string; source: string; target: number; value: number; nodes: number; totalNodes: number; focused?: number; paths?: number }
  | { kind: "error"; message: string; line: number; column: number }
  | { kind: "cancelled" };

interface Snapshot {
  title: string;
  source: { kind: string; uri: string; text?: string };
  visible: boolean;
  value: number;
  nodes: number;
  posted: number;
  rendered: number;
  lastRendered?: { nodes: number; edges: number; ms: number };
}

const visualize = (...args: unknown[]) => vscode.commands.executeCommand<Outcome>("gradlens.visualize", ...args);

async function snapshot(): Promise<Snapshot | undefined> {
  const api = (await extension().activate()) as { graph?: () => Snapshot | undefined } | undefined;
  assert.ok(api?.graph, "the extension exports no graph snapshot");
  return api.graph();
}

function graphTabs(): vscode.Tab[] {
  // Webview tabs report their view type with a host prefix in some VS Code builds ("mainThreadWebview-gradlens.graph").
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("gradlens.graph"));
}

/** Waits until the webview acknowledged as many renders as were posted, at least `min`. */
async function drawn(min = 1): Promise<Snapshot> {
  let s: Snapshot | undefined;
  const deadline = Date.now() + 25_000;
  for (;;) {
    s = await snapshot();
    if (s && s.rendered >= min && s.rendered >= s.posted) return s;
    if (Date.now() > deadline) throw new Error(`the graph webview did not draw: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const tests: HostTest[] = [
  {
    name: "gradlens.visualize is registered and opens one graph panel for the XOR example; its webview draws it",
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
      // The XOR tape is larger than the view's budget: it folds rather than failing.
      assert.ok(r.totalNodes > r.nodes, `${r.totalNodes} nodes on the tape, ${r.nodes} shown`);
      await waitFor("the graph tab", () => graphTabs().length === 1);
      const s = await drawn();
      assert.equal(s.lastRendered?.nodes, r.nodes);
      assert.equal(s.value, r.value);
      // The panel sits beside the editor, not over it.
      const tab = graphTabs()[0];
      assert.notEqual(tab.group.viewColumn, editor.viewColumn);
      // A second call reuses the panel.
      await visualize(editor.document.uri);
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
      assert.equal(r.focused, args[0].node);
      // b3 feeds the output neuron of all four samples: at least one path per sample.
      assert.ok((r.paths ?? 0) >= 4, `paths to b3: ${r.paths}`);
      // Only the offset (no node): the node is found from the position.
      const r2 = await visualize({ uri: doc.uri.toString(), offset });
      assert.equal(r2?.kind, "shown");
      if (r2.kind === "shown") assert.ok(r2.focused !== undefined && (r2.paths ?? 0) > 0, JSON.stringify(r2));
    },
  },
  {
    name: "a selection draws its own graph with names from the document; edits redraw it while following",
    fn: async () => {
      const editor = await openFixture("square.nn.ts");
      select(editor, "(x**2 + 3)**2 + y");
      const r = await visualize();
      assert.equal(r?.kind, "shown", JSON.stringify(r));
      if (r.kind !== "shown") return;
      assert.equal(r.source, "selection");
      assert.equal(r.value, 7907327);
      assert.equal(r.title, "Graph: (x**2 + 3)**2 + y");
      const before = await drawn();
      // Change x above the selection: the graph follows (debounced) and the webview draws again.
      const at = editor.document.getText().indexOf("53");
      await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 2)), "2"));
      try {
        const deadline = Date.now() + 15_000;
        let s = await snapshot();
        while (s?.value !== 32 && Date.now() < deadline) {
          await new Promise((res) => setTimeout(res, 100));
          s = await snapshot();
        }
        // (2**2 + 3)**2 - 17 = 32
        assert.equal(s?.value, 32, JSON.stringify(s));
        const after = await drawn(before.rendered + 1);
        assert.ok(after.rendered > before.rendered);
        // Typing before the selection moves it: its text is still the expression.
        await editor.edit((e) => e.insert(new vscode.Position(0, 0), "// moved\n"));
        await new Promise((res) => setTimeout(res, 50));
        assert.equal((await snapshot())?.source.text, "(x**2 + 3)**2 + y");
      } finally {
        await vscode.commands.executeCommand("workbench.action.files.revert");
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
