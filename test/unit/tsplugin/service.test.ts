// Runs in vitest (Node): the TypeScript server plugin's pieces with the real `typescript` package: builtins.d.ts is
// generated from the runtime globals, and the `.nn.ts` language service accepts the examples, still reports real
// errors, and answers quick info on built-ins.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { GLOBAL_NAMES } from "../../../src/notation/builtins";
import { builtinsDts, runtimeGlobals } from "../../../src/tsplugin/declarations";
import { CHECKER_DEPTH, createNnService, isNnFile, nnSuggestions, treeDepth } from "../../../src/tsplugin/service";
import { evaluateDocument } from "../../../src/notation";
import { root } from "../editor-model/helpers";

function service(files: Record<string, string>) {
  const libDir = dirname(ts.getDefaultLibFilePath({}));
  return createNnService(ts, {
    getScriptSnapshot: (f) => (f in files ? ts.ScriptSnapshot.fromString(files[f]) : undefined),
    getScriptVersion: () => "1",
    getCurrentDirectory: () => "/work",
    getDefaultLibFileName: (o) => join(libDir, ts.getDefaultLibFileName(o)),
    fileExists: (f) => f in files || ts.sys.fileExists(f),
    readFile: (f) => files[f] ?? ts.sys.readFile(f),
  });
}

