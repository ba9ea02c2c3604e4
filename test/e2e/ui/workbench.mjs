// Runs on Node 20 (the UI runner): drives VS Code's workbench (code-server 4.139 = VS Code 1.139) in Chromium the
// way a person does: palette, Quick Open, keyboard, Notification Center, panels, webviews. Selectors are VS Code's.
import { setTimeout as sleep } from "node:timers/promises";

const text = (s) => s.replace(/\u00a0/g, " ");

export class Workbench {
  /** @param {import("playwright-core").Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Waits until the explorer lists `fileName`: the workbench has loaded the folder. */
  async waitReady(fileName, timeout = 60_000) {
    if (fileName) {
      await this.page.locator(".explorer-viewlet .monaco-list-row", { hasText: fileName }).first().waitFor({ timeout });
    } else {
      // An empty folder has no rows: its explorer header and the status bar mean the workbench is up.
      await this.page.locator(".explorer-viewlet").first().waitFor({ timeout });
      await this.page.locator(".part.statusbar").first().waitFor({ timeout });
    }
  }

  /** Runs a command by its palette title (e.g. "GradLens: Evaluate Selection"), as typed into F1. */
  async runCommand(title, { timeout = 15_000 } = {}) {
    const input = await this.openQuickInput("F1");
    await input.fill(`>${title}`);
    const row = this.page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    await row.waitFor({ timeout });
    await row.click();
  }

  /**
   * The palette's rows for a query (titles as shown), then closes it. Extensions register their commands a moment
   * after the workbench shows, so it waits up to `timeout` for a row equal to `query`.
   */
  async paletteEntries(query, timeout = 15_000) {
    const input = await this.openQuickInput("F1");
    await input.fill(`>${query}`);
    const deadline = Date.now() + timeout;
    let rows = [];
    for (;;) {
      await sleep(300);
      rows = (await this.page.locator(".quick-input-list .monaco-list-row").allInnerTexts()).map((r) => text(r).split("\n")[0].trim());
      if (rows.includes(query) || Date.now() > deadline) break;
      // Re-type so the palette queries the command registry again.
      await input.fill(`>${query} `);
      await input.fill(`>${query}`);
    }
    await this.page.keyboard.press("Escape");
    return rows;
  }

  async openQuickInput(key) {
    const input = this.page.locator(".quick-input-widget input").first();
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({ state: "visible", timeout: 5000 });
        return input;
      } catch {
        // The workbench may not have taken focus yet: click the editor area and try again.
        await this.page.locator(".monaco-workbench").click({ position: { x: 700, y: 10 } }).catch(() => {});
      }
    }
    throw new Error(`the quick input did not open with ${key}`);
  }

  /** Waits for an input box whose title contains `title`; returns its pre-filled value. */
  async waitForInputBox(title) {
    await this.page.locator(".quick-input-widget .quick-input-title", { hasText: title }).waitFor({ timeout: 15_000 });
    return this.page.locator(".quick-input-widget input").first().inputValue();
  }

  /** Types into the open input box and accepts it; Enter is retried while validation (async) still blocks it. */
  async answerInputBox(value) {
    await this.page.locator(".quick-input-widget input").first().fill(value);
    const widget = this.page.locator(".quick-input-widget");
    for (let i = 0; i < 20 && (await widget.isVisible()); i++) {
      await sleep(150);
      if (await widget.isVisible()) await this.page.keyboard.press("Enter");
    }
    await widget.waitFor({ state: "hidden", timeout: 5000 });
  }

  /** Scrolls a virtualized list (focus on it) until a row with `hasText` renders; returns that row. */
  async findListRow(listSelector, hasText, maxPages = 15) {
    const row = this.page.locator(`${listSelector} .monaco-list-row`, { hasText }).first();
    await this.page.locator(`${listSelector} .monaco-list-row`).first().click();
    for (let i = 0; i < maxPages; i++) {
      if (await row.isVisible()) return row;
      await this.page.keyboard.press("PageDown");
      await sleep(150);
    }
    await row.waitFor({ timeout: 2000 });
    return row;
  }

  /** Opens a workspace file through Quick Open and waits for its tab. */
  async openFile(name) {
    const input = await this.openQuickInput("Control+P");
    await input.fill(name);
    const row = this.page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first();
    await row.waitFor({ timeout: 15_000 });
    await this.page.keyboard.press("Enter");
    await this.page.locator(".tabs-container .tab.active", { hasText: name }).waitFor({ timeout: 15_000 });
    await this.page.locator(".editor-instance .monaco-editor .view-lines").first().waitFor();
  }

  /** Moves the cursor to the start of a 1-based line with Go to Line. */
  async goToLine(line) {
    const input = await this.openQuickInput("Control+G");
    await input.fill(`:${line}`);
    await this.page.keyboard.press("Enter");
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden" });
  }

  /** Selects from the cursor to the end of its line, as Shift+End does. */
  async selectToLineEnd() {
    await this.page.keyboard.press("Home");
    await this.page.keyboard.press("Shift+End");
  }

  /** The active editor's visible text, lines joined with newlines. */
  async editorText() {
    const lines = await this.page.locator(".editor-instance .monaco-editor .view-lines .view-line").allInnerTexts();
    return lines.map(text).join("\n");
  }

  /** Texts of every notification, read from the Notification Center (headless mode shows no toasts). */
  async notifications() {
    await this.runCommand("Notifications: Show Notifications");
    const items = this.page.locator(".notifications-center .notification-list-item");
    await items.first().waitFor({ timeout: 10_000 }).catch(() => {});
    return (await items.allInnerTexts()).map(text);
  }

  /** Polls the Notification Center until a notification matches `re`; returns its text. */
  async waitForNotification(re, timeout = 15_000) {
    const deadline = Date.now() + timeout;
    let seen = [];
    while (Date.now() < deadline) {
      seen = await this.notifications();
      const hit = seen.find((n) => re.test(n));
      if (hit) return hit;
      await sleep(500);
    }
    throw new Error(`no notification matching ${re}; saw: ${JSON.stringify(seen)}`);
  }

  /** Clicks a button of the notification matching `re` in the Notification Center. */
  async clickNotificationButton(re, label) {
    const item = this.page.locator(".notifications-center .notification-list-item").filter({ hasText: re }).first();
    await item.hover();
    await item.locator(".monaco-button", { hasText: label }).first().click();
  }

  async clearNotifications() {
    await this.runCommand("Notifications: Clear All Notifications");
    await this.page.keyboard.press("Escape");
  }

  /** The Output panel's visible text (the channel it shows). */
  async outputText() {
    const lines = this.page.locator(".part.panel .monaco-editor .view-lines .view-line");
    await lines.first().waitFor({ timeout: 10_000 });
    return (await lines.allInnerTexts()).map(text).join("\n");
  }

  /** Polls the Output panel until its text matches `re`. */
  async waitForOutput(re, timeout = 15_000) {
    const deadline = Date.now() + timeout;
    let seen = "";
    while (Date.now() < deadline) {
      seen = await this.outputText().catch(() => "");
      if (re.test(seen)) return seen;
      await sleep(300);
    }
    throw new Error(`output never matched ${re}; it shows: ${JSON.stringify(seen)}`);
  }

  /** A webview's own document (two iframes deep), for features that open webviews. */
  webview() {
    return this.page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
  }
}
