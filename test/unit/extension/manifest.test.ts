// Runs in vitest (Node): what package.json contributes for the editor features agrees with the code: settings and
// their defaults, the TypeScript server plugin, workspace trust, the walkthrough's media and commands.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BOUND_SETTING_FIELDS, SETTING_DEFAULTS, TIME_LIMIT_MAX, clampBound, type BoundSettingKey } from "../../../src/editor-model/settings";
import { BOUND_MAXIMA, BOUND_MINIMA, BOUND_SETTINGS } from "../../../src/notation";
import { root } from "../editor-model/helpers";

interface Manifest {
  activationEvents: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string; description?: string; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { default: unknown; maximum?: number; minimum?: number }> };
    typescriptServerPlugins: { name: string; enableForWorkspaceTypeScriptVersions?: boolean }[];
    walkthroughs: { steps: { description: string; media: { markdown?: string } }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;

describe("package.json for the editor features", () => {
  it("declares every setting the editor reads, with the same default", () => {
    const props = manifest.contributes.configuration.properties;
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) expect(props[`gradlens.${key}`]?.default, key).toBe(value);
    expect(props["gradlens.graph.maxVisibleNodes"]).toBeDefined();
  });

  it("gives every bound setting the code's default, minimum and hard maximum, and restricts it in untrusted workspaces", () => {
    const props = manifest.contributes.configuration.properties;
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    const keys = Object.keys(BOUND_SETTING_FIELDS) as BoundSettingKey[];
    expect(keys.map((k) => `gradlens.${k}`).sort()).toEqual(Object.values(BOUND_SETTINGS).sort());
    for (const key of keys) {
      const field = BOUND_SETTING_FIELDS[key], p = props[`gradlens.${key}`];
      expect([p?.default, p?.minimum, p?.maximum], key).toEqual([SETTING_DEFAULTS[key], BOUND_MINIMA[field], BOUND_MAXIMA[field]]);
      expect(restricted, key).toContain(`gradlens.${key}`);
      // A value past the maximum, from any settings source, is clamped; junk falls back to the default.
      expect(clampBound(key, 1e15), key).toBe(BOUND_MAXIMA[field]);
      expect(clampBound(key, Infinity), key).toBe(BOUND_MAXIMA[field]);
      expect(clampBound(key, -5), key).toBe(BOUND_MINIMA[field]);
      expect(clampBound(key, "1e15"), key).toBe(SETTING_DEFAULTS[key]);
      expect(clampBound(key, NaN), key).toBe(SETTING_DEFAULTS[key]);
      expect(clampBound(key, SETTING_DEFAULTS[key]), key).toBe(SETTING_DEFAULTS[key]);
    }
  });

  it("contributes the TypeScript server plugin for workspace TypeScript versions too", () => {
    expect(manifest.contributes.typescriptServerPlugins).toContainEqual({ name: "gradlens-ts-plugin", enableForWorkspaceTypeScriptVersions: true });
    const ignore = readFileSync(join(root, ".vscodeignore"), "utf8");
    expect(ignore).toContain("!node_modules/gradlens-ts-plugin/**");
  });

  it("gives every time limit a hard maximum a workspace cannot lift, the one the code clamps to", () => {
    const props = manifest.contributes.configuration.properties;
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    for (const [kind, max] of Object.entries(TIME_LIMIT_MAX)) {
      const key = `gradlens.timeLimit.${kind}`;
      expect(props[key]?.maximum, key).toBe(max);
      expect(props[key]?.minimum, key).toBe(0.5);
      expect(restricted, key).toContain(key);
    }
  });

  it("ships the evaluator worker's bundle in the .vsix", () => {
    expect(readFileSync(join(root, ".vscodeignore"), "utf8")).toContain("!dist/evaluator.js");
  });

  it("supports untrusted workspaces, saying why", () => {
    expect(manifest.capabilities?.untrustedWorkspaces?.supported).toBe(true);
    expect(manifest.capabilities?.untrustedWorkspaces?.description).toMatch(/never executes/);
  });

  it("has a walkthrough whose media exist and whose links name contributed commands", () => {
    const steps = manifest.contributes.walkthroughs[0].steps;
    expect(steps.length).toBeGreaterThanOrEqual(4);
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const s of steps) {
      if (s.media.markdown) expect(existsSync(join(root, s.media.markdown)), s.media.markdown).toBe(true);
      for (const m of s.description.matchAll(/\(command:([\w.]+)\)/g)) expect(commands.has(m[1]), m[1]).toBe(true);
    }
  });
});

describe("package.json for .nn.py files", () => {
  it("activates in a workspace with .nn.py files as with .nn.ts files", () => {
    expect(manifest.activationEvents).toContain("workspaceContains:**/*.nn.ts");
    expect(manifest.activationEvents).toContain("workspaceContains:**/*.nn.py");
  });

  it("offers the file commands in the menus of .nn.py files as of .nn.ts files", () => {
    const byFile = Object.values(manifest.contributes.menus).flat().filter((m) => m.when?.includes("resourceFilename"));
    expect(byFile.length).toBeGreaterThan(0);
    for (const m of byFile) {
      const re = /resourceFilename =~ \/(.*)\/$/.exec(m.when?.split("||").map((w) => w.trim()).find((w) => w.startsWith("resourceFilename")) ?? "");
      expect(re, m.command).not.toBeNull();
      const test = new RegExp((re as RegExpExecArray)[1]);
      expect([test.test("a/model.nn.py"), test.test("a/model.nn.ts"), test.test("a/model.py"), test.test("a/model.ts")], m.command).toEqual([true, true, false, false]);
    }
  });
});
