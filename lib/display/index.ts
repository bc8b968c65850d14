/**
 * The one display protocol of tsdl: an object with a `[Symbol.for("Jupyter.display")]()` method
 * returning a MIME bundle (Deno's convention) shows as that bundle in a notebook.
 */
export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as any;

/** A MIME bundle: MIME type → data, e.g. `{ "text/plain": "…", "text/html": "…" }`. */
export type MimeBundle = Record<string, unknown>;

/** Anything that knows how to show itself in a notebook. */
export interface Displayable {
  [DISPLAY](): MimeBundle | Promise<MimeBundle>;
}

export interface DisplayOptions {
  /** Names the output so that a later `update` replaces it in place. */
  displayId?: string;
  /** Replace the output shown earlier with the same `displayId` instead of adding one. */
  update?: boolean;
  metadata?: Record<string, unknown>;
}

/** Where displays go: the kernel installs one; outside a kernel the text form is printed. */
export type DisplaySink = (bundle: MimeBundle, options: DisplayOptions) => void;

const consoleSink: DisplaySink = (bundle) => {
  if (typeof bundle["text/plain"] === "string") console.log(bundle["text/plain"]);
};
let sink: DisplaySink = consoleSink;

/** Installs the function that receives every display (the kernel does this); `undefined` restores printing. */
export function setDisplaySink(next: DisplaySink | undefined): void {
  sink = next ?? consoleSink;
}

export function isDisplayable(value: unknown): value is Displayable {
  return value != null && (typeof value === "object" || typeof value === "function") && typeof (value as any)[DISPLAY] === "function";
}

/**
 * Shows `value` as a notebook output (IPython's `display`). Displayable objects use their own bundle;
 * anything else shows as text.
 * @example display(np.eye(2))
 */
export async function display(value: unknown, options: DisplayOptions = {}): Promise<void> {
  const bundle: MimeBundle = isDisplayable(value) ? await value[DISPLAY]() : { "text/plain": String(value) };
  sink(bundle, options);
}
