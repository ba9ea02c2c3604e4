// Runs in the graph webview (browser): Mermaid as the graph view draws with it, built into one file of its own
// (dist/webview/graph-mermaid.js, scripts/mermaid-build.mjs) that the page fetches from its start beside graph.js:
// Mermaid's core, its flowchart diagram and the dagre layout, and no other diagram.
import mermaid from "mermaid";

export default mermaid;
