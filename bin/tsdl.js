#!/usr/bin/env node
// The `tsdl` command. The TypeScript sources are compiled to dist/ by `npm run build` (run by npm install).
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const cli = join(__dirname, "..", "dist", "kernel", "cli.js");
if (!existsSync(cli)) {
  console.error(`tsdl: ${cli} is missing; run "npm run build" in ${join(__dirname, "..")}`);
  process.exit(1);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    // The kernel command serves until shutdown and exits by itself.
    if (code !== undefined) process.exitCode = code;
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
