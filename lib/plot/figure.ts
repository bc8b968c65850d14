/**
 * Figures and axes: what the pyplot functions draw into. A figure turns into one plotly.js figure
 * ({data, layout, config}) laid out like matplotlib (same axes boxes, view limits, legend placement), and that
 * plotly figure is also what the static SVG is drawn from, so the interactive and the static chart agree.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { array, type NDArray } from "../np";
import { DISPLAY, type Displayable, type MimeBundle } from "../display";
import { COLOR_CYCLE, cssColor, getColormap, type Colormap, type ColorSpec } from "./colors";
import { finiteExtent, jsonNumbers, toColumns, toGrid, toVector, type Grid, type PlotData } from "./data";
import { MARKERS, parseFormat, plotlyDash, type LineStyle } from "./format";
import { pngDataUri } from "./png";
import { FONT_FAMILY, legendSize, pt, STYLE, TEXT_DESCENT } from "./style";
import { renderSvg } from "./svg";
import { autoBinCount, autoLimits, axisTicks, formatLinearTicks, formatTicks, LEVEL_STEPS, locatorTicks, maxNLocator, type Scale } from "./ticks";

/** A plotly.js trace. */
export type Trace = { type: string; [key: string]: unknown };

/** A plotly.js figure as the `application/vnd.plotly.v1+json` MIME type carries it. */
export interface PlotlyFigure {
  data: Trace[];
  layout: Record<string, any>;
  config: Record<string, unknown>;
}

export type LegendLocation =
  | "best" | "upper right" | "upper left" | "lower left" | "lower right" | "right"
  | "center left" | "center right" | "lower center" | "upper center" | "center";

export interface LineOptions {
  /** Legend entry. */
  label?: string;
  color?: ColorSpec;
  /** In points, like matplotlib (default 1.5). */
  linewidth?: number;
  linestyle?: LineStyle;
  marker?: string;
  /** In points (default 6). */
  markersize?: number;
  alpha?: number;
  /** "steps-pre" (alias "steps"), "steps-mid" or "steps-post" join the points by steps, as `step` does. */
  drawstyle?: "default" | "steps" | "steps-pre" | "steps-mid" | "steps-post";
}

export interface StepOptions extends LineOptions {
  /** Where each step sits: "pre" (default) holds y[i] over (x[i-1], x[i]], "post" over [x[i], x[i+1]), "mid" around x[i]. */
  where?: "pre" | "mid" | "post";
}

export interface ErrorbarOptions extends LineOptions {
  /** Error in y: one for all points, one per point (±), or [below, above] per point. */
  yerr?: number | PlotData;
  /** Error in x, as yerr. */
  xerr?: number | PlotData;
  /** A format string for the data line and markers, or "none" to draw only the error bars. */
  fmt?: string;
  /** Length of the error bar caps in points on each side (default 0: no caps, matplotlib's errorbar.capsize). */
  capsize?: number;
  /** Colour of the error bars (default the line's). */
  ecolor?: ColorSpec;
  /** Width of the error bars in points (default the line's). */
  elinewidth?: number;
}

export interface ScatterOptions {
  /** One colour for all points, or one number per point mapped through `cmap` (e.g. the class labels). */
  c?: ColorSpec | PlotData;
  cmap?: string | Colormap;
  /** Marker area in points² (default 36), one for all points or one per point. */
  s?: number | PlotData;
  marker?: string;
  vmin?: number;
  vmax?: number;
  alpha?: number;
  label?: string;
  edgecolors?: ColorSpec;
  linewidths?: number;
}

export interface ContourOptions {
  /** Number of bands (chosen by MaxNLocator like matplotlib, default 7) or the level boundaries. */
  levels?: number | readonly number[];
  cmap?: string | Colormap;
  alpha?: number;
}

export interface ImageOptions {
  /** For 2-D arrays: the colormap (matplotlib's default is viridis; pass "gray" for grey images). */
  cmap?: string | Colormap;
  vmin?: number;
  vmax?: number;
}

export interface HistOptions {
  /** Number of equal-width bins (default 10) or the bin edges. */
  bins?: number | readonly number[];
  range?: readonly [number, number];
  density?: boolean;
  color?: ColorSpec;
  alpha?: number;
  label?: string;
}

export interface BarOptions {
  width?: number;
  bottom?: number;
  color?: ColorSpec;
  alpha?: number;
  label?: string;
  align?: "center" | "edge";
}

export interface ReferenceLineOptions {
  /** Default "C0" (matplotlib's `lines.color`): reference lines do not take the next colour of the cycle. */
  color?: ColorSpec;
  linestyle?: LineStyle;
  /** In points (default 1.5). */
  linewidth?: number;
  label?: string;
  alpha?: number;
}

export interface AxhlineOptions extends ReferenceLineOptions {
  /** Where the line starts and ends, as fractions of the axes' width (default 0 and 1). */
  xmin?: number;
  xmax?: number;
}

export interface AxvlineOptions extends ReferenceLineOptions {
  /** Where the line starts and ends, as fractions of the axes' height (default 0 and 1). */
  ymin?: number;
  ymax?: number;
}

export interface FillBetweenOptions {
  color?: ColorSpec;
  alpha?: number;
  label?: string;
  /** Fill only where this is true: one flag per point; each run of true points is its own polygon. */
  where?: readonly boolean[] | PlotData;
}

export interface TextOptions {
  /** In points (default 10). */
  fontsize?: number;
  color?: ColorSpec;
  /** Which side of the text is at x (default "left"). */
  ha?: "left" | "center" | "right";
  /** Which part of the text is at y (default "baseline"). */
  va?: "baseline" | "bottom" | "center" | "top";
}

export interface AnnotateOptions extends TextOptions {
  /** Where the text goes, in data units (default: at xy). */
  xytext?: readonly [number, number];
  /** Draws an arrow from the text to xy: `arrowstyle: "->"` gives a swept head, otherwise a filled one. */
  arrowprops?: { color?: ColorSpec; facecolor?: ColorSpec; arrowstyle?: string; linewidth?: number };
}

/** What autoscaling needs to know about one drawn thing. */
interface TraceExtent {
  x?: readonly [number, number];
  y?: readonly [number, number];
  /** Smallest positive values, for log axes. */
  xPositive?: number;
  yPositive?: number;
  /**
   * Set for axhline/axvline: like matplotlib, they only ask for autoscaling when they lie outside the current
   * view, so an axes holding nothing else inside the default [0, 1] keeps that view.
   */
  referenceLine?: boolean;
  /** Edges the view does not extend past (bars stand on 0, images end at their border). */
  stickyX: number[];
  stickyY: number[];
  /** Points a legend should avoid (matplotlib's "best" location counts them). */
  vertices?: { x: ArrayLike<number>; y: ArrayLike<number> };
}

/** A text or annotation: its text at `position` (data units), with an arrow to `arrowTo` if set. */
interface TextItem {
  text: string;
  position: readonly [number, number];
  options: TextOptions;
  arrowTo?: readonly [number, number];
  arrowprops?: AnnotateOptions["arrowprops"];
}

/** An axhline/axvline: `value` in data units, `across` the axes as fractions of its width or height. */
interface ReferenceLine {
  direction: "h" | "v";
  value: number;
  across: [number, number];
  line: { color: string; width: number; dash: string };
  opacity?: number;
}

export interface TickOptions {
  /** Rotation of the tick labels in degrees, counter-clockwise (matplotlib's `rotation`). */
  rotation?: number;
}

/** An axis' tick settings: what set_xticks / set_xticklabels fixed, and the labels' rotation. */
interface TickSettings {
  /** Fixed positions (a FixedLocator); otherwise the locator's. */
  values?: number[];
  /** Fixed labels (a FixedFormatter), given to the ticks in order, "" past the list's end; otherwise the formatter's. */
  labels?: string[];
  rotation: number;
}

export interface SubplotSpec {
  rows: number;
  cols: number;
  index: number;
}

/** Where an axes ends up: its box as fractions of the figure and its view limits. */
export interface AxesView {
  domainX: [number, number];
  domainY: [number, number];
  /** The colorbar's box, as figure fractions, when the axes has one. */
  colorbarX?: [number, number];
  colorbarY?: [number, number];
  xlim: [number, number];
  ylim: [number, number];
}

/**
 * One plot area with its own data, limits, labels and legend (matplotlib's `Axes`). pyplot's functions draw
 * into the current one; `plt.gca()` returns it.
 */
export class Axes {
  readonly traces: Trace[] = [];
  private readonly extents: TraceExtent[] = [];
  title = "";
  xlabel = "";
  ylabel = "";
  xscale: Scale = "linear";
  yscale: Scale = "linear";
  gridVisible = false;
  legendLocation?: LegendLocation;
  private xlimits: [number | undefined, number | undefined] = [undefined, undefined];
  private ylimits: [number | undefined, number | undefined] = [undefined, undefined];
  /** Set by imshow: square pixels and row 0 at the top, as matplotlib's aspect="equal", origin="upper". */
  private imageAxes = false;
  /** Set by axis("equal"): one data unit as long on both axes. */
  private equalAspect = false;
  /** Cleared by axis("off"): no spines, ticks, tick labels, axis labels or grid. */
  axisVisible = true;
  private categories?: string[];
  /** axhline/axvline, drawn as plotly shapes spanning the axes (built in toPlotly, where the scales are known). */
  private readonly referenceLines: ReferenceLine[] = [];
  /** text/annotate, plotly annotations in data coordinates; like matplotlib, they do not change the limits. */
  private readonly texts: TextItem[] = [];
  /** The trace whose colour scale a colorbar beside the axes shows. */
  private colorbarTrace?: Trace;
  /** contourf's levels per trace, for its colorbar's ticks. */
  private readonly contourLevels = new Map<Trace, number[]>();
  /** matplotlib keeps two colour cycles: one for lines (plot, hist), one for patches (scatter, bar, fill_between). */
  private readonly cycles = { lines: 0, patches: 0 };

