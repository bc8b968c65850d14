/** plt's API: the MIME bundle, inline-backend figure lifecycle, format strings, inputs and plotly traces. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DISPLAY, setDisplaySink, type MimeBundle } from "../lib/display";
import * as np from "../lib/np";
import { Axes, plt, takeUnshownFigures, type PlotlyFigure } from "../lib/plot";
import { parseFormat } from "../lib/plot/format";

afterEach(() => {
  plt.close("all");
  setDisplaySink(undefined);
});

function bundleOf(figure: { [DISPLAY](): unknown }): MimeBundle {
  return figure[DISPLAY]() as MimeBundle;
}

describe("the MIME bundle", () => {
  it("carries plotly JSON, the SVG as an <img> and as image/svg+xml, and matplotlib's repr", () => {
    plt.plot([3, 1, 2]);
    const bundle = bundleOf(plt.gcf());
    expect(Object.keys(bundle).sort()).toEqual(["application/vnd.plotly.v1+json", "image/svg+xml", "text/html", "text/plain"]);
    const figure = bundle["application/vnd.plotly.v1+json"] as PlotlyFigure;
    expect(Object.keys(figure).sort()).toEqual(["config", "data", "layout"]);
    expect(figure.data).toEqual([expect.objectContaining({ type: "scatter", y: [3, 1, 2], x0: 0, dx: 1 })]);
    expect(bundle["text/plain"]).toBe("<Figure size 640x480 with 1 Axes>");
    const html = bundle["text/html"] as string;
    const src = /^<img src="data:image\/svg\+xml;base64,([^"]+)" width="640" height="480" alt="[^"]*">$/.exec(html);
    expect(src).not.toBeNull();
    expect(Buffer.from(src![1], "base64").toString()).toBe(bundle["image/svg+xml"]);
    // JSON-serialisable as the kernel sends it.
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
  });

  it("fixes the view to matplotlib's limits and axes box in plotly's layout", () => {
    plt.plot([1, 2, 3, 4]);
    const { layout } = plt.gcf().toPlotly();
    expect(layout.xaxis.range).toEqual([expect.closeTo(-0.15, 12), expect.closeTo(3.15, 12)]);
    expect(layout.yaxis.range).toEqual([expect.closeTo(0.85, 12), expect.closeTo(4.15, 12)]);
    expect(layout.xaxis.domain).toEqual([0.125, 0.9]);
    expect(layout.yaxis.domain).toEqual([expect.closeTo(0.11, 12), 0.88]);
    expect([layout.width, layout.height]).toEqual([640, 480]);
  });

  it("gives a log axis plotly's log10 range", () => {
    plt.plot([1, 10, 100]);
    plt.yscale("log");
    const { layout } = plt.gcf().toPlotly();
    expect(layout.yaxis.type).toBe("log");
    const [lo, hi] = plt.ylim();
    expect(layout.yaxis.range).toEqual([Math.log10(lo), Math.log10(hi)]);
    // 5 % margins in log space around 1 … 100.
    expect(Math.log10(lo)).toBeCloseTo(-0.1, 12);
    expect(Math.log10(hi)).toBeCloseTo(2.1, 12);
  });

  it("renders the same figure to the same SVG, and different figures with different element ids", () => {
    plt.plot([1, 2, 3], "o-");
    const first = plt.gcf().toSVG();
    expect(plt.gcf().toSVG()).toBe(first);
    plt.figure();
    plt.plot([1, 2, 4], "o-");
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(first).length).toBeGreaterThan(0);
    expect(ids(plt.gcf().toSVG()).filter((id) => ids(first).includes(id))).toEqual([]);
  });

  it("shows an empty figure as text only, like IPython", () => {
    const figure = plt.figure();
    expect(bundleOf(figure)).toEqual({ "text/plain": "<Figure size 640x480 with 0 Axes>" });
  });

  it("puts each axes' title over it and a legend only where legend() was called", () => {
    plt.subplot(1, 2, 1);
    plt.plot([1, 2], { label: "a" });
    plt.title("left");
    plt.subplot(1, 2, 2);
    plt.plot([2, 1], { label: "b" });
    plt.plot([1, 1], { label: "c" });
    plt.legend();
    const { data, layout } = plt.gcf().toPlotly();
    expect(layout.annotations).toEqual([expect.objectContaining({ text: "left", x: (layout.xaxis.domain[0] + layout.xaxis.domain[1]) / 2, y: layout.yaxis.domain[1] })]);
    expect(data.map((t) => [t.xaxis, t.yaxis, t.showlegend])).toEqual([["x", "y", false], ["x2", "y2", true], ["x2", "y2", true]]);
    expect(data[1].legend).toBe("legend2");
    expect(layout.legend2).toBeDefined();
    expect(layout.legend).toBeUndefined();
  });
});

describe("figures show like matplotlib's inline backend", () => {
  it("leaves a figure drawn in a cell for the kernel to show, once", () => {
    plt.plot([1, 2]);
    const shown = takeUnshownFigures();
    expect(shown.map(String)).toEqual(["<Figure size 640x480 with 1 Axes>"]);
    expect(takeUnshownFigures()).toEqual([]);
    // The next cell starts a new figure.
    plt.plot([3, 4]);
    expect(takeUnshownFigures()[0]).not.toBe(shown[0]);
  });

  it("shows two figures as two outputs, in order", () => {
    plt.figure();
    plt.plot([1]);
    plt.figure({ figsize: [3, 2] });
    plt.plot([2]);
    expect(takeUnshownFigures().map(String)).toEqual(["<Figure size 640x480 with 1 Axes>", "<Figure size 300x200 with 1 Axes>"]);
  });

  it("show() displays now and leaves nothing for the end of the cell", () => {
    const sent: MimeBundle[] = [];
    setDisplaySink((bundle) => sent.push(bundle));
    plt.plot([1, 2]);
    plt.title("now");
    plt.show();
    expect(sent).toHaveLength(1);
    expect((sent[0]["application/vnd.plotly.v1+json"] as PlotlyFigure).layout.annotations[0].text).toBe("now");
    expect(takeUnshownFigures()).toEqual([]);
  });

  it("close() discards the current figure, a numbered one, or all", () => {
    const first = plt.figure();
    plt.plot([1]);
    const second = plt.figure();
    plt.plot([2]);
    plt.close();
    expect(plt.gcf()).toBe(first);
    plt.figure();
    plt.close(first.number);
    expect(takeUnshownFigures()).toHaveLength(1);
    expect(second.number).toBe(2);
    plt.plot([1]);
    plt.close("all");
    expect(takeUnshownFigures()).toEqual([]);
  });

  it("figure({ num }) returns to an open figure", () => {
    const first = plt.figure({ num: 5 });
    plt.figure();
    expect(plt.figure({ num: 5 })).toBe(first);
    expect(plt.gcf()).toBe(first);
  });

  it("plotly() figures show at the end of the cell too", () => {
    const figure = plt.plotly([{ type: "bar", x: ["a", "b"], y: [1, 2] }]);
    const [shown] = takeUnshownFigures();
    expect(shown).toBe(figure);
    const bundle = bundleOf(figure);
    const json = bundle["application/vnd.plotly.v1+json"] as PlotlyFigure;
    expect(json.data).toEqual([{ type: "bar", x: ["a", "b"], y: [1, 2] }]);
    expect(json.layout).toEqual({});
    expect(bundle["image/svg+xml"]).toMatch(/^<svg /);
  });
});

describe("format strings", () => {
  it.each([
    ["r--", { color: "#ff0000", linestyle: "--" }],
    ["bo", { color: "#0000ff", marker: "o", linestyle: "None" }],
    ["k.-", { color: "#000000", marker: ".", linestyle: "-" }],
    ["C2:", { color: "#2ca02c", linestyle: ":" }],
    ["^g-.", { color: "#008000", marker: "^", linestyle: "-." }],
    ["red", { color: "red", linestyle: "-" }],
    ["s", { marker: "s", linestyle: "None" }],
  ])("%s", (fmt, expected) => {
    expect(parseFormat(fmt)).toEqual(expected);
  });

  it.each([
    ["r--:", "two linestyle symbols"],
    ["rg", "two color symbols"],
    ["oo", "two marker symbols"],
    ["q", "unrecognized character 'q'"],
  ])("rejects %s (%s)", (fmt, why) => {
    expect(() => parseFormat(fmt)).toThrow(`illegal format string "${fmt}"; ${why}`);
  });

  it("turns markers and dashes into plotly's symbols and matplotlib's dash lengths", () => {
    plt.plot([1, 2], [1, 2], "g^:");
    const [trace] = plt.gcf().toPlotly().data;
    expect(trace.mode).toBe("lines+markers");
    expect(trace.marker).toEqual(expect.objectContaining({ symbol: "triangle-up", color: "#008000" }));
    const width = (trace.line as { width: number }).width;
    expect((trace.line as { dash: string }).dash).toBe(`${Math.round(width * 10) / 10}px,${Math.round(1.65 * width * 10) / 10}px`);
  });
});

describe("inputs", () => {
  it("accepts NDArrays, typed arrays and nested arrays alike", () => {
    plt.plot(np.array([1, 2, 3]), new Float32Array([0.5, 0.25, 0.125]));
    plt.plot(np.array([[1], [2], [3]]).reshape([3]));
    const data = plt.gcf().toPlotly().data;
    expect(data[0].x).toEqual([1, 2, 3]);
    expect(data[0].y).toEqual([0.5, 0.25, 0.125]);
    expect(data[1].y).toEqual([1, 2, 3]);
  });

  it("plots each column of a 2-D y as its own line", () => {
    plt.plot([0, 1, 2], [[0, 10], [1, 11], [2, 12]]);
    const data = plt.gcf().toPlotly().data;
    expect(data.map((t) => t.y)).toEqual([[0, 1, 2], [10, 11, 12]]);
    expect(data.map((t) => (t.line as { color: string }).color)).toEqual(["#1f77b4", "#ff7f0e"]);
  });

  it("reports mismatched lengths as matplotlib does", () => {
    expect(() => plt.plot([1, 2, 3], [1, 2])).toThrow("x and y must have same first dimension, but have shapes (3,) and (2,)");
    expect(() => plt.scatter([1, 2], [1, 2], { c: [0, 1, 2] })).toThrow("'c' has 3 values but there are 2 points");
  });

  it("writes NaN as null (a gap) and rounds to 8 significant digits", () => {
    plt.plot([1 / 3, NaN, 2]);
    expect(plt.gcf().toPlotly().data[0].y).toEqual([0.33333333, null, 2]);
  });

  it("colours scatter points by label through the colormap as plotly's colorscale", () => {
    plt.scatter(np.array([[0, 1, 2]]), [0, 1, 0], { c: np.array([[0, 1, 1]]), cmap: "Spectral", s: 40 });
    const marker = plt.gcf().toPlotly().data[0].marker as Record<string, unknown>;
    expect(marker).toEqual(
      expect.objectContaining({ color: [0, 1, 1], cmin: 0, cmax: 1, colorscale: plt.cm.Spectral.colorscale(), size: expect.closeTo((Math.sqrt(40) * 100) / 72, 2) }),
    );
  });

  it("knows matplotlib's colormaps and their reversed forms", () => {
    expect(plt.cm.viridis.hex(0)).toBe("#440154");
    expect(plt.cm.viridis.hex(1)).toBe("#fde725");
    expect(plt.cm.viridis_r.hex(0)).toBe("#fde725");
    expect(() => plt.scatter([1], [1], { c: [1], cmap: "nope" })).toThrow("'nope' is not a known colormap name");
  });
});

describe("plotly traces", () => {
  it("contourf draws plotly filled contours whose band colours are matplotlib's", () => {
    plt.contourf([0, 1, 2], [0, 1], [[0, 0.5, 1], [1, 0.5, 0]], { levels: [0, 0.5, 1], cmap: "RdBu" });
    const [trace] = plt.gcf().toPlotly().data;
    expect(trace).toEqual(expect.objectContaining({ type: "contour", x: [0, 1, 2], y: [0, 1], z: [[0, 0.5, 1], [1, 0.5, 0]] }));
    expect(trace.contours).toEqual({ coloring: "fill", showlines: false, start: 0, end: 1, size: 0.5 });
    // Two bands → RdBu's ends, at plotly's band positions 1/3 and 2/3; outside the levels the end bands continue.
    expect(trace.colorscale).toEqual([[0, plt.cm.RdBu.hex(0)], [1 / 3, plt.cm.RdBu.hex(0)], [2 / 3, plt.cm.RdBu.hex(1)], [1, plt.cm.RdBu.hex(1)]]);
  });

  it("contourf with uneven levels contours the level index and hovers the real values", () => {
    plt.contourf([[0, 1], [3, 10]], { levels: [0, 1, 10] });
    const [trace] = plt.gcf().toPlotly().data;
    expect(trace.z).toEqual([[0, 1], [expect.closeTo(1 + 2 / 9, 7), 2]]);
    expect(trace.customdata).toEqual([[0, 1], [3, 10]]);
    expect(trace.contours).toEqual(expect.objectContaining({ start: 0, end: 2, size: 1 }));
  });

  it("imshow sends RGB images as a PNG and keeps pixels square with row 0 on top", () => {
    plt.imshow(np.array([[[255, 0, 0], [0, 255, 0]]], { dtype: "uint8" }));
    const { data, layout } = plt.gcf().toPlotly();
    expect(data[0]).toEqual(expect.objectContaining({ type: "image", x0: 0, dx: 1, y0: 0, dy: 1, source: expect.stringMatching(/^data:image\/png;base64,/) }));
    expect(layout.yaxis.range).toEqual([0.5, -0.5]);
    expect(layout.xaxis.range).toEqual([-0.5, 1.5]);
    expect(layout.yaxis.scaleanchor).toBe("x");
    const width = (layout.xaxis.domain[1] - layout.xaxis.domain[0]) * 640;
    const height = (layout.yaxis.domain[1] - layout.yaxis.domain[0]) * 480;
    expect(width / height).toBeCloseTo(2, 9);
  });

  it("hist returns numpy's counts and edges and draws touching bars", () => {
    const [counts, edges] = plt.hist([0, 1, 1, 2, 9, 10], { bins: 5 });
    // np.histogram: bins are half-open [a, b) except the last, which also takes 10.
    expect(counts.tolist()).toEqual([3, 1, 0, 0, 2]);
    expect(edges.tolist()).toEqual([0, 2, 4, 6, 8, 10]);
    const [trace] = plt.gcf().toPlotly().data;
    expect(trace).toEqual(expect.objectContaining({ type: "bar", x: [1, 3, 5, 7, 9], y: [3, 1, 0, 0, 2], width: [2, 2, 2, 2, 2] }));
  });

  it("hist density normalises the area to 1", () => {
    const [density, edges] = plt.hist([0, 0.5, 1, 3], { bins: 2, density: true });
    const widths = (edges.tolist() as number[]).slice(1).map((e, i) => e - (edges.tolist() as number[])[i]);
    expect((density.tolist() as number[]).reduce((sum, d, i) => sum + d * widths[i], 0)).toBeCloseTo(1, 12);
  });

  it("subplot(211) is subplot(2, 1, 1) and rejects positions outside the grid", () => {
    expect(plt.subplot(211)).toBe(plt.subplot(2, 1, 1));
    expect(() => plt.subplot(2, 2, 5)).toThrow("num must be an integer with 1 <= num <= 4, not 5");
  });

  it("warns like matplotlib when legend() finds no labels", () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      plt.plot([1, 2]);
      plt.legend();
    } finally {
      console.warn = original;
    }
    expect(warnings[0]).toMatch(/^No artists with labels found to put in legend/);
    expect(plt.gcf().toPlotly().layout.showlegend).toBe(false);
  });
});

describe("reference lines and filled areas", () => {
  it("axhline/axvline are plotly shapes spanning the axes in axes fractions, counted into the other direction's limits", () => {
    plt.plot([0, 1, 2], [1, 2, 3]);
    plt.axhline(5, { xmin: 0.25, linestyle: "--", label: "target" });
    plt.axvline(-1, { color: "r", ymax: 0.5 });
    plt.plot([1, 2]);
    const { data, layout } = plt.gcf().toPlotly();
    expect(layout.shapes).toEqual([
      expect.objectContaining({ type: "line", xref: "x domain", x0: 0.25, x1: 1, yref: "y", y0: 5, y1: 5, line: expect.objectContaining({ color: "#1f77b4", dash: expect.stringMatching(/px,/) }) }),
      expect.objectContaining({ type: "line", yref: "y domain", y0: 0, y1: 0.5, xref: "x", x0: -1, x1: -1, line: expect.objectContaining({ color: "#ff0000" }) }),
    ]);
    // matplotlib: the lines take "C0", not the next colour of the cycle, and the limits include y = 5 and x = −1.
    expect((data[3].line as { color: string }).color).toBe("#ff7f0e");
    expect(plt.xlim()).toEqual([expect.closeTo(-1.15, 12), expect.closeTo(2.15, 12)]);
    expect(plt.ylim()).toEqual([expect.closeTo(0.8, 12), expect.closeTo(5.2, 12)]);
    // The line's legend entry is an empty trace with its style.
    expect(data[1]).toEqual(expect.objectContaining({ type: "scatter", x: [null], y: [null], name: "target" }));
  });

  it("axhline alone keeps matplotlib's default view when inside it, and autoscales when outside", () => {
    plt.axhline(0.5);
    expect([plt.xlim(), plt.ylim()]).toEqual([[0, 1], [0, 1]]);
    plt.figure();
    plt.axhline(3);
    expect(plt.xlim()).toEqual([0, 1]);
    expect(plt.ylim()).toEqual([expect.closeTo(2.835, 12), expect.closeTo(3.165, 12)]);
  });

  it("axvline on a log axis gives plotly its log10 position", () => {
    plt.plot([1, 100], [1, 2]);
    plt.xscale("log");
    plt.axvline(10);
    expect(plt.gcf().toPlotly().layout.shapes[0]).toEqual(expect.objectContaining({ x0: 1, x1: 1, xref: "x" }));
  });

  it("fill_between is one plotly 'toself' polygon per run of where, from the patch colour cycle", () => {
    plt.plot([1, 2]);
    plt.fill_between([1, 2, 3, 4], [1, 3, 2, 4], 0, { where: [true, true, false, true], label: "area" });
    plt.fill_between([1, 2], 2, [3, 4], { alpha: 0.3 });
    const { data } = plt.gcf().toPlotly();
    expect(data[1]).toEqual(expect.objectContaining({ type: "scatter", fill: "toself", fillcolor: "#1f77b4", name: "area" }));
    expect(data[1].x).toEqual([1, 2, 2, 1, null, 4, 4]);
    expect(data[1].y).toEqual([1, 3, 0, 0, null, 4, 0]);
    expect(data[2]).toEqual(expect.objectContaining({ fillcolor: "#ff7f0e", opacity: 0.3, x: [1, 2, 2, 1], y: [2, 2, 4, 3] }));
    // No edge, as in matplotlib; autoscaling covers both curves with margins (no sticky edge at 0).
    expect((data[1].line as { width: number }).width).toBe(0);
    expect(plt.ylim()).toEqual([expect.closeTo(-0.2, 12), expect.closeTo(4.2, 12)]);
  });

  it("scatter and bar take colours from the patch cycle, plot and hist from the line cycle, as matplotlib", () => {
    plt.plot([1, 2]);
    plt.scatter([1], [1]);
    plt.bar([1], [1]);
    plt.hist([1, 2, 3]);
    const colors = plt.gcf().toPlotly().data.map((t) => (t.line as { color?: string } | undefined)?.color ?? (t.marker as { color: string }).color);
    expect(colors).toEqual(["#1f77b4", "#1f77b4", "#ff7f0e", "#ff7f0e"]);
  });
});

describe("ticks", () => {
  it("xticks(ticks, labels, { rotation }) fixes plotly's ticks as an array, turned the other way round", () => {
    plt.plot([1, 2, 3, 4]);
    plt.xticks([0, 1.5, 3], ["train", "dev", "test"], { rotation: 45 });
    plt.yticks([1, 2.5, 4]);
    const { layout } = plt.gcf().toPlotly();
    expect(layout.xaxis).toEqual(expect.objectContaining({ tickmode: "array", tickvals: [0, 1.5, 3], ticktext: ["train", "dev", "test"], tickangle: -45 }));
    // Without labels, the formatter writes the fixed values all with one number of decimals.
    expect(layout.yaxis).toEqual(expect.objectContaining({ tickmode: "array", tickvals: [1, 2.5, 4], ticktext: ["1.0", "2.5", "4.0"] }));
    expect(layout.yaxis.tickangle).toBeUndefined();
  });

  it("xticks([]) leaves plotly no ticks; rotation alone keeps plotly's own ticks", () => {
    plt.plot([1, 2, 3, 4]);
    expect(plt.xticks([])).toEqual([[], []]);
    plt.yticks({ rotation: 90 });
    const { layout } = plt.gcf().toPlotly();
    expect([layout.xaxis.tickmode, layout.xaxis.tickvals, layout.xaxis.ticktext]).toEqual(["array", [], []]);
    expect([layout.yaxis.tickmode, layout.yaxis.tickangle]).toEqual([undefined, -90]);
    expect(plt.xlim()).toEqual([expect.closeTo(-0.15, 12), expect.closeTo(3.15, 12)]);
  });

  it("the Axes setters: set_xticks with labels, set_yticklabels after set_yticks, get_xticks", () => {
    const [, ax] = plt.subplots();
    ax.bar(["cat", "dog", "bird"], [3, 1, 2]);
    expect(ax.get_xticks()).toEqual([0, 1, 2]);
    expect(ax.get_xticklabels()).toEqual(["cat", "dog", "bird"]);
    ax.set_xticks([0, 2], ["first", "last"]);
    ax.set_yticks([0, 1, 2, 3]);
    ax.set_yticklabels(["none", "one", "two", "three"], { rotation: 30 });
    const { layout } = plt.gcf().toPlotly();
    expect([layout.xaxis.tickvals, layout.xaxis.ticktext]).toEqual([[0, 2], ["first", "last"]]);
    expect([layout.yaxis.tickvals, layout.yaxis.ticktext, layout.yaxis.tickangle]).toEqual([[0, 1, 2, 3], ["none", "one", "two", "three"], -30]);
    expect(() => ax.set_xticks([0, 1], ["a"])).toThrow("The number of FixedLocator locations (2), usually from a call to set_ticks, does not match the number of labels (1).");
    expect(() => ax.set_yticklabels(["a"])).toThrow("does not match the number of labels (1)");
  });
});

describe("step, errorbar and log plots", () => {
  it("step is a plot whose line has plotly's step shape for each `where`", () => {
    plt.step([1, 2, 3], [1, 3, 2]);
    plt.step([1, 2, 3], [2, 4, 3], "r--", { where: "post", label: "post" });
    plt.step([1, 2, 3], [3, 5, 4], { where: "mid" });
    plt.plot([1, 2, 3], [0, 1, 0], { drawstyle: "steps-post" });
    const shapes = plt.gcf().toPlotly().data.map((t) => (t.line as { shape?: string }).shape);
    expect(shapes).toEqual(["vh", "hv", "hvh", "hv"]);
    expect(plt.gcf().toPlotly().data[1]).toEqual(expect.objectContaining({ name: "post", line: expect.objectContaining({ color: "#ff0000", shape: "hv" }) }));
  });

  it("semilogy, semilogx and loglog plot, then set the scales", () => {
    plt.subplot(1, 3, 1);
    plt.semilogy([1, 10, 100]);
    plt.subplot(1, 3, 2);
    plt.semilogx([1, 10, 100], [1, 2, 3], "o");
    plt.subplot(1, 3, 3);
    plt.loglog([1, 10, 100], [1, 10, 100]);
    const { data, layout } = plt.gcf().toPlotly();
    expect(data).toHaveLength(3);
    expect([layout.xaxis.type, layout.yaxis.type, layout.xaxis2.type, layout.yaxis2.type, layout.xaxis3.type, layout.yaxis3.type]).toEqual(["linear", "log", "log", "linear", "log", "log"]);
  });

  it("errorbar carries plotly's error bars in the line's colour, capped by capsize, and the view takes in their ends", () => {
    plt.errorbar([1, 2, 3], [2, 4, 3], { yerr: [[0.5, 1, 0], [0, 0, 2]], xerr: 0.25, fmt: "o", capsize: 3, label: "mean" });
    const [trace] = plt.gcf().toPlotly().data;
    expect(trace).toEqual(expect.objectContaining({ mode: "markers", name: "mean" }));
    const bars = { type: "data", symmetric: false, color: "#1f77b4", thickness: expect.closeTo((1.5 * 100) / 72, 2), width: expect.closeTo((3 * 100) / 72, 2) };
    expect(trace.error_y).toEqual({ ...bars, array: [0, 0, 2], arrayminus: [0.5, 1, 0] });
    expect(trace.error_x).toEqual({ ...bars, array: [0.25, 0.25, 0.25], arrayminus: [0.25, 0.25, 0.25] });
    expect(plt.ylim()).toEqual([expect.closeTo(1.325, 12), expect.closeTo(5.175, 12)]);
    plt.errorbar([1, 2], [1, 2], { yerr: 0.1, fmt: "none", ecolor: "k", elinewidth: 0.5 });
    const second = plt.gcf().toPlotly().data[1];
    expect(second.mode).toBe("none");
    expect(second.error_y).toEqual(expect.objectContaining({ color: "#000000", thickness: expect.closeTo((0.5 * 100) / 72, 2), width: 0 }));
    expect(() => plt.errorbar([1, 2], [1, 2], { yerr: [1, 2, 3] })).toThrow("'yerr' (shape: (3)) must be a scalar or a 1D or (2, n) array-like whose shape matches 'y' (shape: (2,))");
    expect(() => plt.errorbar([1, 2], [1, 2], { yerr: -1 })).toThrow("'yerr' must not contain negative values");
  });
});

describe("clf and cla", () => {
  it("clf removes the figure's axes and suptitle but keeps the figure open and current", () => {
    const [fig] = plt.subplots(1, 2);
    plt.suptitle("old");
    plt.plot([1, 2]);
    plt.clf();
    expect(plt.gcf()).toBe(fig);
    expect(String(fig)).toBe("<Figure size 640x480 with 0 Axes>");
    plt.plot([3, 1]);
    const { data, layout } = fig.toPlotly();
    expect(data).toHaveLength(1);
    expect(layout.xaxis.domain).toEqual([0.125, 0.9]);
    expect(layout.annotations).toEqual([]);
  });

  it("cla empties the current axes in place: data, labels, scales, limits, ticks, and the colour cycle", () => {
    const [, [left, right]] = plt.subplots(1, 2);
    right.plot([1, 2], { label: "kept" });
    left.plot([1, 100], { label: "a" });
    left.set_title("old");
    left.set_yscale("log");
    left.set_xlim(0, 5);
    left.set_xticks([1, 2]);
    left.legend();
    left.cla();
    left.plot([2, 3]);
    const { data, layout } = plt.gcf().toPlotly();
    expect(data.map((t) => [t.xaxis, (t.line as { color: string }).color])).toEqual([["x", "#1f77b4"], ["x2", "#1f77b4"]]);
    expect(layout.yaxis.type).toBe("linear");
    expect(layout.xaxis.tickvals).toBeUndefined();
    expect(left.get_xlim()).toEqual([expect.closeTo(-0.05, 12), expect.closeTo(1.05, 12)]);
    expect(layout.annotations).toEqual([]);
    expect(data[0].showlegend).toBe(false);
    expect(plt.gca()).toBe(left);
  });
});

describe("text and annotations", () => {
  it("text is a plotly annotation in data coordinates, anchored at its left end and baseline by default", () => {
    plt.plot([0, 10], [0, 1]);
    plt.text(2, 0.5, "hi", { color: "r", fontsize: 12 });
    plt.text(5, 0.2, "mid", { ha: "center", va: "top" });
    const { layout } = plt.gcf().toPlotly();
    const [hi, mid] = layout.annotations;
    expect(hi).toEqual(expect.objectContaining({ text: "hi", xref: "x", yref: "y", x: 2, y: 0.5, showarrow: false, xanchor: "left", yanchor: "bottom" }));
    expect(hi.font).toEqual({ size: expect.closeTo((12 * 100) / 72, 2), color: "#ff0000" });
    // plotly has no baseline anchor: the box's bottom is lowered by the descent.
    expect(hi.yshift).toBeCloseTo(-0.22 * ((12 * 100) / 72), 2);
    expect(mid).toEqual(expect.objectContaining({ xanchor: "center", yanchor: "top" }));
    expect(mid.yshift).toBeUndefined();
    // Text does not change the limits.
    expect(plt.xlim()).toEqual([-0.5, 10.5]);
  });

  it("annotate with arrowprops draws plotly's arrow from xytext to xy, on log axes in log10", () => {
    plt.plot([1, 100], [1, 2]);
    plt.xscale("log");
    plt.annotate("peak", [10, 2], { xytext: [100, 1.5], arrowprops: { arrowstyle: "->" } });
    plt.annotate("plain", [10, 1]);
    const [peak, plain] = plt.gcf().toPlotly().layout.annotations;
    expect(peak).toEqual(expect.objectContaining({ x: 1, y: 2, ax: 2, ay: 1.5, axref: "x", ayref: "y", showarrow: true, arrowhead: 3, arrowcolor: "black" }));
    expect(plain).toEqual(expect.objectContaining({ x: 1, y: 1, showarrow: false }));
  });
});

describe("colorbar", () => {
  // matplotlib 3.11 (fig.colorbar(…, ax=ax), 640 × 480): axes 80 … 476.8 px, bar 501.6 … 520.08 px, 57.6 … 427.2 px high.
  it("narrows the axes and puts plotly's colorbar where matplotlib puts the bar, with its ticks", () => {
    plt.scatter([0, 1, 2], [0, 1, 2], { c: [0, 5, 10] });
    plt.colorbar();
    const { data, layout } = plt.gcf().toPlotly();
    expect(layout.xaxis.domain.map((f: number) => f * 640)).toEqual([expect.closeTo(80, 6), expect.closeTo(476.8, 6)]);
    const marker = data[0].marker as Record<string, any>;
    expect(marker.showscale).toBe(true);
    const bar = marker.colorbar;
    expect(bar.x * 640).toBeCloseTo(501.6, 6);
    expect(bar.thickness).toBeCloseTo(520.08 - 501.6, 6);
    expect([bar.xanchor, bar.yanchor, bar.xpad, bar.ypad]).toEqual(["left", "bottom", 0, 0]);
    expect((1 - bar.y - bar.len) * 480).toBeCloseTo(57.6, 6);
    expect(bar.len * 480).toBeCloseTo(427.2 - 57.6, 6);
    expect(bar.tickvals).toEqual([0, 2, 4, 6, 8, 10]);
    expect(bar.ticktext).toEqual(["0", "2", "4", "6", "8", "10"]);
  });

  it("ticks a filled contour's colorbar at its levels and keeps an image's square pixels", () => {
    plt.subplot(1, 2, 1);
    plt.contourf([[0, 1], [1, 0]]);
    plt.colorbar();
    plt.subplot(1, 2, 2);
    plt.imshow([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
    plt.colorbar();
    const { data, layout } = plt.gcf().toPlotly();
    expect((data[0].colorbar as { tickvals: number[] }).tickvals).toEqual([0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.05]);
    expect(data[1].showscale).toBe(true);
    // matplotlib: subplot(1, 2, 2)'s image 0.3 × 4/3 … the slot's right, anchored towards the bar.
    const cell = (0.775 * 640) / 2.2;
    const [left, right] = layout.xaxis2.domain.map((f: number) => f * 640);
    expect(right).toBeCloseTo(80 + 1.2 * cell + 0.8 * cell, 6);
    const height = (layout.yaxis2.domain[1] - layout.yaxis2.domain[0]) * 480;
    expect((right - left) / height).toBeCloseTo(4 / 3, 9);
  });

  it("needs something colour-mapped, as matplotlib says", () => {
    plt.plot([1, 2]);
    expect(() => plt.colorbar()).toThrow("No mappable was found to use for colorbar creation");
  });
});

describe("the object-oriented API: subplots, Axes setters, suptitle, savefig", () => {
  it("subplots squeezes its grid as matplotlib does and makes the first axes current", () => {
    const [single, ax] = plt.subplots();
    expect(ax).toBeInstanceOf(Axes);
    expect(single.axes).toEqual([ax]);
    const [row, axs] = plt.subplots(1, 3, { figsize: [9, 3] });
    expect(axs.map((a) => a.spec)).toEqual([1, 2, 3].map((index) => ({ rows: 1, cols: 3, index })));
    expect([row.widthPx, row.heightPx]).toEqual([900, 300]);
    const [, grid] = plt.subplots(2, 2);
    expect(grid.map((r) => r.map((a) => a.spec.index))).toEqual([[1, 2], [3, 4]]);
    expect(plt.gca()).toBe(grid[0][0]);
    expect(() => plt.subplots(0, 2)).toThrow("nrows and ncols must be positive integers");
  });

  it("Axes setters draw what the pyplot functions draw", () => {
    const drawBoth = (draw: (ax: Axes) => void) => {
      const [figure, ax] = plt.subplots();
      ax.plot([1, 10, 100], { label: "cost" });
      draw(ax);
      return figure.toPlotly();
    };
    const viaAxes = drawBoth((ax) => {
      ax.set_title("t");
      ax.set_xlabel("x");
      ax.set_ylabel("y");
      ax.set_yscale("log");
      ax.grid(true);
      ax.legend({ loc: "upper left" });
    });
    const viaPyplot = drawBoth(() => {
      plt.title("t");
      plt.xlabel("x");
      plt.ylabel("y");
      plt.yscale("log");
      plt.grid(true);
      plt.legend({ loc: "upper left" });
    });
    expect(viaAxes).toEqual(viaPyplot);
    expect(viaAxes.layout.yaxis.type).toBe("log");
    expect(viaAxes.layout.legend).toBeDefined();
  });

  it("suptitle is centred near the top of the figure, in the static picture too", () => {
    plt.subplot(1, 2, 1);
    plt.plot([1, 2]);
    plt.suptitle("Two learning rates");
    const annotation = plt.gcf().toPlotly().layout.annotations.find((a: { text: string }) => a.text === "Two learning rates");
    expect(annotation).toMatchObject({ x: 0.5, y: 0.98, xanchor: "center", yanchor: "top" });
    expect(plt.gcf().toSVG()).toContain(">Two learning rates</text>");
  });

  it("savefig writes the SVG, the plotly JSON or an offline HTML page, and names the formats it has", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsdl-savefig-"));
    try {
      plt.plot([3, 1, 2]);
      const figure = plt.gcf();
      plt.savefig(join(dir, "cost.svg"));
      plt.savefig(join(dir, "cost.JSON"));
      plt.savefig(join(dir, "cost.html"));
      expect(readFileSync(join(dir, "cost.svg"), "utf8")).toBe(figure.toSVG());
      expect(JSON.parse(readFileSync(join(dir, "cost.JSON"), "utf8"))).toEqual(figure.toPlotly());
      const html = readFileSync(join(dir, "cost.html"), "utf8");
      expect(html).toContain(JSON.stringify(figure.toPlotly().data));
      expect(html).toContain("Plotly.newPlot");
      expect(html).not.toMatch(/<script src=/);
      expect(() => plt.savefig(join(dir, "cost.png"))).toThrow("Format 'png' is not supported (supported formats: html, json, svg)");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bundle size", () => {
  it("keeps a 2,500-point cost curve under 200 kB", () => {
    const costs = Array.from({ length: 2500 }, (_, i) => 0.693 * Math.exp(-i / 300) + 0.05 + 0.002 * Math.sin(i / 7));
    plt.plot(costs);
    plt.ylabel("cost");
    plt.xlabel("iterations");
    plt.title("Learning rate = 0.005");
    const size = Buffer.byteLength(JSON.stringify(bundleOf(plt.gcf())));
    expect(size).toBeLessThanOrEqual(200_000);
  });
});
