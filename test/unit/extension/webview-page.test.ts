// Runs in vitest (Node): the page every webview loads (training view, gradient-check report).
import { describe, expect, it } from "vitest";
import { pageCsp, webviewPage } from "../../../src/extension/webview-page";

const SRC = "https://file+.vscode-resource.vscode-cdn.net";

describe("webview page", () => {
  it("allows nonce'd scripts and styles only, unless inline styles are asked for", () => {
    expect(pageCsp({ cspSource: SRC }, "n1")).toBe(
      `default-src 'none'; script-src 'nonce-n1'; style-src ${SRC} 'nonce-n1'; img-src ${SRC} data:; font-src ${SRC}`,
    );
    expect(pageCsp({ cspSource: SRC, inlineStyles: true, blobImages: true }, "n1")).toContain(`style-src ${SRC} 'unsafe-inline'; img-src ${SRC} data: blob:`);
  });

  it("puts the policy's nonce on the one script, escapes uris and title, keeps the body", () => {
    const page = webviewPage({ title: "a<b", cspSource: SRC, script: `${SRC}/x.js?"`, styles: [`${SRC}/s.css`], body: "<main id=\"r\"></main>\n" });
    const nonce = /script-src 'nonce-([^']+)'/.exec(page)![1];
    expect(page).toContain(`<script nonce="${nonce}" src="${SRC}/x.js?&quot;"></script>`);
    expect(page).toContain(`<link rel="stylesheet" href="${SRC}/s.css">`);
    expect(page).toContain("<title>a&lt;b</title>");
    expect(page).toContain('<main id="r"></main>');
    expect(page.match(/<script/g)).toHaveLength(1);
  });
});
