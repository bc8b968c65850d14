/**
 * The `tsdl` command line: one entry per subcommand in `COMMANDS`, so new ones (run, start) are one entry more.
 */
import { readConnectionFile } from "./connection";
import { installKernelspec, KernelspecLocation, uninstallKernelspec } from "./kernelspec";

interface Command {
  usage: string;
  summary: string;
  /** Runs the command; resolves to the process exit code (a long-running command never resolves). */
  run(args: string[]): Promise<number> | number;
}

const COMMANDS: Record<string, Command> = {
  install: {
    usage: "tsdl install [--user | --sys-prefix | --prefix PATH]",
    summary: "register the TypeScript (tsdl) kernel with Jupyter (default: --user)",
    run(args) {
      console.log(`Installed kernelspec tsdl in ${installKernelspec(parseLocation(args))}`);
      return 0;
    },
  },
  uninstall: {
    usage: "tsdl uninstall [--user | --sys-prefix | --prefix PATH]",
    summary: "remove the kernelspec written by install",
    run(args) {
      const removed = uninstallKernelspec(parseLocation(args));
      console.log(removed ? `Removed ${removed}` : "No tsdl kernelspec there; nothing removed");
      return 0;
    },
  },
  run: {
    usage: "tsdl run NOTEBOOK... [--inplace] [--timeout SECONDS]",
    summary: "execute notebooks like nbconvert --execute (writes NAME.nbconvert.ipynb, or in place)",
    async run(args) {
      const { runCommand, RunUsageError } = await import("./run");
      return runCommand(args).catch((error) => {
        throw error instanceof RunUsageError ? new UsageError(error.message) : error;
      });
    },
  },
  start: {
    usage: "tsdl start [--port N] [--no-browser] [--notebook]",
    summary: "open the course (notebooks/) in JupyterLab with this kernel, creating .venv first if needed",
    async run(args) {
      const { startCommand, StartUsageError } = await import("./start");
      return startCommand(args).catch((error) => {
        throw error instanceof StartUsageError ? new UsageError(error.message) : error;
      });
    },
  },
  kernel: {
    usage: "tsdl kernel CONNECTION_FILE",
    summary: "run the kernel (Jupyter starts it this way from the kernelspec)",
    async run(args) {
      if (args.length !== 1) throw new UsageError("kernel takes exactly one connection file");
      // Read before the slow imports below, while the launcher is surely still alive.
      const launcherPid = process.ppid;
      // Loaded here: the kernel pulls in ZeroMQ and the TypeScript compiler, which install does not need.
      const { Kernel } = await import("./kernel");
      await new Kernel(readConnectionFile(args[0]), process.cwd(), launcherPid).start();
      return 0;
    },
  },
};

class UsageError extends Error {}

/**
 * Parses the kernelspec location flags shared by install and uninstall.
 * @example parseLocation(["--prefix", "/opt/env"]) // { prefix: "/opt/env" }
 */
export function parseLocation(args: string[]): KernelspecLocation {
  const location: KernelspecLocation = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--user") location.user = true;
    else if (arg === "--sys-prefix") location.sysPrefix = true;
    else if (arg === "--prefix" && args[i + 1] !== undefined) location.prefix = args[++i];
    else if (arg.startsWith("--prefix=")) location.prefix = arg.slice("--prefix=".length);
    else throw new UsageError(`unknown option ${arg}`);
  }
  if (Object.keys(location).length > 1) throw new UsageError("choose one of --user, --sys-prefix, --prefix");
  return location;
}

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return ["Usage:", ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`)].join("\n");
}

/**
 * Runs `tsdl <command> [args]` and resolves to the exit code.
 * @example await main(["install", "--prefix", "/tmp/env"]) // 0
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    console.log(usage());
    return name === undefined ? 1 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`tsdl: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`tsdl ${name}: ${error.message}\n  ${command.usage}`);
      return 2;
    }
    // A failure the user can act on (no venv, no write permission) reads better without a stack.
    console.error(`tsdl ${name}: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
}
