// Runs on Node (developer machine): render-time benchmark of the graph webview in a real Chromium. Renders the XOR
// loss graph (unfolded) and a 2-16-16-1 MLP over the four XOR rows (folded to the default budget), several times
// each after a warm-up, and prints the medians. Target: under 1 s each. Needs `npm run build` first.
//   node bench/graph-render.mjs [runs]
import { launch, post } from "../test/webview/page.mjs";
import { loadFixtures } from "../test/webview/fixtures-build.mjs";
import { loadavg } from "node:os";

const root = new URL("..", import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 7);
const fx = await loadFixtures(root);
const browser = await launch(root);
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} on this machine`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const { page } = await browser.open();
  // Main-thread CPU time as well as wall time: on a shared machine the wall time includes waiting for a core.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const cpu = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime")?.value ?? NaN;
  for (const [name, c] of [["XOR loss graph", fx.xorLossCase()], ["MLP 2-16-16-1 x 4 rows, folded", fx.mlpCase()]]) {
    await post(page, c.message); // warm-up: Mermaid's lazy chunks, fonts, JIT
    const mermaidMs = [], wallMs = [], cpuMs = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now(), c0 = await cpu();
      const got = await post(page, c.message);
      wallMs.push(performance.now() - t0);
      cpuMs.push((await cpu() - c0) * 1000);
      const done = got.find((m) => m.type === "rendered");
      if (!done) throw new Error(`${name}: ${JSON.stringify(got)}`);
      mermaidMs.push(done.ms);
    }
    const m = median(wallMs);
    console.log(`${name}: ${c.nodes} nodes, ${c.edges} edges: median ${Math.round(m)} ms end to end ` +
      `(Mermaid ${Math.round(median(mermaidMs))} ms; main-thread CPU ${Math.round(median(cpuMs))} ms) over ${runs} runs ` +
      `${m < 1000 ? "ok" : "OVER the 1 s target"}`);
  }
} finally {
  await browser.close();
}
