/**
 * ZeroMQ sockets (zeromq.js 6) accept one pending send at a time: a second `send` while the first waits for
 * the socket to become writable fails with EBUSY. Every socket of the kernel sends through a SendQueue,
 * which keeps messages in order and never overlaps two sends.
 */
type Frames = (Buffer | Uint8Array)[];

export class SendQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: { send(frames: Frames): Promise<void> },
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Queues `frames` behind earlier sends; errors go to `onError` (a send failure must not stop the kernel).
   * @example new SendQueue(publisher, console.error).send(session.encode("status", { execution_state: "idle" }))
   */
  send(frames: Frames): void {
    this.tail = this.tail.then(() => this.socket.send(frames)).catch(this.onError);
  }

  /**
   * Resolves once every message queued so far has been handed to ZeroMQ.
   * @example queue.send(reply); await queue.drained();
   */
  drained(): Promise<void> {
    return this.tail;
  }
}