  private readonly ticks: Record<"x" | "y", TickSettings> = { x: { rotation: 0 }, y: { rotation: 0 } };
  /**
   * set_xticks widens an autoscaled view to take in its ticks (matplotlib's set_view_interval), until
   * autoscaling runs again: new data or a new scale drop the widening, as in matplotlib.
   */
  private tickSpans: { x?: [number, number]; y?: [number, number] } = {};

  /** `figure` is the figure holding this axes (matplotlib's `ax.figure`): its size sets how many ticks fit. */
  constructor(readonly spec: SubplotSpec, readonly figure: Figure) {}

  /** The next colour of a property cycle ("C0", "C1", …), advanced only when no colour was given. */
  private nextColor(cycle: "lines" | "patches" = "lines"): string {
    return COLOR_CYCLE[this.cycles[cycle]++ % COLOR_CYCLE.length];
  }

  private add(trace: Trace, extent: TraceExtent): void {
    this.traces.push(trace);
    this.extents.push(extent);
    this.tickSpans = {};
  }

  /**
   * Draws lines and/or markers (matplotlib's `Axes.plot`): `plot(y)`, `plot(y, fmt)`, `plot(x, y)`,
   * `plot(x, y, fmt)`, each optionally followed by options. A 2-D `y` draws one line per column.
   * @example ax.plot(costs, "r--", { label: "lr = 0.01" })
   */
  plot(...args: PlotArgs): void {
    const { x, y, fmt, options } = splitPlotArgs(args);
    const columns = toColumns(y, "y");
    const xColumns = x === undefined ? undefined : toColumns(x, "x");
    const length = columns[0].length;
    if (xColumns && xColumns[0].length !== length) {
      throw new Error(`plt.plot: x and y must have same first dimension, but have shapes (${xColumns[0].length},) and (${length},)`);
    }
    if (xColumns && xColumns.length > 1 && xColumns.length !== columns.length) {
      throw new Error(`plt.plot: x has ${xColumns.length} columns but y has ${columns.length}`);
    }
    const format = fmt === undefined ? {} : parseFormat(fmt);
    const linestyle = options.linestyle ?? format.linestyle ?? (options.marker ? "None" : "-");
    const marker = options.marker ?? format.marker;
    const widthPx = pt(options.linewidth ?? STYLE.lineWidth);
    columns.forEach((ys, k) => {
      const explicit = options.color !== undefined ? cssColor(options.color) : format.color;
      const color = explicit ?? this.nextColor();
      const xs = xColumns?.[xColumns.length > 1 ? k : 0];
      const trace: Trace = {
        type: "scatter",
        mode: [linestyle !== "None" ? "lines" : "", marker ? "markers" : ""].filter(Boolean).join("+") || "lines",
        ...(xs ? { x: jsonNumbers(xs) } : { x0: 0, dx: 1 }),
        y: jsonNumbers(ys),
        line: {
          color,
          width: widthPx,
          dash: plotlyDash(linestyle === "None" ? "-" : linestyle, widthPx),
          ...(options.drawstyle && options.drawstyle !== "default" && { shape: STEP_SHAPES[options.drawstyle] }),
        },
        ...(options.label !== undefined && { name: options.label }),
        ...(options.alpha !== undefined && { opacity: options.alpha }),
      };
      if (marker) trace.marker = markerStyle(marker, color, pt(options.markersize ?? STYLE.markerSize) * MARKERS[marker].scale);
      const xValues = xs ?? Float64Array.from({ length: ys.length }, (_, i) => i);
      this.add(trace, { ...spans(xValues, ys), stickyX: [], stickyY: [], vertices: { x: xValues, y: ys } });
    });
  }

  /**
   * Plots with a logarithmic y axis (matplotlib's `Axes.semilogy`): `plot`'s arguments, then `set_yscale("log")`.
   * @example ax.semilogy(costs)
   */
  semilogy(...args: PlotArgs): void {
    this.plot(...args);
    this.set_yscale("log");
  }

  /** Plots with a logarithmic x axis (matplotlib's `Axes.semilogx`). @example ax.semilogx(learningRates, accuracies, "o-") */
  semilogx(...args: PlotArgs): void {
    this.plot(...args);
    this.set_xscale("log");
  }

  /** Plots with both axes logarithmic (matplotlib's `Axes.loglog`). @example ax.loglog(sizes, times, "s-") */
  loglog(...args: PlotArgs): void {
    this.plot(...args);
    this.set_xscale("log");
    this.set_yscale("log");
  }

  /**
   * A step plot (matplotlib's `Axes.step`): `plot` joining the points by horizontal and vertical segments;
   * with `where: "pre"` (the default) y[i] holds from x[i-1] to x[i].
   * @example ax.step(epochs, learningRate, { where: "post", label: "schedule" })
   */
  step(x: PlotData, y: PlotData, fmtOrOptions?: string | StepOptions, options: StepOptions = {}): void {
    const [fmt, { where = "pre", ...rest }] = typeof fmtOrOptions === "string" ? [fmtOrOptions, options] : [undefined, fmtOrOptions ?? {}];
    const lineOptions: LineOptions = { ...rest, drawstyle: `steps-${where}` };
    if (fmt === undefined) this.plot(x, y, lineOptions);
    else this.plot(x, y, fmt, lineOptions);
  }

  /**
   * Points with error bars (matplotlib's `Axes.errorbar`): the line and markers of `fmt` (a line by default,
   * "none" for bars only) with `yerr`/`xerr` bars in the line's colour, capped when `capsize` is set. The view
   * takes in the bars' ends.
   * @example ax.errorbar(x, means, { yerr: stds, fmt: "o", capsize: 3 })
   */
  errorbar(x: PlotData, y: PlotData, options: ErrorbarOptions = {}): void {
    const { yerr, xerr, fmt, capsize = 0, ecolor, elinewidth, ...lineOptions } = options;
    const xs = toVector(x, "x");
    const ys = toVector(y, "y");
    if (fmt === "none") this.plot(xs, ys, { ...lineOptions, linestyle: "None" });
    else if (fmt === undefined) this.plot(xs, ys, lineOptions);
    else this.plot(xs, ys, fmt, lineOptions);
    const trace = this.traces[this.traces.length - 1];
    const extent = this.extents[this.extents.length - 1];
    if (fmt === "none") trace.mode = "none";
    const line = trace.line as { color: string; width: number };
    const bars = { color: ecolor !== undefined ? cssColor(ecolor) : line.color, thickness: elinewidth !== undefined ? pt(elinewidth) : line.width, width: pt(capsize) };
    const ends = { x: [...xs], y: [...ys] };
    for (const [axis, err, values] of [["x", xerr, xs], ["y", yerr, ys]] as const) {
      if (err === undefined) continue;
      const [below, above] = errorSizes(err, values.length, `${axis}err`);
      trace[`error_${axis}`] = { type: "data", symmetric: false, array: jsonNumbers(above), arrayminus: jsonNumbers(below), ...bars };
      ends[axis].push(...values.map((v, i) => v - below[i]), ...values.map((v, i) => v + above[i]));
    }
    Object.assign(extent, spans(ends.x, ends.y));
  }

  /**
   * Scatter plot with per-point colours and sizes (matplotlib's `Axes.scatter`).
   * @example ax.scatter(X0, X1, { c: Y, cmap: "Spectral", s: 40 })
   */
  scatter(x: PlotData, y: PlotData, options: ScatterOptions = {}): void {
    const xs = toVector(x, "x");
    const ys = toVector(y, "y");
    if (xs.length !== ys.length) throw new Error(`plt.scatter: x and y must be the same size, got ${xs.length} and ${ys.length}`);
    const markerName = options.marker ?? "o";
    if (!(markerName in MARKERS)) throw new Error(`plt.scatter: unknown marker '${markerName}'`);
    const marker: Record<string, unknown> = { symbol: MARKERS[markerName].symbol, size: scatterSizes(options.s, xs.length) };
    if (options.c === undefined || typeof options.c === "string") {
      marker.color = options.c === undefined ? this.nextColor("patches") : cssColor(options.c as ColorSpec);
    } else {
      const values = toVector(options.c as PlotData, "c");
      if (values.length !== xs.length) throw new Error(`plt.scatter: 'c' has ${values.length} values but there are ${xs.length} points`);
      const [lo, hi] = finiteExtent(values) ?? [0, 1];
      Object.assign(marker, {
        color: jsonNumbers(values),
        colorscale: getColormap(options.cmap).colorscale(),
        cmin: options.vmin ?? lo,
        cmax: options.vmax ?? hi,
        showscale: false,
      });
    }
    if (options.edgecolors !== undefined) marker.line = { color: cssColor(options.edgecolors), width: pt(options.linewidths ?? 1) };
    if (MARKERS[markerName].symbol.endsWith("-open")) {
      marker.line = { color: marker.color, width: pt(options.linewidths ?? 1.5), ...(marker.colorscale ? { colorscale: marker.colorscale, cmin: marker.cmin, cmax: marker.cmax } : {}) };
    }
    this.add(
      {
        type: "scatter",
        mode: "markers",
        x: jsonNumbers(xs),
        y: jsonNumbers(ys),
        marker,
        ...(options.label !== undefined && { name: options.label }),
        ...(options.alpha !== undefined && { opacity: options.alpha }),
      },
      { ...spans(xs, ys), stickyX: [], stickyY: [], vertices: { x: xs, y: ys } },
    );
  }

