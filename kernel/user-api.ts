/**
 * The kernel's own globals for notebooks: `input()`/`prompt()` (answered through the stdin channel) and
 * `comms`. The kernel binds them at start; outside a kernel they explain why they cannot work.
 */
import type { Comm, CommRegistry, CommTargetHandler } from "./comms";

/** What the kernel provides to these globals. */
export interface KernelBinding {
  /** Asks the frontend for a line of text and blocks until the answer; throws when the frontend has no stdin. */
  requestInput(prompt: string, password: boolean): string;
  comms: CommRegistry;
}

let binding: KernelBinding | undefined;

/**
 * Connects the globals to a running kernel (the kernel calls this once).
 * @example bindKernel({ requestInput, comms })
 */
export function bindKernel(next: KernelBinding | undefined): void {
  binding = next;
}

function kernel(): KernelBinding {
  if (!binding) throw new Error("input(), prompt() and comms work inside the tsdl kernel only");
  return binding;
}

/**
 * Asks the user for a line of text in the notebook and waits for it (Python's `input`).
 * @example const name = input("Your name: ");
 * @example const secret = input("Token: ", { password: true });
 */
export function input(message = "", options: { password?: boolean } = {}): string {
  return kernel().requestInput(message, options.password ?? false);
}

/**
 * The browser's `prompt`: asks for a line of text; an empty answer gives `defaultValue` (or "").
 * @example const epochs = Number(prompt("Epochs?", "10"));
 */
export function prompt(message = "", defaultValue = ""): string {
  const answer = kernel().requestInput(message, false);
  return answer === "" ? defaultValue : answer;
}

/**
 * Comm targets and kernel-opened comms (for widget libraries).
 * @example comms.registerTarget("echo", (comm) => comm.onMessage(({ data }) => comm.send(data)))
 */
export const comms: CommRegistry = {
  registerTarget: (targetName: string, handler: CommTargetHandler) => kernel().comms.registerTarget(targetName, handler),
  unregisterTarget: (targetName: string) => kernel().comms.unregisterTarget(targetName),
  open: (targetName: string, data?: Record<string, unknown>): Comm => kernel().comms.open(targetName, data),
};
