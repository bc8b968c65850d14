/**
 * The static picture: reads the SVG back like a person reads a chart (tick labels give the data scale, then
 * the drawn marks are converted back to data) and compares with what was plotted.
 */
import { inflateSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import * as np from "../lib/np";
import { plt, type PlotlyFigure } from "../lib/plot";
import { renderSvg } from "../lib/plot/svg";

interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  text: string;
}

/** A small XML reader for the SVG writer's output (elements, attributes, text; no entities beyond the five). */
function parseSvg(svg: string): SvgNode {
  const root: SvgNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const token = /<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const match of svg.matchAll(token)) {
    const [, closing, name, attrText, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      top.text += unescape(text);
      continue;
    }
    if (closing) {
      expect(stack.pop()!.name).toBe(name);
      continue;
    }
    const attrs = Object.fromEntries([...attrText.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, k, v]) => [k, unescape(v)]));
    const node: SvgNode = { name, attrs, children: [], text: "" };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  expect(stack).toHaveLength(1);
  return root.children[0];
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

function findAll(node: SvgNode, test: (n: SvgNode) => boolean): SvgNode[] {
  return [...(test(node) ? [node] : []), ...node.children.flatMap((child) => findAll(child, test))];
}

const withClass = (cls: string) => (n: SvgNode) => (n.attrs.class ?? "").split(" ").includes(cls);

/** All text of a node, superscripts written as ^{…} like the writer's input. */
function textOf(node: SvgNode): string {
  return node.text + node.children.map((c) => (c.name === "tspan" ? `^{${textOf(c)}}` : textOf(c))).join("");
}

/** "−0.5" (matplotlib's unicode minus) → -0.5. */
function labelValue(label: string): number {
  return Number(label.replace(/\u2212/g, "-"));
}

interface Tick {
  pixel: number;
  label: string;
}

interface ReadAxes {
  node: SvgNode;
  box: { left: number; top: number; right: number; bottom: number };
  xticks: Tick[];
  yticks: Tick[];
  /** Pixel → data, from the first and last labelled tick (linear axes). */
  xData(pixel: number): number;
  yData(pixel: number): number;
}

function readAxes(node: SvgNode): ReadAxes {
  const [left, top, right, bottom] = node.attrs["data-box"].split(",").map(Number);
  const ticks = (cls: string, coordinate: 0 | 1): Tick[] =>
    findAll(node, withClass(cls)).map((g) => {
      const [x, y] = g.children[0].attrs.d.slice(1).split(/[ v h]/).map(Number);
      return { pixel: coordinate === 0 ? x : y, label: textOf(g.children[1]) };
    });
  const xticks = ticks("xtick", 0);
  const yticks = ticks("ytick", 1);
  const inverse = (t: Tick[]) => {
    const [a, b] = [t[0], t[t.length - 1]];
    return (pixel: number) => labelValue(a.label) + ((pixel - a.pixel) / (b.pixel - a.pixel)) * (labelValue(b.label) - labelValue(a.label));
  };
  return { node, box: { left, top, right, bottom }, xticks, yticks, xData: inverse(xticks), yData: inverse(yticks) };
}

function render(): SvgNode {
  return parseSvg(plt.gcf().toSVG());
}

function axesOf(svg: SvgNode): ReadAxes[] {
  return findAll(svg, withClass("axes")).map(readAxes);
}

/** Coordinates of a path's "M x y x y …" points, one array per subpath. */
function subpaths(d: string): [number, number][][] {
  return d.split("M").filter(Boolean).map((part) => {
    const numbers = part.trim().split(/[ L]+/).map(Number);
    return Array.from({ length: numbers.length / 2 }, (_, i) => [numbers[2 * i], numbers[2 * i + 1]] as [number, number]);
  });
}

/** Decodes a data:image/png URI written with filter type 0 rows into RGBA bytes. */
function decodePng(uri: string): { width: number; height: number; pixel(x: number, y: number): number[] } {
  const bytes = Buffer.from(uri.slice(uri.indexOf(",") + 1), "base64");
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const rows = inflateSync(Buffer.concat(idat));
  return {
    width,
    height,
    pixel(x, y) {
      const start = y * (width * 4 + 1);
      expect(rows[start]).toBe(0);
      return [...rows.subarray(start + 1 + x * 4, start + 1 + x * 4 + 4)];
    },
  };
}

afterEach(() => plt.close("all"));

