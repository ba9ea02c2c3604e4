// Runs on Node 20 (the UI runner): the graph view's cold first paint against VS Code's own Markdown preview, side by
// side, as a ratio (both are timed on the same machine at the same moment, so its load stretches both). A round is
// one fresh code-server: VS Code's webview host started by a webview of neither (the Simple Browser), each file open
// in the editor with its language features ready (GradLens has evaluated the `.nn.ts` file: its CodeLens shows),
// then the clock runs from the palette click to painted content inside the webview, the preview's heading and the
// graph's drawn SVG nodes; neither view has been opened before in that code-server, and every other round opens the
// graph first. The first round uses the suite's code-server, the others start their own; the verdict is the
// geometric mean of the rounds' ratios. Each paint prints where its time went (document, scripts fetched, GradLens's
// User Timing marks).
//   GRADLENS_PAINT_ROUNDS=N (default 6; rounded to an even number)
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { launchBrowser, makeSandbox, startCodeServer, workbenchUrl } from "../../../scripts/code-server.mjs";
import { Workbench } from "./workbench.mjs";

/**
 * The target is a ratio of 1 (the graph as fast as the preview), not met: over rounds of this suite on the shared
 * 2-core machine the graph paints in 1.1 to 2.2 s and the preview in 0.9 to 1.7 s, ratios 1.3 to 1.6 (Mermaid's load
 * and render of the 88 nodes and 126 labelled edges take 0.55 to 0.8 s after the page arrives, more under load; the
 * preview shows HTML its extension rendered). So the suite prints every figure and whether the target was met, and
 * asserts what does not depend on the machine's load, the bytes the first paint loads (12.6 MB in one file before
 * the view was split; about 0.95 MB now), and, against a gross regression only, a ratio under 2.5.
 */
const TARGET = 1, TOLERANCE = 2.5, FIRST_PAINT_BYTES = 1_500_000;
// An even number of rounds, so each view opens first equally often.
const ROUNDS = 2 * Math.max(1, Math.round(Number(process.env.GRADLENS_PAINT_ROUNDS ?? 6) / 2));

const MARKDOWN = `# Paint test notes

GradLens draws the computation graph of a \`.nn.ts\` file; VS Code previews Markdown. This file is what the
preview shows in the paint test: a heading, a paragraph, a list, a table and a code block.

- the graph of a 2-3-1 tanh network on the XOR rows
- about 90 nodes, each with its value and gradient
- edges labelled with local derivatives

| row | p | q | y |
|---|---|---|---|
| 0 | 0 | 0 | 0 |
| 1 | 0 | 1 | 1 |
| 2 | 1 | 0 | 1 |
| 3 | 1 | 1 | 0 |

\`\`\`ts
let loss = 0;
for (const [p, q, y] of XOR) loss += (forward(p, q) - y) ** 2;
\`\`\`
`;

/** A hand-written 2-3-1 tanh network on the XOR rows: 88 nodes drawn, 126 edges (under the budget: nothing folds). */
const NETWORK = `// xor231.nn.ts: a hand-written 2-3-1 tanh network on the XOR rows
seed(1);
const w1 = [[param(rand()), param(rand()), param(rand())], [param(rand()), param(rand()), param(rand())]];
const b1 = [param(rand()), param(rand()), param(rand())];
const w2 = [param(rand()), param(rand()), param(rand())], b2 = param(rand());

function forward(p: number, q: number): number {
  const h0 = tanh(p * w1[0][0] + q * w1[1][0] + b1[0]);
  const h1 = tanh(p * w1[0][1] + q * w1[1][1] + b1[1]);
  const h2 = tanh(p * w1[0][2] + q * w1[1][2] + b1[2]);
  return tanh(h0 * w2[0] + h1 * w2[1] + h2 * w2[2] + b2);
}

let loss = 0;
for (const [p, q, y] of XOR) loss += (forward(p, q) - y) ** 2;
`;
const NODES = 88;

/** The document of the webview an extension opened (two iframes deep), told apart by its extension id. */
const webview = (wb, extensionId) =>
  wb.page.frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"]`).frameLocator("iframe#active-frame");

/** Runs a palette command and returns Date.now() at the click that runs it (typing it in is not timed). */
async function clickCommand(wb, title) {
  const input = await wb.openQuickInput("F1");
  await input.fill(`>${title}`);
  const row = wb.page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
  await row.waitFor({ timeout: 30_000 });
  const t0 = Date.now();
  await row.click();
  return t0;
}

/**
 * Where the time went, read from inside a webview after it painted: when its document started and what it fetched
 * (each resource's start and end), in ms from the click.
 */
