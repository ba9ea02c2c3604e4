// Runs on Node (driven by run.mjs): the graph webview's cases. Each opens a fresh page, posts what the extension
// would post, and checks the drawn SVG and the messages the view posts back.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { DARK, LIGHT, post } from "./page.mjs";

/** The webview's colour rule, restated: a kind's fill is its accent blended 22% into the editor background. */
function mix(bg, accent, t = 0.22) {
  const p = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const a = p(bg), b = p(accent);
  return "#" + a.map((x, i) => Math.round(x * (1 - t) + b[i] * t).toString(16).padStart(2, "0")).join("");
}

const posted = (page, since = 0) => page.evaluate((n) => window.__gradlensPosted.slice(n), since);
const count = (page) => page.evaluate(() => window.__gradlensPosted.length);
async function waitPosted(page, since, type) {
  await page.waitForFunction(([n, t]) => window.__gradlensPosted.slice(n).some((m) => m.type === t), [since, type], { timeout: 30_000 });
  return (await posted(page, since)).find((m) => m.type === type);
}
const node = (page, viewId) => page.locator(`#gl-graph g.node[id$="-flowchart-${viewId}-0"], #gl-graph g.node[id*="flowchart-${viewId}-"]`).first();
/** The view id (n3, g0, ...) of the focused graph node, or null. */
const focusedId = (page) => page.evaluate(() => {
  const g = document.activeElement?.closest?.("#gl-graph g.node");
  return g ? (g.getAttribute("data-id") ?? /flowchart-([ngbh]\d+)-\d+$/.exec(g.id)?.[1] ?? null) : null;
});
/** The view ids at the other end of a node's edges in a posted model: "in" its inputs, "out" its consumers. */
const ends = (msg, id, way) => msg.model.edges.filter((e) => (way === "in" ? e.to : e.from) === id).map((e) => (way === "in" ? e.from : e.to));
const rectOf = (page, viewId) => node(page, viewId).evaluate((g) => { const r = g.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, b: r.bottom }; });
const shapeStyle = (page, viewId) => node(page, viewId).evaluate((g) => g.querySelector("rect, path, polygon, circle")?.getAttribute("style") ?? "");

