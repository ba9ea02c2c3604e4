#!/usr/bin/env node
// Runs on Node: the `gradlens` command; the code is bundled to dist/cli.js by scripts/build.mjs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("../dist/cli.js");