async function timeline(locator, t0) {
  const t = await locator.evaluate(() => ({
    origin: performance.timeOrigin,
    now: performance.now(),
    resources: performance.getEntriesByType("resource").map((e) => [e.name.split("/").pop().split("?")[0], e.startTime, e.responseEnd]),
    timings: [...performance.getEntriesByType("mark"), ...performance.getEntriesByType("measure")].map((e) => [e.name, e.startTime, e.duration]),
  }));
  const at = (ms) => Math.round(t.origin + ms - t0);
  const scripts = t.resources.filter(([name]) => name.endsWith(".js"));
  const first = Math.min(...scripts.map(([, start]) => start)), last = Math.max(...scripts.map(([, , end]) => end));
  const timings = t.timings.map(([name, start, duration]) => `${name} at +${at(start)}${duration ? ` for ${Math.round(duration)} ms` : ""}`);
  return [`document at +${at(0)} ms`, `${scripts.length} scripts fetched from +${at(first)} to +${at(last)} ms`, ...timings].join("; ");
}

/** A workspace with the two files, for a round's code-server. */
function workspaceIn(sandbox) {
  const workspace = sandbox.sub("workspace");
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, "notes.md"), MARKDOWN);
  writeFileSync(join(workspace, "xor231.nn.ts"), NETWORK);
  return workspace;
}

/**
 * The first webview a workbench opens, whichever it is, waits for VS Code's webview host to start: about 2.5 to 3.5 s
 * more on this machine in most workbenches, in some none, at random. Neither view can do anything about it, and
 * whichever drew it lost the round by that much; so VS Code's Simple Browser (neither view's, on a port where nothing
 * answers) takes it first.
 */
async function warmWebviews(wb, log) {
  const t = Date.now();
  await wb.runCommand("Simple Browser: Show");
  const input = wb.page.locator(".quick-input-widget input").first();
  await input.waitFor({ state: "visible" });
  await input.fill("http://127.0.0.1:9/");
  await wb.page.keyboard.press("Enter");
  await webview(wb, "vscode.simple-browser").locator(".url-input").waitFor({ timeout: 60_000 });
  log(`the Simple Browser (VS Code's webview host started) in ${Date.now() - t} ms`);
  await wb.runCommand("View: Close All Editors");
}

const codeLens = (wb) => wb.page.locator(".editor-instance .codelens-decoration a", { hasText: "Visualize" }).first();

/**
 * One round in a workbench nothing has been previewed or drawn in yet: both cold paints, in ms from the click, after
 * VS Code's webview host has started. Rounds still alternate which opens first (whatever else the first one warms).
 */
async function round(wb, log, graphFirst) {
  if (await wb.page.locator(".part.auxiliarybar").first().isVisible()) await wb.page.keyboard.press("Control+Alt+B");
  await warmWebviews(wb, log);
  await wb.openFile("xor231.nn.ts");
  await codeLens(wb).waitFor({ timeout: 90_000 });
  await wb.openFile("notes.md");
  // The Markdown extension activates on opening a Markdown file; its folding ranges (the heading's fold control in
  // the gutter) say it is ready, as GradLens's CodeLens did above.
  const t = Date.now();
  await wb.page.locator(".editor-instance .margin-view-overlays .codicon-folding-expanded").first().waitFor({ state: "attached", timeout: 60_000 });
  log(`Markdown language features ready ${Date.now() - t} ms after opening notes.md`);
  await sleep(1000);
  let markdown, graph;
  if (graphFirst) {
    graph = await paintGraph(wb, log);
    await wb.runCommand("View: Close All Editors");
    await wb.openFile("notes.md");
    await sleep(1000);
    markdown = await paintMarkdown(wb, log);
  } else {
    markdown = await paintMarkdown(wb, log);
    await wb.runCommand("View: Close All Editors");
    graph = await paintGraph(wb, log);
  }
  log(`round (${graphFirst ? "graph" : "preview"} first): graph ${graph} ms, Markdown preview ${markdown} ms, ratio ${(graph / markdown).toFixed(2)}`);
  return { graph, markdown, graphFirst };
}

/** The Markdown preview of notes.md (the active editor), from the click to its painted heading. */
async function paintMarkdown(wb, log) {
  const t0 = await clickCommand(wb, "Markdown: Open Preview to the Side");
  const heading = webview(wb, "vscode.markdown-language-features").locator("h1", { hasText: "Paint test notes" });
  await heading.waitFor({ timeout: 60_000 });
  const markdown = Date.now() - t0;
  log(`Markdown preview: ${markdown} ms from the click to its painted heading; ${await timeline(heading, t0)}`);
  return markdown;
}

/** The graph of xor231.nn.ts, from the click to its drawn SVG nodes. */
async function paintGraph(wb, log) {
  await wb.openFile("xor231.nn.ts");
  await codeLens(wb).waitFor({ timeout: 30_000 });
  const t0 = await clickCommand(wb, "GradLens: Visualize Gradient of Selection");
  const nodes = webview(wb, "gradlens.gradlens").locator("#gl-graph svg g.node");
  await nodes.first().waitFor({ timeout: 60_000 });
  const graph = Date.now() - t0;
  log(`graph: ${graph} ms from the click to its painted SVG; ${await timeline(nodes.first(), t0)}`);
  assert.equal(await nodes.count(), NODES);
  return graph;
}

