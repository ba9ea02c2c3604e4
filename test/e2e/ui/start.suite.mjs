// Runs on Node 20 (the UI runner): `npm start` as a user runs it: its server answers on 127.0.0.1 and the page it
// prints opens examples/ in VS Code with GradLens loaded.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, stopGroup } from "../../../scripts/code-server.mjs";

let printedUrl;

export default {
  name: "start",
  async load(ctx) {
    const port = await freePort();
    const child = spawn("node", [join(ctx.root, "scripts", "start.mjs"), "--port", String(port)], {
      cwd: ctx.root,
      env: ctx.sandbox.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stop = () => stopGroup(child);
    let out = "";
    printedUrl = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no URL in 90 s:\n${out}`)), 90_000);
      const onData = (b) => {
        out += b.toString();
        ctx.log(b.toString().trim());
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (c) => reject(new Error(`npm start exited (${c}):\n${out}`)));
    }).catch(async (e) => {
      await stop();
      throw e;
    });
    assert.ok(printedUrl.startsWith(`http://127.0.0.1:${port}/`), printedUrl);
    return { url: printedUrl, stop };
  },
  ready: null,
  tests: [
    {
      name: "npm start's server answers and serves examples/",
      fn: async () => {
        const res = await fetch(printedUrl);
        assert.equal(res.status, 200);
        assert.match(decodeURIComponent(printedUrl), /folder=\/.*\/examples/);
      },
    },
    {
      name: "its page shows GradLens loaded",
      fn: async (wb) => {
        const rows = await wb.paletteEntries("GradLens: Evaluate Selection");
        assert.ok(rows.includes("GradLens: Evaluate Selection"), JSON.stringify(rows));
        // Running it with no editor open activates GradLens and answers with its own warning.
        await wb.clearNotifications();
        await wb.runCommand("View: Close All Editors");
        await wb.runCommand("GradLens: Evaluate Selection");
        assert.match(await wb.waitForNotification(/GradLens: open an editor/), /select an expression/);
      },
    },
  ],
};
