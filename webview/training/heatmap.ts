// Runs in the training webview (browser): the decision boundary as a heat map of the model's output over the
// input square, the training rows drawn on top (filled by target, ringed green/red by right/wrong).
import type { PredictionRow } from "../../src/view/training";
import { themeColor } from "./host";

type RGB = [number, number, number];

/** Pixels between the canvas edge and the heat map. */
export const HEAT_INSET = 10;

function parse(c: string): RGB {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(c.trim());
  if (m) return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
  const r = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
  return r ? [Number(r[1]), Number(r[2]), Number(r[3])] : [128, 128, 128];
}

/** Colour for an output in [0, 1]: the low colour through the background to the high colour. */
export function outputColor(v: number, low: RGB, mid: RGB, high: RGB): RGB {
  if (!Number.isFinite(v)) return [255, 0, 255];
  const t = Math.min(1, Math.max(0, v));
  const [a, b, u] = t < 0.5 ? [low, mid, t * 2] : [mid, high, (t - 0.5) * 2];
  return [0, 1, 2].map((i) => Math.round(a[i] * (1 - u) + b[i] * u)) as RGB;
}

export function drawHeatMap(canvas: HTMLCanvasElement, grid: { size: number; values: number[] } | undefined,
  rows: PredictionRow[] | undefined): void {
  const px = canvas.width, ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.clearRect(0, 0, px, canvas.height);
  if (!grid) return;
  const low = parse(themeColor("--vscode-charts-blue", "#3794ff"));
  const high = parse(themeColor("--vscode-charts-orange", "#d18616"));
  const mid = parse(themeColor("--vscode-editor-background", "#1e1e1e"));
  const n = grid.size, img = ctx.createImageData(n, n);
  // Row j of the grid is x2 = j / (n - 1); the canvas's y axis points down, so flip it.
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const [r, g, b] = outputColor(grid.values[j * n + i], low, mid, high);
      const k = ((n - 1 - j) * n + i) * 4;
      img.data[k] = r;
      img.data[k + 1] = g;
      img.data[k + 2] = b;
      img.data[k + 3] = 255;
    }
  }
  const tmp = document.createElement("canvas");
  tmp.width = tmp.height = n;
  tmp.getContext("2d")?.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  // An inset, so the row marks at the corners are drawn whole; cell centres sit on the grid points.
  const inner = px - 2 * HEAT_INSET, cell = inner / n;
  ctx.drawImage(tmp, 0, 0, n, n, HEAT_INSET, HEAT_INSET, inner, inner);
  const right = themeColor("--vscode-charts-green", "#89d185"), wrong = themeColor("--vscode-charts-red", "#f14c4c");
  for (const r of rows ?? []) {
    const x = HEAT_INSET + cell / 2 + r.inputs[0] * (inner - cell);
    const y = px - (HEAT_INSET + cell / 2 + r.inputs[1] * (inner - cell));
    ctx.beginPath();
    ctx.arc(x, y, 7, 0, 2 * Math.PI);
    ctx.fillStyle = r.target >= 0.5 ? `rgb(${high.join(",")})` : `rgb(${low.join(",")})`;
    ctx.fill();
    ctx.lineWidth = 3;
    ctx.strokeStyle = r.right ? right : wrong;
    ctx.stroke();
  }
}
