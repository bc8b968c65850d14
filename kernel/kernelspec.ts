/**
 * Installs the `tsdl` kernelspec where Jupyter looks for kernels, without Python: the folder rules of
 * jupyter_core (`jupyter --paths`), absolute paths to this Node and this package, and a logo.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { encodePng } from "../lib/display/png";
import { MALLOC_ENV } from "./malloc-env";

export const KERNEL_NAME = "tsdl";
export const DISPLAY_NAME = "TypeScript (tsdl)";
/** bin/tsdl.js of this package (this file is dist/kernel/kernelspec.js once built). */
const CLI_PATH = resolve(__dirname, "..", "..", "bin", "tsdl.js");

/** Where to install: like `jupyter kernelspec install`; the default is the user's own folder. */
export interface KernelspecLocation {
  user?: boolean;
  /** The active virtualenv or conda env ($VIRTUAL_ENV / $CONDA_PREFIX), like Python's sys.prefix. */
  sysPrefix?: boolean;
  prefix?: string;
}

/**
 * The `kernels` folder for a location, following jupyter_core's rules.
 * @example kernelsDir({ prefix: "/opt/env" }) // "/opt/env/share/jupyter/kernels"
 */
export function kernelsDir(location: KernelspecLocation = {}): string {
  if (location.prefix) return join(resolve(location.prefix), "share", "jupyter", "kernels");
  if (location.sysPrefix) {
    const prefix = process.env.VIRTUAL_ENV ?? process.env.CONDA_PREFIX;
    if (!prefix) throw new Error("--sys-prefix needs an active virtualenv or conda env (VIRTUAL_ENV or CONDA_PREFIX)");
    return join(prefix, "share", "jupyter", "kernels");
  }
  return join(userDataDir(), "kernels");
}

function userDataDir(): string {
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  if (process.platform === "darwin") return join(homedir(), "Library", "Jupyter");
  if (process.platform === "win32") return join(process.env.APPDATA ?? homedir(), "jupyter");
  return join(process.env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "jupyter");
}

/**
 * The kernel.json contents: this Node binary and this package's CLI by absolute path, so that Jupyter
 * started from any folder (or from VS Code) runs the same kernel.
 * @example kernelJson().argv // ["/usr/bin/node", "/…/bin/tsdl.js", "kernel", "{connection_file}"]
 */
export function kernelJson(): Record<string, unknown> {
  return {
    argv: [process.execPath, CLI_PATH, "kernel", "{connection_file}"],
    display_name: DISPLAY_NAME,
    language: "typescript",
    // Interrupts come as interrupt_request messages, which the control thread answers even while a cell
    // keeps the main thread busy; the kernel stops on SIGINT as well.
    interrupt_mode: "message",
    // glibc reads these at process start, so they must come from the launcher (see malloc-env.ts).
    env: { ...MALLOC_ENV },
    metadata: { debugger: false },
  };
}

/**
 * Writes the kernelspec (kernel.json and logos) and returns its folder.
 * @example installKernelspec({ prefix: "/tmp/env" }) // "/tmp/env/share/jupyter/kernels/tsdl"
 */
export function installKernelspec(location: KernelspecLocation = {}): string {
  const dir = join(kernelsDir(location), KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "kernel.json"), JSON.stringify(kernelJson(), null, 2) + "\n");
  for (const size of [32, 64]) writeFileSync(join(dir, `logo-${size}x${size}.png`), logoPng(size));
  writeFileSync(join(dir, "logo-svg.svg"), LOGO_SVG);
  return dir;
}

/**
 * Removes the kernelspec; returns the folder removed, or undefined if there was none.
 * @example uninstallKernelspec({ user: true })
 */
export function uninstallKernelspec(location: KernelspecLocation = {}): string | undefined {
  const dir = join(kernelsDir(location), KERNEL_NAME);
  if (!existsSync(dir)) return undefined;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** TypeScript blue with a 3×3 grid of white cells: a small tensor. */
const BLUE = [0x31, 0x78, 0xc6];
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="10" fill="#3178c6"/>${[0, 1, 2]
  .flatMap((row) => [0, 1, 2].map((col) => `<rect x="${10 + col * 16}" y="${10 + row * 16}" width="12" height="12" rx="2" fill="#fff"/>`))
  .join("")}</svg>\n`;

function logoPng(size: number): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  const unit = size / 64;
  const inWhiteCell = (x: number, y: number) =>
    [0, 1, 2].some((row) => [0, 1, 2].some((col) => x >= (10 + col * 16) * unit && x < (22 + col * 16) * unit && y >= (10 + row * 16) * unit && y < (22 + row * 16) * unit));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const rgb = inWhiteCell(x + 0.5, y + 0.5) ? [255, 255, 255] : BLUE;
      pixels.set([...rgb, 255], (y * size + x) * 4);
    }
  }
  return encodePng(pixels, size, size, 4);
}
