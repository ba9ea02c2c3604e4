// Runs on Node (vitest): the gradient-check report's messages: a real report keeps NaN and Infinity through the
// wire and passes the webview's guard; malformed messages either way are refused.
import { describe, expect, it } from "vitest";
import { documentReport } from "../../../src/editor-model/report";
import { isFromReportView, isToReportView, type ToReportView } from "../../../src/protocol/report";
import { decodeNumbers, encodeNumbers } from "../../../src/protocol/wire";
import { evaluate } from "../editor-model/helpers";

const wire = (m: ToReportView): unknown => decodeNumbers(JSON.parse(JSON.stringify(encodeNumbers(m))));

function report() {
  const m = documentReport(evaluate("const w = param(0);\nconst loss = w * 2;\n").result, "t");
  if (!m) throw new Error("no report");
  return m;
}

describe("report messages", () => {
  it("keep NaN and Infinity through the wire and pass the guard", () => {
    const m = report();
    const odd = { ...m, value: NaN, rows: [{ ...m.rows[0], numeric: Infinity, relError: -Infinity }] };
    const back = wire({ type: "report", report: odd });
    expect(isToReportView(back)).toBe(true);
    expect(back).toEqual({ type: "report", report: odd });
    if (!isToReportView(back)) return;
    expect(back.report.value).toBeNaN();
    expect(back.report.rows[0].numeric).toBe(Infinity);
    expect(back.report.rows[0].name).toBe("w");
  });

  it("refuses a report missing what the view draws, and unknown messages", () => {
    const m = report();
    const bad: unknown[] = [
      null, { type: "report" }, { type: "report", json: "{}" }, { type: "report", report: { ...m, rows: [{ name: "w" }] } },
      { type: "report", report: { ...m, title: 1 } }, { type: "report", report: { ...m, best: null } },
      { type: "report", report: { ...m, calls: [{ line: 1, column: 1, kind: "other", pass: true, rows: [] }] } }, { type: "eval" },
      { type: "report", report: { ...m, sample: { checked: "3", total: 9, seed: 1 } } }, { type: "report", report: { ...m, sample: null } },
    ];
    expect(isToReportView({ type: "report", report: { ...m, sample: { checked: 3, total: 9, seed: 1 } } })).toBe(true);
    for (const x of bad) expect(isToReportView(x), JSON.stringify(x)?.slice(0, 60)).toBe(false);
  });

  it("accepts ready and reveal from the webview, nothing malformed", () => {
    expect(isFromReportView({ type: "ready" })).toBe(true);
    expect(isFromReportView({ type: "reveal", line: 3, column: 1 })).toBe(true);
    const odd = [{ type: "reveal", line: 1.5, column: 1 }, { type: "reveal", line: NaN, column: 1 }, { type: "reveal", line: 3, column: Infinity }];
    for (const x of [{ type: "reveal", line: "3", column: 1 }, { type: "reveal", line: 3 }, { type: "open", path: "/etc" }, 7, ...odd]) {
      expect(isFromReportView(x), JSON.stringify(x)).toBe(false);
    }
  });
});