export function graphTests(fx) {
  const xor = fx.xorCase();
  return [
    ["XOR example renders every node and every edge label", async (b) => {
      const { page, errors } = await b.open();
      const got = await post(page, xor.message);
      const done = got.find((m) => m.type === "rendered");
      assert.ok(done, `no rendered message: ${JSON.stringify(got)}`);
      assert.equal(done.nodes, xor.nodes);
      assert.equal(await page.locator("#gl-graph g.node").count(), xor.nodes);
      const labels = await page.locator("#gl-graph .edgeLabel").allTextContents();
      assert.deepEqual(labels.map((s) => s.trim()).sort(), [...xor.edgeLabels].sort());
      assert.deepEqual(errors, []);
    }],

    ["node colours follow the theme variables, and change with the theme", async (b) => {
      const { page } = await b.open(DARK, "vscode-dark");
      await post(page, xor.message);
      const param = xor.click.viewId;
      assert.match(await shapeStyle(page, param), new RegExp(`fill:${mix(DARK["--vscode-editor-background"], DARK["--vscode-charts-blue"])}`));
      assert.match(await shapeStyle(page, xor.targetId), new RegExp(`stroke:${DARK["--vscode-charts-orange"]}`));
      const n = await count(page);
      await page.evaluate((vars) => {
        for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
        document.body.className = "vscode-light";
      }, LIGHT);
      await waitPosted(page, n, "rendered");
      assert.match(await shapeStyle(page, param), new RegExp(`fill:${mix(LIGHT["--vscode-editor-background"], LIGHT["--vscode-charts-blue"])}`));
    }],

    ["clicking a node posts nodeClicked with its tape id and source range", async (b) => {
      const { page } = await b.open();
      await post(page, xor.message);
      const n = await count(page);
      await node(page, xor.op.viewId).click();
      const m = await waitPosted(page, n, "nodeClicked");
      assert.deepEqual(m, { type: "nodeClicked", nodeId: xor.op.nodeId, range: xor.op.range });
      // In explain mode the same click asks for the paths to that node instead.
      await page.click('[data-action="explain-mode"]');
      const k = await count(page);
      await node(page, xor.click.viewId).click();
      assert.deepEqual(await waitPosted(page, k, "explain"), { type: "explain", nodeId: xor.click.nodeId });
    }],

    ["hovering a node shows its full-precision value and gradient", async (b) => {
      const { page } = await b.open();
      await post(page, xor.message);
      await node(page, xor.click.viewId).hover();
      await page.waitForSelector("#gl-tip:not([hidden])");
      const tip = await page.locator("#gl-tip").textContent();
      assert.ok(tip.includes(`value ${String(xor.value)}`), tip);
      assert.ok(tip.includes(`gradient ${String(xor.grad)}`), tip);
    }],

    ["a hostile label renders as text, never as markup or a directive", async (b) => {
      const { page, errors } = await b.open();
      const c = fx.hostileCase();
      const got = await post(page, c.message);
      assert.ok(got.some((m) => m.type === "rendered"), JSON.stringify(got));
      assert.equal(await page.locator("#gl-graph g.node").count(), c.nodes);
      assert.equal(await page.locator("#gl-graph script, #gl-graph img, #gl-graph foreignObject").count(), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      // Mermaid wraps long labels into rows (dropping the space it breaks at), so compare without whitespace.
      const text = (await page.locator("#gl-graph g.node").allTextContents()).join("").replace(/\s+/g, "");
      // Names are clipped to 48 characters in the drawing; the hover shows them whole.
      assert.ok(text.includes([...fx.HOSTILE].slice(0, 47).join("").replace(/\s+/g, "") + "…"), text);
      assert.ok(text.includes("<imgsrc=xonerror=window.__pwned=2>"), text);
      await node(page, "n0").hover();
      await page.waitForSelector("#gl-tip:not([hidden])");
      assert.ok((await page.locator("#gl-tip").textContent()).includes(fx.HOSTILE));
      assert.equal(await page.locator("#gl-tip script").count(), 0);
      assert.deepEqual(errors, []);
    }],

    ["a Mermaid failure (edge limit) shows a clear message and posts renderFailed", async (b) => {
      const { page } = await b.open();
      const got = await post(page, fx.tooManyEdgesCase(2500));
      const failed = got.find((m) => m.type === "renderFailed");
      assert.ok(failed, JSON.stringify(got));
      assert.match(failed.message, /more edges than Mermaid draws \(limit 2000\)/);
      assert.equal(await page.locator("#gl-banner").isVisible(), true);
      assert.match(await page.locator("#gl-banner").textContent(), /Collapse groups/);
      // The view recovers: the next good render draws and hides the message.
      await post(page, xor.message);
      assert.equal(await page.locator("#gl-banner").isVisible(), false);
      assert.equal(await page.locator("#gl-graph g.node").count(), xor.nodes);
    }],

    ["a graph text over Mermaid's size limit shows a clear message instead of Mermaid's placeholder", async (b) => {
      const { page } = await b.open();
      const got = await post(page, fx.hugeTextCase(1500));
      const failed = got.find((m) => m.type === "renderFailed");
      assert.ok(failed, JSON.stringify(got).slice(0, 300));
      assert.match(failed.message, /too large for Mermaid/);
      assert.match(await page.locator("#gl-banner").textContent(), /Collapse groups/);
      assert.equal(await page.locator("#gl-graph svg").count(), 0);
    }],

    ["a malformed message with thousands of nodes is refused with a clear message", async (b) => {
      const { page } = await b.open();
      const got = await post(page, fx.tooManyNodesCase(5000));
      const failed = got.find((m) => m.type === "renderFailed");
      assert.ok(failed, JSON.stringify(got).slice(0, 300));
      assert.match(failed.message, /5000 nodes, more than the view draws \(1500\)/);
    }],

    ["a malformed or unknown message is dropped and logged: the drawing stays, nothing is posted back", async (b) => {
      const { page, errors } = await b.open();
      const warnings = [];
      page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
      await post(page, xor.message);
      const n = await count(page);
      const hostile = { ...xor.message, model: { ...xor.message.model, nodes: [{ ...xor.message.model.nodes[0], id: 'n0["x"]\nclick n0 call alert()' }] } };
      for (const m of [hostile, { type: "render" }, { type: "themeChanged" }, { type: "error", message: 1 }]) {
        await page.evaluate((x) => window.postMessage(x, "*"), m);
      }
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      assert.deepEqual(await posted(page, n), []);
      assert.equal(await page.locator("#gl-graph g.node").count(), xor.nodes);
      assert.equal(await page.locator("#gl-banner").isVisible(), false);
      assert.equal(warnings.filter((w) => /dropped a malformed or unknown message/.test(w)).length, 4, warnings.join("\n"));
      assert.deepEqual(errors, []);
    }],

    ["explain highlights the paths and states their sum", async (b) => {
      const { page } = await b.open();
      await post(page, xor.message);
      await post(page, xor.explanation);
      const banner = await page.locator("#gl-banner").textContent();
      assert.match(banner, new RegExp(`${xor.paths} path\\(s\\)`));
      assert.ok(banner.includes(`the gradient is ${xor.grad}`), banner);
      const wide = await page.locator('#gl-graph .edgePaths path[style*="stroke-width:3px"]').count();
      assert.equal(wide, xor.highlightEdges);
      const n = await count(page);
      await page.click('#gl-banner button:text("Clear")');
      await waitPosted(page, n, "rendered");
      assert.equal(await page.locator('#gl-graph .edgePaths path[style*="stroke-width:3px"]').count(), 0);
      assert.equal(await page.locator("#gl-banner").isVisible(), false);
      assert.equal(await page.locator('[data-action="explain-mode"]').getAttribute("aria-pressed"), "false");
    }],

    ["direction and label toggles redraw and persist with setState", async (b) => {
      const { page } = await b.open();
      await post(page, xor.message);
      let n = await count(page);
      await page.click('[data-action="direction"]');
      await waitPosted(page, n, "rendered");
      assert.equal(await page.evaluate(() => window.__gradlensState.state.direction), "TB");
      n = await count(page);
      await page.click('[data-toggle="locals"]');
      await waitPosted(page, n, "rendered");
      const labels = await page.locator("#gl-graph .edgeLabel").allTextContents();
      assert.equal(labels.join("").trim(), "");
      assert.equal(await page.evaluate(() => window.__gradlensState.state.locals), false);
      n = await count(page);
      await page.click('[data-toggle="shade"]');
      await waitPosted(page, n, "rendered");
      // Borders by |gradient|: the largest non-target gradient gets 6 px.
      const widths = await page.locator("#gl-graph g.node").evaluateAll((gs) =>
        gs.map((g) => parseFloat(getComputedStyle(g.querySelector("rect, path, polygon")).strokeWidth)));
      assert.ok(widths.some((w) => w === 6), widths.join(","));
    }],

    ["a restored view redraws its last graph from saved state before any message", async (b) => {
      const saved = { state: { direction: "TB", values: true, grads: false, locals: true, digits: 4, lightExport: true }, last: xor.message };
      const { page } = await b.open(DARK, "vscode-dark", { fn: (s) => { window.__gradlensState = s; }, arg: saved });
      await waitPosted(page, 0, "rendered");
      assert.equal(await page.locator("#gl-graph g.node").count(), xor.nodes);
      assert.ok((await posted(page)).some((m) => m.type === "ready"));
      // The saved state applies: top-bottom, no gradients on the labels.
      assert.equal(await page.locator('[data-action="direction"]').textContent(), "TB");
      assert.equal(await page.locator("#gl-graph svg").evaluate((s) => s.textContent.includes("∂ ")), false);
    }],

    ["a folded group expands on click; expand all warns before a huge render", async (b) => {
      const { page } = await b.open();
      const c = fx.mlpCase();
      await post(page, c.message);
      assert.equal(await page.locator("#gl-graph g.node").count(), c.nodes);
      let n = await count(page);
      await node(page, c.groupViewId).click();
      assert.deepEqual(await waitPosted(page, n, "expand"), { type: "expand", groupId: c.groupId });
      n = await count(page);
      await page.click('[data-action="expand-all"]');
      await page.waitForSelector("#gl-banner.gl-warning:not([hidden])");
      assert.match(await page.locator("#gl-banner").textContent(), new RegExp(`${c.total} nodes`));
      assert.equal((await posted(page, n)).some((m) => m.type === "expandAll"), false);
      await page.click('#gl-banner button:text("Render all")');
      assert.deepEqual(await waitPosted(page, n, "expandAll"), { type: "expandAll", confirmedLarge: true });
    }],

    ["a tensor graph shows shapes on edges; clicking W1 opens its heat map, Escape closes it", async (b) => {
      const { page, errors } = await b.open();
      const c = fx.tensorCase();
      const got = await post(page, c.message);
      assert.ok(got.some((m) => m.type === "rendered"), JSON.stringify(got).slice(0, 300));
      assert.equal(await page.locator("#gl-graph g.node").count(), c.nodes);
      const labels = await page.locator("#gl-graph .edgeLabel").allTextContents();
      assert.deepEqual(labels.map((s) => s.trim()).sort(), [...c.edgeLabels].sort());
      assert.equal(await page.locator("#gl-matrix").isVisible(), false);
      const n = await count(page);
      await node(page, c.w1.viewId).click();
      await page.waitForSelector("#gl-matrix:not([hidden])");
      assert.equal(await page.locator("#gl-matrix .gl-matrix-title").textContent(), "W1");
      assert.match(await page.locator("#gl-matrix").textContent(), /shape \[2,3\], 6 elements/);
      const cells = page.locator("#gl-matrix .gl-values .gl-cell");
      assert.equal(await cells.count(), 6);
      const colours = await cells.evaluateAll((cs) => cs.map((c) => getComputedStyle(c).backgroundColor));
      assert.equal(new Set(colours).size, 6, colours.join(" "));
      // Each cell's full value on hover, in row-major order; the gradient has its own 6 cells.
      const titles = await cells.evaluateAll((cs) => cs.map((c) => c.getAttribute("title")));
      assert.deepEqual(titles, c.w1.values.map((v, k) => `[${Math.floor(k / 3)}][${k % 3}] = ${String(v)}`));
      assert.equal(await page.locator("#gl-matrix .gl-grads .gl-cell").count(), 6);
      assert.match(await page.locator("#gl-matrix").textContent(), /‖grad‖₂/);
      // The panel takes focus (svg-pan-zoom swallows the click's focus), so Escape reaches it inside VS Code too.
      assert.equal(await page.evaluate(() => document.activeElement?.className), "gl-matrix-close");
      // Numbers stay readable: every numbered cell's text contrasts with its background (black or white by luminance).
      const inks = await cells.evaluateAll((cs) => cs.map((c) => getComputedStyle(c).color));
      assert.ok(inks.every((k) => k === "rgb(0, 0, 0)" || k === "rgb(255, 255, 255)"), inks.join(" "));
      // A tensor click opens the matrix here; it does not ask the extension to reveal source.
      assert.equal((await posted(page, n)).some((m) => m.type === "nodeClicked"), false);
      await page.keyboard.press("Escape");
      await page.waitForSelector("#gl-matrix", { state: "hidden" });
      assert.equal(await page.locator("#gl-matrix .gl-cell").count(), 0);
      // The close button closes it too.
      await node(page, c.w1.viewId).click();
      await page.waitForSelector("#gl-matrix:not([hidden])");
      await page.click("#gl-matrix .gl-matrix-close");
      await page.waitForSelector("#gl-matrix", { state: "hidden" });
      assert.deepEqual(errors, []);
    }],

    ["export posts SVG, PNG and Mermaid Markdown", async (b) => {
      const { page } = await b.open();
      await post(page, xor.message);
      let n = await count(page);
      await page.click('[data-action="export-svg"]');
      const svg = await waitPosted(page, n, "export");
      assert.equal(svg.ok, true, svg.error);
      assert.match(svg.data, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.ok(svg.data.includes('fill="#ffffff"'), "light background");
      n = await count(page);
      await page.click('[data-action="export-png"]');
      const png = await waitPosted(page, n, "export");
      assert.equal(png.ok, true, png.error);
      assert.match(png.data, /^data:image\/png;base64,/);
      assert.ok(Buffer.from(png.data.split(",")[1], "base64").length > 5000);
      n = await count(page);
      await page.click('[data-action="copy-mermaid"]');
      const md = await waitPosted(page, n, "export");
      assert.match(md.data, /^```mermaid\nflowchart LR\n/);
      assert.equal((md.data.match(/-->/g) ?? []).length, xor.edges);
    }],
    ["the CLI's `graph --format html` page renders offline under its CSP (Mermaid inlined, every request refused)", async (b) => {
      const root = new URL("../..", import.meta.url).pathname;
      const r = spawnSync(process.execPath, [join(root, "bin/gradlens.js"), "graph", "examples/seed000-xor.nn.ts", "--format", "html"],
        { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /cdn\.jsdelivr|<script[^>]*\bsrc=|<link\b/);
      const page = await b.context.newPage();
      const errors = [], requests = [], refused = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (q) => requests.push(q.url()));
      page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && refused.push(m.text()));
      try {
        await page.setContent(r.stdout, { waitUntil: "load" });
        await page.waitForSelector("pre.mermaid svg g.node", { timeout: 20_000 });
        const labels = await page.locator("pre.mermaid svg g.node").allTextContents();
        assert.ok(labels.some((t) => /model\.W1\s*\[2,3\]/.test(t)), labels.join(" | "));
        // The policy is in force (scripts by hash only: an injected one is refused) and Mermaid needed nothing else.
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
        assert.match(csp, /^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'unsafe-inline'/);
        assert.deepEqual(refused, []);
        await page.evaluate(() => {
          const s = document.createElement("script");
          s.textContent = "window.__injected = 1";
          document.body.appendChild(s);
        });
        assert.equal(await page.evaluate(() => window.__injected), undefined);
        assert.equal(refused.length, 1, refused.join("\n"));
        assert.deepEqual(errors, []);
        assert.deepEqual(requests.filter((u) => /^https?:/.test(u)), []);
      } finally {
        await page.close();
      }
    }],

    ["keyboard: Tab reaches a labelled node button; a scalar's label has its value and gradient; toolbar names", async (b) => {
      const { page, errors } = await b.open();
      await post(page, xor.message);
      // One node is the graph's Tab stop (a roving tabindex): at first the target, after the toolbar's controls.
      let tabs = 0;
      while (!(await focusedId(page)) && tabs++ < 40) await page.keyboard.press("Tab");
      assert.equal(await focusedId(page), xor.targetId);
      assert.equal(await page.locator("#gl-graph g.node[tabindex='0']").count(), 1);
      assert.equal(await page.locator("#gl-graph g.node[role='button'][tabindex]").count(), xor.nodes);
      // Focus is visible, in VS Code's focus colour (the page sets no --vscode-focusBorder, so the fallback).
      const outline = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineColor}`; });
      assert.equal(outline, "solid rgb(0, 127, 212)");
      const label = await node(page, xor.click.viewId).getAttribute("aria-label");
      const m = /^parameter (\S+), value ([^,]+), gradient ([^,]+)$/.exec(label);
      assert.ok(m, label);
      // Labels carry the drawn digits (4 significant): within rounding of the full values.
      const near = (text, x) => Math.abs(Number(text) - x) <= 5e-4 * Math.abs(x);
      assert.ok(near(m[2], xor.value), `${m[2]} vs ${xor.value}`);
      assert.ok(xor.grad !== 0 && near(m[3], xor.grad), `${m[3]} vs ${xor.grad}`);
      // Every toolbar button has an accessible name that contains what it shows.
      const names = await page.locator("#gl-toolbar button").evaluateAll((bs) => bs.map((x) => [x.textContent, x.getAttribute("aria-label") ?? ""]));
      assert.equal(names.length, 10);
      for (const [text, name] of names) assert.ok(name.length > 1 && (name.includes(text) || text.length === 1), `${text}: ${name}`);
      assert.deepEqual(errors, []);
    }],

    ["keyboard: arrows walk along edges and within a rank, Home goes to the target and pans it into view", async (b) => {
      const { page, errors } = await b.open();
      await post(page, xor.message);
      const leaf = xor.click.viewId;
      const consumers = ends(xor.message, leaf, "out");
      await node(page, leaf).focus();
      // LR: Right follows an edge to a consumer, Left walks it back to where we came from (not another input).
      await page.keyboard.press("ArrowRight");
      const consumer = await focusedId(page);
      assert.ok(consumers.includes(consumer), `${consumer} in ${consumers}`);
      assert.ok(ends(xor.message, consumer, "in").length > 1, "the consumer has other inputs");
      await page.keyboard.press("ArrowLeft");
      assert.equal(await focusedId(page), leaf);
      // Up/Down: the nearest node in the same column, below or above.
      const here = await rectOf(page, leaf);
      await page.keyboard.press("ArrowDown");
      const down = await focusedId(page);
      assert.ok(down && down !== leaf, `moved down to ${down}`);
      const there = await rectOf(page, down);
      assert.ok(there.t > here.t && (there.l + there.r) / 2 >= here.l && (there.l + there.r) / 2 <= here.r, JSON.stringify([here, there]));
      await page.keyboard.press("ArrowUp");
      assert.equal(await focusedId(page), leaf);
      // Zoomed in, the target is outside the view: Home focuses it and pans it in, keeping the zoom.
      for (let i = 0; i < 6; i++) await page.click('[data-action="zoom-in"]');
      // Let the last zoom settle (svg-pan-zoom applies it on an animation frame) before reading it.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const scale = () => page.locator("#gl-graph .svg-pan-zoom_viewport").evaluate((g) => g.transform.baseVal.consolidate()?.matrix.a ?? 1);
      const zoom = await scale();
      await node(page, leaf).focus();
      const box = await page.locator("#gl-graph").evaluate((g) => { const r = g.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, b: r.bottom }; });
      const inView = (r) => r.l >= box.l && r.r <= box.r && r.t >= box.t && r.b <= box.b;
      assert.equal(inView(await rectOf(page, xor.targetId)), false, "the target starts outside the zoomed view");
      await page.keyboard.press("Home");
      assert.equal(await focusedId(page), xor.targetId);
      // svg-pan-zoom applies a pan on the next animation frame.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.ok(inView(await rectOf(page, xor.targetId)), `the target was panned into view: ${JSON.stringify([box, await rectOf(page, xor.targetId)])}`);
      assert.ok(Math.abs((await scale()) - zoom) < 1e-9, "zoom kept");
      // TB: Down follows the edge to a consumer.
      await node(page, leaf).focus();
      const n = await count(page);
      await page.click('[data-action="direction"]');
      await waitPosted(page, n, "rendered");
      await node(page, leaf).focus();
      await page.keyboard.press("ArrowDown");
      assert.ok(consumers.includes(await focusedId(page)));
      assert.deepEqual(errors, []);
    }],

    ["keyboard: Enter on a tensor node opens its heat map and Escape returns focus to the node", async (b) => {
      const { page, errors } = await b.open();
      const c = fx.tensorCase();
      await post(page, c.message);
      const w1 = node(page, c.w1.viewId);
      assert.match(await w1.getAttribute("aria-label"), /^parameter W1, tensor \w+, shape 2 by 3, 6 elements, first values /);
      await w1.focus();
      await page.keyboard.press("Enter");
      await page.waitForSelector("#gl-matrix:not([hidden])");
      assert.equal(await page.locator("#gl-matrix .gl-matrix-title").textContent(), "W1");
      assert.equal(await page.evaluate(() => document.activeElement?.className), "gl-matrix-close");
      await page.keyboard.press("Escape");
      await page.waitForSelector("#gl-matrix", { state: "hidden" });
      assert.equal(await focusedId(page), c.w1.viewId);
      assert.deepEqual(errors, []);
    }],

    ["keyboard: Enter on a folded group posts expand, Space on a scalar posts nodeClicked, a redraw keeps focus", async (b) => {
      const { page } = await b.open();
      const c = fx.mlpCase();
      await post(page, c.message);
      await node(page, c.groupViewId).focus();
      assert.match(await node(page, c.groupViewId).getAttribute("aria-label"), /^folded group .*, \d+ nodes, press Enter to expand/);
      let n = await count(page);
      await page.keyboard.press("Enter");
      assert.deepEqual(await waitPosted(page, n, "expand"), { type: "expand", groupId: c.groupId });
      // A redraw (follow editor, or the extension answering) keeps focus on the same node id.
      await post(page, c.message);
      assert.equal(await focusedId(page), c.groupViewId);
      await post(page, xor.message);
      await node(page, xor.op.viewId).focus();
      n = await count(page);
      await page.keyboard.press(" ");
      assert.deepEqual(await waitPosted(page, n, "nodeClicked"), { type: "nodeClicked", nodeId: xor.op.nodeId, range: xor.op.range });
    }],
  ];
}
