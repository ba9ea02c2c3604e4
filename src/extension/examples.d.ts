// Compile-time only: the module scripts/build.mjs makes from examples/*.nn.ts (file name → text), bundled into
// the extension so GradLens: New Model File needs no files beside it.
declare module "gradlens:examples" {
  const files: Readonly<Record<string, string>>;
  export default files;
}
