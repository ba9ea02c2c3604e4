// Runs in vitest (Node): the `gradlens` CLI as a real subprocess (`node bin/gradlens.js ...` after
// `node scripts/build.mjs`): the notation examples, the shipped examples, every command, exit codes.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultForm, trainingSnapshot } from "../../../src/extension/training/view-model";
import { TrainingSession, parsePresetSource, parseSettings, type Verdict } from "../../../src/train";
import type { TrainForm } from "../../../src/view/training";
import { CLASS_NET, MICROGRAD } from "../class-models";

const root = join(__dirname, "../../..");

function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(root, "bin/gradlens.js"), ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function json(...args: string[]): { code: number; data: Record<string, unknown> } {
  const r = cli(...args);
  expect(r.out.trim().split("\n")).toHaveLength(1);
  return { code: r.code, data: JSON.parse(r.out) as Record<string, unknown> };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "pipe" });
}, 180_000);

describe("gradlens grad", () => {
  it("example 1 --json prints exactly {value, grads}", () => {
    const r = cli("grad", "(x**2 + 3)**2 + y", "--at", "x=53,y=-17", "--json");
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"value":7907327,"grads":{"x":596144,"y":1}}\n');
  });

  it("examples 2 to 4", () => {
    expect(json("grad", "(x**2 + 3)**2 + x", "--at", "x=1.5", "--json").data).toEqual({ value: 1.5 ** 4 + 6 * 1.5 ** 2 + 9 + 1.5, grads: { x: 32.5 } });
    expect(json("grad", "x * x", "--at", "x=-4", "--json").data).toEqual({ value: 16, grads: { x: -8 } });
    expect(json("grad", "let y = x; for (let i = 0; i < 30; i++) y = y + y;", "--at", "x=1", "--json").data).toEqual({ value: 2 ** 30, grads: { x: 2 ** 30 } });
  });

  it("examples 5 and 6 as files: ∂loss/∂ every param", () => {
    const a = json("grad", "examples/xor.nn.ts", "--json").data as { value: number; grads: Record<string, number> };
    const b = json("grad", "examples/xor-mlp.nn.ts", "--json").data as { value: number; grads: Record<string, number> };
    expect(Object.keys(a.grads)).toEqual(["w1[0]", "w1[1]", "b1", "w2[0]", "w2[1]", "b2", "w3[0]", "w3[1]", "b3"]);
    expect(Object.keys(b.grads)[0]).toBe("L1.N1.w[0]");
    expect(b.value).toBeCloseTo(a.value, 12);
    expect(Object.values(b.grads)).toEqual(Object.values(a.grads).map((g) => expect.closeTo(g, 12)));
  });

  it("the square example file gives the tutorial's numbers", () => {
    expect(json("grad", "examples/square.nn.ts", "--json").data).toEqual({ value: 7907327, grads: { x: 596144, y: 1 } });
  });

  it("human-readable output", () => {
    const r = cli("grad", "x * y", "--at", "x=2,y=3");
    expect(r.code).toBe(0);
    expect(r.out).toContain("value = 6");
    expect(r.out).toContain("∂/∂x = 3");
  });

  it("bad input: one line on stderr with the position, exit 2", () => {
    const r = cli("grad", "(x**2 + 3)**2 + y)", "--at", "x=53,y=-17");
    expect(r).toEqual({ code: 2, out: "", err: "error: unexpected token ')' at 1:18\n" });
    const m = cli("grad", "x * y", "--at", "x=1");
    expect([m.code, m.err]).toEqual([2, "error: no value for `y` at 1:5 (give values with --at y=…)\n"]);
    expect(cli("grad", "x", "--bogus", "1").err).toBe("error: unknown option --bogus\n");
    expect(cli("grad", "x", "--at", "x=abc").code).toBe(2);
    expect(cli("frobnicate").code).toBe(2);
    const broken = cli("grad", "examples/broken.nn.ts");
    expect([broken.code, broken.err]).toEqual([2, "error: unknown name `wieght` at examples/broken.nn.ts:6:22\n"]);
  });
});

