/**
 * The Jupyter wire format (messaging protocol 5.3) in one place: framing, HMAC signing and verification.
 * Every socket of the kernel, the control thread and our test client encode and decode through `Session`.
 * https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { userInfo } from "node:os";

export const PROTOCOL_VERSION = "5.3";
const DELIMITER = Buffer.from("<IDS|MSG>");

export interface Header {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

/** One decoded Jupyter message. `identities` are the ZeroMQ routing frames before the delimiter. */
export interface Message<Content = any> {
  identities: Buffer[];
  header: Header;
  /** The header of the request this message answers, or `{}`. */
  parent_header: Header | Record<string, never>;
  metadata: Record<string, unknown>;
  content: Content;
  buffers: Buffer[];
}

/** Why an incoming message was refused: it is dropped, never answered. */
export class WireError extends Error {
  override name = "WireError";
}

/** What a message being sent needs beyond its type and content. */
export interface OutgoingOptions {
  /** The request being answered: its header becomes `parent_header`, its identities route the reply. */
  parent?: Message;
  /** Routing frames; defaults to the parent's identities (replies) and is a topic on iopub. */
  identities?: Buffer[];
  metadata?: Record<string, unknown>;
  buffers?: Buffer[];
  /** A msg_id chosen by the caller (to match the answer to an input_request); random by default. */
  msgId?: string;
}

/** Signature schemes the connection file may name (`hmac-sha256` is the only one Jupyter writes today). */
const SCHEMES: Record<string, string> = { "hmac-sha256": "sha256", "hmac-sha1": "sha1", "hmac-md5": "md5" };

/** How many signatures to remember to refuse a replayed message (ipykernel keeps the same number). */
const DIGEST_HISTORY_SIZE = 1 << 16;

/**
 * Signs, verifies, frames and parses messages for one connection (the `key` and `signature_scheme`
 * of a connection file), like jupyter_client's `Session`.
 * @example
 * const session = new Session("secret");
 * const frames = session.encode("kernel_info_request", {});
 * session.decode(frames).header.msg_type; // "kernel_info_request"
 */
export class Session {
  /** Identifies the sender in every header it writes. */
  readonly id = randomUUID();
  private readonly key: Buffer;
  private readonly algorithm: string;
  private readonly username: string;
  private readonly seenDigests = new Set<string>();

  constructor(key: string, signatureScheme = "hmac-sha256") {
    const algorithm = SCHEMES[signatureScheme];
    if (!algorithm) throw new Error(`unsupported signature_scheme ${JSON.stringify(signatureScheme)}`);
    this.key = Buffer.from(key, "utf8");
    this.algorithm = algorithm;
    this.username = safeUsername();
  }

  /** The hex HMAC of the four signed frames, or "" when the connection has no key (signing disabled). */
  sign(parts: Buffer[]): string {
    if (this.key.length === 0) return "";
    const hmac = createHmac(this.algorithm, this.key);
    for (const part of parts) hmac.update(part);
    return hmac.digest("hex");
  }

  /**
   * Parses and verifies raw frames. Throws `WireError` for a missing delimiter, a bad or replayed
   * signature, or frames that are not the JSON objects the protocol requires.
   */
  decode(frames: Buffer[]): Message {
    const delimiterAt = frames.findIndex((frame) => frame.equals(DELIMITER));
    if (delimiterAt < 0) throw new WireError("no <IDS|MSG> delimiter");
    if (frames.length < delimiterAt + 6) throw new WireError("fewer than the four message frames");
    const signature = frames[delimiterAt + 1].toString("ascii");
    const signed = frames.slice(delimiterAt + 2, delimiterAt + 6);
    this.verify(signature, signed);
    const [header, parent_header, metadata, content] = signed.map(parseObject);
    if (typeof header.msg_type !== "string" || typeof header.msg_id !== "string") {
      throw new WireError("header without msg_type/msg_id");
    }
    return {
      identities: frames.slice(0, delimiterAt),
      header: header as Header,
      parent_header: parent_header as Header,
      metadata,
      content,
      buffers: frames.slice(delimiterAt + 6),
    };
  }

  /** Builds the frames of a new message of type `msgType`, signed with this session's key. */
  encode(msgType: string, content: unknown, options: OutgoingOptions = {}): Buffer[] {
    const header: Header = {
      msg_id: options.msgId ?? randomUUID(),
      msg_type: msgType,
      session: this.id,
      username: this.username,
      date: new Date().toISOString(),
      version: PROTOCOL_VERSION,
    };
    const signed = [header, options.parent?.header ?? {}, options.metadata ?? {}, content].map((part) =>
      Buffer.from(JSON.stringify(part), "utf8"),
    );
    const identities = options.identities ?? options.parent?.identities ?? [];
    return [...identities, DELIMITER, Buffer.from(this.sign(signed), "ascii"), ...signed, ...(options.buffers ?? [])];
  }

  private verify(signature: string, signed: Buffer[]): void {
    if (this.key.length === 0) return;
    const expected = Buffer.from(this.sign(signed), "ascii");
    const given = Buffer.from(signature, "ascii");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WireError("bad signature");
    if (this.seenDigests.has(signature)) throw new WireError("replayed signature");
    if (this.seenDigests.size >= DIGEST_HISTORY_SIZE) this.seenDigests.clear();
    this.seenDigests.add(signature);
  }
}

function parseObject(frame: Buffer): Record<string, any> {
  let value: unknown;
  try {
    value = JSON.parse(frame.toString("utf8"));
  } catch {
    throw new WireError("a message frame is not JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new WireError("a message frame is not a JSON object");
  return value as Record<string, any>;
}

function safeUsername(): string {
  try {
    return userInfo().username;
  } catch {
    return "tsdl";
  }
}
