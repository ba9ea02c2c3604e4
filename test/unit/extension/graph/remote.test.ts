// Runs in vitest (Node) with a real evaluator worker: a graph view's session kept in the worker with its tape. The
// panel draws a source there, passes folding on, keeps the folding across a redraw of the same source, and a session
// that is gone answers "lost" (the panel then draws afresh).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvaluatorError } from "../../../../src/extension/evaluation/errors";
import { EvaluatorPool } from "../../../../src/extension/evaluation/pool";
import { RemoteGraph } from "../../../../src/extension/graph/remote";
import { limit, workerScript, XOR } from "../evaluation/helpers";

let pool: EvaluatorPool;
beforeAll(async () => {
  pool = new EvaluatorPool({ script: await workerScript("remote-graph-test"), size: 1 });
});
afterAll(() => pool.dispose());

const draw = { bounds: {}, maxVisibleNodes: 30, limit: limit(20_000) };
const ask = (version: number) => ({ spec: { kind: "document", doc: { uri: "file:///w/xor.nn.ts", version } }, text: XOR, label: "xor.nn.ts" } as const);

describe("RemoteGraph", () => {
  it("draws, folds, keeps the folding across a redraw, and is lost once closed", async () => {
    const g = new RemoteGraph(pool);
    const opened = await g.draw(ask(1), { ...draw, keep: false });
    expect(opened.targetName).toBe("loss");
    const folded = opened.render.model.groups.find((x) => x.folded)!;
    const reply = await g.act({ type: "expand", groupId: folded.id }, "xor.nn.ts", limit(20_000));
    expect(reply?.type === "render" && reply.model.groups.find((x) => x.id === folded.id)?.folded).toBe(false);
    // The same source after an edit: the user's folding stays.
    const again = await g.draw(ask(2), { ...draw, keep: true });
    expect(again.render.model.groups.find((x) => x.id === folded.id)?.folded).toBe(false);
    // Afresh: automatic folding again.
    const fresh = await g.draw(ask(2), { ...draw, keep: false });
    expect(fresh.render.model.groups.find((x) => x.id === folded.id)?.folded).toBe(true);
    g.close();
    const e = await g.act({ type: "collapseAll" }, "xor.nn.ts", limit(20_000)).catch((x: EvaluatorError) => x);
    expect((e as EvaluatorError).code).toBe("lost");
  }, 60_000);
});