describe("gradlens graph", () => {
  it("prints a Mermaid flowchart with both edges of x * x", () => {
    const r = cli("graph", "x * x", "--at", "x=-4");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("flowchart")).toBe(true);
    expect(r.out.match(/n0 -->/g)).toHaveLength(2);
  });

  it("markdown, html and -o", () => {
    const md = cli("graph", "examples/square.nn.ts", "--format", "markdown");
    expect(md.out.startsWith("```mermaid\nflowchart")).toBe(true);
    expect(md.out.trimEnd().endsWith("```")).toBe(true);
    const html = cli("graph", "x * x", "--at", "x=2", "--format", "html");
    expect(html.out).toContain('<pre class="mermaid">');
    expect(html.out).not.toMatch(/<pre class="mermaid">\s*flowchart[^<]*<br>/);
    const dir = mkdtempSync(join(tmpdir(), "gradlens-"));
    const file = join(dir, "g.mmd");
    const o = cli("graph", "x * x", "--at", "x=2", "-o", file);
    expect([o.code, o.out]).toEqual([0, ""]);
    expect(readFileSync(file, "utf8").startsWith("flowchart")).toBe(true);
    expect(cli("graph", "x", "--format", "svg").code).toBe(2);
  });

  it("html without node_modules/mermaid beside the CLI fails clearly (exit 2) instead of linking a CDN", () => {
    // The built CLI, copied where no node_modules is above it.
    const dir = mkdtempSync(join(tmpdir(), "gradlens-cli-"));
    for (const f of ["cli.js", "typescript.js"]) copyFileSync(join(root, "dist", f), join(dir, f));
    const r = spawnSync(process.execPath, [join(dir, "cli.js"), "graph", "x * x", "--at", "x=2", "--format", "html"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: --format html inlines Mermaid from node_modules\/mermaid\/dist\/mermaid\.min\.js, which is not installed/);
    expect(r.stderr).toMatch(/--format mermaid/);
    const md = spawnSync(process.execPath, [join(dir, "cli.js"), "graph", "x * x", "--at", "x=2", "--format", "markdown"], { cwd: dir, encoding: "utf8" });
    expect([md.status, md.stdout.startsWith("```mermaid")]).toEqual([0, true]);
  });

  it("--format dot: a Graphviz digraph with both edges of x * x (issue 17)", () => {
    const r = cli("graph", "x * x", "--at", "x=-4", "--format", "dot");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("digraph gradlens {\n")).toBe(true);
    expect(r.out.trimEnd().endsWith("}")).toBe(true);
    expect(r.out.match(/^ {2}n0 -> n1 \[label="-4"\];$/gm)).toHaveLength(2);
    expect(r.out).toMatch(/^ {2}n0 \[label="x\\n= -4\\n∂ -8", shape=box/m);
  });
});

