/**
 * matplotlib's default look (rcParams) in pixels, shared by the plotly layout and the static SVG so both draw
 * the same chart. Figures are drawn at 100 dpi like matplotlib's default `figure.dpi`.
 */

export const DPI = 100;

/** Points (matplotlib's unit for line widths, font and marker sizes) to pixels at DPI. @example pt(72) // 100 */
export function pt(points: number): number {
  return Math.round(points * (DPI / 72) * 100) / 100;
}

export const FONT_FAMILY = "DejaVu Sans, Bitstream Vera Sans, Verdana, Arial, sans-serif";

export const STYLE = {
  figsize: [6.4, 4.8] as const,
  /** figure.subplot.* : where the grid of axes sits in the figure, as fractions. */
  subplot: { left: 0.125, right: 0.9, bottom: 0.11, top: 0.88, wspace: 0.2, hspace: 0.2 },
  /** font.size in points; fontSize is the same in pixels. */
  fontSizePt: 10,
  fontSize: pt(10),
  titleSize: pt(12),
  titlePad: pt(6),
  labelPad: pt(4),
  tickLength: pt(3.5),
  minorTickLength: pt(2),
  tickWidth: pt(0.8),
  tickPad: pt(3.5),
  spineWidth: pt(0.8),
  gridColor: "#b0b0b0",
  gridWidth: pt(0.8),
  lineWidth: 1.5,
  markerSize: 6,
  /** fig.colorbar's defaults: the bar takes `fraction` of the axes' width plus `pad`, and is 1/`aspect` as wide as tall. */
  colorbar: { fraction: 0.15, pad: 0.05, aspect: 20 },
  legend: {
    /** In font sizes, as matplotlib's legend.* rcParams. */
    borderPad: 0.4,
    labelSpacing: 0.5,
    handleLength: 2.0,
    handleTextPad: 0.8,
    borderAxesPad: 0.5,
    frameColor: "#cccccc",
    frameAlpha: 0.8,
  },
};

/** How far DejaVu Sans reaches below the baseline, in font sizes: places text by its baseline from a box's bottom. */
export const TEXT_DESCENT = 0.22;

/**
 * Estimated width of a text line in DejaVu Sans (no font metrics in Node): 0.6 em per character on average,
 * a little less for digits and narrow punctuation; superscript markup "^{…}" counts at 70 %.
 * @example textWidth("cost", 13.9)
 */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  let scale = 1;
  for (const ch of text) {
    if (ch === "^") continue;
    if (ch === "{") { scale = 0.7; continue; }
    if (ch === "}") { scale = 1; continue; }
    width += scale * (/[.,:;il|!' ]/.test(ch) ? 0.32 : /[0-9]/.test(ch) ? 0.64 : /[A-Z]/.test(ch) ? 0.7 : 0.6);
  }
  return width * fontSize;
}

/** Legend box size for these labels (matplotlib's layout: frame padding, a handle line, the text). @example legendSize(["train", "test"], 13.9).height */
export function legendSize(labels: readonly string[], fontSize: number): { width: number; height: number } {
  const { borderPad, labelSpacing, handleLength, handleTextPad } = STYLE.legend;
  const textColumn = Math.max(0, ...labels.map((label) => textWidth(label, fontSize)));
  return {
    width: (2 * borderPad + handleLength + handleTextPad) * fontSize + textColumn,
    height: (2 * borderPad + labels.length + (labels.length - 1) * labelSpacing) * fontSize,
  };
}
