// Runs in vitest (Node) with a real worker thread (the worker bundled as scripts/build.mjs bundles it): one evaluator
// client. It answers, sends a document's text once per version, cancels a queued request here and a running one
// through its shared flag, ends a worker that runs past its limit where the interpreter cannot stop it, and restarts
// a worker that ran out of memory; each time the next request answers.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { EvaluatorClient, type Stopped } from "../../../../src/extension/evaluation/client";
import { EvaluatorError } from "../../../../src/extension/evaluation/errors";
import { HOG, LOOP, XOR, limit, workerScript } from "./helpers";

let script = "";
const clients: EvaluatorClient[] = [];
beforeAll(async () => {
  script = await workerScript("client-test");
});
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

function client(opts: Partial<ConstructorParameters<typeof EvaluatorClient>[0]> = {}): EvaluatorClient {
  const c = new EvaluatorClient({ script, ...opts });
  clients.push(c);
  return c;
}

const summary = (c: EvaluatorClient, uri: string, version: number, text: string, ms = 20_000, cancellable = false) =>
  c.call({ kind: "summary", doc: { uri, version }, bounds: { maxSteps: 1e12, maxNodes: 1e12 }, digits: 4 }, { label: uri, text, limit: limit(ms), cancellable });

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("it answered"); }, (e: unknown) => e as EvaluatorError);

describe("EvaluatorClient", () => {
  it("answers from a worker thread, sends the text once per version, and knows what it evaluated", async () => {
    const c = client();
    const s = await summary(c, "xor.nn.ts", 1, XOR).promise;
    expect(s.problems).toEqual([]);
    expect(c.holds("xor.nn.ts", 1)).toBe(true);
    const offset = XOR.indexOf("+ b3)") + 3;
    // The worker has version 1: this text is not sent (were it, the worker would answer for it, and find no b3).
    const hover = await c.call({ kind: "hover", doc: { uri: "xor.nn.ts", version: 1 }, bounds: { maxSteps: 1e12, maxNodes: 1e12 }, offset, digits: 4 }, { label: "xor", text: "not sent" }).promise;
    expect(hover?.markdown).toContain("∂loss/∂b3");
    expect(c.idle).toBe(true);
  }, 60_000);

  it("drops a queued request, stops a running one through its flag, and answers the next", async () => {
    const c = client();
    const running = summary(c, "loop.nn.ts", 1, LOOP, 20_000, true);
    const queued = summary(c, "xor.nn.ts", 1, XOR, 20_000, true);
    expect(c.load).toBe(2);
    queued.cancel();
    expect((await failure(queued.promise)).code).toBe("cancelled");
    // Stale: a newer version of loop.nn.ts exists.
    c.cancelStale("loop.nn.ts", 2);
    const e = await failure(running.promise);
    expect(e).toBeInstanceOf(EvaluatorError);
    expect(e.code).toBe("cancelled");
    expect((await summary(c, "xor.nn.ts", 1, XOR).promise).problems).toEqual([]);
  }, 60_000);

  it("a runaway stops at its time limit, at its position", async () => {
    const c = client();
    const s = await summary(c, "loop.nn.ts", 1, LOOP, 300).promise;
    expect(s.problems.map((p) => p.message)).toEqual(["time limit reached (0.3 s; see gradlens.timeLimit.editor)"]);
  }, 60_000);

  it("ends a worker that runs past its limit where the interpreter cannot stop it, and the next request answers", async () => {
    const logged: string[] = [];
    const c = client({ graceMs: 300, log: (l) => logged.push(l) });
    await summary(c, "xor.nn.ts", 1, XOR).promise;
    const generation = c.generation;
    // One engine call, no interpreted steps in it: nothing polls the limit until it returns.
    const matmul = "const a = randn([1000, 1000]);\nconst loss = sum(matmul(a, a));\n";
    const e = await failure(summary(c, "mm.nn.ts", 1, matmul, 100).promise);
    expect(e.code).toBe("timeout");
    expect(e.message).toBe("GradLens stopped evaluating mm.nn.ts: time limit reached (0.1 s; see gradlens.timeLimit.editor); its evaluator was restarted");
    expect(logged).toEqual([e.message]);
    expect(c.generation).toBe(generation + 1);
    expect(c.holds("xor.nn.ts", 1)).toBe(false);
    // The new worker has no text: it is sent again with the request.
    expect((await summary(c, "xor.nn.ts", 1, XOR).promise).problems).toEqual([]);
  }, 60_000);

  it("a worker that runs out of memory fails its request saying so, is restarted once, and the next request answers", async () => {
    const stopped: Stopped[] = [];
    const c = client({ resourceLimits: { maxOldGenerationSizeMb: 48 }, onStopped: (s) => stopped.push(s) });
    const e = await failure(summary(c, "hog.nn.ts", 1, HOG).promise);
    expect(e.code).toBe("stopped");
    expect(e.message).toBe("GradLens's evaluator stopped while evaluating hog.nn.ts (out of memory); it has been restarted");
    expect(stopped).toEqual([{ label: "hog.nn.ts", reason: "out of memory", message: e.message }]);
    expect((await summary(c, "xor.nn.ts", 1, XOR).promise).problems).toEqual([]);
    expect(stopped).toHaveLength(1);
  }, 60_000);
});