describe("a cost curve", () => {
  const costs = Array.from({ length: 60 }, (_, i) => 0.69 * Math.exp(-i / 15) + 0.02 * Math.cos(i));

  it("draws every point where the tick labels say it is", () => {
    plt.plot(costs);
    const [axes] = axesOf(render());
    const [line] = findAll(axes.node, withClass("line"));
    const [points] = subpaths(line.attrs.d);
    expect(points).toHaveLength(costs.length);
    // The writer rounds marks and ticks to 0.1 px, so data read back is exact to about 0.1 px of the axis scale.
    const xPerPixel = Math.abs(axes.xData(1) - axes.xData(0));
    const yPerPixel = Math.abs(axes.yData(1) - axes.yData(0));
    points.forEach(([px, py], i) => {
      expect(Math.abs(axes.xData(px) - i)).toBeLessThanOrEqual(0.11 * xPerPixel);
      expect(Math.abs(axes.yData(py) - costs[i])).toBeLessThanOrEqual(0.11 * yPerPixel);
    });
  });

  it("keeps the line inside the axes with matplotlib's 5 % margins", () => {
    plt.plot(costs);
    const [axes] = axesOf(render());
    const [points] = subpaths(findAll(axes.node, withClass("line"))[0].attrs.d);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const width = axes.box.right - axes.box.left;
    const height = axes.box.bottom - axes.box.top;
    // The data span 90 % of the box, starting 5 % in.
    expect(Math.min(...xs) - axes.box.left).toBeCloseTo(width / 22, 0);
    expect(axes.box.right - Math.max(...xs)).toBeCloseTo(width / 22, 0);
    expect(Math.min(...ys) - axes.box.top).toBeCloseTo(height / 22, 0);
    expect(axes.box.bottom - Math.max(...ys)).toBeCloseTo(height / 22, 0);
  });

  it("writes the title and axis labels", () => {
    plt.plot(costs);
    plt.ylabel("cost");
    plt.xlabel("iterations (per hundreds)");
    plt.title("Learning rate = 0.005");
    const svg = render();
    expect(findAll(svg, withClass("title")).map(textOf)).toEqual(["Learning rate = 0.005"]);
    expect(findAll(svg, withClass("xlabel")).map(textOf)).toEqual(["iterations (per hundreds)"]);
    const [ylabel] = findAll(svg, withClass("ylabel"));
    expect(textOf(ylabel)).toBe("cost");
    expect(ylabel.attrs.transform).toMatch(/^rotate\(-90 /);
    // The title sits above the axes, the x label below the tick labels, the y label left of them.
    const [axes] = axesOf(svg);
    expect(Number(findAll(svg, withClass("title"))[0].attrs.y)).toBeLessThan(axes.box.top);
    expect(Number(findAll(svg, withClass("xlabel"))[0].attrs.y)).toBeGreaterThan(axes.box.bottom + 14);
    const yTickTextLeft = Math.min(...findAll(axes.node, withClass("ytick")).map((g) => Number(g.children[1].attrs.x)));
    expect(Number(ylabel.attrs.x)).toBeLessThan(yTickTextLeft - 20);
  });

  it("breaks the line at NaN", () => {
    plt.plot([1, 2, NaN, 4, 5, 6]);
    const parts = subpaths(findAll(render(), withClass("line"))[0].attrs.d);
    expect(parts.map((p) => p.length)).toEqual([2, 3]);
  });
});

describe("format strings in the picture", () => {
  it('"r--" is a red dashed line with matplotlib\'s dash pattern', () => {
    plt.plot([0, 1, 2], [0, 1, 0], "r--");
    const [line] = findAll(render(), withClass("line"));
    expect(line.attrs.stroke).toBe("#ff0000");
    const width = Number(line.attrs["stroke-width"]);
    expect(width).toBeCloseTo((1.5 * 100) / 72, 1);
    expect(line.attrs["stroke-dasharray"].split(",").map(Number).map((v) => v / width)).toEqual([
      expect.closeTo(3.7, 1),
      expect.closeTo(1.6, 1),
    ]);
  });

  it('"bo" is blue circles only, one per point, at the points', () => {
    plt.plot([1, 2, 3, 4], [1, 4, 9, 16], "bo");
    const svg = render();
    expect(findAll(svg, withClass("line"))).toHaveLength(0);
    const [markers] = findAll(svg, withClass("markers"));
    expect(markers.attrs["data-symbol"]).toBe("circle");
    expect(markers.attrs.fill).toBe("#0000ff");
    const uses = findAll(markers, (n) => n.name === "use");
    const [axes] = axesOf(svg);
    expect(uses.map((u) => Math.round(axes.xData(Number(u.attrs.x)) * 100) / 100)).toEqual([1, 2, 3, 4]);
    expect(uses.map((u) => Math.round(axes.yData(Number(u.attrs.y)) * 10) / 10)).toEqual([1, 4, 9, 16]);
  });

  it("consecutive lines take the colour cycle C0, C1, … unless a colour is given", () => {
    plt.plot([1, 2]);
    plt.plot([2, 1], "k:");
    plt.plot([3, 3]);
    expect(findAll(render(), withClass("line")).map((l) => l.attrs.stroke)).toEqual(["#1f77b4", "#000000", "#ff7f0e"]);
  });
});

describe("scatter", () => {
  it("colours points by label through the colormap's ends, sized by s", () => {
    const x = [0, 1, 2, 3];
    const y = [3, 1, 2, 0];
    // A (1, m) row of labels, the shape the course's Y has.
    plt.scatter(x, y, { c: [[0, 1, 1, 0]], cmap: plt.cm.Spectral, s: 40 });
    const [markers] = findAll(render(), withClass("markers"));
    const fills = findAll(markers, (n) => n.name === "use").map((u) => u.attrs.fill);
    const spectral0 = `rgb(${plt.cm.Spectral.rgb(0).map(Math.round).join(",")})`;
    const spectral1 = `rgb(${plt.cm.Spectral.rgb(1).map(Math.round).join(",")})`;
    expect(fills).toEqual([spectral0, spectral1, spectral1, spectral0]);
    // s is an area in points²: diameter √40 pt at 100 dpi.
    expect(Number(markers.attrs["data-size"])).toBeCloseTo((Math.sqrt(40) * 100) / 72, 1);
  });
});

describe("filled contours", () => {
  it("paints each side of a decision boundary in the colormap's end colours", () => {
    const coords = Array.from({ length: 41 }, (_, i) => -2 + i * 0.1);
    const xx = coords.map(() => coords);
    const yy = coords.map((y) => coords.map(() => y));
    // Class 1 inside the unit circle, 0 outside.
    const Z = coords.map((y) => coords.map((x) => (x * x + y * y < 1 ? 1 : 0)));
    plt.contourf(xx, yy, Z, { cmap: plt.cm.Spectral });
    const svg = render();
    const [axes] = axesOf(svg);
    const [raster] = findAll(axes.node, withClass("raster"));
    const png = decodePng(raster.attrs["xlink:href"]);
    const [left, top] = [Number(raster.attrs.x), Number(raster.attrs.y)];
    const colorAt = (x: number, y: number) => {
      const pixel = (v: number, data: (p: number) => number, origin: number) => {
        // Invert the axis scale read from the ticks: find the pixel whose data value is v.
        const [p0, p1] = [0, 100];
        return Math.round(p0 + ((v - data(p0)) / (data(p1) - data(p0))) * (p1 - p0) - origin);
      };
      return png.pixel(pixel(x, axes.xData, left), pixel(y, axes.yData, top)).slice(0, 3);
    };
    const rgb = (t: number) => plt.cm.Spectral.rgb(t).map(Math.round);
    expect(colorAt(0, 0)).toEqual(rgb(1));
    expect(colorAt(0.3, -0.4)).toEqual(rgb(1));
    expect(colorAt(1.7, 1.7)).toEqual(rgb(0));
    expect(colorAt(-1.8, 0.2)).toEqual(rgb(0));
    // The grid's edges are the view limits (sticky edges, no margin).
    expect(axes.xticks.map((t) => t.label)).toEqual(["\u22122.0", "\u22121.5", "\u22121.0", "\u22120.5", "0.0", "0.5", "1.0", "1.5", "2.0"]);
    expect(axes.xticks[0].pixel).toBeCloseTo(axes.box.left, 0);
    expect(axes.xticks[axes.xticks.length - 1].pixel).toBeCloseTo(axes.box.right, 0);
  });
});

describe("imshow", () => {
  it("shows an RGB uint8 image pixel for pixel with square pixels and row 0 on top", () => {
    const height = 4;
    const width = 6;
    const data = new Uint8Array(height * width * 3).map((_, i) => (i * 37) % 256);
    plt.imshow(np.array(data, { dtype: "uint8" }).reshape([height, width, 3]));
    const svg = render();
    const [axes] = axesOf(svg);
    const [raster] = findAll(axes.node, withClass("raster"));
    expect(raster.attrs.transform).toBeUndefined();
    const png = decodePng(raster.attrs["xlink:href"]);
    expect([png.width, png.height]).toEqual([width, height]);
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const k = (r * width + c) * 3;
        expect(png.pixel(c, r)).toEqual([data[k], data[k + 1], data[k + 2], 255]);
      }
    }
    // Square pixels: the drawn image is 6 : 4.
    expect(Number(raster.attrs.width) / Number(raster.attrs.height)).toBeCloseTo(width / height, 2);
    // Row 0 on top: y tick 0 is above y tick 3.
    const tick = (value: number) => axes.yticks.find((t) => labelValue(t.label) === value)!.pixel;
    expect(tick(0)).toBeLessThan(tick(3));
  });

  it("scales float images from [0, 1] and maps 2-D arrays through viridis between min and max", () => {
    plt.subplot(1, 2, 1);
    plt.imshow([[[0, 0.5, 1]]]);
    plt.subplot(1, 2, 2);
    plt.imshow([[2, 4], [6, 10]]);
    const [rgbRaster, grayRaster] = findAll(render(), withClass("raster")).map((r) => decodePng(r.attrs["xlink:href"]));
    expect(rgbRaster.pixel(0, 0)).toEqual([0, 128, 255, 255]);
    const viridis = (t: number) => [...plt.cm.viridis.rgb(t).map(Math.round), 255];
    expect(grayRaster.pixel(0, 0)).toEqual(viridis(0));
    expect(grayRaster.pixel(1, 0)).toEqual(viridis(0.25));
    expect(grayRaster.pixel(1, 1)).toEqual(viridis(1));
  });
});

