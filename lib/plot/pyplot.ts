/**
 * The pyplot functions: each draws into the current axes of the current figure, creating them when needed,
 * exactly as `matplotlib.pyplot` does. A figure left open shows when its cell ends; `show()` shows it now.
 */
import type { NDArray } from "../np/ndarray";
import { display } from "../display";
import { cm, Colormap } from "./colors";
import type { PlotData } from "./data";
import {
  Axes,
  Figure,
  isOptionsObject,
  RawPlotlyFigure,
  type AnnotateOptions,
  type AxhlineOptions,
  type AxvlineOptions,
  type BarOptions,
  type ContourOptions,
  type ErrorbarOptions,
  type FillBetweenOptions,
  type HistOptions,
  type ImageOptions,
  type LegendLocation,
  type PlotArgs,
  type ScatterOptions,
  type StepOptions,
  type TextOptions,
  type TickOptions,
  type Trace,
} from "./figure";
import { STYLE } from "./style";
import { activate, currentFigure, forget, nextFigureNumber, openFigures } from "./state";
import type { Scale } from "./ticks";

export { cm, Colormap };

export interface FigureOptions {
  /** Width and height in inches (default [6.4, 4.8], i.e. 640 × 480 px). */
  figsize?: readonly [number, number];
  /** Figure number: an open figure with this number is made current instead of creating one. */
  num?: number;
}

/**
 * Creates a new figure and makes it current (matplotlib's `plt.figure`).
 * @example plt.figure({ figsize: [10, 4] })
 */
export function figure(options: FigureOptions = {}): Figure {
  const existing = openFigures.find((f): f is Figure => f instanceof Figure && f.number === options.num);
  if (existing) {
    activate(existing);
    return existing;
  }
  const created = new Figure(options.num ?? nextFigureNumber(), options.figsize ?? STYLE.figsize);
  activate(created);
  return created;
}

/**
 * The current figure, created if there is none (matplotlib's `plt.gcf`).
 * @example plt.gcf().toSVG()
 */
export function gcf(): Figure {
  return currentFigure() ?? figure();
}

/**
 * The current axes of the current figure (matplotlib's `plt.gca`).
 * @example plt.gca().get_ylim()
 */
export function gca(): Axes {
  return gcf().gca();
}

/**
 * Makes the `index`-th axes (1-based, row by row) of a `rows` × `cols` grid current, creating it if needed
 * (matplotlib's `plt.subplot`); `subplot(211)` is `subplot(2, 1, 1)`.
 * @example
 * plt.subplot(1, 2, 1); plt.plot(trainCosts);
 * plt.subplot(1, 2, 2); plt.plot(testCosts);
 */
export function subplot(rows: number, cols?: number, index?: number): Axes {
  if (cols === undefined || index === undefined) {
    if (!(Number.isInteger(rows) && rows >= 111 && rows <= 999)) throw new Error(`plt.subplot: a single argument must be a three-digit integer like 211, not ${rows}`);
    return gcf().subplot(Math.floor(rows / 100), Math.floor(rows / 10) % 10, rows % 10);
  }
  return gcf().subplot(rows, cols, index);
}

/**
 * A new figure with a `rows` × `cols` grid of axes (matplotlib's `plt.subplots`): `[fig, ax]` for one axes,
 * `[fig, axs]` with a list for one row or column, else with a list of rows. Options as `plt.figure`.
 * @example
 * const [fig, [costAxes, accuracyAxes]] = plt.subplots(1, 2, { figsize: [10, 4] });
 * costAxes.plot(costs);
 * costAxes.set_title("cost");
 */
export function subplots(options?: FigureOptions): [Figure, Axes];
export function subplots(rows: 1, cols?: 1, options?: FigureOptions): [Figure, Axes];
export function subplots(rows: 1, cols: number, options?: FigureOptions): [Figure, Axes[]];
export function subplots(rows: number, cols?: 1, options?: FigureOptions): [Figure, Axes[]];
export function subplots(rows: number, cols: number, options?: FigureOptions): [Figure, Axes[][]];
export function subplots(...args: [FigureOptions?] | [number, number?, FigureOptions?]): [Figure, Axes | Axes[] | Axes[][]] {
  const [rows, cols, options] = typeof args[0] === "number" ? (args as [number, number?, FigureOptions?]) : [1, 1, args[0] as FigureOptions | undefined];
  if (!(Number.isInteger(rows) && Number.isInteger(cols ?? 1) && rows > 0 && (cols ?? 1) > 0)) {
    throw new Error(`plt.subplots: nrows and ncols must be positive integers, got ${rows}, ${cols}`);
  }
  const fig = figure(options);
  return [fig, fig.subplots(rows, cols ?? 1)];
}

