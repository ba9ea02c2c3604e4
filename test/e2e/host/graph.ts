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
  pending: boolean;
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

/** Puts the fixture's text back (and saves it) after a test edited it. */
async function restore(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await doc.save();
  assert.equal(doc.getText(), text);
}

/** Replaces [at, at + length) of the document (works whether or not its editor is visible). */
async function replace(doc: vscode.TextDocument, at: number, length: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Waits until no render is queued or unanswered and the webview reported at least `min` drawings. */
async function drawn(min = 1): Promise<Snapshot> {
  let s: Snapshot | undefined;
  const deadline = Date.now() + 25_000;
  for (;;) {
    s = await snapshot();
    if (s && s.rendered >= min && !s.pending) return s;
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
      // Every node of the tutorial's network fits the default budget of 120.
      assert.ok(r.nodes > 50 && r.nodes <= 120 && r.nodes <= r.totalNodes, `${r.totalNodes} nodes on the tape, ${r.nodes} shown`);
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
      const original = editor.document.getText();
      const at = original.indexOf("53");
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
        await restore(editor, original);
      }
    },
  },
  {
    name: "an update while the panel is hidden waits and is drawn when it shows again",
    fn: async () => {
      const editor = await openFixture("square.nn.ts");
      select(editor, "(x**2 + 3)**2 + y");
      const r = await visualize();
      assert.equal(r?.kind, "shown", JSON.stringify(r));
      const first = await drawn();
      const graphColumn = graphTabs()[0].group.viewColumn;
      // Cover the panel with another editor in its own group: it is hidden, its webview gone.
      const other = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(editor.document.uri, "..", "xor.nn.ts"));
      await vscode.window.showTextDocument(other, { viewColumn: graphColumn, preserveFocus: true });
      await waitFor("the panel to hide", () => graphTabs()[0]?.isActive === false);
      const deadline0 = Date.now() + 10_000;
      while ((await snapshot())?.visible !== false && Date.now() < deadline0) await new Promise((res) => setTimeout(res, 50));
      const original = editor.document.getText();
      const at = original.indexOf("53");
      try {
        await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 2)), "2"));
        let s = await snapshot();
        const deadline = Date.now() + 10_000;
        while (s?.value !== 32 && Date.now() < deadline) {
          await new Promise((res) => setTimeout(res, 100));
          s = await snapshot();
        }
        assert.equal(s?.value, 32, JSON.stringify(s));
        assert.equal(s?.visible, false);
        // Queued, not posted into a webview that is not there.
        assert.equal(s?.posted, first.posted, JSON.stringify(s));
        // Close the covering editor: the panel shows, its webview says ready, and the queued render is drawn.
        await vscode.window.showTextDocument(other, { viewColumn: graphColumn });
        await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
        await waitFor("the panel to show", () => graphTabs()[0]?.isActive === true);
        const after = await drawn(first.rendered + 1);
        assert.equal(after.posted, first.posted + 1);
        assert.equal(after.value, 32);
      } finally {
        await restore(editor, original);
      }
    },
  },
  {
    name: "with follow-editor toggled off, edits do not redraw; toggled on, they do again",
    fn: async () => {
      const editor = await openFixture("square.nn.ts");
      select(editor, "(x**2 + 3)**2 + y");
      await visualize();
      const first = await drawn();
      assert.equal(first.value, 7907327);
      const original = editor.document.getText();
      const at = original.indexOf("53");
      try {
        assert.equal(await vscode.commands.executeCommand("gradlens.graph.toggleFollowEditor"), false);
        assert.equal(vscode.workspace.getConfiguration("gradlens.graph").get("followEditor"), false);
        await replace(editor.document, at, 2, "20");
        // Well past the 300 ms debounce: nothing was evaluated or posted.
        await new Promise((res) => setTimeout(res, 1500));
        const still = await snapshot();
        assert.equal(still?.value, 7907327);
        assert.equal(still?.posted, first.posted);
        assert.equal(await vscode.commands.executeCommand("gradlens.graph.toggleFollowEditor"), true);
        await replace(editor.document, at, 3, "2");
        const deadline = Date.now() + 10_000;
        let s = await snapshot();
        while (s?.value !== 32 && Date.now() < deadline) {
          await new Promise((res) => setTimeout(res, 100));
          s = await snapshot();
        }
        assert.equal(s?.value, 32);
      } finally {
        await vscode.workspace.getConfiguration("gradlens.graph").update("followEditor", undefined, vscode.ConfigurationTarget.Global);
        await restore(editor, original);
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