describe("hist and bar", () => {
  it("draws histogram bars whose heights are the counts and edges the bins", () => {
    const values = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4];
    const [counts, edges] = plt.hist(values, { bins: 4 });
    const [axes] = axesOf(render());
    const bars = findAll(axes.node, withClass("bar"));
    expect(bars).toHaveLength(4);
    const read = bars.map((b) => ({
      left: axes.xData(Number(b.attrs.x)),
      right: axes.xData(Number(b.attrs.x) + Number(b.attrs.width)),
      height: axes.yData(Number(b.attrs.y)) - axes.yData(Number(b.attrs.y) + Number(b.attrs.height)),
    }));
    read.forEach((bar, i) => {
      expect(bar.left).toBeCloseTo(edges.tolist()[i] as number, 2);
      expect(bar.right).toBeCloseTo(edges.tolist()[i + 1] as number, 2);
      expect(bar.height).toBeCloseTo(counts.tolist()[i] as number, 1);
    });
    expect(counts.tolist()).toEqual([1, 2, 3, 4]);
    // Bars stand on the x axis: y = 0 is the bottom of the view (a sticky edge).
    expect(axes.yData(axes.box.bottom)).toBeCloseTo(0, 6);
  });

  it("labels category bars with their names", () => {
    plt.bar(["cat", "non-cat"], [72, 137]);
    const [axes] = axesOf(render());
    expect(axes.xticks.map((t) => t.label)).toEqual(["cat", "non-cat"]);
    const bars = findAll(axes.node, withClass("bar"));
    const heights = bars.map((b) => axes.yData(Number(b.attrs.y)) - axes.yData(Number(b.attrs.y) + Number(b.attrs.height)));
    expect(heights[0]).toBeCloseTo(72, 0);
    expect(heights[1]).toBeCloseTo(137, 0);
  });
});