  /**
   * Filled contours of Z over a grid (matplotlib's `Axes.contourf`), e.g. a classifier's decision regions.
   * `X` and `Y` are the meshgrid arrays (or their 1-D coordinates); `contourf(Z)` uses column/row indices.
   * @example ax.contourf(xx, yy, Z, { cmap: plt.cm.Spectral })
   */
  contourf(...args: [PlotData, ContourOptions?] | [PlotData, PlotData, PlotData, ContourOptions?]): void {
    const [xIn, yIn, zIn, options = {}] = args.length >= 3 ? (args as [PlotData, PlotData, PlotData, ContourOptions?]) : [undefined, undefined, args[0], args[1] as ContourOptions | undefined];
    const z = toGrid(zIn, "Z");
    if (z.shape.length !== 2) throw new Error(`plt.contourf: Z must be 2-D, got shape (${z.shape.join(", ")})`);
    const [rows, cols] = z.shape;
    if (rows < 2 || cols < 2) throw new Error(`plt.contourf: Z must be at least a 2x2 array, got shape (${rows}, ${cols})`);
    const xs = xIn === undefined ? Float64Array.from({ length: cols }, (_, i) => i) : gridCoordinates(toGrid(xIn, "X"), cols, "X", "columns");
    const ys = yIn === undefined ? Float64Array.from({ length: rows }, (_, i) => i) : gridCoordinates(toGrid(yIn, "Y"), rows, "Y", "rows");
    const [zmin, zmax] = finiteExtent(z.values) ?? [0, 1];
    const levels = contourLevels(options.levels, zmin, zmax);
    const bands = levels.length - 1;
    const cmap = getColormap(options.cmap);
    // matplotlib colours band i with cmap(i / (bands - 1)). plotly fills band i with its colorscale at
    // (i + 1) / (bands + 1), and what lies below the first / above the last level at 0 / 1: those get the
    // end bands' colours, since matplotlib counts a value equal to the first or last level into that band.
    const bandColor = (i: number) => cmap.hex(bands === 1 ? 0.5 : Math.min(bands - 1, Math.max(0, i)) / (bands - 1));
    const colorscale = Array.from({ length: bands + 2 }, (_, k) => [k / (bands + 1), bandColor(k - 1)] as [number, string]);
    const uniform = levels.every((level, i) => i === 0 || Math.abs(level - levels[i - 1] - (levels[1] - levels[0])) < 1e-9 * (levels[bands] - levels[0]));
    // plotly only draws evenly spaced levels, so uneven ones are drawn in "level index" space (level i ↦ i);
    // hover then shows the original values, carried in customdata.
    const zPlotted = uniform ? z.values : z.values.map((v) => levelIndex(v, levels));
    const zRows = (values: Float64Array) => Array.from({ length: rows }, (_, r) => jsonNumbers(values.subarray(r * cols, (r + 1) * cols)));
    const trace: Trace = {
      type: "contour",
      x: jsonNumbers(xs),
      y: jsonNumbers(ys),
      z: zRows(zPlotted),
      autocontour: false,
      contours: uniform
        ? { coloring: "fill", showlines: false, start: levels[0], end: levels[bands], size: levels[1] - levels[0] }
        : { coloring: "fill", showlines: false, start: 0, end: bands, size: 1 },
      colorscale,
      showscale: false,
      line: { width: 0 },
      ...(uniform ? {} : { customdata: zRows(z.values), hovertemplate: "x=%{x}<br>y=%{y}<br>z=%{customdata}<extra></extra>" }),
      ...(options.alpha !== undefined && { opacity: options.alpha }),
    };
    this.contourLevels.set(trace, levels);
    this.add(trace, { ...spans(xs, ys), stickyX: [xs[0], xs[cols - 1]], stickyY: [ys[0], ys[rows - 1]] });
  }

  /**
   * Shows an image (matplotlib's `Axes.imshow`): H×W values through a colormap, or H×W×3 / H×W×4 colours,
   * uint8 in 0–255 or floats in [0, 1]. Pixels are square and row 0 is at the top.
   * @example ax.imshow(train_x_orig[index])
   */
  imshow(image: PlotData, options: ImageOptions = {}): void {
    const grid = toGrid(image, "image");
    const shape = grid.shape.length === 3 && grid.shape[2] === 1 ? grid.shape.slice(0, 2) : grid.shape;
    const [height, width, channels] = shape;
    if (!(shape.length === 2 || (shape.length === 3 && (channels === 3 || channels === 4)))) {
      throw new Error(`plt.imshow: invalid shape (${grid.shape.join(", ")}) for image data`);
    }
    const placement = { x0: 0, dx: 1, y0: 0, dy: 1 };
    if (shape.length === 2) {
      const [lo, hi] = finiteExtent(grid.values) ?? [0, 1];
      this.add(
        {
          type: "heatmap",
          ...placement,
          z: Array.from({ length: height }, (_, r) => jsonNumbers(grid.values.subarray(r * width, (r + 1) * width))),
          colorscale: getColormap(options.cmap).colorscale(),
          zmin: options.vmin ?? lo,
          zmax: options.vmax ?? hi,
          zsmooth: false,
          showscale: false,
        },
        imageExtent(width, height),
      );
    } else {
      const integer = !grid.dtype.startsWith("float");
      this.add({ type: "image", ...placement, source: pngDataUri(width, height, imageBytes(grid, channels, integer)) }, imageExtent(width, height));
    }
    this.imageAxes = true;
  }

  /**
   * Histogram (matplotlib's `Axes.hist`, bins as `np.histogram`). Returns `[counts, binEdges]`.
   * @example const [n, bins] = ax.hist(weights, { bins: 30 })
   */
  hist(x: PlotData, options: HistOptions = {}): [NDArray, NDArray] {
    const values = toGrid(x, "x").values.filter(Number.isFinite);
    const edges = histogramEdges(values, options.bins ?? 10, options.range);
    const counts = histogramCounts(values, edges);
    const widths = edges.slice(1).map((e, i) => e - edges[i]);
    const total = counts.reduce((a, b) => a + b, 0);
    const heights = options.density ? counts.map((n, i) => n / (total * widths[i])) : counts;
    this.drawBars(
      edges.slice(0, -1).map((e, i) => e + widths[i] / 2),
      heights,
      widths,
      0,
      options.color !== undefined ? cssColor(options.color) : this.nextColor(),
      options,
    );
    return [array(heights), array(edges)];
  }

  /**
   * Bar chart (matplotlib's `Axes.bar`); `x` may be category names.
   * @example ax.bar(["cat", "non-cat"], [72, 137])
   */
  bar(x: PlotData | readonly string[], height: PlotData | number, options: BarOptions = {}): void {
    const names = Array.isArray(x) && x.some((v) => typeof v === "string") ? (x as string[]) : undefined;
    const positions = names ? this.categoryPositions(names) : Array.from(toVector(x as PlotData, "x"));
    const heights = typeof height === "number" ? positions.map(() => height) : Array.from(toVector(height, "height"));
    if (heights.length !== positions.length) throw new Error(`plt.bar: x and height must have the same length, got ${positions.length} and ${heights.length}`);
    const width = options.width ?? 0.8;
    const centers = options.align === "edge" ? positions.map((p) => p + width / 2) : positions;
    const color = options.color !== undefined ? cssColor(options.color) : this.nextColor("patches");
    this.drawBars(centers, heights, centers.map(() => width), options.bottom ?? 0, color, options);
  }

  private drawBars(centers: number[], heights: number[], widths: number[], bottom: number, color: string, options: { alpha?: number; label?: string }): void {
    const lefts = centers.map((c, i) => c - widths[i] / 2);
    const rights = centers.map((c, i) => c + widths[i] / 2);
    const tops = heights.map((h) => bottom + h);
    this.add(
      {
        type: "bar",
        x: jsonNumbers(centers),
        y: jsonNumbers(heights),
        width: jsonNumbers(widths),
        ...(bottom !== 0 && { base: bottom }),
        marker: { color, line: { width: 0 } },
        ...(options.label !== undefined && { name: options.label }),
        ...(options.alpha !== undefined && { opacity: options.alpha }),
      },
      {
        ...spans([...lefts, ...rights], [bottom, ...tops]),
        stickyX: [],
        stickyY: [bottom],
        vertices: { x: [...lefts, ...rights, ...centers], y: [...tops, ...tops, ...tops] },
      },
    );
  }

  /**
   * A horizontal line at `y` across the axes (matplotlib's `Axes.axhline`), from `xmin` to `xmax` as fractions
   * of the axes' width, so it spans the view however it is zoomed. `y` counts into the autoscaled y limits.
   * @example ax.axhline(0, { color: "k", linestyle: "--" })
   */
  axhline(y = 0, options: AxhlineOptions = {}): void {
    this.addReferenceLine("h", y, [options.xmin ?? 0, options.xmax ?? 1], options);
  }

  /**
   * A vertical line at `x` across the axes (matplotlib's `Axes.axvline`), from `ymin` to `ymax` as fractions
   * of the axes' height. `x` counts into the autoscaled x limits.
   * @example ax.axvline(bestEpoch, { color: "r", label: "early stop" })
   */
  axvline(x = 0, options: AxvlineOptions = {}): void {
    this.addReferenceLine("v", x, [options.ymin ?? 0, options.ymax ?? 1], options);
  }

  private addReferenceLine(direction: "h" | "v", value: number, across: [number, number], options: ReferenceLineOptions): void {
    const widthPx = pt(options.linewidth ?? STYLE.lineWidth);
    const line = { color: cssColor(options.color ?? "C0"), width: widthPx, dash: plotlyDash(options.linestyle ?? "-", widthPx) };
    this.referenceLines.push({ direction, value, across, line, ...(options.alpha !== undefined && { opacity: options.alpha }) });
    // The shape draws the line; this empty trace stands for it in the legend (plotly shapes have no legend
    // entry in older plotly.js) and keeps its place among the traces for legend(labels).
    const extent = spans([value], [value]);
    this.add(
      {
        type: "scatter",
        mode: "lines",
        x: [null],
        y: [null],
        line,
        hoverinfo: "skip",
        ...(options.label !== undefined && { name: options.label }),
        ...(options.alpha !== undefined && { opacity: options.alpha }),
      },
      direction === "h"
        ? { y: extent.y, yPositive: extent.yPositive, referenceLine: true, stickyX: [], stickyY: [] }
        : { x: extent.x, xPositive: extent.xPositive, referenceLine: true, stickyX: [], stickyY: [] },
    );
  }

