// Runs in the graph webview (browser): export of the drawn graph as SVG or PNG markup/data, and as Mermaid
// Markdown. The pan/zoom transform is dropped so an export shows the whole graph at its natural size.

/** A standalone copy of the SVG: natural size, no pan/zoom transform, a background rectangle. */
export function standaloneSvg(svg: SVGSVGElement, background: string, viewBox: string | null): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.querySelector(".svg-pan-zoom_viewport")?.removeAttribute("transform");
  copy.querySelector(".svg-pan-zoom_viewport")?.removeAttribute("style");
  copy.querySelectorAll("#svg-pan-zoom-controls").forEach((c) => c.remove());
  if (viewBox) copy.setAttribute("viewBox", viewBox);
  const [, , w, h] = (viewBox ?? "0 0 800 600").split(/\s+/).map(Number);
  copy.setAttribute("width", String(Math.ceil(w)));
  copy.setAttribute("height", String(Math.ceil(h)));
  copy.removeAttribute("style");
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  const [x, y] = (viewBox ?? "0 0").split(/\s+/).map(Number);
  rect.setAttribute("x", String(x));
  rect.setAttribute("y", String(y));
  rect.setAttribute("width", "100%");
  rect.setAttribute("height", "100%");
  rect.setAttribute("fill", background);
  copy.insertBefore(rect, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** PNG data URL of SVG markup, at `scale` times its size. */
export async function pngFromSvg(markup: string, scale = 2): Promise<string> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the SVG could not be loaded as an image"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.ceil(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.ceil(img.naturalHeight * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL("image/png");
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Mermaid text as a Markdown fenced block, pasteable where Markdown renders Mermaid. */
export function mermaidMarkdown(text: string): string {
  return "```mermaid\n" + text.trimEnd() + "\n```\n";
}
