// Type-checking only (webview bundles): esbuild loads .css imports as text (scripts/build.mjs, loader "text").
declare module "*.css" {
  const text: string;
  export default text;
}