  /**
   * Fills the area between two curves (matplotlib's `Axes.fill_between`): y1 and y2 (default 0) over x, each
   * a vector or one number; `where` limits it to runs of points. Autoscaling covers both curves.
   * @example ax.fill_between(x, lower, upper, { alpha: 0.3 })
   */
  fill_between(x: PlotData, y1: PlotData | number, y2: PlotData | number = 0, options: FillBetweenOptions = {}): void {
    const xs = toVector(x, "x");
    const curve = (y: PlotData | number, name: string) => {
      const values = typeof y === "number" ? new Float64Array(xs.length).fill(y) : toVector(y, name);
      if (values.length !== xs.length) throw new Error(`plt.fill_between: ${name} has ${values.length} values but x has ${xs.length}`);
      return values;
    };
    const [lower, upper] = [curve(y1, "y1"), curve(y2, "y2")];
    const where = options.where === undefined ? undefined : toVector(Array.isArray(options.where) ? options.where.map(Number) : (options.where as PlotData), "where");
    if (where && where.length !== xs.length) throw new Error(`plt.fill_between: where has ${where.length} values but x has ${xs.length}`);
    // One polygon per run of points that are selected and finite (matplotlib masks NaN like where=False):
    // along y1 forwards, back along y2. plotly's fill "toself" closes each run between null gaps separately.
    const polygonX: number[] = [];
    const polygonY: number[] = [];
    const inside = (i: number) => (!where || where[i] !== 0) && Number.isFinite(xs[i]) && Number.isFinite(lower[i]) && Number.isFinite(upper[i]);
    for (let start = 0; start < xs.length; start++) {
      if (!inside(start)) continue;
      let end = start;
      while (end + 1 < xs.length && inside(end + 1)) end++;
      if (polygonX.length) {
        polygonX.push(NaN);
        polygonY.push(NaN);
      }
      for (let i = start; i <= end; i++) {
        polygonX.push(xs[i]);
        polygonY.push(lower[i]);
      }
      for (let i = end; i >= start; i--) {
        polygonX.push(xs[i]);
        polygonY.push(upper[i]);
      }
      start = end;
    }
    const color = options.color !== undefined ? cssColor(options.color) : this.nextColor("patches");
    this.add(
      {
        type: "scatter",
        mode: "lines",
        fill: "toself",
        fillcolor: color,
        // matplotlib draws fill_between without an edge.
        line: { color, width: 0 },
        x: jsonNumbers(polygonX),
        y: jsonNumbers(polygonY),
        ...(options.label !== undefined && { name: options.label }),
        ...(options.alpha !== undefined && { opacity: options.alpha }),
      },
      { ...spans(polygonX, polygonY), stickyX: [], stickyY: [], vertices: { x: polygonX, y: polygonY } },
    );
  }

  /**
   * Writes text at (x, y) in data units (matplotlib's `Axes.text`), by default with its left end and baseline
   * there. Text does not change the autoscaled limits.
   * @example ax.text(1000, 0.4, "learning rate too high", { color: "r", ha: "center" })
   */
  text(x: number, y: number, s: string, options: TextOptions = {}): void {
    this.texts.push({ text: s, position: [x, y], options });
  }

  /**
   * Annotates the point `xy` (matplotlib's `Axes.annotate`): the text at `xytext` (default `xy`), both in data
   * units, with an arrow from the text to the point when `arrowprops` is given.
   * @example ax.annotate("minimum", [argmin, min], { xytext: [argmin + 200, min + 0.2], arrowprops: { arrowstyle: "->" } })
   */
  annotate(text: string, xy: readonly [number, number], options: AnnotateOptions = {}): void {
    const { xytext, arrowprops, ...textOptions } = options;
    this.texts.push({ text, position: xytext ?? xy, options: textOptions, ...(arrowprops && { arrowTo: xy, arrowprops }) });
  }

  private categoryPositions(names: readonly string[]): number[] {
    this.categories ??= [];
    return names.map((name) => {
      if (!this.categories!.includes(name)) this.categories!.push(name);
      return this.categories!.indexOf(name);
    });
  }

  /**
   * Adds a colorbar for the last image, filled contour or colour-mapped scatter of this axes, as matplotlib's
   * `fig.colorbar(mappable, ax=ax)` does: the axes gives up 15 % of its width to the bar plus 5 % padding, and
   * the bar is as tall as the axes' slot and 1/20 as wide.
   * @example ax.imshow(weights); ax.colorbar();
   */
  colorbar(): void {
    const mappable = [...this.traces].reverse().find((t) => t.type === "heatmap" || t.type === "contour" || (t.marker as Record<string, unknown> | undefined)?.colorscale);
    if (!mappable) throw new Error("No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).");
    this.colorbarTrace = mappable;
  }

  /**
   * Clears the axes (matplotlib's `Axes.cla`): its data, labels, title, legend, scales, limits and ticks go, and
   * the colour cycles start again at C0; it keeps its place in the figure.
   * @example ax.cla(); ax.plot(newCosts);
   */
  cla(): void {
    Object.assign(this, new Axes(this.spec, this.figure));
  }

  /** Sets the title above the axes (matplotlib's `Axes.set_title`). @example ax.set_title("cost") */
  set_title(label: string): void {
    this.title = label;
  }

  /** Labels the x axis (matplotlib's `Axes.set_xlabel`). @example ax.set_xlabel("iterations") */
  set_xlabel(label: string): void {
    this.xlabel = label;
  }

  /** Labels the y axis (matplotlib's `Axes.set_ylabel`). @example ax.set_ylabel("cost") */
  set_ylabel(label: string): void {
    this.ylabel = label;
  }

  /** Sets the x axis scale, "linear" or "log" (matplotlib's `Axes.set_xscale`). @example ax.set_xscale("log") */
  set_xscale(value: Scale): void {
    this.xscale = checkScale(value);
    delete this.tickSpans.x;
  }

  /** Sets the y axis scale, "linear" or "log" (matplotlib's `Axes.set_yscale`). @example ax.set_yscale("log") */
  set_yscale(value: Scale): void {
    this.yscale = checkScale(value);
    delete this.tickSpans.y;
  }

  /**
   * Fixes the x ticks at these positions, optionally with these labels (matplotlib's `Axes.set_xticks`);
   * without labels they are formatted as the axis formats its ticks. An empty list removes the ticks. The view
   * widens to take in the ticks, as matplotlib's does.
   * @example ax.set_xticks([0, 500, 1000, 1500], ["0", "0.5k", "1k", "1.5k"])
   */
  set_xticks(ticks: PlotData, labels?: readonly string[]): void {
    this.setTicks("x", ticks, labels);
  }

  /** Fixes the y ticks, optionally with labels (matplotlib's `Axes.set_yticks`). @example ax.set_yticks([0, 0.5, 1]) */
  set_yticks(ticks: PlotData, labels?: readonly string[]): void {
    this.setTicks("y", ticks, labels);
  }

  /**
   * Labels the x ticks in order (matplotlib's `Axes.set_xticklabels`), best after `set_xticks`: otherwise, as
   * matplotlib warns, the labels go to the locator's ticks, which may start left of the view.
   * @example ax.set_xticks([0, 1, 2]); ax.set_xticklabels(["low", "mid", "high"], { rotation: 45 });
   */
  set_xticklabels(labels: readonly string[], options: TickOptions = {}): void {
    this.setTickLabels("x", labels, options);
  }

  /** Labels the y ticks in order (matplotlib's `Axes.set_yticklabels`). @example ax.set_yticks([0, 1]); ax.set_yticklabels(["no", "yes"]); */
  set_yticklabels(labels: readonly string[], options: TickOptions = {}): void {
    this.setTickLabels("y", labels, options);
  }

  /**
   * The x tick positions (matplotlib's `Axes.get_xticks`): the fixed ones, or the locator's for the current
   * view, which may reach one step past it (as matplotlib's do).
   * @example plt.plot([1, 2, 3, 4]); plt.gca().get_xticks() // [-0.5, 0, 0.5, …, 3.5]
   */
  get_xticks(): number[] {
    return this.tickList("x").values;
  }

  /** The y tick positions (matplotlib's `Axes.get_yticks`). @example ax.get_yticks() */
  get_yticks(): number[] {
    return this.tickList("y").values;
  }

  /** The x tick labels' texts, one per `get_xticks()` value (matplotlib's `Axes.get_xticklabels`, as strings). @example ax.get_xticklabels() */
  get_xticklabels(): string[] {
    return this.tickList("x").labels;
  }

  /** The y tick labels' texts (matplotlib's `Axes.get_yticklabels`, as strings). @example ax.get_yticklabels() */
  get_yticklabels(): string[] {
    return this.tickList("y").labels;
  }

  /** Sets the tick labels' rotation in degrees, counter-clockwise (matplotlib's `tick_params(axis, labelrotation=…)`). @example ax.tick_params("x", { labelrotation: 45 }) */
  tick_params(axis: "x" | "y" | "both" = "both", options: { labelrotation?: number } = {}): void {
    for (const which of axis === "both" ? (["x", "y"] as const) : [axis]) {
      if (options.labelrotation !== undefined) this.ticks[which].rotation = options.labelrotation;
    }
  }

  private setTicks(axis: "x" | "y", ticks: PlotData, labels?: readonly string[]): void {
    const values = Array.from(toVector(ticks, "ticks"));
    if (labels && labels.length !== values.length) {
      throw new Error(`The number of FixedLocator locations (${values.length}), usually from a call to set_ticks, does not match the number of labels (${labels.length}).`);
    }
    this.ticks[axis].values = values;
    if (labels) this.ticks[axis].labels = [...labels];
    if (values.length === 0) return;
    const span: [number, number] = [Math.min(...values), Math.max(...values)];
    const fixed = axis === "x" ? this.xlimits : this.ylimits;
    if (fixed[0] !== undefined && fixed[1] !== undefined) {
      // Fixed limits stay fixed, widened once (matplotlib sets the view, with autoscaling off).
      const widened = widen([fixed[0], fixed[1]], span);
      if (axis === "x") this.xlimits = widened;
      else this.ylimits = widened;
    } else {
      this.tickSpans[axis] = span;
    }
  }

  private setTickLabels(axis: "x" | "y", labels: readonly string[], options: TickOptions): void {
    const { values } = this.ticks[axis];
    if (values === undefined) {
      console.warn("set_ticklabels() should only be used with a fixed number of ticks, i.e. after set_ticks() or using a FixedLocator. Otherwise, ticks may be mislabeled.");
    } else if (labels.length !== values.length) {
      throw new Error(`The number of FixedLocator locations (${values.length}), usually from a call to set_ticks, does not match the number of labels (${labels.length}).`);
    }
    this.ticks[axis].labels = [...labels];
    if (options.rotation !== undefined) this.ticks[axis].rotation = options.rotation;
  }

