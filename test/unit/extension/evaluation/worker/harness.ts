// Runs in vitest (Node): an Evaluator answering requests in-process, as the worker's port would (tests only).
import type { FileReader } from "../../../../../src/notation";
import type { FromWorker, Request, Results } from "../../../../../src/extension/evaluation/protocol";
import { Evaluator } from "../../../../../src/extension/evaluation/worker/evaluator";

/** Ask the evaluator one request and get its result; a failed reply throws with its message. */
export function harness(readerFor?: (uri: string) => FileReader | undefined) {
  const posts: FromWorker[] = [];
  const ev = new Evaluator((m) => posts.push(m), readerFor);
  let id = 0;
  return <K extends Request["kind"]>(request: Extract<Request, { kind: K }>): Results[K] => {
    const i = ++id;
    ev.handle({ id: i, request });
    const reply = posts.find((p) => p.type === "reply" && p.id === i);
    if (reply?.type !== "reply") throw new Error("no reply");
    if (!reply.ok) throw new Error(`${request.kind} failed: ${reply.error.message}`);
    return reply.result as Results[K];
  };
}
