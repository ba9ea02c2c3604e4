// Runs on Node (the webview suites): a fresh Chromium (playwright-core, the system's binary) with a throwaway
// profile, and a test page that loads the built webview bundle the way VS Code does (CSP, a module script and its
// chunks, theme variables on <html>, vscode-* body class), served from a fake origin by request interception (no server, no network).
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.GRADLENS_CHROMIUM ?? "/usr/lib/chromium/chromium";
const ORIGIN = "http://gradlens.test";

export const DARK = {
  "--vscode-editor-background": "#1e1e1e", "--vscode-editor-foreground": "#d4d4d4",
  "--vscode-charts-blue": "#3794ff", "--vscode-charts-green": "#89d185", "--vscode-charts-orange": "#d18616",
  "--vscode-charts-purple": "#b180d7", "--vscode-charts-red": "#f14c4c", "--vscode-charts-yellow": "#cca700",
  "--vscode-descriptionForeground": "#9d9d9d", "--vscode-foreground": "#cccccc", "--vscode-font-family": "sans-serif",
};
export const LIGHT = {
  ...DARK, "--vscode-editor-background": "#ffffff", "--vscode-editor-foreground": "#333333", "--vscode-foreground": "#616161",
  "--vscode-charts-blue": "#1a85ff", "--vscode-charts-green": "#388a34",
};

export async function launch(root) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (install it, e.g. apt-get install chromium, or set GRADLENS_CHROMIUM)`);
  const profile = mkdtempSync(join(tmpdir(), "gradlens-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    viewport: { width: 1200, height: 800 },
  });
  const files = {
    "/graph.js": [join(root, "dist/webview/graph.js"), "text/javascript"],
    "/graph.css": [join(root, "media/graph.css"), "text/css"],
  };
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/index.html") {
      const vars = JSON.parse(url.searchParams.get("vars") ?? "{}");
      return route.fulfill({ contentType: "text/html", body: html(vars, url.searchParams.get("body") ?? "vscode-dark") });
    }
    // The graph view is ES modules: its Mermaid and its chunks load from beside graph.js.
    const chunk = /^\/(graph-chunk-[A-Z0-9]+\.js|graph-mermaid\.js)$/.exec(url.pathname);
    const f = chunk ? [join(root, "dist/webview", chunk[1]), "text/javascript"] : files[url.pathname];
    if (!f || !existsSync(f[0])) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({ contentType: f[1], body: readFileSync(f[0]) });
  });
  // Anything else (a stray network request) is refused, so a test can never depend on the network.
  await context.route((url) => !url.href.startsWith(ORIGIN), (route) => route.abort());
  return {
    context,
    async open(vars = DARK, bodyClass = "vscode-dark", init) {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      if (init) await page.addInitScript(init.fn, init.arg);
      const q = new URLSearchParams({ vars: JSON.stringify(vars), body: bodyClass });
      await page.goto(`${ORIGIN}/index.html?${q}`);
      await page.waitForFunction(() => Array.isArray(window.__gradlensPosted) && window.__gradlensPosted.some((m) => m.type === "ready"));
      return { page, errors };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function html(vars, bodyClass) {
  const style = Object.entries(vars).map(([k, v]) => `${k}: ${v};`).join(" ");
  // The CSP the panel uses: our origin's scripts only; Mermaid needs inline styles; PNG export draws a blob: image.
  return `<!doctype html><html style="${style}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${ORIGIN}; style-src ${ORIGIN} 'unsafe-inline'; img-src ${ORIGIN} blob: data:; font-src ${ORIGIN};">
<link rel="stylesheet" href="${ORIGIN}/graph.css"><link rel="modulepreload" href="${ORIGIN}/graph-mermaid.js"></head>
<body class="${bodyClass}"><script type="module" src="${ORIGIN}/graph.js"></script></body></html>`;
}

/** Post a message the way the extension does and wait for the view to report it drew (or failed). */
export async function post(page, msg) {
  const before = await page.evaluate(() => window.__gradlensPosted.length);
  await page.evaluate((m) => window.postMessage(m, "*"), msg);
  await page.waitForFunction((n) => window.__gradlensPosted.slice(n).some((m) => m.type === "rendered" || m.type === "renderFailed"),
    before, { timeout: 30_000 });
  return page.evaluate((n) => window.__gradlensPosted.slice(n), before);
}
