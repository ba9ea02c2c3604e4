// Runs on Node 20 (the UI runner): steps several UI suites share.
import { setTimeout as sleep } from "node:timers/promises";

/** Opens `file`, selects line `line` with the keyboard, runs GradLens: Evaluate Selection, returns the notification. */
export async function evaluateThroughUi(wb, file, line, expect) {
  await wb.clearNotifications();
  await wb.openFile(file);
  await wb.goToLine(line);
  await wb.selectToLineEnd();
  await wb.runCommand("GradLens: Evaluate Selection");
  return wb.waitForNotification(expect);
}

/** Polls `read` until `ok` holds; returns the last value read. */
export async function until(what, read, ok, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let seen;
  for (;;) {
    seen = await read().catch(() => undefined);
    if (ok(seen)) return seen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw: ${JSON.stringify(seen)}`);
    await sleep(250);
  }
}

/**
 * Hovers the first token `token` on line `line` of `file` until a hover containing `expect` (a string) shows;
 * returns the hover's text. The first hover of a session can wait for the TypeScript server to start.
 */
export async function hoverThroughUi(wb, file, line, token, expect, timeout = 60_000) {
  await wb.openFile(file);
  await wb.goToLine(line);
  const span = wb.page.locator(".editor-instance .view-line span", { hasText: new RegExp(`^${token}$`) }).first();
  return until(`the hover over ${token}`, async () => {
    await wb.page.mouse.move(0, 0);
    await span.hover();
    const hover = wb.page.locator(".monaco-hover", { hasText: expect }).first();
    await hover.waitFor({ timeout: 3000 });
    return hover.innerText();
  }, (t) => typeof t === "string" && t.includes(expect), timeout);
}
