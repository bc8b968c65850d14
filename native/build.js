// `npm install` hook: builds the native backend with node-gyp (bundled with npm) and never fails the install.
// Without a compiler, headers or an x86-64 Linux machine, np runs on its TypeScript path (np.backend()).
const { spawnSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const { join } = require("node:path");

function nodeGyp() {
  // npm tells lifecycle scripts where its node-gyp is; elsewhere look next to the running npm.
  const candidates = [
    process.env.npm_config_node_gyp,
    join(process.execPath, "..", "..", "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"),
  ];
  return candidates.find((path) => path && existsSync(path));
}

// Node's own headers where the distribution installed them (npm passes its `nodedir` config the same way),
// so node-gyp needs no download.
function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = join(process.execPath, "..", "..");
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? prefix : undefined;
}

const root = join(__dirname, "..");
const gyp = nodeGyp();
if (process.env.TSDL_BACKEND === "typescript") {
  console.log("tsdl: TSDL_BACKEND=typescript, native backend not built");
} else if (!gyp) {
  console.warn("tsdl: node-gyp not found; np uses its TypeScript backend");
} else {
  const result = spawnSync(process.execPath, [gyp, "rebuild", ...(nodeDir() ? [`--nodedir=${nodeDir()}`] : [])], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status === 0) console.log("tsdl: native backend built (build/Release/tsdl_native.node)");
  else console.warn("tsdl: building the native backend failed; np uses its TypeScript backend");
}