  /** The axis' ticks and labels as matplotlib's locator and formatter give them for the current view and axes size. */
  private tickList(axis: "x" | "y"): { values: number[]; labels: string[] } {
    const [width, height] = [this.figure.widthPx, this.figure.heightPx];
    const view = this.view(width, height);
    return this.ticksIn(axis, view, width, height);
  }

  /** The ticks plotly's layout must fix: set ones (labelled by the formatter unless labels were set), or bar categories. */
  private axisTicks(axis: "x" | "y", view: AxesView, figureWidth: number, figureHeight: number): AxisTicks {
    const { values, labels, rotation } = this.ticks[axis];
    const fixed = values || labels || (axis === "x" && this.categories);
    return fixed ? { ...this.ticksIn(axis, view, figureWidth, figureHeight), rotation } : { rotation };
  }

  private ticksIn(axis: "x" | "y", view: AxesView, figureWidth: number, figureHeight: number): { values: number[]; labels: string[] } {
    const settings = this.ticks[axis];
    const [limits, scale, domain, size] = axis === "x" ? [view.xlim, this.xscale, view.domainX, figureWidth] : [view.ylim, this.yscale, view.domainY, figureHeight];
    // Bar categories are ticked at their positions and named (matplotlib's StrCategoryLocator and -Formatter).
    const categories = axis === "x" ? this.categories : undefined;
    const values = settings.values ?? categories?.map((_, i) => i) ?? locatorTicks(limits[0], limits[1], scale, autoBinCount((domain[1] - domain[0]) * size, STYLE.fontSize, axis)).values;
    const labels = settings.labels
      ? values.map((_, i) => settings.labels![i] ?? "")
      : categories ? values.map((v) => categories[v] ?? "") : formatTicks(values, scale, limits);
    return { values, labels };
  }

  /** Shows or hides grid lines at the major ticks; without an argument toggles them (matplotlib's `Axes.grid`). @example ax.grid(true) */
  grid(visible?: boolean): void {
    this.gridVisible = visible ?? !this.gridVisible;
  }

  /**
   * Shows a legend of the labelled traces (matplotlib's `Axes.legend`); with a list, labels the traces in drawing
   * order. `loc` is "best" (the corner covering the least data, the default) or e.g. "upper right".
   * @example ax.plot(a, { label: "train" }); ax.plot(b, { label: "test" }); ax.legend({ loc: "upper center" });
   */
  legend(labelsOrOptions?: readonly string[] | { loc?: LegendLocation }, options: { loc?: LegendLocation } = {}): void {
    const labels = Array.isArray(labelsOrOptions) ? labelsOrOptions : undefined;
    const { loc } = Array.isArray(labelsOrOptions) ? options : { ...options, ...(labelsOrOptions as { loc?: LegendLocation } | undefined) };
    if (labels) this.labelTraces(labels);
    if (!this.hasLabels()) {
      console.warn("No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.");
      return;
    }
    this.legendLocation = loc ?? "best";
  }

  /**
   * Turns the axis lines, ticks and labels off or on, makes data units square, or sets all four limits
   * (matplotlib's `Axes.axis`): "off", "on", "equal" (the box shrinks to fit, as adjustable="box"), or
   * [xmin, xmax, ymin, ymax]. Returns the limits as [xmin, xmax, ymin, ymax].
   * @example ax.imshow(image); ax.axis("off");
   */
  axis(option?: "off" | "on" | "equal" | readonly [number, number, number, number] | boolean): [number, number, number, number] {
    if (Array.isArray(option)) {
      if (option.length !== 4) throw new Error(`axis() takes an iterable of 4 values (xmin, xmax, ymin, ymax), not ${option.length}`);
      this.set_xlim(option[0], option[1]);
      this.set_ylim(option[2], option[3]);
    } else if (option === "off" || option === false) this.axisVisible = false;
    else if (option === "on" || option === true) this.axisVisible = true;
    else if (option === "equal") this.equalAspect = true;
    else if (option !== undefined) throw new Error(`Unrecognized string '${String(option)}' to axis; try 'on' or 'off'`);
    return [...this.get_xlim(), ...this.get_ylim()];
  }

  /** Sets the x view limits (matplotlib's `set_xlim`); an omitted side stays automatic. @example ax.set_xlim(0, 100) */
  set_xlim(left?: number, right?: number): void {
    this.xlimits = [left ?? this.xlimits[0], right ?? this.xlimits[1]];
    delete this.tickSpans.x;
  }

  /** Sets the y view limits (matplotlib's `set_ylim`). @example ax.set_ylim(undefined, 1) */
  set_ylim(bottom?: number, top?: number): void {
    this.ylimits = [bottom ?? this.ylimits[0], top ?? this.ylimits[1]];
    delete this.tickSpans.y;
  }

  /** The x view limits as they will be drawn (matplotlib's `get_xlim`). @example const [left, right] = ax.get_xlim() */
  get_xlim(): [number, number] {
    return this.viewLimits("x");
  }

  /** The y view limits as they will be drawn (matplotlib's `get_ylim`). @example const [bottom, top] = ax.get_ylim() */
  get_ylim(): [number, number] {
    return this.viewLimits("y");
  }

  /** Labels the traces drawn so far, in order (what matplotlib's `legend(["a", "b"])` does). @example ax.labelTraces(["train", "test"]) */
  labelTraces(labels: readonly string[]): void {
    labels.forEach((label, i) => {
      if (this.traces[i]) this.traces[i].name = label;
    });
  }

  /** Whether any trace has a label a legend would show (matplotlib skips labels starting with "_"). @example ax.hasLabels() */
  hasLabels(): boolean {
    return this.traces.some(isLabelled);
  }

  private viewLimits(axis: "x" | "y"): [number, number] {
    const [fixedLow, fixedHigh] = axis === "x" ? this.xlimits : this.ylimits;
    const scale = axis === "x" ? this.xscale : this.yscale;
    const auto = fixedLow === undefined || fixedHigh === undefined ? this.autoLimits(axis, scale) : [0, 1];
    let limits: [number, number] = [fixedLow ?? auto[0], fixedHigh ?? auto[1]];
    // imshow puts row 0 at the top: the y axis runs downwards unless the user set limits themselves.
    if (axis === "y" && this.imageAxes && fixedLow === undefined && fixedHigh === undefined) limits = [limits[1], limits[0]];
    const tickSpan = this.tickSpans[axis];
    return tickSpan ? widen(limits, tickSpan) : limits;
  }

