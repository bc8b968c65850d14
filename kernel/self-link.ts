/**
 * Makes `import … from "tsdl"` work in notebooks that live inside this repository (notebooks/), as it does
 * in any project that installed tsdl from npm: a link node_modules/tsdl → the package root lets both Node
 * and the kernel's type checker (tslab resolves modules the classic node_modules way, upward from the
 * notebook) find tsdl by name. Run by `npm install` (the prepare script); a package installed as a
 * dependency already sits in node_modules and needs nothing.
 */
import { lstatSync, mkdirSync, readlinkSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");
const LINK = join(ROOT, "node_modules", "tsdl");

function linkTarget(): string | null {
  try {
    return lstatSync(LINK).isSymbolicLink() ? resolve(join(ROOT, "node_modules"), readlinkSync(LINK)) : "not a link";
  } catch {
    return null;
  }
}

const current = linkTarget();
if (current === null) {
  mkdirSync(join(ROOT, "node_modules"), { recursive: true });
  symlinkSync("..", LINK, "dir");
} else if (current !== ROOT) {
  console.warn(`tsdl: ${LINK} exists and is not a link to this package; notebooks here will import that one`);
}
