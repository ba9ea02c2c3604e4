// Runs in the training webview (browser): the decision boundary as a heat map of the model's output over the
// input square (or the data's box), the training rows drawn on top (filled by target, ringed green/red by
// right/wrong); for multi-class data each cell in the colour of the class the model picks, the labelled points on top.
import type { GridView, PredictionRow } from "../../src/view/training";
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

/** Chart colours for classes 0, 1, 2, … (cycling past six); classes 0 and 1 are also a binary output's low and high. */
const CLASS_VARS: [string, string][] = [
  ["--vscode-charts-blue", "#3794ff"], ["--vscode-charts-orange", "#d18616"], ["--vscode-charts-green", "#89d185"],
  ["--vscode-charts-purple", "#b180d7"], ["--vscode-charts-red", "#f14c4c"], ["--vscode-charts-yellow", "#cca700"],
];

/** The theme's class colours, read once per drawing (not once per cell). */
const classPalette = (): RGB[] => CLASS_VARS.map(([v, d]) => parse(themeColor(v, d)));
const classColor = (palette: RGB[], k: number): RGB => palette[((k % palette.length) + palette.length) % palette.length];

/** A class's colour mixed with the background (cells), so the points drawn on top stand out. */
function cellColor(palette: RGB[], k: number, mid: RGB): RGB {
  if (!Number.isInteger(k)) return [255, 0, 255];
  const c = classColor(palette, k);
  return [0, 1, 2].map((i) => Math.round(0.55 * c[i] + 0.45 * mid[i])) as RGB;
}

export function drawHeatMap(canvas: HTMLCanvasElement, grid: GridView | undefined, rows: PredictionRow[] | undefined): void {
  const px = canvas.width, ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.clearRect(0, 0, px, canvas.height);
  if (!grid) return;
  const palette = classPalette(), [low, high] = palette;
  const mid = parse(themeColor("--vscode-editor-background", "#1e1e1e"));
  const n = grid.size, img = ctx.createImageData(n, n);
  // Row j of the grid is x2 = j / (n - 1); the canvas's y axis points down, so flip it.
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = grid.values[j * n + i];
      const [r, g, b] = grid.classes !== undefined ? cellColor(palette, v, mid) : outputColor(v, low, mid, high);
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
  // Data coordinates to canvas pixels: grid point (0, 0) at the box's (x0, y0) corner, (n-1, n-1) at (x1, y1).
  const [x0, x1, y0, y1] = grid.box ?? [0, 1, 0, 1];
  const at = (u: number, v: number): [number, number] => [
    HEAT_INSET + cell / 2 + ((u - x0) / (x1 - x0)) * (inner - cell), px - (HEAT_INSET + cell / 2 + ((v - y0) / (y1 - y0)) * (inner - cell)),
  ];
  for (const [u, v, label] of grid.points ?? []) {
    const [x, y] = at(u, v);
    ctx.beginPath();
    ctx.arc(x, y, 3, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${classColor(palette, label).join(",")})`;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = `rgb(${mid.join(",")})`;
    ctx.stroke();
  }
  // The gates' four rows as big marks; a data set's many rows as small ones.
  const big = (rows?.length ?? 0) <= 16;
  for (const r of rows ?? []) {
    const [x, y] = at(r.inputs[0], r.inputs[1]);
    ctx.beginPath();
    ctx.arc(x, y, big ? 7 : 3, 0, 2 * Math.PI);
    ctx.fillStyle = r.target >= 0.5 ? `rgb(${high.join(",")})` : `rgb(${low.join(",")})`;
    ctx.fill();
    ctx.lineWidth = big ? 3 : 1.5;
    ctx.strokeStyle = r.right ? right : wrong;
    ctx.stroke();
  }
}
