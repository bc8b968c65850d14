/** Rich outputs in the style of IPython.display: HTML, Markdown, LaTeX, SVG and images. */
import { DISPLAY, Displayable, MimeBundle } from "./core";
import { encodePng } from "./png";

/**
 * A fixed MIME bundle that displays as itself; what `html`, `md`, `latex`, `svg` and `image` return.
 * @example display(new RichOutput({ "text/plain": "hi", "text/html": "<i>hi</i>" }))
 */
export class RichOutput implements Displayable {
  constructor(readonly bundle: MimeBundle) {}

  [DISPLAY](): MimeBundle {
    return this.bundle;
  }

  /** The text form, so that string concatenation and `console.log` show something readable. */
  toString(): string {
    return String(this.bundle["text/plain"]);
  }
}

type TemplateInput = TemplateStringsArray | string;

/** Joins a tagged template's parts with its values (plain `String()`, no escaping), or passes a string through. */
function templateText(input: TemplateInput, values: unknown[]): string {
  if (typeof input === "string") return input;
  return input.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ""), "");
}

/**
 * HTML to show as is, as a tagged template or from a string.
 * @example html`<b>loss</b> ${loss.toFixed(3)}`
 */
export function html(markup: TemplateInput, ...values: unknown[]): RichOutput {
  const text = templateText(markup, values);
  return new RichOutput({ "text/html": text, "text/plain": text });
}

/**
 * Markdown, rendered by the notebook.
 * @example md`# Results\n*accuracy*: ${acc}`
 */
export function md(markdown: TemplateInput, ...values: unknown[]): RichOutput {
  const text = templateText(markdown, values);
  return new RichOutput({ "text/markdown": text, "text/plain": text });
}

/**
 * LaTeX math, rendered by MathJax/KaTeX in the notebook; a formula without `$` delimiters is put in `$$ … $$`.
 * @example latex`\frac{\partial L}{\partial w}`
 */
export function latex(source: TemplateInput, ...values: unknown[]): RichOutput {
  const text = templateText(source, values);
  const delimited = /^\s*(\$|\\\[|\\begin)/.test(text) ? text : `$$${text}$$`;
  return new RichOutput({ "text/latex": delimited, "text/plain": text });
}

/**
 * An SVG image from its markup.
 * @example svg`<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="8"/></svg>`
 */
export function svg(markup: TemplateInput, ...values: unknown[]): RichOutput {
  const text = templateText(markup, values);
  if (!/<svg[\s>]/.test(text)) throw new TypeError("svg() needs markup with an <svg> element");
  return new RichOutput({ "image/svg+xml": text, "text/plain": "<svg image>" });
}

/**
 * The parts of an NDArray that `image` reads (structurally, so lib/display does not depend on lib/np).
 * Elements are `data[offset + Σ index[d] * strides[d]]`.
 */
export interface PixelArray {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly data: ArrayLike<number | bigint>;
  readonly dtype: string;
}

/** Encoded image bytes (PNG, JPEG or GIF) or a pixel array: HxW gray, HxWx3 RGB or HxWx4 RGBA. */
export type ImageSource = Uint8Array | PixelArray;

const MAGIC: [string, number[]][] = [
  ["image/png", [0x89, 0x50, 0x4e, 0x47]],
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["image/gif", [0x47, 0x49, 0x46, 0x38]],
];

/**
 * An image from encoded bytes or from an array of pixels, shown as PNG. Float arrays are taken to be
 * in [0, 1] (as matplotlib's imshow does), integer arrays in [0, 255]; values outside are clipped.
 * @example image(np.random.rand([28, 28]))           // grayscale
 * @example image(fs.readFileSync("cat.png"))        // a file's bytes
 */
export function image(source: ImageSource): RichOutput {
  if (source instanceof Uint8Array) {
    const mime = MAGIC.find(([, magic]) => magic.every((byte, i) => source[i] === byte))?.[0];
    if (!mime) throw new TypeError("image(): the bytes are not a PNG, JPEG or GIF file");
    return new RichOutput({ [mime]: Buffer.from(source).toString("base64"), "text/plain": `<${mime} image, ${source.length} bytes>` });
  }
  const { pixels, width, height, channels } = toPixels(source);
  const png = encodePng(pixels, width, height, channels);
  return new RichOutput({ "image/png": png.toString("base64"), "text/plain": `<image ${width}×${height}${channels === 1 ? " gray" : ""}>` });
}

function toPixels(array: PixelArray): { pixels: Uint8Array; width: number; height: number; channels: 1 | 3 | 4 } {
  const [height, width, depth = 1] = array.shape;
  const channels = depth as 1 | 3 | 4;
  if (array.shape.length < 2 || array.shape.length > 3 || ![1, 3, 4].includes(depth)) {
    throw new TypeError(`image() needs an HxW, HxWx3 or HxWx4 array, got shape [${array.shape.join(", ")}]`);
  }
  const scale = array.dtype.startsWith("float") ? 255 : array.dtype === "bool" ? 255 : 1;
  const [rowStride, colStride, channelStride = 0] = array.strides;
  const pixels = new Uint8Array(width * height * channels);
  let out = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        const value = Number(array.data[array.offset + y * rowStride + x * colStride + c * channelStride]) * scale;
        // Uint8Array stores NaN as 0 and wraps out-of-range values, so clip and round first.
        pixels[out++] = Math.min(255, Math.max(0, Math.round(value)));
      }
    }
  }
  return { pixels, width, height, channels };
}
