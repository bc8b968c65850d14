/** matplotlib's colour vocabulary (format-string letters, "C0".."C9", "tab:" names) and its colormaps. */

export type RGB = readonly [number, number, number];

/** matplotlib's default property cycle ("tab10"), the colours "C0".."C9". */
export const COLOR_CYCLE: readonly string[] = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
  "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
];

/** The single-letter colours of format strings, with matplotlib's values (green is #008000, not #00ff00). */
export const LETTER_COLORS: Readonly<Record<string, string>> = {
  b: "#0000ff", g: "#008000", r: "#ff0000", c: "#00bfbf", m: "#bf00bf", y: "#bfbf00", k: "#000000", w: "#ffffff",
};

const TAB_NAMES = ["blue", "orange", "green", "red", "purple", "brown", "pink", "gray", "olive", "cyan"];

/** A colour as matplotlib accepts it: a letter, "C3", "tab:red", a CSS name or hex string, a grey level "0.5", or RGB in [0, 1]. */
export type ColorSpec = string | RGB;

/** Resolves a matplotlib colour (matplotlib's `to_hex`) to a CSS colour plotly and SVG understand. @example cssColor("C1") // "#ff7f0e" */
export function cssColor(color: ColorSpec): string {
  if (typeof color !== "string") return rgbToHex(color.map((c) => c * 255) as unknown as RGB);
  const spec = color.trim();
  if (spec in LETTER_COLORS) return LETTER_COLORS[spec];
  const cycle = /^C(\d+)$/.exec(spec);
  if (cycle) return COLOR_CYCLE[Number(cycle[1]) % COLOR_CYCLE.length];
  if (spec.startsWith("tab:")) {
    const index = TAB_NAMES.indexOf(spec.slice(4));
    if (index >= 0) return COLOR_CYCLE[index];
  }
  // A number string is a grey level, as in matplotlib's color="0.75".
  if (/^(0(\.\d*)?|1(\.0*)?|\.\d+)$/.test(spec)) return rgbToHex([Number(spec) * 255, Number(spec) * 255, Number(spec) * 255]);
  return spec;
}

/** True when the string means a colour by itself (so a format string like "red" is a colour, not markers). @example isColorWord("red") // true */
export function isColorWord(spec: string): boolean {
  return spec in LETTER_COLORS || /^C\d+$/.test(spec) || spec.startsWith("tab:") || spec.startsWith("#") || CSS_NAMES.has(spec.toLowerCase());
}

// Enough of the CSS names to recognise whole-word colours in format strings; anything else still passes through cssColor.
const CSS_NAMES = new Set([
  "black", "white", "red", "green", "blue", "yellow", "cyan", "magenta", "orange", "purple", "brown", "pink", "gray", "grey",
  "olive", "navy", "teal", "maroon", "lime", "aqua", "fuchsia", "silver", "gold", "darkblue", "darkgreen", "darkred",
  "darkorange", "lightblue", "lightgreen", "lightgray", "lightgrey", "darkgray", "darkgrey", "crimson", "indigo", "violet",
  "salmon", "tomato", "coral", "turquoise", "steelblue", "skyblue", "royalblue", "forestgreen", "seagreen", "chocolate",
]);

/** 0–255 RGB → "#rrggbb". @example rgbToHex([255, 0, 0]) // "#ff0000" */
export function rgbToHex(rgb: RGB): string {
  return "#" + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("");
}

