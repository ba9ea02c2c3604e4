// Runs in vitest (Node) with real worker threads: which worker answers what. A runaway evaluation of one file never
// holds up another file's hover; a request about a version being evaluated waits for it instead of evaluating it
// twice; a newer version cancels the older one's evaluation; training gets a worker of its own.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EvaluatorError } from "../../../../src/extension/evaluation/errors";
import { EvaluatorPool } from "../../../../src/extension/evaluation/pool";
import { LOOP, XOR, limit, workerScript } from "./helpers";

let script = "";
const pools: EvaluatorPool[] = [];
beforeAll(async () => {
  script = await workerScript("pool-test");
});
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

const bounds = { maxSteps: 1e12, maxNodes: 1e12 };
const summary = (p: EvaluatorPool, uri: string, version: number, text: string, ms = 20_000) =>
  p.document({ kind: "summary", doc: { uri, version }, bounds, digits: 4 }, { label: uri, text, limit: limit(ms) });
const hover = (p: EvaluatorPool, uri: string, version: number, text: string, offset: number) =>
  p.document({ kind: "hover", doc: { uri, version }, bounds, offset, digits: 4 }, { label: uri, text, limit: limit(20_000) });

describe("EvaluatorPool", () => {
  it("answers a hover in one file while another file's runaway evaluation holds a worker", async () => {
    const p = new EvaluatorPool({ script, size: 2 });
    pools.push(p);
    const order: string[] = [];
    const runaway = summary(p, "loop.nn.ts", 1, LOOP, 4000).promise.then((s) => {
      order.push("runaway");
      return s;
    });
    const h = await hover(p, "xor.nn.ts", 1, XOR, XOR.indexOf("+ b3)") + 3).promise;
    order.push("hover");
    expect(h?.markdown).toContain("∂loss/∂b3");
    expect((await runaway).problems[0].message).toBe("time limit reached (4 s; see gradlens.timeLimit.editor)");
    expect(order).toEqual(["hover", "runaway"]);
  }, 60_000);

  it("a request about the version being evaluated queues behind it on the same worker", async () => {
    const p = new EvaluatorPool({ script, size: 2 });
    pools.push(p);
    const first = summary(p, "xor.nn.ts", 1, XOR).promise;
    const h = hover(p, "xor.nn.ts", 1, XOR, XOR.indexOf("+ b3)") + 3).promise;
    await Promise.all([first, h]);
    expect(p.editors.filter((c) => c.holds("xor.nn.ts", 1))).toHaveLength(1);
  }, 60_000);

  it("a newer version cancels the evaluation of the older one", async () => {
    const p = new EvaluatorPool({ script, size: 2 });
    pools.push(p);
    const old = summary(p, "loop.nn.ts", 1, LOOP).promise.catch((e: EvaluatorError) => e.code);
    await new Promise((r) => setTimeout(r, 200));
    p.cancelStale("loop.nn.ts", 2);
    expect(await old).toBe("cancelled");
    expect((await summary(p, "loop.nn.ts", 2, "const loss = 1;\n").promise).problems).toEqual([]);
  }, 60_000);

  it("training has a worker of its own, started when first asked for", () => {
    const p = new EvaluatorPool({ script, size: 2 });
    pools.push(p);
    const t = p.training();
    expect(p.editors).not.toContain(t);
    expect(p.training()).toBe(t);
    expect(p.sessionId()).not.toBe(p.sessionId());
  });
});