/** A round in a code-server and browser of its own, removed afterwards. */
async function freshRound(ctx, graphFirst) {
  const sandbox = makeSandbox("gradlens-ui-paint-round-");
  const stops = [() => sandbox.remove()];
  try {
    const server = await startCodeServer(sandbox, { log: ctx.log });
    stops.push(() => server.stop());
    const browser = await launchBrowser(sandbox);
    stops.push(() => browser.close());
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(20_000);
    await page.goto(workbenchUrl(server.origin, workspaceIn(sandbox), { extensionDevelopmentPath: ctx.root }));
    const wb = new Workbench(page);
    await wb.waitReady("xor231.nn.ts");
    return await round(wb, (l) => console.log(`    ${l}`), graphFirst);
  } finally {
    for (const stop of stops.reverse()) await Promise.resolve().then(stop).catch(() => {});
  }
}

const rounds = [];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b), h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
const geomean = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/**
 * The comparison, by the order the two were opened in: each view's median time when it was opened first, and when
 * the other had opened before it; the verdict is the geometric mean of every round's ratio, which weighs both orders
 * alike (the rounds are even).
 */
function verdict(all) {
  const lines = [];
  const ms = (xs) => xs.map((x) => Math.round(x)).join(", ");
  for (const [label, first] of [["opened first", true], ["opened after the other", false]]) {
    const graphs = all.filter((r) => r.graphFirst === first).map((r) => r.graph);
    const previews = all.filter((r) => r.graphFirst !== first).map((r) => r.markdown);
    if (graphs.length === 0 || previews.length === 0) continue;
    const ratio = median(graphs) / median(previews);
    lines.push(`${label}: graph ${ms(graphs)} ms (median ${Math.round(median(graphs))}), Markdown preview ${ms(previews)} ms ` +
      `(median ${Math.round(median(previews))}): ratio ${ratio.toFixed(2)} (target ${TARGET}: ${ratio <= TARGET ? "met" : "not met"})`);
  }
  const ratios = all.map((r) => r.graph / r.markdown);
  const ratio = geomean(ratios);
  lines.push(`over ${all.length} rounds: ratios ${ratios.map((x) => x.toFixed(2)).join(", ")}; geometric mean ${ratio.toFixed(2)} ` +
    `(target ${TARGET}: ${ratio <= TARGET ? "met" : "not met"})`);
  return { ratio, lines };
}

/** graph.js, the chunks it imports before it runs, and the Mermaid file the page preloads for it. */
function firstPaintScripts(dir) {
  const files = ["graph.js"];
  for (let i = 0; i < files.length; i++) {
    const text = readFileSync(join(dir, files[i]), "utf8");
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)"\.\/(graph-chunk-[A-Z0-9]+\.js)"/g)) if (!files.includes(m[1])) files.push(m[1]);
  }
  return [...files, "graph-mermaid.js"];
}

export default {
  name: "paint",
  async load(ctx) {
    const server = await startCodeServer(ctx.sandbox, { log: ctx.log });
    return { url: workbenchUrl(server.origin, workspaceIn(ctx.sandbox), { extensionDevelopmentPath: ctx.root }), stop: server.stop };
  },
  ready: "xor231.nn.ts",
  tests: [
    {
      name: "round 1: the Markdown preview, then the graph (88 nodes), each painted cold",
      fn: async (wb) => rounds.push(await round(wb, (l) => console.log(`    ${l}`), false)),
    },
    {
      name: `rounds 2 to ${ROUNDS}, each in a fresh code-server, the graph opened first in every other one`,
      fn: async (_wb, ctx) => {
        for (let r = 2; r <= ROUNDS; r++) rounds.push(await freshRound(ctx, r % 2 === 0));
      },
    },
    {
      name: `the graph's first paint loads at most ${FIRST_PAINT_BYTES / 1e6} MB of script (graph.js, what it imports at once, and its Mermaid)`,
      fn: async (_wb, ctx) => {
        const dir = join(ctx.root, "dist", "webview");
        const files = firstPaintScripts(dir);
        const bytes = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
        console.log(`    first paint: ${files.length} scripts (${files.join(", ")}), ${(bytes / 1e6).toFixed(2)} MB`);
        assert.ok(files.includes("graph-mermaid.js"), "graph.js no longer imports its Mermaid file");
        assert.ok(bytes <= FIRST_PAINT_BYTES, `the first paint loads ${bytes} bytes of script`);
      },
    },
    {
      name: `the graph's cold paint against the Markdown preview's (ratio <= ${TOLERANCE}; the target is ${TARGET})`,
      fn: async () => {
        assert.ok(rounds.length > 0, "no round was timed");
        const report = verdict(rounds);
        for (const line of report.lines) console.log(`    ${line}`);
        assert.ok(report.ratio <= TOLERANCE, `the graph took ${report.ratio.toFixed(2)} times as long as the Markdown preview`);
      },
    },
  ],
};
