// Runs in vitest (Node): the ids in src/extension/ids.ts and package.json's contributions name exactly the same
// commands, views and panels; every reference in the manifest is to a known id; each command is registered once,
// under its id from ids.ts; and no other source file spells an id out again.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  COMMANDS, GRAPH_PANEL, GRAPH_SETTINGS, REPORT_PANEL, SETTINGS, TRAINING_VIEW, VIEW_CONTAINER, WALKTHROUGH,
} from "../../../src/extension/ids";

const root = join(__dirname, "..", "..", "..");

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; when?: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string; type?: string }[]>;
    configuration: { properties: Record<string, unknown> };
    walkthroughs: { id: string; steps: { description: string; completionEvents?: string[] }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
const c = manifest.contributes;
const commandIds: string[] = Object.values(COMMANDS);
const views = [TRAINING_VIEW];
const panels = [GRAPH_PANEL, REPORT_PANEL];
const sorted = (xs: Iterable<string>) => [...xs].sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|mts|mjs|js)$/.test(n) ? [p] : [];
  });
}

describe("ids.ts against package.json", () => {
  it("contributes exactly the commands ids.ts defines, each once", () => {
    const contributed = c.commands.map((x) => x.command);
    expect(new Set(contributed).size).toBe(contributed.length);
    expect(sorted(contributed)).toEqual(sorted(commandIds));
    expect(new Set(commandIds).size).toBe(commandIds.length);
  });

  it("contributes exactly the activity-bar container and the training view ids.ts defines", () => {
    expect(c.viewsContainers.activitybar.map((x) => x.id)).toEqual([VIEW_CONTAINER]);
    expect(Object.keys(c.views)).toEqual([VIEW_CONTAINER]);
    expect(c.views[VIEW_CONTAINER].map((v) => v.id)).toEqual(views);
    expect(c.views[VIEW_CONTAINER][0].type).toBe("webview");
  });

  it("menus, keybindings, activation events and the walkthrough refer only to known ids", () => {
    const used: string[] = [];
    const whens: string[] = [];
    for (const m of [...Object.values(c.menus).flat(), ...c.keybindings]) {
      used.push(m.command);
      if (m.when) whens.push(m.when);
    }
    const events = [...manifest.activationEvents];
    expect(c.walkthroughs.map((w) => w.id)).toEqual([WALKTHROUGH]);
    for (const s of c.walkthroughs[0].steps) {
      for (const m of s.description.matchAll(/\(command:([\w.]+)[)?]/g)) used.push(m[1]);
      events.push(...(s.completionEvents ?? []));
    }
    for (const e of events) {
      const [kind, id] = e.split(":");
      if (kind === "onCommand") used.push(id);
      else if (kind === "onWebviewPanel") expect(panels, e).toContain(id);
      else if (kind === "onView") expect(views, e).toContain(id);
      else expect(kind, e).toBe("workspaceContains");
    }
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(commandIds, id).toContain(id);
    // Ids inside `when` clauses: the views and webview panels GradLens owns.
    for (const w of whens) {
      for (const m of w.matchAll(/\bview == ([\w.]+)/g)) expect(views, w).toContain(m[1]);
      for (const m of w.matchAll(/\bactiveWebviewPanelId == '([\w.]+)'/g)) expect(panels, w).toContain(m[1]);
    }
    // The graph panel is restored after a reload: VS Code must activate GradLens for it.
    expect(manifest.activationEvents).toContain(`onWebviewPanel:${GRAPH_PANEL}`);
  });

  it("every setting is in the gradlens section; the graph's in gradlens.graph", () => {
    const keys = Object.keys(c.configuration.properties);
    for (const k of keys) expect(k.startsWith(`${SETTINGS}.`), k).toBe(true);
    expect(keys.filter((k) => k.startsWith(`${GRAPH_SETTINGS}.`)).length).toBeGreaterThan(0);
  });
});

describe("ids are defined once", () => {
  const files = [...sources(join(root, "src")), ...sources(join(root, "webview"))];
  const ids = join(root, "src", "extension", "ids.ts");

  it("each command is registered exactly once, under its id from ids.ts", () => {
    const text = files.map((f) => readFileSync(f, "utf8")).join("\n");
    for (const key of Object.keys(COMMANDS)) {
      const calls = text.split(`registerCommand(COMMANDS.${key},`).length - 1;
      expect(calls, `registerCommand(COMMANDS.${key}, …)`).toBe(1);
    }
    expect(text.split("registerCommand(").length - 1).toBe(commandIds.length);
  });

  it("no other source file spells out a command, view, panel or walkthrough id", () => {
    const spelled = [...commandIds, ...views, ...panels, WALKTHROUGH, GRAPH_SETTINGS];
    const found: string[] = [];
    for (const f of files.filter((f) => f !== ids)) {
      const text = readFileSync(f, "utf8");
      for (const id of spelled) if (["\"", "'", "`"].some((q) => text.includes(`${q}${id}${q}`))) found.push(`${relative(root, f)}: ${id}`);
    }
    expect(found).toEqual([]);
  });
});
