// Lint config: typescript-eslint's recommended rules on every TypeScript source.
import tseslint from "typescript-eslint";

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
);
