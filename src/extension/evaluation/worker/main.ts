// Runs in the evaluator worker, a Node worker_threads thread started by ../client.ts (bundled to dist/evaluator.js):
// the entry point. It only wires the thread's port to the Evaluator; a browser Web Worker would wire `self` the same.
import { parentPort, workerData } from "node:worker_threads";
import { ts } from "../../../notation/parse";
import { Evaluator } from "./evaluator";
import { fileReaderFor } from "./files";

const port = parentPort;
if (port === null) throw new Error("dist/evaluator.js runs as a worker thread, started by the GradLens extension");
const evaluator = new Evaluator((m) => port.postMessage(m), fileReaderFor);
port.on("message", (m: unknown) => evaluator.handle(m));
// An editor worker loads TypeScript's parser while nothing is asked yet, so the first hover does not wait for it
// (training's worker does not: a pause must not wait behind it, and presets never parse).
if ((workerData as { warm?: unknown } | undefined)?.warm === true) setTimeout(() => ts(), 0);