describe("gradlens check", () => {
  it("passes on an expression and on the gradcheck example, exit 0", () => {
    const r = json("check", "(x**2 + 3)**2 + y * sin(x)", "--at", "x=1.3,y=-2", "--json");
    expect(r.code).toBe(0);
    expect(r.data.pass).toBe(true);
    const f = json("check", "examples/sigmoid-gradcheck.nn.ts", "--json");
    expect(f.code).toBe(0);
    expect((f.data.checks as unknown[]).length).toBe(4);
  });

  it("fails with exit 1 on a wrong hand-written derivative", () => {
    const dir = mkdtempSync(join(tmpdir(), "gradlens-"));
    const file = join(dir, "bad.nn.ts");
    writeFileSync(file, "const sig = (x) => 1 / (1 + exp(-x));\ngradcheck(sig, (x) => sig(x), 0.5);\nconst out = sig(param(1));\n");
    const r = cli("check", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("FAIL");
  });
});

describe("gradlens train", () => {
  it("the AND preset with no hidden layer learns: exit 0", () => {
    const r = json("train", "AND", "--hidden", "0", "--json");
    expect(r.code).toBe(0);
    expect(r.data).toMatchObject({ learned: true, steps: 2000 });
    expect(r.data.finalLoss).toBeLessThan(0.05);
    expect(r.data.stepsPerSecond).toBeGreaterThan(0);
  });

  it("XOR with a single neuron cannot learn: exit 1", () => {
    const r = json("train", "XOR", "--hidden", "0", "--json");
    expect([r.code, r.data.learned]).toEqual([1, false]);
  });

  it("the example files learn, with the same losses as the preset network", () => {
    const file = json("train", "examples/xor.nn.ts", "--json");
    const model = json("train", "examples/xor-mlp.nn.ts", "--json");
    expect([file.code, file.data.learned, model.code, model.data.learned]).toEqual([0, true, 0, true]);
    expect(model.data.finalLoss).toBeCloseTo(file.data.finalLoss as number, 9);
    expect(json("train", "examples/and.nn.ts", "--json").data.learned).toBe(true);
  }, 120_000);

  it("--seed replaces a file's seed: xor.nn.ts learns for at least 7 of the seeds 1 to 10, exit 1 when stuck", () => {
    const runs = Array.from({ length: 10 }, (_, i) => json("train", "examples/xor.nn.ts", "--seed", String(i + 1), "--json"));
    for (const r of runs) expect(r.code).toBe(r.data.learned ? 0 : 1);
    const learned = runs.filter((r) => r.data.learned).length;
    console.log(`gradlens train examples/xor.nn.ts --seed 1..10: learned ${learned} of 10`);
    expect(learned).toBeGreaterThanOrEqual(7);
  }, 180_000);

  it("finite differences and backprop reach the same loss on the same network", () => {
    const bp = json("train", "XOR", "--steps", "300", "--json").data.finalLoss as number;
    const fdiff = json("train", "XOR", "--steps", "300", "--method", "finite-difference", "--json").data.finalLoss as number;
    expect(Math.abs(bp - fdiff)).toBeLessThan(1e-2 * bp + 1e-4);
  });

  it("a learning rate so large the loss goes to NaN/Infinity: exit 1, the verdict says it diverged", () => {
    const dir = mkdtempSync(join(tmpdir(), "gradlens-cli-"));
    const file = join(dir, "linear.nn.ts");
    writeFileSync(file, "const w = param(0.5);\nconst loss = (w * 3 - 2) ** 2;\n");
    const r = json("train", file, "--lr", "1e10", "--json");
    expect(r.code).toBe(1);
    // JSON has no NaN: a non-finite final loss is null there, and the verdict names the step it happened at.
    expect(r.data.finalLoss).toBeNull();
    expect(r.data.verdict).toMatchObject({ kind: "not-converged", reason: "diverged", how: "non-finite" });
    const human = cli("train", file, "--lr", "1e10");
    expect(human.code).toBe(1);
    expect(human.out).toMatch(/did not converge: the loss diverged to (NaN|Infinity) at step \d+; the learning rate 10000000000 is too large/);
    // A preset's sigmoid output saturates instead: the loss rises, and that is a divergence too.
    const preset = json("train", "XOR", "--lr", "1e300", "--json");
    expect([preset.code, (preset.data.verdict as { reason: string }).reason]).toEqual([1, "diverged"]);
  });

  it("gives the verdict the training view gives for the same settings, in the same words", async () => {
    const form = (patch: Partial<TrainForm>): TrainForm => ({ ...defaultForm(patch.dataset === "AND" ? "AND" : "XOR"), ...patch });
    const runs: [string[], TrainForm][] = [
      [["AND"], form({ dataset: "AND" })],
      [["XOR", "--hidden", "0"], form({ hidden: "0" })],
      [["XOR", "--steps", "40"], form({ steps: "40" })],
      [["XOR", "--lr", "1e300", "--steps", "300"], form({ lr: "1e300", steps: "300" })],
      [["XOR", "--hidden", "3", "--activation", "tanh", "--optimizer", "adam", "--lr", "0.05", "--seed", "4"],
        form({ hidden: "3", activation: "tanh", optimizer: "adam", lr: "0.05", seed: "4" })],
    ];
    for (const [args, f] of runs) {
      // What the training view's controller does with its form.
      const s = new TrainingSession({ source: parsePresetSource(f), settings: parseSettings(f) });
      s.run();
      await s.settled();
      const view = trainingSnapshot(s).verdict!;
      const r = json("train", ...args, "--json");
      const verdict = r.data.verdict as Verdict;
      expect(verdict, args.join(" ")).toEqual(JSON.parse(JSON.stringify(s.verdict)));
      expect(r.code, args.join(" ")).toBe(view.kind === "learned" ? 0 : 1);
      expect(cli("train", ...args).out.trimEnd().split("\n").at(-1)).toBe(view.message);
    }
  }, 120_000);

  it("prints a table without a progress bar when not on a terminal; bad options exit 2", () => {
    const r = cli("train", "XOR", "--optimizer", "adam", "--lr", "0.1", "--hidden", "4");
    expect(r.code).toBe(0);
    expect(r.out).toContain("learned");
    expect(r.err).toBe("");
    expect(cli("train", "XOR", "--loss", "hinge").code).toBe(2);
    expect(cli("train", "XOR", "--hidden", "2,x").code).toBe(2);
    expect(cli("train", "XOR", "--steps", "20000000").code).toBe(2);
    expect(cli("train", "XOR", "--hidden", "4096").code).toBe(2);
    expect(cli("train", "XOR", "--lr", "-1").err).toMatch(/^error: learning rate must be a positive number/);
    expect(cli("train", "examples/xor.nn.ts", "--hidden", "3").code).toBe(2);
  });
});

describe("the seed tutorials' tensor examples through the CLI", () => {
  it("check: seed 000's hand-written backward passes (exit 0); seed 002's deliberate bug fails (exit 1)", () => {
    const ok = json("check", "examples/seed000-xor.nn.ts", "--json");
    expect(ok.code).toBe(0);
    const bad = json("check", "examples/seed002-modules.nn.ts", "--json");
    expect(bad.code).toBe(1);
    const checks = bad.data.checks as { what: string; pass: boolean; rows: { name: string; pass: boolean }[] }[];
    const failing = checks.filter((c) => !c.pass);
    expect(failing).toHaveLength(1);
    expect(failing[0].rows.map((r) => r.name.replace(/\[.*$/, ""))).toEqual(["w1", "b1", "w2", "b2", "x"]);
    const human = cli("check", "examples/seed002-modules.nn.ts");
    expect(human.out).toMatch(/FAIL {2}gradcheck at examples\/seed002-modules\.nn\.ts:59:1/);
    expect(human.out).toMatch(/worst of 12 elements; 12 differ/);
  });

  it("check passes once the bug is fixed", () => {
    const dir = mkdtempSync(join(tmpdir(), "gradlens-cli-"));
    const text = readFileSync(join(root, "examples/seed002-modules.nn.ts"), "utf8")
      .replace("inp.g = (inp.squeeze() - targ)", "inp.g = 2 * (inp.squeeze() - targ)");
    writeFileSync(join(dir, "fixed.nn.ts"), text);
    expect(cli("check", join(dir, "fixed.nn.ts")).code).toBe(0);
  });

  it("graph: one node per tensor op, with shapes on nodes and edges", () => {
    const r = cli("graph", "examples/seed000-xor.nn.ts");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/model\.W1<br>#91;2,3#93;/);
    expect(r.out).toMatch(/matmul<br>#91;4,3#93;/);
    expect(r.out).toMatch(/-->\|"4×2"\|/);
  });

  it("train: seed 000 learns XOR with the tutorial's settings (loss below 0.02)", () => {
    const r = cli("train", "examples/seed000-xor.nn.ts", "--json");
    const data = JSON.parse(r.out.trim().split("\n").pop() as string) as { finalLoss?: number; losses?: number[] };
    const final = data.finalLoss ?? data.losses?.at(-1);
    expect(final).toBeLessThan(0.02);
  });

  it("grad: ∂loss/∂ every element of the tensor params", () => {
    const d = json("grad", "examples/seed000-xor.nn.ts", "--json").data as { grads: Record<string, number> };
    expect(Object.keys(d.grads)).toEqual(["model.W1[0][0]", "model.W1[0][1]", "model.W1[0][2]", "model.W1[1][0]",
      "model.W1[1][1]", "model.W1[1][2]", "model.W2[0][0]", "model.W2[1][0]", "model.W2[2][0]"]);
  });
});

/** A file in a fresh temporary folder. */
function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "gradlens-cli-")), name);
  writeFileSync(file, text);
  return file;
}