  private autoLimits(axis: "x" | "y", scale: Scale): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    const sticky: number[] = [];
    let autoscaled = false;
    for (const extent of this.extents) {
      const span = extent[axis];
      if (!span) continue;
      const low = scale === "log" ? (axis === "x" ? extent.xPositive : extent.yPositive) : span[0];
      if (low === undefined) continue;
      lo = Math.min(lo, low);
      hi = Math.max(hi, span[1]);
      sticky.push(...(axis === "x" ? extent.stickyX : extent.stickyY));
      // matplotlib's axhline/axvline request autoscaling only when they lie outside the view so far.
      autoscaled ||= !extent.referenceLine || scale === "log" || span[0] < 0 || span[1] > 1;
    }
    if (!(lo <= hi)) return scale === "log" ? [1, 10] : [0, 1];
    if (!autoscaled) return [0, 1];
    return autoLimits(lo, hi, { scale, sticky: scale === "log" ? sticky.filter((s) => s > 0) : sticky });
  }

  /** Where this axes sits in a figure of the given size in pixels and what range it shows. @example ax.view(640, 480).xlim */
  view(figureWidth: number, figureHeight: number): AxesView {
    const box = subplotBox(this.spec);
    const xlim = this.get_xlim();
    const ylim = this.get_ylim();
    const colorbar: Pick<AxesView, "colorbarX" | "colorbarY"> = {};
    if (this.colorbarTrace) {
      // make_axes_gridspec: the bar's slot is the right `fraction` of the box; the axes keeps 1 − fraction − pad
      // and is then anchored to the right, towards the bar (panchor (1, 0.5)). The bar fills the slot's
      // height (shrink 1) and is 1/aspect as wide, at the slot's left.
      const { fraction, pad, aspect } = STYLE.colorbar;
      const width = box.x[1] - box.x[0];
      const barWidth = ((box.y[1] - box.y[0]) * figureHeight) / aspect / figureWidth;
      colorbar.colorbarX = [box.x[0] + (1 - fraction) * width, box.x[0] + (1 - fraction) * width + barWidth];
      colorbar.colorbarY = [...box.y];
      box.x = [box.x[0], box.x[0] + (1 - fraction - pad) * width];
    }
    if (this.imageAxes || this.equalAspect) {
      // aspect="equal", adjustable="box": shrink the box until data units are square, about its centre, or
      // towards the colorbar when there is one.
      const [w, h] = [(box.x[1] - box.x[0]) * figureWidth, (box.y[1] - box.y[0]) * figureHeight];
      const dataAspect = Math.abs(span(ylim, this.yscale) / span(xlim, this.xscale));
      if (h / w > dataAspect) box.y = shrink(box.y, (w * dataAspect) / figureHeight);
      else if (this.colorbarTrace) box.x = [box.x[1] - h / dataAspect / figureWidth, box.x[1]];
      else box.x = shrink(box.x, h / dataAspect / figureWidth);
    }
    return { domainX: box.x, domainY: box.y, xlim, ylim, ...colorbar };
  }

  /** The legend's location; for "best", matplotlib's choice: the candidate covering the fewest data points. @example ax.legendPlacement(ax.view(640, 480), 640, 480) // "upper right" */
  legendPlacement(view: AxesView, figureWidth: number, figureHeight: number): Exclude<LegendLocation, "best" | "right"> {
    const requested = this.legendLocation ?? "best";
    if (requested !== "best") return requested === "right" ? "center right" : requested;
    const box = { w: (view.domainX[1] - view.domainX[0]) * figureWidth, h: (view.domainY[1] - view.domainY[0]) * figureHeight };
    const size = legendSize(this.traces.filter(isLabelled).map((t) => String(t.name)), STYLE.fontSize);
    const toPx = (v: number, limits: [number, number], scale: Scale, length: number) => {
      const [a, b] = scale === "log" ? [Math.log10(limits[0]), Math.log10(limits[1])] : limits;
      return (((scale === "log" ? Math.log10(v) : v) - a) / (b - a)) * length;
    };
    let best: { location: Exclude<LegendLocation, "best" | "right">; covered: number } | undefined;
    for (const location of BEST_CANDIDATES) {
      const [fx, fy] = LEGEND_ANCHORS[location];
      const pad = STYLE.legend.borderAxesPad * STYLE.fontSize;
      const left = fx * (box.w - size.width - 2 * pad) + pad;
      const bottom = fy * (box.h - size.height - 2 * pad) + pad;
      let covered = 0;
      for (const extent of this.extents) {
        if (!extent.vertices) continue;
        const { x, y } = extent.vertices;
        for (let i = 0; i < x.length; i++) {
          const px = toPx(x[i], view.xlim, this.xscale, box.w);
          const py = toPx(y[i], view.ylim, this.yscale, box.h);
          if (px >= left && px <= left + size.width && py >= bottom && py <= bottom + size.height) covered++;
        }
      }
      if (!best || covered < best.covered) best = { location, covered };
    }
    return best!.location;
  }

  /** This axes' traces and layout entries for a plotly figure, as axes number `n` (1-based). @example ax.toPlotly(1, 640, 480).layout.xaxis */
  toPlotly(n: number, figureWidth: number, figureHeight: number): {
    data: Trace[];
    layout: Record<string, any>;
    annotations: Record<string, unknown>[];
    shapes: Record<string, unknown>[];
  } {
    const suffix = n === 1 ? "" : String(n);
    const view = this.view(figureWidth, figureHeight);
    const legendName = `legend${suffix}`;
    const showLegend = this.legendLocation !== undefined && this.hasLabels();
    const data = this.traces.map((trace) => ({
      ...(trace === this.colorbarTrace ? withColorbar(trace, view, figureWidth, figureHeight, this.contourLevels.get(trace)) : trace),
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      showlegend: showLegend && isLabelled(trace),
      ...(showLegend && { legend: legendName }),
    }));
    const layout: Record<string, any> = {
      [`xaxis${suffix}`]: axisLayout(view.domainX, view.xlim, this.xscale, this.xlabel, this.gridVisible, `y${suffix}`, this.axisTicks("x", view, figureWidth, figureHeight)),
      [`yaxis${suffix}`]: {
        ...axisLayout(view.domainY, view.ylim, this.yscale, this.ylabel, this.gridVisible, `x${suffix}`, this.axisTicks("y", view, figureWidth, figureHeight)),
        ...((this.imageAxes || this.equalAspect) && { scaleanchor: `x${suffix}` }),
      },
    };
    if (!this.axisVisible) for (const axis of Object.values(layout)) axis.visible = false;
    if (showLegend) layout[legendName] = legendLayout(this.legendPlacement(view, figureWidth, figureHeight), view, figureWidth, figureHeight);
    const annotations: Record<string, unknown>[] = this.title
      ? [{
          text: this.title,
          xref: "paper", yref: "paper",
          x: (view.domainX[0] + view.domainX[1]) / 2, y: view.domainY[1],
          xanchor: "center", yanchor: "bottom", yshift: STYLE.titlePad,
          showarrow: false,
          font: { size: STYLE.titleSize },
        }]
      : [];
    // plotly wants shape and annotation coordinates on a log axis as log10; "x domain" is plotly's axes fraction.
    const plotlyValue = (v: number, scale: Scale) => (scale === "log" ? Math.log10(v) : v);
    for (const { text, position, options, arrowTo, arrowprops } of this.texts) {
      const size = pt(options.fontsize ?? STYLE.fontSizePt);
      const va = options.va ?? "baseline";
      const at = (point: readonly [number, number]) => ({ x: plotlyValue(point[0], this.xscale), y: plotlyValue(point[1], this.yscale) });
      const arrowColor = cssColor(arrowprops?.color ?? arrowprops?.facecolor ?? "black");
      annotations.push({
        text,
        xref: `x${suffix}`,
        yref: `y${suffix}`,
        ...(arrowTo
          ? {
              ...at(arrowTo),
              showarrow: true,
              ax: at(position).x, ay: at(position).y, axref: `x${suffix}`, ayref: `y${suffix}`,
              arrowcolor: arrowColor,
              arrowwidth: pt(arrowprops?.linewidth ?? 1),
              // plotly's head 3 is swept like matplotlib's "->", head 2 filled like its default arrow.
              arrowhead: arrowprops?.arrowstyle === "->" ? 3 : 2,
            }
          : { ...at(position), showarrow: false }),
        xanchor: options.ha ?? "left",
        yanchor: va === "center" ? "middle" : va === "baseline" ? "bottom" : va,
        // plotly has no baseline anchor: drop the box's bottom by the font's descent (yshift would move an arrow too).
        ...(va === "baseline" && !arrowTo && { yshift: -TEXT_DESCENT * size }),
        borderpad: 0,
        borderwidth: 0,
        font: { size, color: cssColor(options.color ?? "black") },
      });
    }
    const shapes = this.referenceLines.map(({ direction, value, across, line, opacity }) => ({
      type: "line",
      layer: "above",
      line,
      ...(opacity !== undefined && { opacity }),
      ...(direction === "h"
        ? { xref: `x${suffix} domain`, x0: across[0], x1: across[1], yref: `y${suffix}`, y0: plotlyValue(value, this.yscale), y1: plotlyValue(value, this.yscale) }
        : { yref: `y${suffix} domain`, y0: across[0], y1: across[1], xref: `x${suffix}`, x0: plotlyValue(value, this.xscale), x1: plotlyValue(value, this.xscale) }),
    }));
    return { data, layout, annotations, shapes };
  }
}

/** A pyplot figure: a canvas of `figsize` inches at 100 dpi holding a grid of axes. */
export class Figure implements Displayable {
  readonly axes: Axes[] = [];
  currentAxes?: Axes;
  /** The figure's title above the grid of axes (`suptitle`). */
  title = "";

  constructor(readonly number: number, readonly figsize: readonly [number, number] = STYLE.figsize) {}

  /** Width in pixels at 100 dpi. @example plt.figure({ figsize: [10, 4] }).widthPx // 1000 */
  get widthPx(): number {
    return Math.round(this.figsize[0] * 100);
  }

  /** Height in pixels at 100 dpi. @example plt.gcf().heightPx // 480 */
  get heightPx(): number {
    return Math.round(this.figsize[1] * 100);
  }

  /**
   * The axes at this grid position, created when missing, made current (matplotlib's `fig.add_subplot`).
   * @example const fig = plt.figure(); fig.subplot(1, 2, 2).plot([1, 2])
   */
  subplot(rows: number, cols: number, index: number): Axes {
    if (!(Number.isInteger(rows) && Number.isInteger(cols) && rows > 0 && cols > 0)) throw new Error(`plt.subplot: rows and cols must be positive integers, got ${rows}, ${cols}`);
    if (!(Number.isInteger(index) && index >= 1 && index <= rows * cols)) throw new Error(`plt.subplot: num must be an integer with 1 <= num <= ${rows * cols}, not ${index}`);
    let axes = this.axes.find((a) => a.spec.rows === rows && a.spec.cols === cols && a.spec.index === index);
    if (!axes) {
      axes = new Axes({ rows, cols, index }, this);
      this.axes.push(axes);
    }
    this.currentAxes = axes;
    return axes;
  }

  /**
   * A `rows` × `cols` grid of new axes (matplotlib's `fig.subplots`), squeezed as matplotlib does: one Axes for
   * a 1 × 1 grid, a list for a single row or column, else a list of rows. The first one becomes current.
   * @example const [left, right] = plt.figure().subplots(1, 2) as Axes[]
   */
  subplots(rows = 1, cols = 1): Axes | Axes[] | Axes[][] {
    const grid: Axes[][] = [];
    for (let r = 0; r < rows; r++) {
      grid.push([]);
      for (let c = 0; c < cols; c++) grid[r].push(this.subplot(rows, cols, r * cols + c + 1));
    }
    this.currentAxes = grid[0][0];
    if (rows === 1 && cols === 1) return grid[0][0];
    if (rows === 1 || cols === 1) return grid.flat();
    return grid;
  }

  /**
   * A colorbar beside `ax` (default the current axes) for its last image, filled contour or colour-mapped
   * scatter (matplotlib's `fig.colorbar(mappable, ax=ax)` with that mappable).
   * @example const [fig, ax] = plt.subplots(); ax.imshow(W1); fig.colorbar({ ax });
   */
  colorbar(options: { ax?: Axes } = {}): void {
    (options.ax ?? this.gca()).colorbar();
  }

  /**
   * Clears the figure (matplotlib's `fig.clf`): every axes and the suptitle go; the next drawing starts a new axes.
   * @example fig.clf(); fig.subplot(1, 1, 1).plot(costs);
   */
  clf(): void {
    this.axes.splice(0);
    this.currentAxes = undefined;
    this.title = "";
  }

  /** A title centred above all axes (matplotlib's `fig.suptitle`). @example fig.suptitle("Learning rates") */
  suptitle(text: string): void {
    this.title = text;
  }

  /**
   * Writes the figure to a file, its format from the extension (matplotlib's `fig.savefig`): `.svg` the static
   * picture, `.html` a page with the interactive chart (plotly.js included), `.json` the plotly figure. Raster
   * formats are not available: tsdl draws vectors only.
   * @example fig.savefig("cost.svg")
   */
  savefig(path: string): void {
    const extension = extname(path).slice(1).toLowerCase();
    const figure = this.toPlotly();
    if (extension === "svg") writeFileSync(path, renderSvg(figure));
    else if (extension === "json") writeFileSync(path, JSON.stringify(figure));
    else if (extension === "html") writeFileSync(path, standaloneHtml(figure, this.toString()));
    else throw new Error(`plt.savefig: Format '${extension}' is not supported (supported formats: html, json, svg)`);
  }

