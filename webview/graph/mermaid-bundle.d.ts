// Runs in the graph webview (browser): the type of `gradlens:mermaid`, which the build maps to the separate
// dist/webview/graph-mermaid.js (./mermaid.ts), so graph.js starts without waiting for Mermaid to load.
declare module "gradlens:mermaid" {
  import type { Mermaid } from "mermaid";
  const mermaid: Mermaid;
  export default mermaid;
}
