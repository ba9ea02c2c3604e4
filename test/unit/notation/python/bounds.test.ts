// Runs in vitest (Node): Python programs are bounded like every evaluation: runaway loops, recursion and huge
// allocations end in a positioned error naming the bound's setting.
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../../src/notation";

const error = (text: string) => evaluateDocument(text, { lang: "py" }).diagnostics.find((d) => d.severity === "error");

describe("Python programs are bounded", () => {
  it.each([
    ["while True", "n = 0\nwhile True:\n    n += 1\n", /gradlens\.maxSteps/, 3],
    ["runaway recursion", "def f(n):\n    return f(n + 1)\nf(0)\n", /call depth limit reached .*gradlens\.maxCallDepth/, 2],
    ["a huge range", "xs = list(range(10 ** 10))\n", /gradlens\.maxElements/, 1],
    ["list repetition", "xs = [0] * 10 ** 9\n", /gradlens\.maxElements/, 1],
    ["string doubling", "s = 'ab'\nfor i in range(60):\n    s = s + s\n", /gradlens\.maxElements/, 3],
    ["a huge NumPy array", "import numpy as np\nz = np.zeros((20000, 20000))\n", /gradlens\.maxElements/, 2],
  ])("%s", (_name, text, reason, line) => {
    const e = error(text);
    expect(e?.message).toMatch(reason);
    expect(e?.line).toBe(line);
  });
});