  /** The current axes, a single full-size one if there is none yet (matplotlib's `fig.gca()`). @example fig.gca().set_ylim(0, 1) */
  gca(): Axes {
    return this.currentAxes ?? this.subplot(1, 1, 1);
  }

  /** The figure as plotly.js data, layout and config. @example Plotly.newPlot(div, ...Object.values(plt.gcf().toPlotly())) */
  toPlotly(): PlotlyFigure {
    const [width, height] = [this.widthPx, this.heightPx];
    const parts = this.axes.map((axes, i) => axes.toPlotly(i + 1, width, height));
    const layout: Record<string, any> = {
      width,
      height,
      autosize: false,
      margin: { l: 0, r: 0, t: 0, b: 0, pad: 0 },
      paper_bgcolor: "white",
      plot_bgcolor: "white",
      font: { family: FONT_FAMILY, size: STYLE.fontSize, color: "black" },
      showlegend: parts.some((p) => p.data.some((t) => t.showlegend)),
      hovermode: "closest",
      bargap: 0,
      ...Object.assign({}, ...parts.map((p) => p.layout)),
      annotations: [...parts.flatMap((p) => p.annotations), ...(this.title ? [suptitleAnnotation(this.title)] : [])],
      shapes: parts.flatMap((p) => p.shapes),
    };
    return { data: parts.flatMap((p) => p.data), layout, config: { displaylogo: false, responsive: false } };
  }

  /** The static picture: an SVG document of the same chart (matplotlib's `savefig(…, format="svg")`). @example writeFileSync("fig.svg", plt.gcf().toSVG()) */
  toSVG(): string {
    return renderSvg(this.toPlotly());
  }

  /** matplotlib's repr. @example String(plt.figure()) // "<Figure size 640x480 with 0 Axes>" */
  toString(): string {
    return `<Figure size ${this.widthPx}x${this.heightPx} with ${this.axes.length} Axes>`;
  }

  /** The notebook output: interactive plotly JSON, the static SVG for everything else, and a text summary. @example display(plt.gcf()) */
  [DISPLAY](): MimeBundle {
    // Like IPython, an empty figure shows only its text form.
    if (this.axes.length === 0) return { "text/plain": this.toString() };
    return figureBundle(this.toPlotly(), this.toString());
  }
}

/** A figure given directly as plotly.js data and layout (`plt.plotly`). */
export class RawPlotlyFigure implements Displayable {
  constructor(readonly figure: PlotlyFigure) {}

  /** The static picture of the figure. @example writeFileSync("fig.svg", plt.plotly(data).toSVG()) */
  toSVG(): string {
    return renderSvg(this.figure);
  }

  /** A one-line summary. @example String(plt.plotly([])) // "<plotly figure 700x450 with 0 traces>" */
  toString(): string {
    const { width = 700, height = 450 } = this.figure.layout;
    return `<plotly figure ${width}x${height} with ${this.figure.data.length} traces>`;
  }

  /** The notebook output, as for pyplot figures. @example display(plt.plotly(data)) */
  [DISPLAY](): MimeBundle {
    return figureBundle(this.figure, this.toString());
  }
}

/**
 * The one MIME bundle: plotly's JSON for front ends with a plotly renderer (JupyterLab, Notebook 7, VS Code);
 * the static SVG as `<img>` in text/html, which JupyterLab's sanitizer keeps and nbconvert's HTML export
 * prefers; the same SVG as image/svg+xml for viewers that skip HTML; and a text line.
 * @example figureBundle(plt.gcf().toPlotly(), "cost curve")["text/plain"] // "cost curve"
 */
export function figureBundle(figure: PlotlyFigure, summary: string): MimeBundle {
  const svg = renderSvg(figure);
  const { width = 700, height = 450 } = figure.layout;
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return {
    "application/vnd.plotly.v1+json": figure,
    "text/html": `<img src="${src}" width="${width}" height="${height}" alt="${escapeAttribute(summary)}">`,
    "image/svg+xml": svg,
    "text/plain": summary,
  };
}

/**
 * The trace with plotly's colorbar placed in the axes view's colorbar box, outlined and ticked like
 * matplotlib's: MaxNLocator over the colour range (contour levels for filled contours), labels on the right.
 */
function withColorbar(trace: Trace, view: AxesView, figureWidth: number, figureHeight: number, levels?: readonly number[]): Trace {
  const [x0, x1] = view.colorbarX!;
  const [y0, y1] = view.colorbarY!;
  const lengthPx = (y1 - y0) * figureHeight;
  let ticks: { tickvals: readonly number[]; ticktext: string[] };
  if (levels) {
    // A tick at every level (matplotlib's colorbar of a contour set); uneven levels are plotted in level-index
    // space (see contourf), so there the ticks sit at the indices.
    ticks = { tickvals: trace.customdata ? levels.map((_, i) => i) : levels, ticktext: formatLinearTicks(levels).labels };
  } else {
    const scale = (trace.type === "scatter" ? trace.marker : trace) as Record<string, number>;
    const [lo, hi] = trace.type === "scatter" ? [scale.cmin, scale.cmax] : [scale.zmin, scale.zmax];
    const { major, labels } = axisTicks(lo, hi, "linear", autoBinCount(lengthPx, STYLE.fontSize, "y"));
    ticks = { tickvals: major, ticktext: labels };
  }
  const colorbar = {
    x: x0, xanchor: "left", y: y0, yanchor: "bottom", xref: "paper", yref: "paper",
    len: y1 - y0, lenmode: "fraction",
    thickness: (x1 - x0) * figureWidth, thicknessmode: "pixels",
    xpad: 0, ypad: 0,
    outlinewidth: STYLE.spineWidth, outlinecolor: "black",
    ticks: "outside", ticklen: STYLE.tickLength, tickwidth: STYLE.tickWidth, tickcolor: "black",
    tickmode: "array", ...ticks,
    tickfont: { size: STYLE.fontSize },
  };
  return trace.type === "scatter"
    ? { ...trace, marker: { ...(trace.marker as object), showscale: true, colorbar } }
    : { ...trace, showscale: true, colorbar };
}

function checkScale(value: string): Scale {
  if (value !== "linear" && value !== "log") throw new Error(`plt: unknown scale '${value}'; supported: "linear", "log"`);
  return value;
}

/** matplotlib's suptitle: centred at 98 % of the figure's height, hanging from there, in the "large" size. */
function suptitleAnnotation(text: string): Record<string, unknown> {
  return { text, xref: "paper", yref: "paper", x: 0.5, y: 0.98, xanchor: "center", yanchor: "top", showarrow: false, font: { size: STYLE.titleSize } };
}

/** A page showing the figure with plotly.js (inlined, so it works offline), its static picture until the script has run. */
function standaloneHtml(figure: PlotlyFigure, summary: string): string {
  const plotly = readFileSync(require.resolve("plotly.js-dist"), "utf8");
  const json = JSON.stringify(figure).replace(/</g, "\\u003c");
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeAttribute(summary)}</title></head>
<body><div id="figure">${renderSvg(figure)}</div>
<script>${plotly}</script>
<script>const figure = ${json}; const div = document.getElementById("figure"); div.innerHTML = ""; Plotly.newPlot(div, figure.data, figure.layout, figure.config);</script>
</body></html>
`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export type PlotArgs =
  | [PlotData, (string | LineOptions)?]
  | [PlotData, string, LineOptions?]
  | [PlotData, PlotData, (string | LineOptions)?]
  | [PlotData, PlotData, string, LineOptions?];

/** Whether a trailing argument is a keyword-options object rather than data (an array, typed array or NDArray). @example isOptionsObject({ rotation: 45 }) // true */
export function isOptionsObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value) && !("shape" in value);
}

/** Sorts plot's positional arguments into x, y, format string and options, as matplotlib's plot does. */
function splitPlotArgs(args: readonly unknown[]): { x?: PlotData; y: PlotData; fmt?: string; options: LineOptions } {
  const rest = [...args];
  const options = (rest.length > 0 && isOptionsObject(rest[rest.length - 1]) ? rest.pop() : {}) as LineOptions;
  const fmt = typeof rest[rest.length - 1] === "string" ? (rest.pop() as string) : undefined;
  if (rest.length === 1) return { y: rest[0] as PlotData, fmt, options };
  if (rest.length === 2) return { x: rest[0] as PlotData, y: rest[1] as PlotData, fmt, options };
  throw new Error(`plt.plot: expected plot(y), plot(x, y) or plot(x, y, fmt), optionally followed by options; got ${args.length} arguments`);
}

/** matplotlib's drawstyles as plotly's line shapes: "vh" rises first (steps-pre), "hv" runs first (steps-post). */
const STEP_SHAPES = { steps: "vh", "steps-pre": "vh", "steps-mid": "hvh", "steps-post": "hv" } as const;

/** An errorbar's xerr/yerr as the distances below and above each point: a scalar, N values or a 2×N array. */
function errorSizes(err: number | PlotData, count: number, name: string): [Float64Array, Float64Array] {
  if (typeof err === "number" && err < 0) throw new Error(`plt.errorbar: '${name}' must not contain negative values`);
  if (typeof err === "number") return [new Float64Array(count).fill(err), new Float64Array(count).fill(err)];
  const grid = toGrid(err, name);
  if (grid.values.some((v) => v < 0)) throw new Error(`plt.errorbar: '${name}' must not contain negative values`);
  if (grid.shape.length === 1 && grid.values.length === count) return [grid.values, grid.values];
  if (grid.shape.length === 2 && grid.shape[0] === 2 && grid.shape[1] === count) return [grid.values.subarray(0, count), grid.values.subarray(count)];
  throw new Error(`plt.errorbar: '${name}' (shape: (${grid.shape.join(", ")})) must be a scalar or a 1D or (2, n) array-like whose shape matches 'y' (shape: (${count},))`);
}

function markerStyle(marker: string, color: string, sizePx: number): Record<string, unknown> {
  const { symbol } = MARKERS[marker];
  return { symbol, size: sizePx, color, ...(symbol.endsWith("-open") && { line: { color, width: pt(1) } }) };
}

/** Marker diameters in px from matplotlib's areas in points². */
function scatterSizes(s: number | PlotData | undefined, count: number): number | number[] {
  const diameter = (area: number) => pt(Math.sqrt(area));
  if (s === undefined) return diameter(STYLE.markerSize ** 2);
  if (typeof s === "number") return diameter(s);
  const sizes = toVector(s, "s");
  if (sizes.length !== count) throw new Error(`plt.scatter: 's' must be a scalar or have ${count} values, got ${sizes.length}`);
  return Array.from(sizes, diameter);
}

function spans(xs: ArrayLike<number>, ys: ArrayLike<number>): Pick<TraceExtent, "x" | "y" | "xPositive" | "yPositive"> {
  return { x: finiteExtent(xs), y: finiteExtent(ys), xPositive: smallestPositive(xs), yPositive: smallestPositive(ys) };
}

function smallestPositive(values: ArrayLike<number>): number | undefined {
  let best = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > 0 && values[i] < best) best = values[i];
  return best < Infinity ? best : undefined;
}

function imageExtent(width: number, height: number): TraceExtent {
  return { x: [-0.5, width - 0.5], y: [-0.5, height - 0.5], xPositive: 0.5, yPositive: 0.5, stickyX: [-0.5, width - 0.5], stickyY: [-0.5, height - 0.5] };
}

/** RGBA bytes of an H×W×3|4 image; integer images are 0–255, float images [0, 1], both clipped like matplotlib. */
function imageBytes(grid: Grid, channels: number, integer: boolean): Uint8Array {
  const pixels = grid.values.length / channels;
  const bytes = new Uint8Array(pixels * 4);
  const toByte = integer ? (v: number) => v : (v: number) => Math.round(v * 255);
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < 4; k++) {
      const v = k < channels ? toByte(grid.values[p * channels + k]) : 255;
      bytes[p * 4 + k] = Math.min(255, Math.max(0, Number.isFinite(v) ? v : 0));
    }
  }
  return bytes;
}

/** The 1-D coordinates along a contour grid from meshgrid output (first row of X, first column of Y) or a vector. */
function gridCoordinates(grid: Grid, count: number, name: string, along: "columns" | "rows"): Float64Array {
  if (grid.shape.length === 1 && grid.values.length === count) return grid.values;
  if (grid.shape.length === 2) {
    const [rows, cols] = grid.shape;
    if (along === "columns" && cols === count) return grid.values.slice(0, cols);
    if (along === "rows" && rows === count) return Float64Array.from({ length: rows }, (_, r) => grid.values[r * cols]);
  }
  throw new Error(`plt.contourf: ${name} has shape (${grid.shape.join(", ")}), which does not match Z's ${along} (${count})`);
}

