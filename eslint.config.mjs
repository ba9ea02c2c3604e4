// Lint config: typescript-eslint's recommended rules on every TypeScript source, and the arrows of ARCHITECTURE.md:
// which part may import which (no-restricted-imports on the import path; node ../shared/tools/layers.mjs . checks
// the same from outside).
import tseslint from "typescript-eslint";

/** Each part's folder under the project root, and the parts it may import besides itself. */
const PARTS = {
  engine: ["src/engine", []],
  view: ["src/view", []],
  notation: ["src/notation", ["engine"]],
  graph: ["src/graph", ["engine", "view"]],
  train: ["src/train", ["engine", "notation"]],
  "editor-model": ["src/editor-model", ["engine", "notation", "graph", "view"]],
  tsplugin: ["src/tsplugin", ["engine", "notation", "editor-model"]],
  cli: ["src/cli", ["engine", "notation", "graph", "train", "editor-model", "view"]],
  protocol: ["src/protocol", ["view"]],
  extension: ["src/extension", ["engine", "notation", "graph", "train", "editor-model", "protocol", "view"]],
  webview: ["webview", ["protocol", "view"]],
};

/** A relative import that climbs out of its part into `part`: `../engine/tape`, `../../src/graph/model`. */
const into = (part) => (part === "webview" ? "^(\\.\\./)+webview(/|$)" : `^(\\.\\./)+(src/)?${part}(/|$|\\.)`);

const arrows = Object.entries(PARTS).map(([name, [dir, allowed]]) => {
  const forbidden = Object.keys(PARTS).filter((p) => p !== name && !allowed.includes(p));
  return {
    files: [`${dir}/**/*.ts`, `${dir}.ts`],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          regex: forbidden.map(into).join("|"),
          message: `${name} may import only ${allowed.length ? allowed.join(", ") : "nothing of GradLens"} (see ARCHITECTURE.md).`,
        }],
      }],
    },
  };
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".vscode-test/**", "out/**", "**/*.nn.ts", "coverage/**", "*.vsix"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "User code is interpreted, never executed." },
        { selector: "NewExpression[callee.name='Function']", message: "User code is interpreted, never executed." },
      ],
    },
  },
  ...arrows,
);