/**
 * A title centred above all the axes of the current figure (matplotlib's `plt.suptitle`).
 * @example plt.suptitle("Learning rate comparison")
 */
export function suptitle(text: string): void {
  gcf().suptitle(text);
}

/**
 * Clears the current figure: its axes and suptitle go, the figure stays open (matplotlib's `plt.clf`).
 * @example plt.plot(costs); plt.clf(); plt.plot(accuracies);
 */
export function clf(): void {
  gcf().clf();
}

/**
 * Clears the current axes: data, labels, title, legend, scales, limits and ticks (matplotlib's `plt.cla`).
 * @example plt.subplot(1, 2, 2); plt.cla(); plt.plot(testCosts);
 */
export function cla(): void {
  gca().cla();
}

/**
 * Writes the current figure to a file (matplotlib's `plt.savefig`): `.svg`, `.html` (interactive) or `.json`
 * (plotly). Call it before `show()`, which closes the figure.
 * @example plt.plot(costs); plt.savefig("costs.svg");
 */
export function savefig(path: string): void {
  gcf().savefig(path);
}

/**
 * Plots y against x as lines and/or markers (matplotlib's `plt.plot`). Without x the points are at 0, 1, 2, …;
 * `fmt` is a matplotlib format string such as `"r--"` (red dashed) or `"bo"` (blue dots); a 2-D y draws one
 * line per column.
 * @example
 * plt.plot(costs);
 * plt.plot(x, np.tanh(x), "r--", { label: "tanh", linewidth: 2 });
 */
export function plot(...args: PlotArgs): void {
  gca().plot(...args);
}

/**
 * Plots with a logarithmic y axis (matplotlib's `plt.semilogy`): `plot`'s arguments, then `yscale("log")`.
 * @example plt.semilogy(costs, { label: "cost" })
 */
export function semilogy(...args: PlotArgs): void {
  gca().semilogy(...args);
}

/**
 * Plots with a logarithmic x axis (matplotlib's `plt.semilogx`).
 * @example plt.semilogx([1e-4, 1e-3, 1e-2, 1e-1], [0.71, 0.86, 0.93, 0.64], "o-")
 */
export function semilogx(...args: PlotArgs): void {
  gca().semilogx(...args);
}

/**
 * Plots with both axes logarithmic (matplotlib's `plt.loglog`).
 * @example plt.loglog(sizes, seconds, "s-")
 */
export function loglog(...args: PlotArgs): void {
  gca().loglog(...args);
}

/**
 * A step plot (matplotlib's `plt.step`): y[i] holds from x[i-1] to x[i] (`where: "pre"`, the default), from
 * x[i] to x[i+1] ("post") or around x[i] ("mid").
 * @example plt.step(epochs, learningRates, { where: "post" })
 */
export function step(x: PlotData, y: PlotData, fmtOrOptions?: string | StepOptions, options?: StepOptions): void {
  gca().step(x, y, fmtOrOptions, options);
}

/**
 * Points with error bars (matplotlib's `plt.errorbar`): `yerr`/`xerr` one for all, one per point or
 * [below, above]; `fmt` styles the points ("none" draws the bars only), `capsize` caps the bars.
 * @example plt.errorbar(sizes, meanAccuracy, { yerr: stdAccuracy, fmt: "o-", capsize: 4 })
 */
export function errorbar(x: PlotData, y: PlotData, options?: ErrorbarOptions): void {
  gca().errorbar(x, y, options);
}

/**
 * Draws points with per-point colour and size (matplotlib's `plt.scatter`); numbers in `c` (class labels,
 * scores) go through `cmap`.
 * @example plt.scatter(X.get(0), X.get(1), { c: Y, s: 40, cmap: plt.cm.Spectral })
 */
export function scatter(x: PlotData, y: PlotData, options?: ScatterOptions): void {
  gca().scatter(x, y, options);
}

/**
 * Filled contours of Z on a grid (matplotlib's `plt.contourf`), e.g. a classifier's decision regions over
 * `np.meshgrid` coordinates.
 * @example plt.contourf(xx, yy, Z, { cmap: plt.cm.Spectral })
 */
export function contourf(...args: [PlotData, ContourOptions?] | [PlotData, PlotData, PlotData, ContourOptions?]): void {
  gca().contourf(...args);
}

/**
 * Shows an image (matplotlib's `plt.imshow`): an H×W array through a colormap (viridis unless `cmap` is
 * given) or H×W×3 / H×W×4 colours, uint8 0–255 or float [0, 1].
 * @example plt.imshow(train_set_x_orig.get(index))
 */
export function imshow(image: PlotData, options?: ImageOptions): void {
  gca().imshow(image, options);
}

/**
 * Histogram with numpy's binning (matplotlib's `plt.hist`); returns `[counts, binEdges]`.
 * @example const [counts, edges] = plt.hist(W1, { bins: 50 })
 */
