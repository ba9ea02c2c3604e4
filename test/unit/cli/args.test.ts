// Runs in vitest (Node): the CLI's argument parsing in-process: `--lang python|ts`, a source's language from its
// file name, standard input as `-`.
import { describe, expect, it } from "vitest";
import { langOption, parseArgs, UsageError } from "../../../src/cli/args";
import { isFile, languageOf } from "../../../src/cli/source";

describe("--lang", () => {
  it("python or ts; absent when not given", () => {
    expect(langOption(parseArgs(["x // 2", "--lang", "python"], ["lang"]))).toBe("py");
    expect(langOption(parseArgs(["--lang=ts", "x"], ["lang"]))).toBe("ts");
    expect(langOption(parseArgs(["x"], ["lang"]))).toBeUndefined();
  });

  it("anything else is a usage error naming the choices", () => {
    expect(() => langOption(parseArgs(["x", "--lang", "ruby"], ["lang"]))).toThrow(new UsageError('--lang must be one of python, ts, got "ruby"'));
    expect(() => parseArgs(["x", "--lang"], ["lang"])).toThrow(UsageError);
    expect(() => parseArgs(["x", "--lang", "python"], ["at"])).toThrow(/unknown option --lang/);
  });
});

describe("a source's language", () => {
  it("a .py file is Python, anything else TypeScript, unless --lang says", () => {
    expect(languageOf("examples/seed001-var.nn.py")).toBe("py");
    expect(languageOf("tutorial.py")).toBe("py");
    expect(languageOf("examples/xor.nn.ts")).toBe("ts");
    expect(languageOf("-")).toBe("ts");
    expect(languageOf("-", "py")).toBe("py");
    expect(languageOf("model.py", "ts")).toBe("ts");
  });

  it("`-` is standard input, a file; `.py` names are files", () => {
    expect(isFile("-")).toBe(true);
    expect(isFile("model.nn.py")).toBe(true);
    expect(isFile("x // 2")).toBe(false);
  });
});
