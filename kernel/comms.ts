/**
 * Comms: bidirectional channels between kernel-side code and frontend widgets (comm_open/comm_msg/comm_close),
 * with a registry of targets that frontends can open, as in ipykernel's CommManager.
 */
import { randomUUID } from "node:crypto";
import type { Message } from "./wire";

type Data = Record<string, unknown>;
/** Sends a comm message on IOPub. */
export type CommPublisher = (msgType: "comm_open" | "comm_msg" | "comm_close", content: Data, buffers?: Buffer[]) => void;

/** What a handler receives for each incoming comm message. */
export interface CommMessage {
  data: Data;
  metadata: Record<string, unknown>;
  buffers: Buffer[];
}

/**
 * One open comm. Kernel code sends with `send` and listens with `onMessage`.
 * @example comm.onMessage(({ data }) => comm.send({ echo: data }))
 */
export class Comm {
  private messageHandlers: ((message: CommMessage) => void)[] = [];
  private closeHandlers: ((message: CommMessage) => void)[] = [];
  closed = false;

  constructor(
    readonly id: string,
    readonly targetName: string,
    private readonly publish: CommPublisher,
    private readonly forget: (id: string) => void,
  ) {}

  /**
   * Sends `data` to the frontend side of the comm.
   * @example comm.send({ value: 3 })
   */
  send(data: Data = {}, buffers?: Buffer[]): void {
    if (this.closed) throw new Error(`comm ${this.id} is closed`);
    this.publish("comm_msg", { comm_id: this.id, data }, buffers);
  }

  /**
   * Closes the comm on both sides.
   * @example comm.close()
   */
  close(data: Data = {}): void {
    if (this.closed) return;
    this.publish("comm_close", { comm_id: this.id, data });
    this.closed = true;
    this.forget(this.id);
  }

  /**
   * Calls `handler` for each message the frontend sends on this comm.
   * @example comm.onMessage(({ data }) => console.log(data))
   */
  onMessage(handler: (message: CommMessage) => void): void {
    this.messageHandlers.push(handler);
  }

  /**
   * Calls `handler` when the frontend closes the comm.
   * @example comm.onClose(() => console.log("widget gone"))
   */
  onClose(handler: (message: CommMessage) => void): void {
    this.closeHandlers.push(handler);
  }

  /** Delivers a frontend message (the manager calls this). */
  receive(kind: "msg" | "close", message: CommMessage): void {
    if (kind === "close") {
      this.closed = true;
      this.forget(this.id);
    }
    for (const handler of kind === "msg" ? this.messageHandlers : this.closeHandlers) handler(message);
  }
}

/** Called when a frontend opens a comm to a registered target. */
export type CommTargetHandler = (comm: Comm, open: CommMessage) => void;

/** The part of the manager notebooks use (the `comms` global). */
export interface CommRegistry {
  /**
   * Lets frontends open comms to `targetName`.
   * @example comms.registerTarget("echo", (comm) => comm.onMessage(({ data }) => comm.send(data)))
   */
  registerTarget(targetName: string, handler: CommTargetHandler): void;
  /** @example comms.unregisterTarget("echo") */
  unregisterTarget(targetName: string): void;
  /**
   * Opens a comm from the kernel to a frontend target.
   * @example const comm = comms.open("jupyter.widget", { state: {} })
   */
  open(targetName: string, data?: Data): Comm;
}

/**
 * Every open comm and registered target of the kernel; handles the frontend's comm messages.
 * @example const manager = new CommManager(publish); manager.registerTarget("t", handler)
 */
export class CommManager implements CommRegistry {
  private readonly targets = new Map<string, CommTargetHandler>();
  private readonly comms = new Map<string, Comm>();

  constructor(private readonly publish: CommPublisher) {}

  registerTarget(targetName: string, handler: CommTargetHandler): void {
    this.targets.set(targetName, handler);
  }

  unregisterTarget(targetName: string): void {
    this.targets.delete(targetName);
  }

  open(targetName: string, data: Data = {}): Comm {
    const comm = this.create(randomUUID(), targetName);
    this.publish("comm_open", { comm_id: comm.id, target_name: targetName, data });
    return comm;
  }

  /** comm_info_reply's `comms`: the open comms, of one target if asked. */
  info(targetName?: string): Record<string, { target_name: string }> {
    const out: Record<string, { target_name: string }> = {};
    for (const comm of this.comms.values()) {
      if (targetName === undefined || comm.targetName === targetName) out[comm.id] = { target_name: comm.targetName };
    }
    return out;
  }

  /** A frontend's comm_open: unknown targets are closed right away, as ipykernel does. */
  handleOpen(message: Message): void {
    const { comm_id, target_name, data = {} } = message.content;
    const handler = this.targets.get(target_name);
    if (!handler) {
      this.publish("comm_close", { comm_id, data: {} });
      throw new Error(`no comm target named ${JSON.stringify(target_name)}`);
    }
    handler(this.create(comm_id, target_name), toCommMessage(message, data));
  }

  handleMessage(message: Message, kind: "msg" | "close"): void {
    const comm = this.comms.get(message.content.comm_id);
    if (!comm) throw new Error(`no open comm with id ${JSON.stringify(message.content.comm_id)}`);
    comm.receive(kind, toCommMessage(message, message.content.data ?? {}));
  }

  private create(id: string, targetName: string): Comm {
    const comm = new Comm(id, targetName, this.publish, (gone) => this.comms.delete(gone));
    this.comms.set(id, comm);
    return comm;
  }
}

function toCommMessage(message: Message, data: Data): CommMessage {
  return { data, metadata: message.metadata, buffers: message.buffers };
}