describe("answers a new user got wrong (issue 15)", () => {
  it("a file of gradcheck calls only: check runs them, exit 0, or 1 when one fails; no \"no target\"", () => {
    const checks = "const sig = (x) => 1 / (1 + exp(-x));\ngradcheck(sig, (x) => sig(x) * (1 - sig(x)), 0.5);\ngradcheck((x) => x * x, (x) => 2 * x, 3);\n";
    const ok = cli("check", tempFile("checks.nn.ts", checks));
    expect([ok.code, ok.err]).toEqual([0, ""]);
    expect(ok.out).toMatch(/^PASS {2}gradcheck at .*checks\.nn\.ts:2:1$/m);
    expect(ok.out).toMatch(/^PASS {2}gradcheck at .*checks\.nn\.ts:3:1$/m);
    expect(ok.out).not.toMatch(/no target/);
    const j = json("check", tempFile("checks.nn.ts", checks), "--json");
    expect(j.code).toBe(0);
    expect((j.data.checks as { pass: boolean }[]).map((c) => c.pass)).toEqual([true, true]);
    const bad = cli("check", tempFile("bad.nn.ts", checks.replace("2 * x", "3 * x")));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^FAIL {2}gradcheck at .*bad\.nn\.ts:3:1$/m);
    // grad needs a target, and says where the checks are run.
    const file = tempFile("checks.nn.ts", checks), g = cli("grad", file);
    expect([g.code, g.err]).toEqual([2, `error: no target: nothing at the top level evaluates to a number (the file makes gradient checks only: \`gradlens check ${file}\` runs them) at ${file}:1:1\n`]);
  });

  it("an expression that assigns its own numbers: says they are constants and how to make them leaves", () => {
    const r = cli("grad", "x = 53; y = -17; (x**2 + 3)**2 + y");
    expect(r.code).toBe(0);
    expect(r.out).toContain("value = 7907327\nnote: `x` and `y` are constants here (the expression assigns them numbers), so they have no gradient: make them leaves with `x = param(53)`, or leave out the assignments and give --at x=53,y=-17\n");
    const j = json("grad", "x = 53; y = -17; (x**2 + 3)**2 + y", "--json").data;
    expect(j.grads).toEqual({});
    expect(j.constants).toEqual({ x: 53, y: -17 });
    expect(j.hint).toMatch(/`x = param\(53\)`.*--at x=53,y=-17/);
    // Following the hint gives the gradients.
    expect(json("grad", "x = param(53); y = param(-17); (x**2 + 3)**2 + y", "--json").data.grads).toEqual({ x: 596144, y: 1 });
  });

  it("a tensor target: its shape and sum/mean, for an expression and for a file", () => {
    expect(cli("grad", "tensor([[1, 2], [3, 4]]) * x", "--at", "x=2")).toEqual({
      code: 2, out: "", err: "error: nothing to differentiate: the value is a [2,2] tensor, not a number: reduce it to one with `sum(…)` or `mean(…)` at 1:1\n",
    });
    const file = tempFile("t.nn.ts", "const W = param(tensor([[1, 2], [3, 4]]));\nconst loss = W * 2;\n");
    const r = cli("grad", file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: no target: \`loss\` is a [2,2] tensor, not a number: reduce it to one with \`sum(loss)\` or \`mean(loss)\` at ${file}:2:1\n`);
  });

  it("a NaN gradient with finite values (sqrt(x * x) at 0): grad and check say where it came from", () => {
    const r = cli("grad", "sqrt(x * x)", "--at", "x=0");
    expect(r.code).toBe(0);
    expect(r.out).toBe("value = 0\n∂/∂x = NaN   (x = 0)\n1:1: warning: the gradient becomes Infinity at `sqrt`: its local derivative is not finite at these values\n"
      + "1:6: warning: the gradient with respect to `x` is NaN\n");
    expect(json("grad", "sqrt(x * x)", "--at", "x=0", "--json").data.warnings).toHaveLength(2);
    const c = cli("check", tempFile("sq.nn.ts", "const w = param(0);\nconst loss = sqrt(w * w);\n"));
    expect(c.code).toBe(1);
    expect(c.out).toMatch(/sq\.nn\.ts:2:14: warning: the gradient becomes Infinity at `sqrt`/);
    expect(c.out).toMatch(/sq\.nn\.ts:1:11: warning: the gradient with respect to `w` is NaN/);
  });

  it("an unknown function: said to be one, with the nearest known names; not asked for with --at", () => {
    const r = cli("grad", "hypot(x, y)", "--at", "x=1,y=2");
    expect(r).toEqual({ code: 2, out: "", err: "error: `hypot` is not a known function at 1:1\n" });
    expect(cli("grad", "x + sigmiod(x)", "--at", "x=1").err).toBe("error: `sigmiod` is not a known function (nearest known name: `sigmoid`) at 1:5\n");
    expect(cli("grad", "hypot + 1").err).toBe("error: no value for `hypot` at 1:1 (give values with --at hypot=…)\n");
  });

  it("issue 17: max is a built-in; --at gives a built-in's name a value that shadows it (E too)", () => {
    expect(json("grad", "max(x, y)", "--at", "x=1,y=2", "--json").data).toEqual({ value: 2, grads: { x: 0, y: 1 } });
    expect(json("grad", "x * E", "--at", "x=3,E=2", "--json").data).toEqual({ value: 6, grads: { x: 2, E: 3 } });
    expect(json("grad", "max * x", "--at", "x=3,max=5", "--json").data).toEqual({ value: 15, grads: { x: 5, max: 3 } });
  });

  it("check: a kink note (relu at 0) only on the rows of the params it reaches", () => {
    const r = json("check", tempFile("kink.nn.ts", "const a = param(0);\nconst b = param(2);\nconst loss = relu(a) + b * b;\n"), "--json");
    const rows = (r.data.checks as { rows: { name: string; note: string }[] }[])[0].rows;
    expect(rows.map((x) => [x.name, x.note])).toEqual([["a", "relu at 0: not differentiable, the convention gives 0"], ["b", ""]]);
  });

  it("--at names: `__proto__`, `constructor` and `toString` are ordinary names; an unused name is reported", () => {
    expect(json("grad", "__proto__ * toString + constructor", "--at", "__proto__=2,toString=3,constructor=1", "--json").data)
      .toEqual({ value: 7, grads: { ["__proto__"]: 3, toString: 2, constructor: 1 } }); // computed: an own key, not the prototype
    const r = cli("grad", "x + 1", "--at", "__proto__=1,x=2");
    expect(r.code).toBe(0);
    expect(r.out).toContain("∂/∂x = 1");
    expect(r.out).toContain("warning: --at __proto__: no name `__proto__` in the expression");
    expect(json("grad", "x + 1", "--at", "x=2,z=1", "--json").data.warnings).toEqual(["warning: --at z: no name `z` in the expression"]);
    const f = cli("grad", "examples/xor.nn.ts", "--at", "x=1");
    expect(f.code).toBe(2);
    expect(f.err).toMatch(/^error: --at x: --at gives values to an expression's free names/);
  });
});