export function hist(x: PlotData, options?: HistOptions): [NDArray, NDArray] {
  return gca().hist(x, options);
}

/**
 * Bar chart (matplotlib's `plt.bar`); `x` may be positions or category names.
 * @example plt.bar(["train", "test"], [99.1, 70.0])
 */
export function bar(x: PlotData | readonly string[], height: PlotData | number, options?: BarOptions): void {
  gca().bar(x, height, options);
}

/**
 * A horizontal line across the current axes at `y` (matplotlib's `plt.axhline`); `xmin`/`xmax` are fractions
 * of the axes' width, so the line spans the view however it is zoomed.
 * @example plt.axhline(0.5, { color: "k", linestyle: "--", label: "threshold" })
 */
export function axhline(y?: number, options?: AxhlineOptions): void {
  gca().axhline(y, options);
}

/**
 * A vertical line across the current axes at `x` (matplotlib's `plt.axvline`); `ymin`/`ymax` are fractions
 * of the axes' height.
 * @example plt.axvline(1500, { color: "r", label: "early stop" })
 */
export function axvline(x?: number, options?: AxvlineOptions): void {
  gca().axvline(x, options);
}

/**
 * Fills the area between y1 and y2 (default 0) over x (matplotlib's `plt.fill_between`), e.g. a band of
 * ± one standard deviation; `where` fills only the runs of points where it is true.
 * @example plt.fill_between(x, lower, upper, { alpha: 0.2 })
 */
export function fill_between(x: PlotData, y1: PlotData | number, y2?: PlotData | number, options?: FillBetweenOptions): void {
  gca().fill_between(x, y1, y2, options);
}

/**
 * Writes text at (x, y) in data units of the current axes (matplotlib's `plt.text`), by default with its left
 * end and baseline there.
 * @example plt.text(2, 0.5, "overfitting starts", { color: "r", fontsize: 12 })
 */
export function text(x: number, y: number, s: string, options?: TextOptions): void {
  gca().text(x, y, s, options);
}

/**
 * Annotates the point `xy` (matplotlib's `plt.annotate`): the text at `xytext` (default `xy`) in data units,
 * with an arrow to the point when `arrowprops` is given.
 * @example plt.annotate("best", [12, 0.93], { xytext: [20, 0.8], arrowprops: { arrowstyle: "->" } })
 */
export function annotate(text: string, xy: readonly [number, number], options?: AnnotateOptions): void {
  gca().annotate(text, xy, options);
}

/**
 * A colorbar beside the current axes for its last image, filled contour or scatter with `c` values
 * (matplotlib's `plt.colorbar()`): the axes narrows by 20 % to make room, as in matplotlib.
 * @example plt.contourf(xx, yy, Z); plt.colorbar();
 */
export function colorbar(): void {
  gcf().colorbar({ ax: gca() });
}

/**
 * Sets the current axes' title (matplotlib's `plt.title`).
 * @example plt.title("Learning rate = 0.005")
 */
export function title(label: string): void {
  gca().set_title(label);
}

/**
 * Labels the x axis (matplotlib's `plt.xlabel`).
 * @example plt.xlabel("iterations (per hundreds)")
 */
export function xlabel(label: string): void {
  gca().set_xlabel(label);
}

/**
 * Labels the y axis (matplotlib's `plt.ylabel`).
 * @example plt.ylabel("cost")
 */
export function ylabel(label: string): void {
  gca().set_ylabel(label);
}

/**
 * Shows a legend of the labelled lines (matplotlib's `plt.legend`); with a list, labels the lines in drawing
 * order. `loc` is "best" (the corner covering the least data, the default) or e.g. "upper right".
 * @example
 * plt.plot(a, { label: "train" }); plt.plot(b, { label: "test" });
 * plt.legend({ loc: "upper center" });
 */
export function legend(labelsOrOptions?: readonly string[] | { loc?: LegendLocation }, options: { loc?: LegendLocation } = {}): void {
  gca().legend(labelsOrOptions, options);
}

/**
 * Gets or sets the x view limits (matplotlib's `plt.xlim`): `xlim()`, `xlim(left, right)`, `xlim([left, right])`;
 * leave a side undefined to keep it automatic. Returns the limits.
 * @example plt.xlim(0, 1500)
 */
export function xlim(left?: number | readonly [number, number], right?: number): [number, number] {
  const axes = gca();
  const [lo, hi] = Array.isArray(left) ? left : [left as number | undefined, right];
  if (lo !== undefined || hi !== undefined) axes.set_xlim(lo, hi);
  return axes.get_xlim();
}

/**
 * Gets or sets the y view limits (matplotlib's `plt.ylim`).
 * @example plt.ylim(0, 1)
 */
