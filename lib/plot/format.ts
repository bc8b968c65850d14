/** matplotlib's format strings ("r--", "bo", "k.-", "C2:") and their markers and line styles in plotly terms. */
import { cssColor, isColorWord, LETTER_COLORS } from "./colors";

export type LineStyle = "-" | "--" | "-." | ":" | "None";

/** What a format string asks for; unset parts fall back to the line's defaults. */
export interface LineFormat {
  color?: string;
  marker?: string;
  linestyle?: LineStyle;
}

/** matplotlib marker → plotly symbol, and the marker's size relative to `markersize` (the '.' point is half size). */
export const MARKERS: Readonly<Record<string, { symbol: string; scale: number }>> = {
  ".": { symbol: "circle", scale: 0.5 },
  ",": { symbol: "square", scale: 0.2 },
  o: { symbol: "circle", scale: 1 },
  v: { symbol: "triangle-down", scale: 1 },
  "^": { symbol: "triangle-up", scale: 1 },
  "<": { symbol: "triangle-left", scale: 1 },
  ">": { symbol: "triangle-right", scale: 1 },
  "1": { symbol: "y-down-open", scale: 1 },
  "2": { symbol: "y-up-open", scale: 1 },
  "3": { symbol: "y-left-open", scale: 1 },
  "4": { symbol: "y-right-open", scale: 1 },
  "8": { symbol: "octagon", scale: 1 },
  s: { symbol: "square", scale: 1 },
  p: { symbol: "pentagon", scale: 1 },
  P: { symbol: "cross", scale: 1 },
  "*": { symbol: "star", scale: 1.2 },
  h: { symbol: "hexagon", scale: 1 },
  H: { symbol: "hexagon2", scale: 1 },
  "+": { symbol: "cross-thin-open", scale: 1 },
  x: { symbol: "x-thin-open", scale: 1 },
  X: { symbol: "x", scale: 1 },
  D: { symbol: "diamond", scale: 1 },
  d: { symbol: "diamond-tall", scale: 1 },
  "|": { symbol: "line-ns-open", scale: 1 },
  _: { symbol: "line-ew-open", scale: 1 },
};

const TWO_CHAR_STYLES = ["--", "-."] as const;
const ONE_CHAR_STYLES = ["-", ":"] as const;

/**
 * Parses a matplotlib format string `[marker][line][color]` in any order, as `plt.plot(x, y, "ro--")` does.
 * With a marker but no line style no line is drawn ("bo" is dots only); with neither the line is solid.
 * @example parseFormat("r--") // { color: "#ff0000", linestyle: "--" }
 */
export function parseFormat(fmt: string): LineFormat {
  if (isColorWord(fmt)) return { color: cssColor(fmt), linestyle: "-" };
  const format: LineFormat = {};
  const illegal = (why: string) => new Error(`plt: illegal format string "${fmt}"; ${why}`);
  let i = 0;
  while (i < fmt.length) {
    const two = fmt.slice(i, i + 2);
    const one = fmt[i];
    const cycleColor = /^C\d+/.exec(fmt.slice(i));
    if ((TWO_CHAR_STYLES as readonly string[]).includes(two) || (ONE_CHAR_STYLES as readonly string[]).includes(one)) {
      if (format.linestyle) throw illegal("two linestyle symbols");
      format.linestyle = ((TWO_CHAR_STYLES as readonly string[]).includes(two) ? two : one) as LineStyle;
      i += format.linestyle.length;
    } else if (cycleColor) {
      if (format.color) throw illegal("two color symbols");
      format.color = cssColor(cycleColor[0]);
      i += cycleColor[0].length;
    } else if (one in MARKERS) {
      if (format.marker) throw illegal("two marker symbols");
      format.marker = one;
      i += 1;
    } else if (one in LETTER_COLORS) {
      if (format.color) throw illegal("two color symbols");
      format.color = LETTER_COLORS[one];
      i += 1;
    } else {
      throw illegal(`unrecognized character '${one}'`);
    }
  }
  format.linestyle ??= format.marker ? "None" : "-";
  return format;
}

/** matplotlib's dash patterns, in multiples of the line width (lines.dashed_pattern etc.). */
const DASH_PATTERNS: Readonly<Record<string, readonly number[]>> = {
  "--": [3.7, 1.6],
  "-.": [6.4, 1.6, 1, 1.6],
  ":": [1, 1.65],
};

/** plotly's `line.dash` for a matplotlib line style at this width in px: matplotlib's own pattern as a px list. @example plotlyDash("--", 2) // "7.4px,3.2px" */
export function plotlyDash(linestyle: LineStyle, widthPx: number): string {
  const pattern = DASH_PATTERNS[linestyle];
  return pattern ? pattern.map((n) => `${round1(n * widthPx)}px`).join(",") : "solid";
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