describe("train takes every file the view trains, and an init that learns (issue 15)", () => {
  it("a class-based model (forward(p, q), or forward of one array): predictions, learned, exit 0", () => {
    const net = cli("train", tempFile("net.nn.ts", CLASS_NET));
    expect([net.code, net.err]).toEqual([0, ""]);
    expect(net.out).not.toMatch(/NaN|expects 2 arguments/);
    expect(net.out.trimEnd().split("\n").at(-1)).toBe("learned in 226 steps: every row rounds to its target");
    expect(cli("train", tempFile("micro.nn.ts", MICROGRAD)).code).toBe(0);
  });

  it("XOR --hidden 16,16 --activation tanh learns by default; --init chooses (the tutorial's uniform01 does not learn it)", () => {
    const r = cli("train", "XOR", "--hidden", "16,16", "--activation", "tanh");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/learned in \d+ steps/);
    expect(cli("train", "XOR", "--hidden", "16,16", "--activation", "tanh", "--init", "uniform01").code).toBe(1);
    expect(cli("train", "XOR", "--hidden", "16,16", "--activation", "relu", "--init", "he").code).toBe(0);
    expect(cli("train", "XOR").out).toMatch(/learned in 226 steps/);
    expect(cli("train", "XOR", "--init", "bogus").err).toBe("error: init must be one of auto, uniform01, xavier, he, uniform, normal, got \"bogus\"\n");
    expect(cli("train", "examples/xor.nn.ts", "--init", "he").err).toBe("error: --init applies to presets; a file defines its own model\n");
  });
});