/** matplotlib's contour levels: given boundaries, or MaxNLocator(n + 1) over the data (default n = 7). */
function contourLevels(levels: number | readonly number[] | undefined, zmin: number, zmax: number): number[] {
  if (Array.isArray(levels)) {
    if (levels.length < 2) throw new Error("plt.contourf: filled contours require at least 2 levels");
    return [...levels];
  }
  const count = (levels as number | undefined) ?? 7;
  const [lo, hi] = zmin === zmax ? [zmin - 1e-3 * Math.max(1, Math.abs(zmin)), zmax + 1e-3 * Math.max(1, Math.abs(zmax))] : [zmin, zmax];
  const candidates = maxNLocator(lo, hi, count + 1, { minTicks: 1, steps: LEVEL_STEPS });
  // matplotlib's _autolev keeps at most one level below the data and one above it.
  const below = candidates.filter((level) => level < lo).length;
  const above = candidates.filter((level) => level > hi).length;
  const trimmed = candidates.slice(Math.max(0, below - 1), candidates.length - Math.max(0, above - 1));
  return trimmed.length >= 2 ? trimmed : candidates;
}

/** Position of v on the level scale: level i ↦ i, linear in between, -1 below and levels.length above. */
function levelIndex(v: number, levels: readonly number[]): number {
  if (v < levels[0]) return -1;
  if (v === levels[0]) return 0;
  for (let i = 1; i < levels.length; i++) {
    if (v <= levels[i]) return i - 1 + (v - levels[i - 1]) / (levels[i] - levels[i - 1]);
  }
  return levels.length;
}

/** `np.histogram`'s bin edges: `bins` equal bins over the range (±0.5 around a single value) or the given edges. */
function histogramEdges(values: Float64Array, bins: number | readonly number[], range?: readonly [number, number]): number[] {
  if (Array.isArray(bins)) return [...bins];
  const count = bins as number;
  if (!(Number.isInteger(count) && count >= 1)) throw new Error(`plt.hist: bins must be a positive integer, got ${count}`);
  let [lo, hi] = range ?? finiteExtent(values) ?? [0, 1];
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  return Array.from({ length: count + 1 }, (_, i) => (i === count ? hi : lo + ((hi - lo) * i) / count));
}

/** Counts per bin; every bin is half-open [a, b) except the last, which includes its right edge (numpy's rule). */
function histogramCounts(values: Float64Array, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = edges.length - 1;
  for (const v of values) {
    if (v < edges[0] || v > edges[last]) continue;
    let lo = 0;
    let hi = last;
    // Binary search for the bin with edges[lo] <= v < edges[lo + 1].
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v >= edges[mid]) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

function isLabelled(trace: Trace): boolean {
  return typeof trace.name === "string" && trace.name !== "" && !trace.name.startsWith("_");
}

/** figure.subplot.* parameters → the box of subplot `index` in a rows × cols grid, as figure fractions. */
function subplotBox({ rows, cols, index }: SubplotSpec): { x: [number, number]; y: [number, number] } {
  const { left, right, bottom, top, wspace, hspace } = STYLE.subplot;
  const cellWidth = (right - left) / (cols + wspace * (cols - 1));
  const cellHeight = (top - bottom) / (rows + hspace * (rows - 1));
  const [row, col] = [Math.floor((index - 1) / cols), (index - 1) % cols];
  const x0 = left + col * cellWidth * (1 + wspace);
  const y1 = top - row * cellHeight * (1 + hspace);
  return { x: [x0, x0 + cellWidth], y: [y1 - cellHeight, y1] };
}

function span(limits: [number, number], scale: Scale): number {
  return scale === "log" ? Math.log10(limits[1]) - Math.log10(limits[0]) : limits[1] - limits[0];
}

/** The limits grown to take in [lo, hi], keeping their direction (matplotlib's set_view_interval). */
function widen([a, b]: [number, number], [lo, hi]: [number, number]): [number, number] {
  return a <= b ? [Math.min(a, lo), Math.max(b, hi)] : [Math.max(a, hi), Math.min(b, lo)];
}

function shrink([a, b]: [number, number], length: number): [number, number] {
  const middle = (a + b) / 2;
  return [middle - length / 2, middle + length / 2];
}

/** Fixed ticks for plotly's `tickmode: "array"` (set_xticks, bar categories) and the labels' rotation. */
interface AxisTicks {
  values?: readonly number[];
  labels?: readonly string[];
  rotation: number;
}

function axisLayout(domain: [number, number], limits: [number, number], scale: Scale, title: string, grid: boolean, anchor: string, ticks: AxisTicks): Record<string, unknown> {
  return {
    domain,
    anchor,
    type: scale,
    range: scale === "log" ? limits.map(Math.log10) : limits,
    autorange: false,
    showline: true,
    mirror: true,
    linecolor: "black",
    linewidth: STYLE.spineWidth,
    ticks: "outside",
    ticklen: STYLE.tickLength,
    tickwidth: STYLE.tickWidth,
    tickcolor: "black",
    zeroline: false,
    showgrid: grid,
    gridcolor: STYLE.gridColor,
    gridwidth: STYLE.gridWidth,
    ...(scale === "log" && { exponentformat: "power", dtick: 1 }),
    ...(ticks.values && { tickmode: "array", tickvals: ticks.values, ticktext: ticks.labels }),
    // plotly turns labels clockwise, matplotlib counter-clockwise.
    ...(ticks.rotation !== 0 && { tickangle: -ticks.rotation }),
    ...(title && { title: { text: title, standoff: STYLE.labelPad, font: { size: STYLE.fontSize } } }),
  };
}

/** Legend anchor as (horizontal, vertical) fractions of the free space in the axes: 0 left/bottom, 1 right/top. */
const LEGEND_ANCHORS: Record<Exclude<LegendLocation, "best" | "right">, [number, number]> = {
  "upper right": [1, 1],
  "upper left": [0, 1],
  "lower left": [0, 0],
  "lower right": [1, 0],
  "center left": [0, 0.5],
  "center right": [1, 0.5],
  "lower center": [0.5, 0],
  "upper center": [0.5, 1],
  center: [0.5, 0.5],
};

/** matplotlib's order of trying locations for "best" (ties go to the earlier one). */
const BEST_CANDIDATES = Object.keys(LEGEND_ANCHORS) as Exclude<LegendLocation, "best" | "right">[];

function legendLayout(location: Exclude<LegendLocation, "best" | "right">, view: AxesView, figureWidth: number, figureHeight: number): Record<string, unknown> {
  const [fx, fy] = LEGEND_ANCHORS[location];
  const pad = STYLE.legend.borderAxesPad * STYLE.fontSize;
  const x = view.domainX[0] + fx * (view.domainX[1] - view.domainX[0]) + (1 - 2 * fx) * (pad / figureWidth);
  const y = view.domainY[0] + fy * (view.domainY[1] - view.domainY[0]) + (1 - 2 * fy) * (pad / figureHeight);
  return {
    x,
    y,
    xref: "paper",
    yref: "paper",
    xanchor: fx === 0 ? "left" : fx === 1 ? "right" : "center",
    yanchor: fy === 0 ? "bottom" : fy === 1 ? "top" : "middle",
    bgcolor: `rgba(255,255,255,${STYLE.legend.frameAlpha})`,
    bordercolor: STYLE.legend.frameColor,
    borderwidth: 1,
    font: { size: STYLE.fontSize },
  };
}
