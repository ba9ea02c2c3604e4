// Runs on Node 20: one extension-host test session in a real VS Code. code-server loads the extension under
// development and runs the suite at extensionTestsPath (the smoke-test payload); Chromium opens the page and relays
// codeAutomationLog (printed) and codeAutomationExit (the result). Used by run-host.mjs and code-launcher.mjs.
import { format } from "node:util";
import { launchBrowser, makeSandbox, startCodeServer, workbenchUrl } from "../../scripts/code-server.mjs";

const RESULTS = /GRADLENS_HOST_RESULTS (\{.*\})/;

/**
 * Resolves { exitCode, counts } (counts undefined when the suite never reported); throws when VS Code cannot start or
 * the suite does not finish in time. `cleanup.add` receives what to end; the caller runs it.
 */
export async function runHostSession({ workspace, extensionDevelopmentPath, extensionTestsPath, cleanup, verbose = false, timeoutMs = 180_000 }) {
  const sandbox = makeSandbox("gradlens-host-");
  cleanup.add(() => sandbox.remove());
  const server = await startCodeServer(sandbox, { log: (l) => verbose && console.log(`[code-server] ${l}`) });
  cleanup.add(() => server.stop());
  const browser = await launchBrowser(sandbox);
  cleanup.add(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());

  let exitCode;
  let counts;
  let inSuite = false;
  let onExit;
  const exited = new Promise((resolve) => (onExit = resolve));
  await page.exposeFunction("codeAutomationExit", (code) => {
    exitCode = code;
    onExit();
  });
  await page.exposeFunction("codeAutomationLog", (type, args) => {
    // Console arguments as the extension host logged them: mocha's reporters use printf-style formats.
    const text = format(...(Array.isArray(args) ? args : [args]));
    const m = RESULTS.exec(text);
    if (m) counts = JSON.parse(m[1]);
    if (text.includes("GRADLENS_HOST_BEGIN")) inSuite = true;
    else if (m) inSuite = false;
    // The workbench logs through the same channel; its lines (offline noise, mostly) show only when asked.
    else if (verbose) console.log(`[${type}] ${text}`);
    else if (inSuite && !/^\[[\w:. -]+\] /.test(text)) console.log(text);
  });
  await page.goto(workbenchUrl(server.origin, workspace, { extensionDevelopmentPath, extensionTestsPath }));
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, "timeout")));
  const first = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (first === "timeout") throw new Error(`the suite did not finish within ${timeoutMs / 1000} s`);
  return { exitCode, counts };
}