describe("bounds on the CLI's work (issue 15)", () => {
  it("check samples beyond --max-params, says so in text and JSON, and a sample of all is no sample", () => {
    const r = cli("check", "examples/xor-mlp.nn.ts", "--max-params", "4");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^note: 9 params: checked a random sample of 4 \(seed 1; --max-params raises the bound\)$/m);
    expect(r.out.match(/^ {2}✓ /gm)).toHaveLength(4);
    const j = json("check", "examples/xor-mlp.nn.ts", "--max-params", "4", "--json").data;
    expect(j.sample).toEqual({ checked: 4, total: 9, seed: 1 });
    const rows = (j.checks as { rows: { name: string }[] }[])[0].rows.map((x) => x.name);
    // Seeded: the same sample every time.
    expect(json("check", "examples/xor-mlp.nn.ts", "--max-params", "4", "--json").data.checks).toEqual(j.checks);
    expect(rows).toHaveLength(4);
    expect(json("check", "examples/xor-mlp.nn.ts", "--json").data.sample).toBeUndefined();
  });

  it("--max-steps, --max-nodes, --max-depth, --max-elements and --max-element-ops lower or raise the evaluation bounds of grad, graph, check and train", () => {
    const loop = "let s = x; for (let i = 0; i < 1000; i++) s = s + x; s";
    expect(cli("grad", loop, "--at", "x=1", "--max-steps", "100").err).toMatch(/^error: step limit reached \(100 steps; see gradlens\.maxSteps\)/);
    expect(cli("graph", loop, "--at", "x=1", "--max-nodes", "50").err).toMatch(/^error: graph too large \(over 50 nodes/);
    expect(cli("check", loop, "--at", "x=1", "--max-steps", "100").code).toBe(2);
    expect(json("grad", loop, "--at", "x=1", "--max-steps", "100000", "--json").data.grads).toEqual({ x: 1001 });
    const deep = tempFile("deep.nn.ts", "function f(n, x) { return n === 0 ? x : f(n - 1, x) * 1; }\nconst w = param(1);\nconst loss = f(50, w);\n");
    expect(cli("grad", deep, "--max-depth", "20").err).toMatch(/call depth limit reached \(20 nested calls; see gradlens\.maxCallDepth\)/);
    expect(cli("grad", deep, "--max-depth", "100").code).toBe(0);
    expect(cli("train", deep, "--max-depth", "20").err).toMatch(/call depth limit reached \(20 nested calls; see gradlens\.maxCallDepth\)/);
    expect(cli("grad", "x", "--at", "x=1", "--max-steps", "0").err).toBe("error: --max-steps must be a positive integer, got \"0\"\n");
    const big = "sum(zeros([100, 100])) + x";
    expect(cli("grad", big, "--at", "x=1", "--max-elements", "8000").err)
      .toBe("error: `zeros([100, 100])`: 10,000 elements is over the 8,000 element limit (gradlens.maxElements) at 1:5\n");
    expect(cli("grad", big, "--at", "x=1", "--max-elements", "100000").code).toBe(0);
    expect(cli("grad", "sum(matmul(ones(100, 100), ones(100, 100))) + x", "--at", "x=1", "--max-element-ops", "1000").err)
      .toMatch(/^error: `matmul\(ones\(100, 100\), ones\(100, 100\)\)`: 1 M element operations is over the 1,000 element-operation limit \(gradlens\.maxElementOps\)/);
  });
});

