/** The connection file Jupyter writes for a kernel: where to bind and how to sign. */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface ConnectionInfo {
  transport: "tcp" | "ipc";
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: string;
}

export type Channel = "shell" | "iopub" | "stdin" | "control" | "hb";

/**
 * Reads and checks a connection file.
 * @example const info = readConnectionFile("/run/user/1000/jupyter/kernel-1.json"); info.shell_port
 */
export function readConnectionFile(path: string): ConnectionInfo {
  const info = JSON.parse(readFileSync(path, "utf8"));
  for (const channel of ["shell", "iopub", "stdin", "control", "hb"]) {
    if (!Number.isInteger(info[`${channel}_port`])) throw new Error(`${path}: no ${channel}_port`);
  }
  return { transport: "tcp", ip: "127.0.0.1", key: "", signature_scheme: "hmac-sha256", ...info };
}

/**
 * The ZeroMQ address of one channel: only the ip/port (or ipc path) of the connection file, never a wildcard
 * the file did not ask for.
 * @example endpoint({ ...info, transport: "tcp", ip: "127.0.0.1", shell_port: 5555 }, "shell") // "tcp://127.0.0.1:5555"
 */
export function endpoint(info: ConnectionInfo, channel: Channel): string {
  const port = info[`${channel}_port`];
  // Jupyter's ipc transport names files "<ip>-<port>", as jupyter_client does.
  return info.transport === "ipc" ? `ipc://${info.ip}-${port}` : `tcp://${info.ip}:${port}`;
}

/**
 * A TCP port free on 127.0.0.1 right now.
 * @example const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * What Jupyter would write for a kernel it starts on this machine: free ports on 127.0.0.1 and a fresh key —
 * for starting a kernel ourselves (`tsdl run`, the tests' client).
 * @example writeFileSync("connection.json", JSON.stringify(await localConnection()))
 */
export async function localConnection(): Promise<ConnectionInfo> {
  return {
    transport: "tcp",
    ip: "127.0.0.1",
    shell_port: await freePort(),
    iopub_port: await freePort(),
    stdin_port: await freePort(),
    control_port: await freePort(),
    hb_port: await freePort(),
    key: randomBytes(16).toString("hex"),
    signature_scheme: "hmac-sha256",
  };
}
