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
  async runCommand(title, { timeout = 30_000 } = {}) {
    const input = await this.openQuickInput("F1");
    await input.fill(`>${title}`);
    const row = this.page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    // The palette lists the commands registered when it was typed into; an extension that is still starting (an
    // installed .vsix, a busy machine) registers later, so re-type until the row appears.
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        await row.waitFor({ timeout: Math.min(2000, Math.max(1, deadline - Date.now())) });
        break;
      } catch (e) {
        if (Date.now() >= deadline) throw e;
        await input.fill(`>${title} `);
        await input.fill(`>${title}`);
      }
    }
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

  /**
   * Types into the open input box and accepts it. validateInput runs after each change, so Enter can come too early;
   * it is pressed again only while the box still has keyboard focus (a stray Enter would edit the document).
   */
  async answerInputBox(value) {
    const input = this.page.locator(".quick-input-widget input").first();
    const widget = this.page.locator(".quick-input-widget");
    await input.fill(value);
    await sleep(400);
    for (let i = 0; i < 5; i++) {
      const focused = await input.evaluate((el) => el === document.activeElement && el.offsetParent !== null).catch(() => false);
      if (!focused) break;
      await this.page.keyboard.press("Enter");
      try {
        await widget.waitFor({ state: "hidden", timeout: 1500 });
        break;
      } catch {
        // still open: validation had not caught up
      }
    }
    await widget.waitFor({ state: "hidden", timeout: 5000 });
  }

  /**
   * Finds a row of a virtualized list (only visible rows exist in the DOM) by paging through it from the top, pass
   * after pass until `timeout`, since lists such as Running Extensions grow while the workbench settles.
   */
  async findListRow(listSelector, hasText, timeout = 30_000) {
    const rows = this.page.locator(`${listSelector} .monaco-list-row`);
    const row = rows.filter({ hasText }).first();
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      // Focus the list itself (a click can land on a modal editor's header) and page with the keyboard.
      await this.page.locator(`${listSelector} .monaco-list`).first().focus();
      await this.page.keyboard.press("Home");
      for (let i = 0; i < 15; i++) {
        await sleep(150);
        if (await row.isVisible()) return row;
        await this.page.keyboard.press("PageDown");
      }
      await sleep(1000);
    }
    throw new Error(`no row with "${hasText}" in ${listSelector}`);
  }

  /**
   * Opens a workspace file and waits for its tab: a click on its explorer row when the explorer shows it (Quick Open
   * depends on the file search, which lags while extensions activate on a busy machine), else Quick Open, retyped
   * until the search finds it.
   */
  async openFile(name, timeout = 45_000) {
    const tab = this.page.locator(".tabs-container .tab.active", { hasText: name });
    const row = this.page.locator(".explorer-viewlet .monaco-list-row .label-name").getByText(name, { exact: true });
    if (await row.first().isVisible()) {
      // A double click opens it pinned and moves keyboard focus into the editor, as Quick Open does.
      await row.first().dblclick();
    } else {
      const input = await this.openQuickInput("Control+P");
      const pick = this.page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first();
      const deadline = Date.now() + timeout;
      for (;;) {
        await input.fill(name);
        try {
          await pick.waitFor({ timeout: 5000 });
          break;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          await input.fill("");
        }
      }
      await this.page.keyboard.press("Enter");
    }
    await tab.waitFor({ timeout });
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
  async waitForNotification(re, timeout = 30_000) {
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
