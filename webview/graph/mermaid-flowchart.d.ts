// Runs in the graph webview (browser): the type of scripts/mermaid-build.mjs's virtual module, which imports
// Mermaid's flowchart diagram and dagre layout chunks (so they load beside Mermaid's core, not after it).
declare module "gradlens:mermaid-flowchart" {
  export function loadFlowchart(): Promise<unknown>;
}