/** "#rrggbb" → 0–255 RGB. @example hexToRgb("#ff0000") // [255, 0, 0] */
export function hexToRgb(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A colormap: maps [0, 1] to colours by linear interpolation between evenly spaced or positioned stops.
 * @example plt.cm.viridis.hex(0.5)   // matplotlib: plt.cm.viridis(0.5)
 */
export class Colormap {
  private readonly positions: readonly number[];
  private readonly colors: readonly RGB[];

  /** `stops` are hex colours, evenly spaced over [0, 1], or `[position, hex]` pairs. */
  constructor(readonly name: string, stops: readonly (string | readonly [number, string])[]) {
    this.positions = stops.map((stop, i) => (typeof stop === "string" ? i / (stops.length - 1) : stop[0]));
    this.colors = stops.map((stop) => hexToRgb(typeof stop === "string" ? stop : stop[1]));
  }

  /** The colour at `t` in [0, 1] (clamped) as 0–255 RGB. @example plt.cm.gray.rgb(0.5) // [127.5, 127.5, 127.5] */
  rgb(t: number): RGB {
    const x = Math.min(1, Math.max(0, t));
    let i = 1;
    while (i < this.positions.length - 1 && this.positions[i] < x) i++;
    const [p0, p1] = [this.positions[i - 1], this.positions[i]];
    const f = p1 > p0 ? (x - p0) / (p1 - p0) : 0;
    const [a, b] = [this.colors[i - 1], this.colors[i]];
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
  }

  /** The colour at `t` in [0, 1] as a hex string. @example plt.cm.viridis.hex(0) // "#440154" */
  hex(t: number): string {
    return rgbToHex(this.rgb(t));
  }

  /** The same colours backwards (matplotlib's `cmap.reversed()`, the "_r" names). @example plt.cm.Spectral.reversed().name // "Spectral_r" */
  reversed(): Colormap {
    const stops = this.positions.map((p, i) => [1 - p, rgbToHex(this.colors[i])] as const).reverse();
    return new Colormap(this.name.endsWith("_r") ? this.name.slice(0, -2) : `${this.name}_r`, stops);
  }

  /** plotly's `colorscale` for this map. @example plt.cm.gray.colorscale() // [[0, "#000000"], [1, "#ffffff"]] */
  colorscale(): [number, string][] {
    return this.positions.map((p, i) => [p, rgbToHex(this.colors[i])]);
  }
}

const COLORMAP_STOPS: Record<string, readonly (string | readonly [number, string])[]> = {
  viridis: ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"],
  plasma: ["#0d0887", "#46039f", "#7201a8", "#9c179e", "#bd3786", "#d8576b", "#ed7953", "#fb9f3a", "#fdca26", "#f0f921"],
  inferno: ["#000004", "#1b0c41", "#4a0c6b", "#781c6d", "#a52c60", "#cf4446", "#ed6925", "#fb9b06", "#f7d13d", "#fcffa4"],
  magma: ["#000004", "#180f3d", "#440f76", "#721f81", "#9e2f7f", "#cd4071", "#f1605d", "#fd9668", "#feca8d", "#fcfdbf"],
  cividis: ["#00224e", "#123570", "#3b496c", "#575d6d", "#707173", "#8a8678", "#a59c74", "#c3b369", "#e1cc55", "#fee838"],
  Spectral: ["#9e0142", "#d53e4f", "#f46d43", "#fdae61", "#fee08b", "#ffffbf", "#e6f598", "#abdda4", "#66c2a5", "#3288bd", "#5e4fa2"],
  RdBu: ["#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"],
  RdYlBu: ["#a50026", "#d73027", "#f46d43", "#fdae61", "#fee090", "#ffffbf", "#e0f3f8", "#abd9e9", "#74add1", "#4575b4", "#313695"],
  coolwarm: ["#3b4cc0", "#6f92f3", "#aac7fd", "#dddddd", "#f7b89c", "#e7745b", "#b40426"],
  Blues: ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"],
  Reds: ["#fff5f0", "#fee0d2", "#fcbba1", "#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d", "#a50f15", "#67000d"],
  Greens: ["#f7fcf5", "#e5f5e0", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#006d2c", "#00441b"],
  Greys: ["#ffffff", "#f0f0f0", "#d9d9d9", "#bdbdbd", "#969696", "#737373", "#525252", "#252525", "#000000"],
  gray: ["#000000", "#ffffff"],
  binary: ["#ffffff", "#000000"],
  hot: [[0, "#0a0000"], [0.365, "#ff0000"], [0.746, "#ffff00"], [1, "#ffffff"]],
  jet: [[0, "#000080"], [0.11, "#0000ff"], [0.125, "#0000ff"], [0.34, "#00ffff"], [0.35, "#00ffff"], [0.65, "#ffff00"], [0.66, "#ffff00"], [0.89, "#ff0000"], [0.91, "#ff0000"], [1, "#800000"]],
  bwr: ["#0000ff", "#ffffff", "#ff0000"],
  seismic: [[0, "#00004c"], [0.25, "#0000ff"], [0.5, "#ffffff"], [0.75, "#ff0000"], [1, "#800000"]],
};

/**
 * The colormaps by matplotlib name, reversed ones with "_r" (`plt.cm.Spectral`, `plt.cm.viridis_r`).
 * @example plt.scatter(X0, X1, { c: Y, cmap: plt.cm.Spectral })   // matplotlib: cmap=plt.cm.Spectral
 */
export const cm: Readonly<Record<string, Colormap>> = Object.freeze(
  Object.fromEntries(
    Object.entries(COLORMAP_STOPS).flatMap(([name, stops]) => {
      const map = new Colormap(name, stops);
      return [[name, map], [`${name}_r`, map.reversed()]];
    }),
  ),
);

/** A colormap given by name or object; matplotlib's default is viridis (`matplotlib.colormaps[name]`). @example getColormap("RdBu") */
export function getColormap(cmap: string | Colormap | undefined): Colormap {
  if (cmap === undefined) return cm.viridis;
  if (cmap instanceof Colormap) return cmap;
  const found = cm[cmap];
  if (!found) throw new Error(`plt: '${cmap}' is not a known colormap name; known: ${Object.keys(cm).filter((n) => !n.endsWith("_r")).join(", ")}`);
  return found;
}