export function ylim(bottom?: number | readonly [number, number], top?: number): [number, number] {
  const axes = gca();
  const [lo, hi] = Array.isArray(bottom) ? bottom : [bottom as number | undefined, top];
  if (lo !== undefined || hi !== undefined) axes.set_ylim(lo, hi);
  return axes.get_ylim();
}

/**
 * Gets or sets the current axes' x ticks (matplotlib's `plt.xticks`): `xticks(ticks, labels?, { rotation })`
 * fixes their positions and labels, `xticks([])` removes them, `xticks({ rotation: 45 })` only turns the labels.
 * Returns the positions and label texts, as matplotlib's locator and formatter give them (the positions may
 * reach one step past the view).
 * @example
 * plt.xticks([0, 1, 2], ["train", "dev", "test"], { rotation: 45 });
 * const [positions, labels] = plt.xticks();
 */
export function xticks(...args: TicksArgs): [number[], string[]] {
  return ticks("x", args);
}

/**
 * Gets or sets the current axes' y ticks (matplotlib's `plt.yticks`), as `xticks`.
 * @example plt.yticks([0, 0.5, 1], ["0 %", "50 %", "100 %"])
 */
export function yticks(...args: TicksArgs): [number[], string[]] {
  return ticks("y", args);
}

type TicksArgs = [TickOptions?] | [PlotData, TickOptions?] | [PlotData, readonly string[], TickOptions?];

function ticks(axis: "x" | "y", args: TicksArgs): [number[], string[]] {
  const axes = gca();
  const rest = [...args];
  const options = (rest.length > 0 && isOptionsObject(rest[rest.length - 1]) ? rest.pop() : {}) as TickOptions;
  const [positions, labels] = rest as [PlotData?, (readonly string[])?];
  if (positions !== undefined) (axis === "x" ? axes.set_xticks(positions, labels) : axes.set_yticks(positions, labels));
  if (options.rotation !== undefined) axes.tick_params(axis, { labelrotation: options.rotation });
  return axis === "x" ? [axes.get_xticks(), axes.get_xticklabels()] : [axes.get_yticks(), axes.get_yticklabels()];
}

/**
 * Sets the x axis scale, "linear" or "log" (matplotlib's `plt.xscale`).
 * @example plt.xscale("log")
 */
export function xscale(value: Scale): void {
  gca().set_xscale(value);
}

/**
 * Sets the y axis scale, "linear" or "log" (matplotlib's `plt.yscale`).
 * @example plt.yscale("log")
 */
export function yscale(value: Scale): void {
  gca().set_yscale(value);
}

/**
 * Shows or hides grid lines at the major ticks (matplotlib's `plt.grid`); without an argument it toggles them.
 * @example plt.grid(true)
 */
export function grid(visible?: boolean): void {
  gca().grid(visible);
}

/**
 * Turns the current axes' lines, ticks and labels off or on, makes its data units square, or sets its four
 * limits (matplotlib's `plt.axis`): "off", "on", "equal" or [xmin, xmax, ymin, ymax]. Returns the limits.
 * @example plt.imshow(train_x_orig[index]); plt.axis("off");
 */
export function axis(option?: "off" | "on" | "equal" | readonly [number, number, number, number] | boolean): [number, number, number, number] {
  return gca().axis(option);
}

/**
 * Displays every open figure now, each as its own output, and closes them (matplotlib's `plt.show` with the
 * inline backend). Without it the figures show when the cell ends.
 * @example plt.plot(costs); plt.show();
 */
export function show(): void {
  const figures = [...openFigures];
  forget(figures);
  for (const f of figures) display(f);
}

/**
 * Closes figures without showing them (matplotlib's `plt.close`): the current one, a given one or number, or "all".
 * @example plt.close("all")
 */
export function close(which?: Figure | RawPlotlyFigure | number | "all"): void {
  if (which === "all") forget([...openFigures]);
  else if (which === undefined) forget(currentFigure() ? [currentFigure()!] : []);
  else if (typeof which === "number") forget(openFigures.filter((f) => f instanceof Figure && f.number === which));
  else forget([which]);
}

/**
 * A figure made of plotly.js traces and layout as they are, for everything pyplot does not cover; it shows
 * like a pyplot figure (at the end of the cell, or with `show()`). The static picture covers scatter, bar,
 * heatmap, image and contour traces.
 * @example plt.plotly([{ type: "bar", x: ["a", "b"], y: [3, 5] }], { title: { text: "counts" } })
 */
export function plotly(data: Trace[], layout: Record<string, any> = {}, config: Record<string, unknown> = {}): RawPlotlyFigure {
  const created = new RawPlotlyFigure({ data, layout: { ...layout }, config: { displaylogo: false, ...config } });
  activate(created);
  return created;
}