describe("output piped into a reader that stops early", () => {
  it("exits quietly (no EPIPE crash) when stdout closes before the output is written", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [join(root, "bin/gradlens.js"), "graph", "examples/seed000-xor.nn.ts", "--format", "html"], { cwd: root });
    let err = "";
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    // Like `| head -c 10`: read one chunk, then close the pipe while megabytes are still to come.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});

describe("train on classification data, --save and load (issue 17)", () => {
  it("a softmax classifier on spirals (3 classes, 2-32-32-3, cross-entropy) reaches 95 % with the file's own steps", () => {
    const r = json("train", "examples/spirals.nn.ts", "--json");
    const acc = r.data.accuracy as { correct: number; total: number; classes: number };
    expect([r.code, r.data.steps, acc.total, acc.classes]).toEqual([0, 1500, 300, 3]);
    expect(acc.correct / acc.total).toBeGreaterThanOrEqual(0.95);
    const text = cli("train", "examples/spirals.nn.ts");
    expect(text.out).toMatch(/^accuracy \d+(\.\d)?% \(\d+\/300 rows, 3 classes\)$/m);
  });

  it("train({ batch }): the full-data loss beside the final loss (text and --json)", () => {
    const file = tempFile("batched.nn.ts", `seed(3);
const [X, y] = blobs(48, { centers: [[-2, 0], [2, 0]], std: 0.5, seed: 1, tensors: true });
const W = param(zeros(2, 2)), b = param(zeros(1, 2));
const forward = (x) => matmul(x, W) + b;
const loss = crossEntropy(forward(X), y);
train({ lr: 0.1, steps: 30, optimizer: "adam", batch: 8 });
`);
    const r = json("train", file, "--json");
    expect(r.data.fullLoss).toBeCloseTo(r.data.finalLoss as number, 12);
    expect((r.data.accuracy as { correct: number }).correct).toBe(48);
    expect(cli("train", file).out).toMatch(/^full-data loss [\d.e-]+ \(mini-batches of 8 rows\)$/m);
  });

  it("binary data: accuracy from the prediction rows; a large table is a count", () => {
    const file = tempFile("moons.nn.ts", `seed(2);
const [X, y] = moons(40, { noise: 0.05, seed: 1, tensors: true });
const W1 = param(randn([2, 8])), b1 = param(zeros(1, 8)), W2 = param(randn([8, 1])), b2 = param(zeros(1, 1));
const forward = (x) => sigmoid(matmul(tanh(matmul(x, W1) + b1), W2) + b2);
const loss = bce(forward(X), y.unsqueeze(1));
train({ lr: 0.05, steps: 400, optimizer: "adam" });
`);
    const r = cli("train", file);
    expect(r.out).toMatch(/^accuracy \d+(\.\d)?% \(\d+\/40 rows\)$/m);
    expect(r.out).toContain("(40 rows: the predictions table is for 32 rows or fewer; --json has them all)");
  });

  it("--save writes names to values; load(...) reads them back beside the file, never outside its folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "gradlens-save-"));
    const net = join(dir, "net.nn.ts");
    writeFileSync(net, "const w = param(tensor([[1, 2]]));\nconst b = param(0.5);\nconst loss = sum((w - tensor([[3, -1]])) ** 2) + (b - 2) ** 2;\ntrain({ lr: 0.1, steps: 200 });\n");
    const saved = join(dir, "w.json");
    const t = cli("train", net, "--save", saved);
    expect(t.out).toContain(`saved 3 params to ${saved}`);
    const data = JSON.parse(readFileSync(saved, "utf8")) as Record<string, number>;
    expect(Object.keys(data)).toEqual(["w[0][0]", "w[0][1]", "b"]);
    expect([data["w[0][0]"], data["w[0][1]"], data.b].map((v) => Math.round(v * 1000) / 1000)).toEqual([3, -1, 2]);
    const back = join(dir, "back.nn.ts");
    writeFileSync(back, "const saved = load(\"w.json\");\nconst w = param(saved.w);\nconst loss = sum(w) + saved.b + saved[\"w[0][1]\"];\n");
    expect(json("grad", back, "--json").data.value).toBeCloseTo(3 - 1 + 2 - 1, 3);
    writeFileSync(join(dir, "out.nn.ts"), "const s = load(\"../w.json\");\nconst loss = 1;\n");
    expect(cli("grad", join(dir, "out.nn.ts")).err).toMatch(/^error: `load`: "\.\.\/w\.json" is outside the file's folder: load reads files in the file's folder and below at .*out\.nn\.ts:1:11\n$/);
    writeFileSync(join(dir, "abs.nn.ts"), `const s = load(${JSON.stringify(saved)});\nconst loss = 1;\n`);
    expect(cli("grad", join(dir, "abs.nn.ts")).err).toMatch(/is outside the file's folder/);
  });
});

describe("standard input", () => {
  const piped = (input: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, "bin/gradlens.js"), ...args], { cwd: root, encoding: "utf8", input, timeout: 60_000 });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };

  it("`-` reads the source from standard input, as a file; its errors name <stdin>", () => {
    expect(piped("const w = param(2);\nconst loss = w * w;\n", "grad", "-", "--json")).toEqual({ code: 0, out: '{"value":4,"grads":{"w":4}}\n', err: "" });
    expect(piped("const w = param(2);\nconst loss = w * wieght;\n", "grad", "-")).toMatchObject({ code: 2, err: "error: unknown name `wieght` at <stdin>:2:18\n" });
    expect(piped("gradcheck((x: number) => x * x, (x: number) => 2 * x, 3);\n", "run", "-")).toMatchObject({ code: 0, out: expect.stringMatching(/^PASS {2}gradcheck at <stdin>:1:1\n/) });
  });

  it("--lang python reads standard input as Python", () => {
    expect(piped("x = 7\nprint(x // 2, x / 2)\n", "run", "-", "--lang", "python")).toEqual({ code: 0, out: "3 3.5\n", err: "" });
    expect(piped("w = param(2.0)\nloss = w ** 2 // 1 + w\n", "grad", "-", "--lang", "python", "--json")).toEqual({ code: 0, out: '{"value":6,"grads":{"w":1}}\n', err: "" });
  });
});
