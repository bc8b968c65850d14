/**
 * tsdl's plotting: matplotlib's pyplot on plotly.js. `import { plt } from "tsdl/plot"` (preloaded as `plt` in the
 * kernel), or the functions by name.
 * @example
 * plt.plot(costs);
 * plt.ylabel("cost");
 * plt.title("Learning rate = 0.005");
 * plt.show();
 */
export * from "./pyplot";
export * as plt from "./pyplot";
export { takeUnshownFigures } from "./state";
export { Axes, Figure, RawPlotlyFigure, figureBundle } from "./figure";
export type { PlotlyFigure, LineOptions, ScatterOptions, ContourOptions, ImageOptions, HistOptions, BarOptions, LegendLocation, Trace, AxhlineOptions, AxvlineOptions, ReferenceLineOptions, FillBetweenOptions, TextOptions, AnnotateOptions, TickOptions, StepOptions, ErrorbarOptions } from "./figure";
export { renderSvg } from "./svg";
export type { PlotData } from "./data";
