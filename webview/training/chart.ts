// Runs in the training webview (browser): loss curves with uPlot, in the theme's colours, on a linear or log
// scale. One chart for the run, one for the backprop vs finite-difference comparison.
import uPlot from "uplot";
import { themeColor } from "./host";

export interface Curve {
  label: string;
  steps: number[];
  losses: number[];
  color: string;
}

export class LossChart {
  private plot: uPlot | undefined;
  private curves: Curve[] = [];
  private log = false;
  private shape = "";

  constructor(readonly el: HTMLElement, private readonly height = 180) {
    new ResizeObserver(() => this.resize()).observe(el);
  }

  setLog(log: boolean): void {
    if (this.log === log) return;
    this.log = log;
    this.rebuild();
  }

  get isLog(): boolean {
    return this.log;
  }

  /** Draw curves; they may have different steps (the x axis is their union). */
  update(curves: Curve[]): void {
    this.curves = curves;
    const shape = curves.map((c) => `${c.label}:${c.color}`).join("|");
    if (!this.plot || shape !== this.shape) return this.rebuild();
    this.plot.setData(this.data());
  }

  /** Points drawn per curve (what the Chromium suite checks). */
  pointCounts(): number[] {
    return this.curves.map((c) => c.steps.length);
  }

  rebuild(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.shape = this.curves.map((c) => `${c.label}:${c.color}`).join("|");
    if (this.curves.length === 0) return;
    const fg = themeColor("--vscode-foreground", "#888"), grid = themeColor("--vscode-editorWidget-border", "rgba(128,128,128,0.25)");
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    this.plot = new uPlot({
      width: Math.max(200, this.el.clientWidth), height: this.height,
      scales: { x: { time: false }, y: this.log ? { distr: 3 } : { auto: true } },
      legend: { show: this.curves.length > 1 },
      cursor: { drag: { x: false, y: false } },
      axes: [{ ...axis, label: "step" }, { ...axis, label: "loss", size: 60 }],
      series: [{ label: "step" }, ...this.curves.map((c) => ({ label: c.label, stroke: c.color, width: 2, spanGaps: true }))],
    }, this.data(), this.el);
  }

  private data(): uPlot.AlignedData {
    const xs = [...new Set(this.curves.flatMap((c) => c.steps))].sort((a, b) => a - b);
    const ys = this.curves.map((c) => {
      const at = new Map<number, number>();
      c.steps.forEach((s, i) => at.set(s, c.losses[i]));
      // A log axis cannot show 0, NaN or Infinity; a linear one cannot show NaN or Infinity: leave gaps.
      return xs.map((x) => {
        const v = at.get(x);
        return v === undefined || !Number.isFinite(v) || (this.log && v <= 0) ? null : v;
      });
    });
    return [xs, ...ys];
  }

  private resize(): void {
    if (this.plot && this.el.clientWidth > 0) this.plot.setSize({ width: Math.max(200, this.el.clientWidth), height: this.height });
  }
}
