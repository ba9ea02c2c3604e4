// Runs on Node (driven by run.mjs): the training webview in a real Chromium. A page like the extension's (strict
// CSP: nonce'd script and styles only), scripted messages from real sessions, and checks of the drawn loss curve,
// predictions table, heat map pixels, params, verdict, comparison, state restore and what the buttons post.
import assert from "node:assert/strict";
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DARK } from "./page.mjs";

const ORIGIN = "http://gradlens.test";
const NONCE = "dGVzdG5vbmNl";

export async function loadTrainingFixtures(root) {
  const dir = mkdtempSync(join(tmpdir(), "gradlens-training-fixtures-"));
  try {
    const outfile = join(dir, "training-fixtures.mjs");
    await build({
      entryPoints: [join(root, "test/webview/training-fixtures.ts")], bundle: true, platform: "node", format: "esm",
      target: "node20", outfile, logLevel: "warning", external: ["typescript"],
      // The file fixtures parse .nn.ts text: the notation's require("typescript") resolves from the repo, not from
      // this temporary directory.
      banner: { js: `import { createRequire as __glCreateRequire } from "node:module"; const require = __glCreateRequire(${JSON.stringify(join(root, "package.json"))});` },
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function page(vars) {
  const theme = `:root { ${Object.entries(vars).map(([k, v]) => `${k}: ${v};`).join(" ")} }`;
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'; img-src data:;">
<style nonce="${NONCE}">${theme}</style></head>
<body class="vscode-dark"><script nonce="${NONCE}" src="${ORIGIN}/training.js"></script></body></html>`;
}

let routed = false;
async function open(b, root, init) {
  if (!routed) {
    routed = true;
    // Registered after launch()'s routes, so these run first for the training page and bundle.
    await b.context.route(`${ORIGIN}/training*`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === "/training.html") return route.fulfill({ contentType: "text/html", body: page(DARK) });
      if (url.pathname === "/training.js") return route.fulfill({ contentType: "text/javascript", body: readFileSync(join(root, "dist/webview/training.js")) });
      return route.fulfill({ status: 404, body: "not found" });
    });
  }
  const p = await b.context.newPage();
  const errors = [];
  p.on("pageerror", (e) => errors.push(e.message));
  p.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text()); });
  if (init) await p.addInitScript(init.fn, init.arg);
  await p.goto(`${ORIGIN}/training.html`);
  await p.waitForFunction(() => Array.isArray(window.__gradlensPosted) && window.__gradlensPosted.some((m) => m.type === "ready"));
  return { page: p, errors };
}

const send = async (p, messages) => {
  for (const m of messages) await p.evaluate((x) => window.postMessage(x, "*"), m);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
};
const posted = (p) => p.evaluate(() => window.__gradlensPosted);

/** Colour of the heat map at canvas pixel (x, y). */
const pixel = (p, x, y) => p.evaluate(([x, y]) => {
  const c = document.getElementById("gl-heatmap");
  const d = c.getContext("2d").getImageData(x, y, 1, 1).data;
  return [d[0], d[1], d[2]];
}, [x, y]);
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

export function trainingTests(root, fx) {
  const xor = fx.xorSequence();
  return [
    ["training: a scripted XOR run draws the loss curve, the ✓ table, the heat map, params and verdict", async (b) => {
      const { page: p, errors } = await open(b, root);
      await send(p, xor.messages);
      // Loss curve: uPlot drew into a canvas, with every history point of the final snapshot.
      assert.equal(await p.locator("#gl-chart .uplot canvas").count(), 1);
      const curveColor = hex(DARK["--vscode-charts-blue"]);
      const curvePixels = await p.evaluate((rgb) => {
        const c = document.querySelector("#gl-chart .uplot canvas");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let k = 0;
        for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - rgb[0]) < 10 && Math.abs(d[i + 1] - rgb[1]) < 10 && Math.abs(d[i + 2] - rgb[2]) < 10) k++;
        return k;
      }, curveColor);
      assert.ok(curvePixels > 200, `only ${curvePixels} pixels of the curve colour`);
      // Predictions: four rows, all ✓, outputs as the session computed them.
      const rows = await p.locator("#gl-predictions tr").allTextContents();
      assert.equal(rows.length, 5);
      const marks = await p.locator("#gl-predictions td.gl-right").count();
      assert.equal(marks, 4);
      assert.equal(await p.locator("#gl-predictions td.gl-wrong").count(), 0);
      const out00 = fx.formatNumber(xor.final.predictions[0].output);
      assert.ok(rows[1].includes(out00), `${rows[1]} lacks ${out00}`);
      // Heat map: each cell centre has the colour the view's rule gives the session's output there (restated:
      // low colour at 0, the editor background at 0.5, high colour at 1), and XOR's shape shows: low near (0,0)
      // and (1,1), high near (1,0) and (0,1). Cells at the corners are covered by the row marks.
      const INSET = 10; // the view's HEAT_INSET
      const g = xor.final.grid, n = g.size, cell = (192 - 2 * INSET) / n;
      const blue = hex(DARK["--vscode-charts-blue"]), orange = hex(DARK["--vscode-charts-orange"]);
      const bg = hex(DARK["--vscode-editor-background"]);
      const rule = (v) => {
        const [a, c, u] = v < 0.5 ? [blue, bg, v * 2] : [bg, orange, (v - 0.5) * 2];
        return a.map((x, k) => Math.round(x * (1 - u) + c[k] * u));
      };
      for (const [i, j, high] of [[3, 3, false], [n - 4, n - 4, false], [n - 4, 3, true], [3, n - 4, true]]) {
        const v = g.values[j * n + i];
        assert.equal(v > 0.5, high, `output at cell (${i}, ${j}) is ${v}`);
        const got = await pixel(p, Math.floor(INSET + (i + 0.5) * cell), Math.floor(INSET + (n - 1 - j + 0.5) * cell));
        const want = rule(v);
        assert.ok(got.every((x, k) => Math.abs(x - want[k]) <= 8), `cell (${i}, ${j}) output ${v}: drawn ${got}, rule says ${want}`);
      }
      // Params with values and gradients; verdict; status with steps/s.
      assert.equal(await p.locator("#gl-params tr").count(), 10);
      assert.match(await p.locator("#gl-params").textContent(), /L2\.N1\.b/);
      assert.match(await p.locator("#gl-verdict").textContent(), /^learned in \d+ steps/);
      // Accuracy on the gate's rows (issue 17), from the snapshot.
      assert.deepEqual(xor.final.accuracy, { correct: 4, total: 4, classes: 2 });
      assert.equal(await p.locator("#gl-accuracy").textContent(), "accuracy 100% (4/4 rows)");
      assert.equal(await p.locator("#gl-accuracy").isVisible(), true);
      const [loss, first] = [fx.formatNumber(xor.final.loss, 6), fx.formatNumber(xor.final.history.losses[0])];
      assert.equal(await p.locator("#gl-status").textContent(), `done · step 2000 / 2000 · loss ${loss} (from ${first}) · 48,123 steps/s · backprop`);
      assert.match(loss, /^0\.00159\d+$/);
      // Styles arrived through the nonce'd style element (uPlot's CSS included), nothing was refused.
      assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector(".u-wrap")).position), "relative");
      assert.deepEqual(errors, []);
    }],

    ["training: while running, the curve grows and Pause is the only enabled control of the two", async (b) => {
      const { page: p } = await open(b, root);
      await send(p, xor.messages.slice(0, 3));
      assert.match(await p.locator("#gl-status").textContent(), /^running · step 100 \/ 2000/);
      assert.equal(await p.locator("#gl-train").isDisabled(), true);
      assert.equal(await p.locator("#gl-pause").isDisabled(), false);
      const before = await p.evaluate(() => document.querySelector("#gl-chart canvas").toDataURL());
      await send(p, xor.messages.slice(3, 4));
      const after = await p.evaluate(() => document.querySelector("#gl-chart canvas").toDataURL());
      assert.notEqual(after, before);
    }],

    ["training: buttons post their messages with the form as typed", async (b) => {
      const { page: p } = await open(b, root);
      await send(p, xor.messages.slice(0, 2));
      await p.fill("#gl-lr", "0.5");
      await p.selectOption("#gl-method", "finite-difference");
      await p.click("#gl-train");
      await p.click("#gl-step");
      await p.click("#gl-reset");
      await p.click("#gl-compare");
      const got = (await posted(p)).filter((m) => m.type !== "ready");
      assert.deepEqual(got.map((m) => m.type), ["train", "step", "reset", "compare"]);
      for (const m of got) assert.deepEqual({ lr: m.form.lr, method: m.form.method, dataset: m.form.dataset }, { lr: "0.5", method: "finite-difference", dataset: "XOR" });
    }],

    ["training: log scale toggles, persists, and the view restores everything from saved state", async (b) => {
      const { page: p } = await open(b, root);
      await send(p, xor.messages);
      await p.click("#gl-log");
      const saved = await p.evaluate(() => window.__gradlensState);
      assert.equal(saved.log, true);
      assert.equal(saved.last.step, 2000);
      const { page: q, errors } = await open(b, root, { fn: (s) => { window.__gradlensState = s; }, arg: saved });
      // No message posted: the restored view draws from its state alone.
      assert.equal(await q.locator("#gl-log").isChecked(), true);
      assert.equal(await q.locator("#gl-predictions td.gl-right").count(), 4);
      assert.equal(await q.locator("#gl-chart .uplot canvas").count(), 1);
      assert.match(await q.locator("#gl-verdict").textContent(), /^learned in/);
      assert.deepEqual(errors, []);
    }],

    ["training: the comparison shows both methods with their curves, final losses and steps/s", async (b) => {
      const { page: p, errors } = await open(b, root);
      const m = await fx.compareMessage();
      await send(p, [xor.messages[0], m]);
      assert.equal(await p.locator("#gl-compare-section").isHidden(), false);
      assert.equal(await p.locator("#gl-compare-chart .uplot canvas").count(), 1);
      const rows = await p.locator("#gl-compare-table tr[data-method]").allTextContents();
      assert.equal(rows.length, 2);
      const [bp, fd] = m.compare.runs;
      const rate = (r) => Math.round(r.stepsPerSecond).toLocaleString("en-US");
      assert.equal(rows[0], `backprop300 / 300${fx.formatNumber(bp.finalLoss, 6)}${rate(bp)}`);
      assert.equal(rows[1], `finite-difference300 / 300${fx.formatNumber(fd.finalLoss, 6)}${rate(fd)}`);
      assert.match(await p.locator("#gl-compare-diff").textContent(), /largest loss difference \d/);
      assert.deepEqual(errors, []);
    }],

    ["training: a file source shows Apply to file, hides preset fields, and Show graph only when it exists", async (b) => {
      const { page: p } = await open(b, root);
      const form = { ...xor.messages[0].form, source: "document" };
      await send(p, [{ ...xor.messages[0], form, document: { label: "xor.nn.ts" }, graph: false }]);
      assert.equal(await p.locator("#gl-apply").isVisible(), true);
      assert.equal(await p.locator("#gl-show-graph").isVisible(), false);
      assert.equal(await p.locator("#gl-dataset").isVisible(), false);
      assert.equal(await p.locator("#gl-source option[value=document]").textContent(), "xor.nn.ts");
      await p.click("#gl-apply");
      await p.click("#gl-train");
      const got = (await posted(p)).filter((m) => m.type !== "ready");
      assert.deepEqual(got.map((m) => m.type), ["apply", "train"]);
      assert.equal(got[1].form.source, "document");
      await send(p, [{ ...xor.messages[0], form, document: { label: "xor.nn.ts" }, graph: true }, { type: "applied", edits: 9, skipped: [] }]);
      assert.equal(await p.locator("#gl-show-graph").isVisible(), true);
      assert.match(await p.locator("#gl-notes").textContent(), /^9 values written to the file/);
      await send(p, [xor.messages[0]]);
      assert.equal(await p.locator("#gl-apply").isVisible(), false);
      assert.equal(await p.locator("#gl-dataset").isVisible(), true);
    }],

    ["training: a tensor param is one row with its shape and norms, and its toggle lists its elements (keyboard too)", async (b) => {
      const { page: p, errors } = await open(b, root);
      const m = fx.tensorSnapshot(readFileSync(join(root, "examples/seed000-xor.nn.ts"), "utf8"), "seed000-xor.nn.ts");
      const [w1, w2] = m.snapshot.params;
      await send(p, [xor.messages[0], m]);
      // Header and two rows, not nine element rows.
      assert.equal(await p.locator("#gl-params tr").count(), 3);
      const rows = await p.locator("#gl-params tr.gl-tensor").allTextContents();
      assert.match(rows[0], /^▸model\.W1 \[2,3\]‖·‖₂ /);
      assert.ok(rows[0].includes(`‖·‖₂ ${fx.formatNumber(w1.valueNorm)}`) && rows[0].endsWith(`‖·‖₂ ${fx.formatNumber(w1.gradNorm)}`), rows[0]);
      assert.match(rows[0], /, …/);
      assert.match(rows[1], /^▸model\.W2 \[3,1\]/);
      const near = (text, v) => Math.abs(parseFloat(text) - v) <= Math.max(5e-5, 1e-3 * Math.abs(v));
      const elements = () => p.locator("#gl-params tr.gl-element").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
      assert.deepEqual(await elements(), []);
      // Keyboard: Tab-reachable button, Enter opens, the elements follow in row-major order with value and gradient.
      const t1 = p.locator("#gl-params button.gl-toggle").first();
      assert.equal(await t1.getAttribute("aria-expanded"), "false");
      await t1.focus();
      await p.keyboard.press("Enter");
      let got = await elements();
      assert.deepEqual(got.map((c) => c[0]), ["[0][0]", "[0][1]", "[0][2]", "[1][0]", "[1][1]", "[1][2]"]);
      got.forEach((c, k) => assert.ok(near(c[1], w1.values[k]) && near(c[2], w1.grads[k]), `${c} vs ${w1.values[k]}, ${w1.grads[k]}`));
      assert.equal(await p.locator("#gl-params button.gl-toggle").first().getAttribute("aria-expanded"), "true");
      // A new snapshot redraws the table: the tensor stays open and its toggle keeps the focus.
      await send(p, [m]);
      assert.equal((await elements()).length, 6);
      assert.equal(await p.evaluate(() => document.activeElement?.getAttribute("aria-label")), "hide the 6 elements of model.W1");
      await p.keyboard.press(" ");
      assert.deepEqual(await elements(), []);
      // Mouse: W2's column vector.
      await p.locator("#gl-params button.gl-toggle").nth(1).click();
      got = await elements();
      assert.deepEqual(got.map((c) => c[0]), ["[0][0]", "[1][0]", "[2][0]"]);
      got.forEach((c, k) => assert.ok(near(c[1], w2.values[k]), `${c} vs ${w2.values[k]}`));
      assert.deepEqual(errors, []);
    }],

    ["training: a run on mini-batches draws the batch loss and the full-data loss, and a 3-class accuracy", async (b) => {
      const { page: p, errors } = await open(b, root);
      const m = fx.batchSnapshot();
      assert.ok(m.snapshot.fullHistory.steps.length >= 2, "the full-data curve has points");
      await send(p, [xor.messages[0], m]);
      const legend = await p.locator("#gl-chart .u-legend").textContent();
      assert.match(legend, /batch loss/);
      assert.match(legend, /full data/);
      const a = m.snapshot.accuracy;
      assert.equal(a.total, 60);
      assert.equal(a.classes, 3);
      assert.match(await p.locator("#gl-accuracy").textContent(), new RegExp(`^accuracy [\\d.]+% \\(${a.correct}/60 rows, 3 classes\\)$`));
      // The multi-class boundary: each cell in its class's colour mixed with the background (restated: 55 % class),
      // over the data's box; points drawn on top may cover a cell, so most cells, not all, must match.
      const g = m.snapshot.grid, INSET = 10, n = g.size, cell = (192 - 2 * INSET) / n;
      assert.equal(g.classes, 3);
      assert.equal(g.box.length, 4);
      assert.equal(g.points.length, 60);
      const bg = hex(DARK["--vscode-editor-background"]);
      const colours = ["--vscode-charts-blue", "--vscode-charts-orange", "--vscode-charts-green"].map((v) => hex(DARK[v]));
      let matched = 0, tried = 0;
      for (let j = 1; j < n - 1; j += 3) {
        for (let i = 1; i < n - 1; i += 3) {
          const k = g.values[j * n + i], want = colours[k].map((c, q) => Math.round(0.55 * c + 0.45 * bg[q]));
          const got = await pixel(p, Math.floor(INSET + (i + 0.5) * cell), Math.floor(INSET + (n - 1 - j + 0.5) * cell));
          tried++;
          if (got.every((x, q) => Math.abs(x - want[q]) <= 10)) matched++;
        }
      }
      assert.ok(matched >= 0.7 * tried, `${matched} of ${tried} cells in their class's colour`);
      assert.ok(new Set(g.values).size >= 2, "the model picks more than one class over the box");
      assert.deepEqual(errors, []);
    }],

    ["training: NaN and Infinity losses are shown as such, the curve leaves a gap, nothing throws", async (b) => {
      const { page: p, errors } = await open(b, root);
      await send(p, [xor.messages[0], fx.nanSnapshot()]);
      assert.match(await p.locator("#gl-status").textContent(), /loss NaN/);
      assert.match(await p.locator("#gl-verdict").textContent(), /diverged to NaN/);
      assert.equal(await p.locator("#gl-verdict.gl-not-converged").count(), 1);
      assert.deepEqual(errors, []);
    }],

    ["training: a malformed or unknown message is dropped and logged, never drawn", async (b) => {
      const { page: p, errors } = await open(b, root);
      const warnings = [];
      p.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
      await send(p, xor.messages);
      const before = await p.locator("#gl-status").textContent();
      const last = xor.messages.at(-1);
      await send(p, [
        { type: "snapshot", snapshot: { ...last.snapshot, state: "running", step: "7" } },
        { type: "snapshot", snapshot: { state: "idle" } },
        { type: "error" },
        { type: "eval", code: "document.body.remove()" },
      ]);
      assert.equal(await p.locator("#gl-status").textContent(), before);
      assert.equal(await p.locator("#gl-error").textContent(), "");
      assert.equal(warnings.filter((w) => /dropped a malformed or unknown message/.test(w)).length, 4, warnings.join("\n"));
      assert.deepEqual(errors, []);
    }],
  ];
}
