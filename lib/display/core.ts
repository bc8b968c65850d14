/**
 * The one display protocol of tsdl: an object with a `[Symbol.for("Jupyter.display")]()` method
 * returning a MIME bundle (Deno's convention) shows as that bundle in a notebook; `display` sends one.
 */
import { randomUUID } from "node:crypto";
import { inspect } from "node:util";

export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as any;

/** A MIME bundle: MIME type → data, e.g. `{ "text/plain": "…", "text/html": "…" }`. */
export type MimeBundle = Record<string, unknown>;

/** Anything that knows how to show itself in a notebook. */
export interface Displayable {
  [DISPLAY](): MimeBundle | Promise<MimeBundle>;
}

export interface DisplayOptions {
  /** Names the output so that a later `update` replaces it in place; a fresh id is made when omitted. */
  displayId?: string;
  /** Replace the output shown earlier with the same `displayId` instead of adding one. */
  update?: boolean;
  metadata?: Record<string, unknown>;
}

/** Where displays go: the kernel installs one; outside a kernel the text form is printed. */
export type DisplaySink = (bundle: MimeBundle, options: DisplayOptions) => void;

/**
 * The sink lives on globalThis so that every copy of this module in a process (say tsdl's own and one a
 * notebook imports from its node_modules) sends to the kernel's sink.
 */
const SINK_KEY = Symbol.for("tsdl.display.sink");
type SinkHolder = { [SINK_KEY]?: DisplaySink };

const consoleSink: DisplaySink = (bundle) => {
  if (typeof bundle["text/plain"] === "string") console.log(bundle["text/plain"]);
};

function currentSink(): DisplaySink {
  return (globalThis as SinkHolder)[SINK_KEY] ?? consoleSink;
}

/**
 * Installs the function that receives every display (the kernel does this); `undefined` restores printing.
 * @example setDisplaySink((bundle) => sent.push(bundle))
 */
export function setDisplaySink(next: DisplaySink | undefined): void {
  (globalThis as SinkHolder)[SINK_KEY] = next;
}

/**
 * True inside a kernel (a display sink is installed), false in a plain `node` process.
 * @example if (!inNotebook()) console.log("plain text mode")
 */
export function inNotebook(): boolean {
  return (globalThis as SinkHolder)[SINK_KEY] !== undefined;
}

/**
 * True for objects that follow the display protocol.
 * @example isDisplayable(np.eye(2)) // true
 */
export function isDisplayable(value: unknown): value is Displayable {
  return value != null && (typeof value === "object" || typeof value === "function") && typeof (value as any)[DISPLAY] === "function";
}

/**
 * The MIME bundle a value shows as: its own for a Displayable, otherwise text/plain like Node's REPL
 * (`util.inspect`). The kernel uses this for a cell's last expression. An empty bundle means "show nothing"
 * (a DisplayHandle as last expression); any other bundle gets a text/plain fallback if it has none.
 * @example await toMimeBundle(42) // { "text/plain": "42" }
 */
export async function toMimeBundle(value: unknown): Promise<MimeBundle> {
  return isDisplayable(value) ? withTextFallback(await value[DISPLAY](), value) : { "text/plain": inspect(value) };
}

function withTextFallback(bundle: MimeBundle, value: unknown): MimeBundle {
  return Object.keys(bundle).length === 0 || "text/plain" in bundle ? bundle : { ...bundle, "text/plain": inspect(value) };
}

const pendingDisplays = new Set<Promise<void>>();

/**
 * Resolves when every display started so far has been sent (a Displayable may build its bundle
 * asynchronously); the kernel waits for this before it reports a cell done.
 * @example display(chart); await displaysSent();
 */
export async function displaysSent(): Promise<void> {
  while (pendingDisplays.size > 0) await Promise.all([...pendingDisplays]);
}

/**
 * One output in the notebook, to be replaced in place later (IPython's `DisplayHandle`).
 * @example
 * const status = display("starting…");
 * status.update("epoch 1 done");
 */
export class DisplayHandle {
  constructor(
    /** The `display_id` of the output. */
    readonly displayId: string,
    /** Resolves once the output has been handed to the notebook. */
    readonly sent: Promise<void>,
  ) {}

  /**
   * Replaces the output with `value` (an `update_display_data` message).
   * @example handle.update(html`<b>done</b>`)
   */
  update(value: unknown, options: Omit<DisplayOptions, "displayId" | "update"> = {}): DisplayHandle {
    return display(value, { ...options, displayId: this.displayId, update: true });
  }

  /** Nothing: `display(x)` as a cell's last line must not print the handle as a result. */
  [DISPLAY](): MimeBundle {
    return {};
  }
}

/**
 * Shows `value` as a notebook output (IPython's `display`) and returns a handle to update it in place.
 * Displayable objects use their own bundle; anything else shows as `util.inspect` text.
 * @example
 * display(np.eye(2));
 * const h = display(md`**training…**`); h.update(md`**done**`);
 */
export function display(value: unknown, options: DisplayOptions = {}): DisplayHandle {
  const displayId = options.displayId ?? randomUUID();
  const sink = currentSink();
  const send = (bundle: MimeBundle) => sink(bundle, { ...options, displayId });
  if (!isDisplayable(value)) {
    send({ "text/plain": inspect(value) });
    return new DisplayHandle(displayId, Promise.resolve());
  }
  const bundle = value[DISPLAY]();
  if (!(bundle instanceof Promise)) {
    send(withTextFallback(bundle, value));
    return new DisplayHandle(displayId, Promise.resolve());
  }
  const sent = toMimeBundle(value).then(send);
  const tracked = sent.catch((error) => console.error("display failed:", error)).finally(() => pendingDisplays.delete(tracked));
  pendingDisplays.add(tracked);
  return new DisplayHandle(displayId, sent);
}