function diagnostics(files: Record<string, string>, name: string): string[] {
  const s = service(files).track(name);
  return [...s.getSyntacticDiagnostics(name), ...s.getSemanticDiagnostics(name)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("builtins.d.ts", () => {
  it("declares every runtime global (the standard library's own aside), and nothing else", () => {
    const dts = builtinsDts();
    const declared = new Set([...dts.matchAll(/^declare (?:function|const) (\w+)/gm)].map((m) => m[1]));
    const runtime = [...runtimeGlobals().keys()].filter((n) => !["Infinity", "NaN", "Math"].includes(n));
    expect([...declared].sort()).toEqual([...new Set(runtime)].sort());
    for (const n of GLOBAL_NAMES) if (!["undefined", "Infinity", "NaN", "Math"].includes(n)) expect(declared.has(n), n).toBe(true);
  });

  it("parses as a declaration file", () => {
    const sf = ts.createSourceFile("b.d.ts", builtinsDts(), ts.ScriptTarget.ES2022, true);
    expect((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
  });
});

describe("the .nn.ts language service", () => {
  const examples = readdirSync(join(root, "examples")).filter(isNnFile);

  it("finds no error in the examples, and the misspelt name in broken.nn.ts", () => {
    const files = Object.fromEntries(examples.map((f) => [`/work/examples/${f}`, readFileSync(join(root, "examples", f), "utf8")]));
    for (const f of examples) {
      const ds = diagnostics(files, `/work/examples/${f}`);
      if (f === "broken.nn.ts") {
        expect(ds).toHaveLength(1);
        expect(ds[0]).toMatch(/Cannot find name 'wieght'/);
      } else expect(ds, f).toEqual([]);
    }
  });

  it("keeps each file its own module, so two files may declare the same name", () => {
    const files = { "/w/a.nn.ts": "const x = param(1);\nconst loss = x * x;\n", "/w/b.nn.ts": "const x = 2;\nconst loss = x + 1;\n" };
    const svc = service(files);
    svc.track("/w/a.nn.ts");
    const s = svc.track("/w/b.nn.ts");
    expect(s.getSemanticDiagnostics("/w/a.nn.ts")).toEqual([]);
    expect(s.getSemanticDiagnostics("/w/b.nn.ts")).toEqual([]);
  });

  it("accepts imports from \"gradlens\", method spellings and untyped parameters; rejects wrong types", () => {
    const ok = 'import { mlp, sse } from "gradlens";\nconst m = mlp([2, 1]);\nconst f = (v, act = tanh) => act(v).exp() + np.sigmoid(v) + Math.relu(v) + PI;\nconst loss = sse(m([1, 2]), 1) + f(1);\n';
    expect(diagnostics({ "/w/ok.nn.ts": ok }, "/w/ok.nn.ts")).toEqual([]);
    const bad = 'const loss = sigmoid("one");\n';
    expect(diagnostics({ "/w/bad.nn.ts": bad }, "/w/bad.nn.ts")[0]).toMatch(/not assignable to parameter of type 'number'/);
  });

  it("does not fade the target as never read, but keeps other suggestions", () => {
    const text = "const w = param(0.5);\nconst loss = w * w;\n";
    const s = service({ "/w/u.nn.ts": text }).track("/w/u.nn.ts");
    expect(s.getSuggestionDiagnostics("/w/u.nn.ts").map((d) => d.code)).toContain(6133);
    expect(nnSuggestions(s, "/w/u.nn.ts")).toEqual([]);
  });

  it("leaves a syntax error of a .nn.ts file to GradLens's own diagnostics: Problems shows it once (issue 15)", () => {
    const text = "const w = param(1);\nconst loss = (w * 2;\n";
    const s = service({ "/w/s.nn.ts": text }).track("/w/s.nn.ts");
    expect(s.getSyntacticDiagnostics("/w/s.nn.ts")).toEqual([]);
    // GradLens reports it, at the place TypeScript's parser puts it.
    const parsed = ts.createSourceFile("s.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) as unknown as { parseDiagnostics: ts.Diagnostic[] };
    const mine = evaluateDocument(text).diagnostics.filter((d) => d.severity === "error");
    expect(mine.map((d) => d.start)).toEqual(parsed.parseDiagnostics.map((d) => d.start));
    expect(mine).toHaveLength(1);
    expect(mine[0].message).toBe("')' expected");
    // The semantic side is unchanged: a wrong type still shows.
    expect(diagnostics({ "/w/t.nn.ts": 'const loss = sigmoid("one");\n' }, "/w/t.nn.ts")).toHaveLength(1);
  });

  it("answers quick info on a built-in with its declaration", () => {
    const text = "const w = param(0.5);\nconst loss = sigmoid(w);\n";
    const s = service({ "/w/q.nn.ts": text }).track("/w/q.nn.ts");
    const info = s.getQuickInfoAtPosition("/w/q.nn.ts", text.indexOf("sigmoid") + 2);
    expect(ts.displayPartsToString(info?.displayParts)).toBe("function sigmoid(x: number): number");
  });
});

describe("tensor declarations", () => {
  const seeds = ["seed000-xor.nn.ts", "seed002-modules.nn.ts"];

  it("the plugin's service reports nothing on seed 000 and seed 002 (syntactic, semantic or suggestion)", () => {
    const files = Object.fromEntries(seeds.map((f) => [`/work/examples/${f}`, readFileSync(join(root, "examples", f), "utf8")]));
    const svc = service(files);
    for (const f of Object.keys(files)) {
      const s = svc.track(f);
      const all = [...s.getSyntacticDiagnostics(f), ...s.getSemanticDiagnostics(f), ...nnSuggestions(s, f)];
      expect(all.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), f).toEqual([]);
    }
  });

  it("declares the tensor globals, the randn/rand shape overloads, torch/np spellings and gradcheck(model, inputs, options)", () => {
    const dts = builtinsDts();
    for (const n of ["tensor", "matmul", "transpose", "sum", "mean", "reshape", "zeros", "ones"]) expect(dts, n).toMatch(new RegExp(`^declare function ${n}\\(`, "m"));
    expect(dts).toContain("declare function randn(shape: readonly number[]): GradLensTensor;");
    expect(dts).toContain("declare function param(value: GradLensTensor, name?: string): GradLensTensor;");
    expect(dts).toContain("gradcheck(model: object, inputs: readonly any[], options?: GradLensGradcheckOptions): boolean;");
    expect(dts).toMatch(/declare const torch: \{[^}]*randn\(\.\.\.shape: \(number \| readonly number\[\]\)\[\]\): GradLensTensor;[^}]*mm\(a: GradLensTensor/);
    expect(dts).toMatch(/declare const np: \{[^}]*array\([^}]*dot\(a: GradLensTensor/);
    const ok = [
      "const a = torch.randn(2, 3), b = np.array([[1, 2, 3]]);",
      "const c = torch.mm(torch.t(a), b) + np.dot(b, torch.tensor([[1], [2], [3]]));",
      "const W = param(rand([3, 1]));",
      "const loss = mse(matmul(b, W), ones(1, 1)) + sum(reshape(c, 9), 0).item() + (a - 1).T.shape[0];",
    ].join("\n") + "\n";
    expect(diagnostics({ "/w/t.nn.ts": ok }, "/w/t.nn.ts")).toEqual([]);
  });

  it("lets a class of the file grow the fields it assigns, but still reports members never assigned and misspellings", () => {
    const text = "class A { constructor() { this.w = param(1); } f() { return this.w * 2; } }\nconst a = new A();\nconst loss = a.f() + a.w + a.nope + Math.sigmiod(1) + torch.mmm(1, 2);\n";
    const ds = diagnostics({ "/w/c.nn.ts": text }, "/w/c.nn.ts");
    expect(ds).toHaveLength(3);
    expect(ds[0]).toMatch(/Property 'nope' does not exist on type 'A'/);
    expect(ds[1]).toMatch(/Property 'sigmiod' does not exist/);
    expect(ds[2]).toMatch(/Property 'mmm' does not exist/);
  });
});

describe("the assigned-field filter on a large file", () => {
  it("keeps every one of 4,000 unassigned-member errors and drops every assigned field's, in one pass", () => {
    const lines = ["class A { constructor() { this.w = param(1); } }", "const a = new A();", "let loss = a.w;"];
    for (let i = 0; i < 2000; i++) lines.push(`loss = loss + a.w + a.m${i % 50} + a.w;`);
    for (let i = 0; i < 2000; i++) lines.push(`loss = loss + a.n${i} * a.w;`);
    const ds = diagnostics({ "/w/big.nn.ts": lines.join("\n") + "\n" }, "/w/big.nn.ts");
    expect(ds).toHaveLength(4000);
    expect(ds.filter((m) => /Property 'w'/.test(m))).toEqual([]);
    expect(ds.filter((m) => /Property 'm\d+' does not exist/.test(m))).toHaveLength(2000);
    expect(ds.filter((m) => /Property 'n\d+' does not exist/.test(m))).toHaveLength(2000);
  });
});

describe("files too deep for TypeScript's checker", () => {
  const sum = (n: number) => Array(n).fill("x").join(" + ");

  it("measures a tree's depth without recursion", () => {
    expect(treeDepth(ts, ts.createSourceFile("a.ts", `const y = ${sum(20_000)};`, ts.ScriptTarget.ES2022))).toBeGreaterThan(20_000);
    expect(treeDepth(ts, ts.createSourceFile("b.ts", "const y = 1;", ts.ScriptTarget.ES2022))).toBeLessThan(10);
  });

  it("get no TypeScript diagnostics (GradLens's own speak for them) instead of a stack overflow or a minute's wait", () => {
    const files = {
      "/w/sum.nn.ts": `const x = param(1);\nconst loss = ${sum(10_000)};\nconst bad: string = 1;\n`,
      "/w/chain.nn.ts": `const o: any = {};\nconst y = o${".b".repeat(3000)};\n`,
      "/w/parens.nn.ts": `const y = ${"(".repeat(10_000)}1${")".repeat(10_000)};\n`,
    };
    const s = service(files);
    for (const name of Object.keys(files)) {
      const ls = s.track(name);
      expect([...ls.getSyntacticDiagnostics(name), ...ls.getSemanticDiagnostics(name), ...nnSuggestions(ls, name)], name).toEqual([]);
    }
  });

  it("a file just under the depth still gets TypeScript's diagnostics", () => {
    expect(diagnostics({ "/w/ok.nn.ts": `const x = param(1);\nconst loss = ${sum(CHECKER_DEPTH - 10)};\nconst bad: string = 1;\n` }, "/w/ok.nn.ts"))
      .toEqual(["Type 'number' is not assignable to type 'string'."]);
  });
});