describe("axes settings", () => {
  it("draws log axes with decade labels as powers of ten", () => {
    plt.plot([10, 1, 0.1, 0.01]);
    plt.yscale("log");
    const [axes] = axesOf(render());
    expect(axes.yticks.map((t) => t.label)).toEqual(["10^{\u22122}", "10^{\u22121}", "10^{0}", "10^{1}"]);
    // Decades are evenly spaced on screen.
    const gaps = axes.yticks.slice(1).map((t, i) => axes.yticks[i].pixel - t.pixel);
    gaps.forEach((gap) => expect(gap).toBeCloseTo(gaps[0], 0));
  });

  it("honours xlim/ylim and draws grid lines at the ticks only when asked", () => {
    plt.plot([0, 10], [0, 1]);
    plt.xlim(2, 5);
    expect(plt.ylim()).toEqual([-0.05, 1.05]);
    let [axes] = axesOf(render());
    expect(axes.xData(axes.box.left)).toBeCloseTo(2, 6);
    expect(axes.xData(axes.box.right)).toBeCloseTo(5, 6);
    expect(findAll(axes.node, withClass("grid"))).toHaveLength(0);
    plt.grid(true);
    [axes] = axesOf(render());
    const grid = findAll(axes.node, withClass("grid"));
    expect(grid).toHaveLength(2);
    const verticals = subpaths(grid[0].attrs.d.replace(/V[\d.]+/g, ""));
    expect(verticals.map(([[x]]) => x)).toEqual(axes.xticks.map((t) => t.pixel));
  });

  it('axis("off") leaves only the data: no spines, ticks, tick labels or axis labels', () => {
    plt.imshow(np.arange(12).reshape(3, 4));
    plt.xlabel("column");
    plt.title("pixels");
    expect(plt.axis("off")).toEqual([-0.5, 3.5, 2.5, -0.5]);
    const svg = render();
    const [axes] = axesOf(svg);
    for (const part of ["spine", "xtick", "ytick", "xlabel", "grid"]) expect(findAll(axes.node, withClass(part)), part).toHaveLength(0);
    expect(findAll(axes.node, withClass("heatmap")).length + findAll(axes.node, withClass("raster")).length).toBeGreaterThan(0);
    expect(findAll(svg, (node) => node.name === "text").map(textOf)).toContain("pixels"); // the title stays, as in matplotlib
    const { layout } = plt.gcf().toPlotly(); // the interactive chart hides the same
    expect([layout.xaxis.visible, layout.yaxis.visible]).toEqual([false, false]);
    plt.axis("on");
    expect(findAll(axesOf(render())[0].node, withClass("spine")).length).toBeGreaterThan(0);
  });

  it('axis("equal") makes a data unit as long on both axes; a list sets the four limits', () => {
    plt.plot([0, 4], [0, 1]);
    plt.axis("equal");
    const [axes] = axesOf(render());
    const unitX = Math.abs(axes.box.right - axes.box.left) / Math.abs(axes.xData(axes.box.right) - axes.xData(axes.box.left));
    const unitY = Math.abs(axes.box.bottom - axes.box.top) / Math.abs(axes.yData(axes.box.top) - axes.yData(axes.box.bottom));
    expect(unitX).toBeCloseTo(unitY, 1);
    expect(plt.axis([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(() => plt.axis("sideways" as "on")).toThrow("Unrecognized string 'sideways' to axis; try 'on' or 'off'");
  });

  it("places subplots in matplotlib's grid", () => {
    plt.subplot(2, 2, 1);
    plt.plot([1, 2]);
    plt.subplot(2, 2, 4);
    plt.plot([1, 2]);
    const [first, fourth] = axesOf(render());
    // figure.subplot.*: left .125, right .9, bottom .11, top .88, wspace = hspace = .2 of 640 × 480.
    const cellWidth = (0.775 * 640) / 2.2;
    const cellHeight = (0.77 * 480) / 2.2;
    expect(first.box.left).toBeCloseTo(80, 0);
    expect(first.box.right).toBeCloseTo(80 + cellWidth, 0);
    expect(fourth.box.left).toBeCloseTo(80 + 1.2 * cellWidth, 0);
    expect(fourth.box.bottom).toBeCloseTo(0.89 * 480, 0);
    expect(fourth.box.top).toBeCloseTo(0.89 * 480 - cellHeight, 0);
  });

  it("draws a legend with the labels and line styles of the lines", () => {
    plt.plot([3, 2, 1], "r--", { label: "train" });
    plt.plot([2.5, 1.5, 0.5], { label: "test" });
    plt.legend();
    const [legend] = findAll(render(), withClass("legend"));
    const entries = findAll(legend, withClass("legend-entry"));
    expect(entries.map((e) => textOf(e.children.find((c) => c.name === "text")!))).toEqual(["train", "test"]);
    expect(entries.map((e) => e.children[0].attrs.stroke)).toEqual(["#ff0000", "#1f77b4"]);
    expect(entries[0].children[0].attrs["stroke-dasharray"]).toBeDefined();
  });
});

describe("ticks", () => {
  it("puts fixed tick labels under the data they name", () => {
    const costs = [0.7, 0.5, 0.4, 0.35, 0.33];
    plt.plot(costs);
    plt.xticks([0, 2, 4], ["start", "middle", "end"]);
    const [axes] = axesOf(render());
    expect(axes.xticks.map((t) => t.label)).toEqual(["start", "middle", "end"]);
    const [points] = subpaths(findAll(axes.node, withClass("line"))[0].attrs.d);
    expect(axes.xticks.map((t) => t.pixel)).toEqual([points[0][0], points[2][0], points[4][0]]);
  });

  it("draws no ticks after xticks([]), and turns rotated labels about their centre", () => {
    plt.plot([1, 2, 3, 4]);
    plt.xticks([]);
    plt.yticks([1, 4], ["low", "high"], { rotation: 90 });
    const [axes] = axesOf(render());
    expect(axes.xticks).toEqual([]);
    expect(axes.yticks.map((t) => t.label)).toEqual(["low", "high"]);
    const labels = findAll(axes.node, withClass("ytick")).map((g) => g.children[1]);
    labels.forEach((label, i) => {
      const [angle, cx, cy] = /rotate\((\S+) (\S+) (\S+)\)/.exec(label.attrs.transform)!.slice(1).map(Number);
      expect(angle).toBe(-90);
      // Centred on its tick, and entirely left of the axes.
      expect(cy).toBeCloseTo(axes.yticks[i].pixel, 1);
      expect(cx).toBeLessThan(axes.box.left - 10);
    });
    // "low" is level with the line's first point (1), "high" with its last (4).
    const [points] = subpaths(findAll(axes.node, withClass("line"))[0].attrs.d);
    expect(axes.yticks.map((t) => t.pixel)).toEqual([points[0][1], points[3][1]]);
  });
});

describe("step and errorbar", () => {
  it("draws steps that hold each value over its interval", () => {
    plt.subplot(1, 3, 1);
    plt.step([1, 2, 3], [1, 3, 2]);
    plt.subplot(1, 3, 2);
    plt.step([1, 2, 3], [1, 3, 2], { where: "post" });
    plt.subplot(1, 3, 3);
    plt.step([1, 2, 3], [1, 3, 2], { where: "mid" });
    const read = axesOf(render()).map((axes) => {
      const [points] = subpaths(findAll(axes.node, withClass("line"))[0].attrs.d);
      return points.map(([px, py]) => [Math.round(axes.xData(px) * 10) / 10, Math.round(axes.yData(py) * 10) / 10]);
    });
    expect(read[0]).toEqual([[1, 1], [1, 3], [2, 3], [2, 2], [3, 2]]);
    expect(read[1]).toEqual([[1, 1], [2, 1], [2, 3], [3, 3], [3, 2]]);
    expect(read[2]).toEqual([[1, 1], [1.5, 1], [1.5, 3], [2, 3], [2.5, 3], [2.5, 2], [3, 2]]);
  });

  it("draws each error bar from its lower to its upper end, capped, in the line's colour", () => {
    plt.errorbar([1, 2, 3], [2, 4, 3], { yerr: [[0.5, 1, 0.25], [0.5, 0.5, 2]], fmt: "o", capsize: 5, color: "g" });
    const [axes] = axesOf(render());
    const [bars] = findAll(axes.node, withClass("errorbar"));
    expect(bars.attrs.stroke).toBe("#008000");
    const segments = bars.attrs.d.split("M").filter(Boolean);
    const verticals = segments.filter((s) => s.includes("V")).map((s) => s.split(/[ V]/).map(Number));
    expect(verticals.map(([px, low, high]) => [axes.xData(px), axes.yData(low), axes.yData(high)].map((v) => Math.round(v * 100) / 100))).toEqual([
      [1, 1.5, 2.5],
      [2, 3, 4.5],
      [3, 2.75, 5],
    ]);
    // Two caps per bar, 5 pt to each side of the point.
    const caps = segments.filter((s) => s.includes("h")).map((s) => Number(s.split("h")[1]));
    expect(caps).toHaveLength(6);
    caps.forEach((length) => expect(length).toBeCloseTo((2 * 5 * 100) / 72, 0));
    expect(findAll(axes.node, withClass("markers"))).toHaveLength(1);
    expect(findAll(axes.node, withClass("line"))).toHaveLength(0);
  });
});

describe("clearing", () => {
  it("after cla the picture shows only what was drawn since, on fresh axes", () => {
    plt.plot([10, 1000], { label: "old" });
    plt.yscale("log");
    plt.title("old");
    plt.xticks([0, 1], ["a", "b"]);
    plt.legend();
    plt.cla();
    plt.plot([0.5, 1.5]);
    const svg = render();
    const [axes] = axesOf(svg);
    expect(findAll(axes.node, withClass("line"))).toHaveLength(1);
    expect(findAll(svg, withClass("legend"))).toHaveLength(0);
    expect(findAll(svg, withClass("title"))).toHaveLength(0);
    expect(axes.xticks.map((t) => t.label)).toEqual(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
    expect(axes.yticks.map((t) => t.label)).toEqual(["0.6", "0.8", "1.0", "1.2", "1.4"]); // matplotlib's, on a linear axis again
  });

  it("after clf the picture has only the axes drawn since", () => {
    plt.subplot(2, 1, 1);
    plt.plot([1, 2]);
    plt.subplot(2, 1, 2);
    plt.plot([2, 1]);
    plt.clf();
    plt.plot([1, 2, 3]);
    const all = axesOf(render());
    expect(all).toHaveLength(1);
    expect(all[0].box).toEqual({ left: 80, top: 57.6, right: 576, bottom: 427.2 });
  });
});

describe("reference lines and filled areas", () => {
  it("axhline and axvline are drawn at their data value, spanning the given fraction of the axes", () => {
    plt.plot([0, 10], [0, 1]);
    plt.axhline(0.75, { xmin: 0.25, color: "k", linestyle: "--" });
    plt.axvline(4, { color: "r", ymax: 0.5 });
    const [axes] = axesOf(render());
    const [horizontal, vertical] = findAll(axes.node, withClass("shape"));
    const [[h0, h1]] = subpaths(horizontal.attrs.d.replace("L", " "));
    expect(horizontal.attrs.stroke).toBe("#000000");
    expect(horizontal.attrs["stroke-dasharray"]).toBeDefined();
    expect(axes.yData(h0[1])).toBeCloseTo(0.75, 2);
    expect(axes.yData(h1[1])).toBeCloseTo(0.75, 2);
    const width = axes.box.right - axes.box.left;
    expect(h0[0]).toBeCloseTo(axes.box.left + 0.25 * width, 0);
    expect(h1[0]).toBeCloseTo(axes.box.right, 0);
    const [[v0, v1]] = subpaths(vertical.attrs.d.replace("L", " "));
    expect(vertical.attrs.stroke).toBe("#ff0000");
    expect(axes.xData(v0[0])).toBeCloseTo(4, 1);
    expect([v0[1], v1[1]]).toEqual([axes.box.bottom, expect.closeTo((axes.box.top + axes.box.bottom) / 2, 0)]);
  });

  it("an axhline's label shows in the legend with its line style", () => {
    plt.plot([3, 2, 1], { label: "cost" });
    plt.axhline(1.5, { color: "g", linestyle: ":", label: "target" });
    plt.legend();
    const entries = findAll(render(), withClass("legend-entry"));
    expect(entries.map((e) => textOf(e.children.find((c) => c.name === "text")!))).toEqual(["cost", "target"]);
    expect(entries[1].children[0].attrs.stroke).toBe("#008000");
    expect(entries[1].children[0].attrs["stroke-dasharray"]).toBeDefined();
  });

  it("fill_between fills the polygon between the two curves where asked", () => {
    const x = [0, 1, 2, 3, 4];
    const upper = [1, 3, 2, 4, 3];
    plt.fill_between(x, upper, 0.5, { where: [true, true, true, false, false], color: "orange", alpha: 0.4, label: "band" });
    plt.legend();
    const svg = render();
    const [axes] = axesOf(svg);
    const [fill] = findAll(axes.node, withClass("fill"));
    expect(fill.attrs.fill).toBe("orange");
    expect(findAll(axes.node, withClass("scatter"))[0].attrs.opacity).toBe("0.4");
    const polygons = subpaths(fill.attrs.d.replace(/Z/g, ""));
    expect(polygons).toHaveLength(1);
    const read = polygons[0].map(([px, py]) => [Math.round(axes.xData(px) * 100) / 100, Math.round(axes.yData(py) * 100) / 100]);
    expect(read).toEqual([[0, 1], [1, 3], [2, 2], [2, 0.5], [1, 0.5], [0, 0.5]]);
    // matplotlib autoscales to the filled part only (both curves there), with 5 % margins: x −0.1…2.1, y 0.375…3.125.
    expect(axes.xData(axes.box.right)).toBeCloseTo(2.1, 2);
    expect(axes.yData(axes.box.bottom)).toBeCloseTo(0.375, 2);
    expect(axes.yData(axes.box.top)).toBeCloseTo(3.125, 2);
    const [entry] = findAll(svg, withClass("legend-entry"));
    expect(entry.children[0].attrs.fill).toBe("orange");
  });
});

describe("text and annotations", () => {
  it("writes text at its data position, left end on x and baseline on y, in its colour", () => {
    plt.plot([0, 10], [0, 1]);
    plt.text(2, 0.5, "overfitting", { color: "r" });
    plt.text(8, 0.25, "right", { ha: "right" });
    const svg = render();
    const [axes] = axesOf(svg);
    const [first, second] = findAll(svg, withClass("text"));
    expect(textOf(first)).toBe("overfitting");
    expect(first.attrs.fill).toBe("#ff0000");
    expect(first.attrs["text-anchor"]).toBe("start");
    expect(axes.xData(Number(first.attrs.x))).toBeCloseTo(2, 1);
    expect(axes.yData(Number(first.attrs.y))).toBeCloseTo(0.5, 2);
    expect(second.attrs["text-anchor"]).toBe("end");
    expect(axes.xData(Number(second.attrs.x))).toBeCloseTo(8, 1);
  });

  it("draws an annotation's arrow from the text towards the annotated point", () => {
    plt.plot([0, 10], [0, 1]);
    plt.annotate("here", [5, 0.5], { xytext: [8, 0.2], arrowprops: { color: "b" } });
    const svg = render();
    const [axes] = axesOf(svg);
    const [label] = findAll(svg, withClass("text"));
    expect(axes.xData(Number(label.attrs.x))).toBeCloseTo(8, 1);
    const [arrow] = findAll(svg, withClass("arrow"));
    const [shaft, tip] = arrow.children;
    expect(shaft.attrs.stroke).toBe("#0000ff");
    const [[[tipX, tipY]]] = subpaths(tip.attrs.d.replace(/L/g, " ").replace("Z", ""));
    expect(axes.xData(tipX)).toBeCloseTo(5, 1);
    expect(axes.yData(tipY)).toBeCloseTo(0.5, 2);
    // The shaft starts at the text, left of and below the point.
    const [[start]] = subpaths(shaft.attrs.d.replace("L", " "));
    expect(axes.xData(start[0])).toBeGreaterThan(5.5);
    expect(axes.yData(start[1])).toBeLessThan(0.45);
  });
});

describe("colorbar", () => {
  it("draws the colour range as a bar beside the narrowed axes, read back through its tick labels", () => {
    plt.imshow([[2, 4], [6, 10]]);
    plt.colorbar();
    const svg = render();
    const [axes] = axesOf(svg);
    const [colorbar] = findAll(svg, withClass("colorbar"));
    const [left, top, right, bottom] = colorbar.attrs["data-box"].split(",").map(Number);
    // matplotlib: the bar at 501.6 … 520.08 px, 57.6 … 427.2 px; the axes ends at 476.8 px.
    expect([left, top, right, bottom]).toEqual([expect.closeTo(501.6, 0), expect.closeTo(57.6, 0), expect.closeTo(520.1, 0), expect.closeTo(427.2, 0)]);
    expect(axes.box.right).toBeLessThanOrEqual(476.9);
    const ticks = findAll(colorbar, withClass("cbtick")).map((g) => ({ pixel: Number(g.children[0].attrs.d.split(" ")[1].split("h")[0]), label: textOf(g.children[1]) }));
    expect(ticks.map((t) => t.label)).toEqual(["2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    // The colour at a tick is the colormap's colour of that value.
    const [raster] = findAll(colorbar, withClass("raster"));
    const png = decodePng(raster.attrs["xlink:href"]);
    const colorAt = (value: number) => {
      const tick = ticks.find((t) => labelValue(t.label) === value)!;
      return png.pixel(0, Math.min(png.height - 1, Math.floor(tick.pixel - top))).slice(0, 3);
    };
    const viridis = (t: number) => plt.cm.viridis.rgb(t).map(Math.round);
    // (a pixel row spans 1/370 of the range, hence the tolerance)
    for (const [value, t] of [[2, 0], [6, 0.5], [10, 1]]) colorAt(value).forEach((c, i) => expect(Math.abs(c - viridis(t)[i])).toBeLessThanOrEqual(3));
  });
});

describe("plotly figures given directly", () => {
  it("draws the supported traces of a hand-written plotly figure", () => {
    const figure: PlotlyFigure = {
      data: [{ type: "bar", x: [0, 1, 2], y: [3, 5, 4] }],
      layout: { width: 500, height: 300, xaxis: { showgrid: false }, yaxis: { showgrid: false } },
      config: {},
    };
    const svg = parseSvg(renderSvg(figure));
    expect(svg.attrs.width).toBe("500");
    const [axes] = axesOf(svg);
    const heights = findAll(axes.node, withClass("bar")).map((b) => axes.yData(Number(b.attrs.y)) - axes.yData(Number(b.attrs.y) + Number(b.attrs.height)));
    heights.forEach((h, i) => expect(h).toBeCloseTo([3, 5, 4][i], 1));
  });

  it("says in the picture when a trace type has no static form", () => {
    const svg = parseSvg(renderSvg({ data: [{ type: "scatter3d", x: [1], y: [1], z: [1] }], layout: {}, config: {} }));
    expect(findAll(svg, withClass("unsupported")).map(textOf)).toEqual(["(scatter3d trace: interactive view only)"]);
  });
});
