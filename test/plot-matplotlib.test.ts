/**
 * matplotlib as the oracle: view limits, tick positions and labels, axes boxes, contour levels, legend
 * placement and histogram bins of the static picture are compared with what matplotlib 3.11 (Agg, default
 * rcParams) computes for the same calls. The numbers below are matplotlib's output, produced by the script at
 * the end of this file; the cases here must stay the same calls.
 */
import { describe, expect, it } from "vitest";
import { plt } from "../lib/plot";

interface AxesOracle {
  xlim: [number, number];
  ylim: [number, number];
  xticks: [number, string][];
  yticks: [number, string][];
  /** left, top, right, bottom in pixels of the 100-dpi figure. */
  box: [number, number, number, number];
  /** The "1e6"-style multipliers of the x and y axis. */
  offset?: [string, string];
}

const MATPLOTLIB = {
  axes: {
    "simple": {"xlim": [-0.15000000000000002, 3.15], "ylim": [0.85, 4.15], "xticks": [[0.0, "0.0"], [0.5, "0.5"], [1.0, "1.0"], [1.5, "1.5"], [2.0, "2.0"], [2.5, "2.5"], [3.0, "3.0"]], "yticks": [[1.0, "1.0"], [1.5, "1.5"], [2.0, "2.0"], [2.5, "2.5"], [3.0, "3.0"], [3.5, "3.5"], [4.0, "4.0"]], "box": [80.0, 57.6, 576.0, 427.2]},
    "cost": {"xlim": [-124.95, 2623.95], "ylim": [0.016422435437311853, 0.7849322649791757], "xticks": [[0.0, "0"], [500.0, "500"], [1000.0, "1000"], [1500.0, "1500"], [2000.0, "2000"], [2500.0, "2500"]], "yticks": [[0.1, "0.1"], [0.2, "0.2"], [0.30000000000000004, "0.3"], [0.4, "0.4"], [0.5, "0.5"], [0.6000000000000001, "0.6"], [0.7000000000000001, "0.7"]], "box": [80.0, 57.6, 576.0, 427.2]},
    "millions": {"xlim": [-0.1, 2.1], "ylim": [-1210000.0, 3410000.0], "xticks": [[0.0, "0.00"], [0.25, "0.25"], [0.5, "0.50"], [0.75, "0.75"], [1.0, "1.00"], [1.25, "1.25"], [1.5, "1.50"], [1.75, "1.75"], [2.0, "2.00"]], "yticks": [[-1000000.0, "−1"], [0.0, "0"], [1000000.0, "1"], [2000000.0, "2"], [3000000.0, "3"]], "box": [80.0, 57.6, 576.0, 427.2], "offset": ["", "1e6"]},
    "small": {"xlim": [-0.1, 2.1], "ylim": [8.75e-05, 0.0003625], "xticks": [[0.0, "0.00"], [0.25, "0.25"], [0.5, "0.50"], [0.75, "0.75"], [1.0, "1.00"], [1.25, "1.25"], [1.5, "1.50"], [1.75, "1.75"], [2.0, "2.00"]], "yticks": [[0.0001, "0.00010"], [0.00015000000000000001, "0.00015"], [0.0002, "0.00020"], [0.00025, "0.00025"], [0.00030000000000000003, "0.00030"], [0.00035000000000000005, "0.00035"]], "box": [80.0, 57.6, 576.0, 427.2]},
    "negative": {"xlim": [-3.995, 2.495], "ylim": [-0.02165, 0.01465], "xticks": [[-3.0, "−3"], [-2.0, "−2"], [-1.0, "−1"], [0.0, "0"], [1.0, "1"], [2.0, "2"]], "yticks": [[-0.02, "−0.020"], [-0.015000000000000001, "−0.015"], [-0.010000000000000002, "−0.010"], [-0.005000000000000001, "−0.005"], [0.0, "0.000"], [0.0049999999999999975, "0.005"], [0.010000000000000002, "0.010"]], "box": [80.0, 57.6, 576.0, 427.2]},
    "log": {"xlim": [-4.95, 103.95], "ylim": [0.0009669953503366766, 15.531584456128936], "xticks": [[0.0, "0"], [20.0, "20"], [40.0, "40"], [60.0, "60"], [80.0, "80"], [100.0, "100"]], "yticks": [[0.001, "10^{-3}"], [0.01, "10^{-2}"], [0.1, "10^{-1}"], [1.0, "10^{0}"], [10.0, "10^{1}"]], "box": [80.0, 57.6, 576.0, 427.2]},
    "scatter": {"xlim": [0.32499999999999996, 4.175], "ylim": [9.0, 31.0], "xticks": [[0.5, "0.5"], [1.0, "1.0"], [1.5, "1.5"], [2.0, "2.0"], [2.5, "2.5"], [3.0, "3.0"], [3.5, "3.5"], [4.0, "4.0"]], "yticks": [[10.0, "10.0"], [12.5, "12.5"], [15.0, "15.0"], [17.5, "17.5"], [20.0, "20.0"], [22.5, "22.5"], [25.0, "25.0"], [27.5, "27.5"], [30.0, "30.0"]], "box": [80.0, 57.6, 576.0, 427.2]},
    "bar": {"xlim": [0.45999999999999996, 3.5400000000000005], "ylim": [0.0, 7.35], "xticks": [[0.5, "0.5"], [1.0, "1.0"], [1.5, "1.5"], [2.0, "2.0"], [2.5, "2.5"], [3.0, "3.0"], [3.5, "3.5"]], "yticks": [[0.0, "0"], [1.0, "1"], [2.0, "2"], [3.0, "3"], [4.0, "4"], [5.0, "5"], [6.0, "6"], [7.0, "7"]], "box": [80.0, 57.6, 576.0, 427.2]},
    "imshow": {"xlim": [-0.5, 11.5], "ylim": [7.5, -0.5], "xticks": [[0.0, "0"], [2.0, "2"], [4.0, "4"], [6.0, "6"], [8.0, "8"], [10.0, "10"]], "yticks": [[0.0, "0"], [1.0, "1"], [2.0, "2"], [3.0, "3"], [4.0, "4"], [5.0, "5"], [6.0, "6"], [7.0, "7"]], "box": [80.0, 77.067, 576.0, 407.733]},
    "subplot223": {"xlim": [-0.5, 10.5], "ylim": [4.95, 6.05], "xticks": [[0.0, "0.0"], [2.5, "2.5"], [5.0, "5.0"], [7.5, "7.5"], [10.0, "10.0"]], "yticks": [[5.000000000000001, "5.0"], [5.200000000000001, "5.2"], [5.4, "5.4"], [5.6000000000000005, "5.6"], [5.800000000000001, "5.8"], [6.000000000000001, "6.0"]], "box": [80.0, 259.2, 305.455, 427.2]},
    "figsize": {"xlim": [1.7, 8.3], "ylim": [-0.05, 1.05], "xticks": [[2.0, "2"], [3.0, "3"], [4.0, "4"], [5.0, "5"], [6.0, "6"], [7.0, "7"], [8.0, "8"]], "yticks": [[0.0, "0.0"], [0.2, "0.2"], [0.4000000000000001, "0.4"], [0.6000000000000001, "0.6"], [0.8, "0.8"], [1.0000000000000002, "1.0"]], "box": [125.0, 36.0, 900.0, 267.0]},
    "single": {"xlim": [-0.05500000000000001, 0.05500000000000001], "ylim": [2.835, 3.165], "xticks": [[-0.039999999999999994, "−0.04"], [-0.019999999999999997, "−0.02"], [0.0, "0.00"], [0.020000000000000004, "0.02"], [0.04000000000000001, "0.04"]], "yticks": [[2.85, "2.85"], [2.9000000000000004, "2.90"], [2.95, "2.95"], [3.0000000000000004, "3.00"], [3.0500000000000003, "3.05"], [3.1000000000000005, "3.10"], [3.1500000000000004, "3.15"]], "box": [80.0, 57.6, 576.0, 427.2]},
    "xlim": {"xlim": [2.0, 5.0], "ylim": [-0.05, 1.05], "xticks": [[2.0, "2.0"], [2.5, "2.5"], [3.0, "3.0"], [3.5, "3.5"], [4.0, "4.0"], [4.5, "4.5"], [5.0, "5.0"]], "yticks": [[0.0, "0.0"], [0.2, "0.2"], [0.4000000000000001, "0.4"], [0.6000000000000001, "0.6"], [0.8, "0.8"], [1.0000000000000002, "1.0"]], "box": [80.0, 57.6, 576.0, 427.2]},
  } as Record<string, AxesOracle>,
  contourLevels: {"binary": [0.0, 0.15000000000000002, 0.30000000000000004, 0.45000000000000007, 0.6000000000000001, 0.7500000000000001, 0.9000000000000001, 1.0500000000000003], "binary-3": [0.0, 0.25, 0.5, 0.75, 1.0], "binary-explicit": [-10.0, 0.1, 0.5, 20.0], "wide": [-4.5, -3.0, -1.5, 0.0, 1.5, 3.0, 4.5, 6.0], "wide-3": [-5.0, -2.5, 0.0, 2.5, 5.0, 7.5], "wide-explicit": [-10.0, 0.1, 0.5, 20.0], "narrow": [0.11, 0.12000000000000001, 0.13, 0.14, 0.15000000000000002, 0.16, 0.17, 0.18, 0.19], "narrow-3": [0.1, 0.12000000000000001, 0.14, 0.16, 0.18, 0.2], "narrow-explicit": [-10.0, 0.1, 0.5, 20.0]} as Record<string, number[]>,
  legendBox: {"decreasing": [0.867, 0.855, 0.986, 0.981], "increasing": [0.014, 0.855, 0.133, 0.981], "valley": [0.014, 0.019, 0.133, 0.145]} as Record<string, number[]>,
  ticks: {"auto": {"x": [[-0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5], ["−0.5", "0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5"]], "y": [[0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5], ["0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5"]]}, "fixed": {"xlim": [-0.15000000000000002, 5.0], "x": [[0.0, 1.0, 5.0], ["0", "1", "5"]], "xlimAfterPlot": [-0.15000000000000002, 3.15]}, "fixedLimits": {"xlim": [0.0, 3.0]}, "log": {"y": [[0.1, 1.0, 10.0, 100.0, 1000.0], ["10^{-1}", "10^{0}", "10^{1}", "10^{2}", "10^{3}"]], "ylim": [0.7943282347242815, 125.89254117941677], "fixed": [[2.0, 10.0, 50.0], ["", "10^{1}", ""]]}, "unfixedLabels": [[-0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5], ["a", "b", "c", "", "", "", "", "", ""]], "formatted": [[0.25, 1.0, 2.125], ["0.250", "1.000", "2.125"]], "rotated": {"labels": [[85.81, 436.92, 119.28, 470.39], [313.74, 436.92, 342.26, 465.44], [539.35, 436.92, 567.56, 465.13]], "xlabel": [317.5, 475.95, 338.5, 489.84]}},
  limits: {"errorbar": {"xlim": [0.9, 3.1], "ylim": [0.8, 5.2]}, "asymmetric": {"xlim": [0.625, 3.375], "ylim": [1.325, 5.175]}, "step": {"xlim": [0.85, 4.15], "ylim": [0.85, 4.15]}, "semilogy": {"xlim": [-0.1, 2.1], "ylim": [0.7079457843841379, 1412.5375446227545]}, "loglog": {"xlim": [0.7943282347242815, 125.89254117941677], "ylim": [3.53972892192069, 7062.68772311378]}} as Record<string, { xlim: number[]; ylim: number[] }>,
  hist: {"counts": [125.0, 120.0, 166.0, 164.0, 139.0, 140.0, 146.0], "edges": [0.0, 0.14280333234117798, 0.28560666468235596, 0.42840999702353394, 0.5712133293647119, 0.7140166617058898, 0.8568199940470679, 0.9996233263882459]},
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const costs = range(2500).map((i) => 0.7 * Math.exp(-i / 400) + 0.05);

/** The same pyplot calls as the oracle script's cases. */
const CASES: Record<string, () => void> = {
  simple: () => plt.plot([1, 2, 3, 4]),
  cost: () => plt.plot(costs),
  millions: () => plt.plot([0, 1, 2], [-1e6, 2e6, 3.2e6]),
  small: () => plt.plot([1e-4, 2e-4, 3.5e-4]),
  negative: () => plt.plot([-3.7, 2.2], [-0.02, 0.013]),
  log: () => {
    plt.plot(range(100).map((i) => 10 * Math.exp(-i / 10) + 0.001));
    plt.yscale("log");
  },
  scatter: () => plt.scatter([0.5, 1.5, 4.0], [10, 30, 20]),
  bar: () => plt.bar([1, 2, 3], [3, 7, 5]),
  imshow: () => plt.imshow(range(8).map(() => range(12).map(() => [0, 0, 0]))),
  subplot223: () => {
    plt.subplot(2, 2, 3);
    plt.plot([0, 10], [5, 6]);
  },
  figsize: () => {
    plt.figure({ figsize: [10, 3] });
    plt.plot([2, 8], [0, 1]);
  },
  single: () => plt.plot([3]),
  xlim: () => {
    plt.plot([0, 10], [0, 1]);
    plt.xlim(2, 5);
  },
};

/** matplotlib writes "−" in tick labels but "-" inside mathtext exponents; compare them as one character. */
const sameMinus = (label: string) => label.replace(/\u2212/g, "-");

function attribute(svg: string, name: string): string {
  return new RegExp(`${name}="([^"]*)"`).exec(svg)![1];
}

/** Tick groups of the SVG: their data value, pixel position and label text (superscripts as ^{…}). */
function ticks(svg: string, axis: "x" | "y"): { value: number; pixel: number; label: string }[] {
  const group = new RegExp(`<g class="${axis}tick" data-value="([^"]*)"><path d="M([\\d.]+) ([\\d.]+)[^"]*"[^>]*/><text[^>]*>(.*?)</text></g>`, "g");
  return [...svg.matchAll(group)].map(([, value, x, y, text]) => ({
    value: Number(value),
    pixel: Number(axis === "x" ? x : y),
    label: text.replace(/<tspan[^>]*>(.*?)<\/tspan>/g, "^{$1}"),
  }));
}

describe("the static picture's axes match matplotlib", () => {
  for (const [name, draw] of Object.entries(CASES)) {
    it(name, () => {
      plt.close("all");
      draw();
      const svg = plt.gcf().toSVG();
      plt.close("all");
      const oracle = MATPLOTLIB.axes[name];
      const xlim = attribute(svg, "data-xlim").split(",").map(Number);
      const ylim = attribute(svg, "data-ylim").split(",").map(Number);
      const scale = (lim: number[]) => Math.abs(lim[1] - lim[0]);
      xlim.forEach((v, i) => expect(Math.abs(v - oracle.xlim[i])).toBeLessThan(1e-9 * scale(oracle.xlim)));
      ylim.forEach((v, i) => expect(Math.abs(v - oracle.ylim[i]) / (name === "log" ? oracle.ylim[i] : scale(oracle.ylim))).toBeLessThan(1e-9));
      const box = attribute(svg, "data-box").split(",").map(Number);
      box.forEach((v, i) => expect(Math.abs(v - oracle.box[i])).toBeLessThanOrEqual(0.06));
      for (const axis of ["x", "y"] as const) {
        const drawn = ticks(svg, axis);
        const expected = oracle[`${axis}ticks`];
        expect(drawn.map((t) => sameMinus(t.label))).toEqual(expected.map(([, label]) => sameMinus(label)));
        // Where matplotlib puts each tick in its box, linear or logarithmic.
        const [lo, hi] = axis === "x" ? oracle.xlim : oracle.ylim;
        const log = name === "log" && axis === "y";
        const f = log ? Math.log10 : (v: number) => v;
        const [start, end] = axis === "x" ? [oracle.box[0], oracle.box[2]] : [oracle.box[3], oracle.box[1]];
        drawn.forEach((tick, i) => {
          const pixel = start + ((f(expected[i][0]) - f(lo)) / (f(hi) - f(lo))) * (end - start);
          expect(Math.abs(tick.pixel - pixel)).toBeLessThanOrEqual(0.1);
        });
      }
      const multipliers = [...svg.matchAll(/<text class="multiplier"[^>]*>([^<]*)<\/text>/g)].map((m) => sameMinus(m[1]));
      expect(multipliers).toEqual((oracle.offset ?? []).filter(Boolean).map(sameMinus));
    });
  }
});

describe("contourf levels match matplotlib's", () => {
  const grids: Record<string, number[][]> = {
    binary: [[0, 1], [1, 0]],
    wide: [[-3.2, 5.7], [0.3, 1.1]],
    narrow: [[0.11, 0.12], [0.13, 0.19]],
  };
  const levelsOf = () => {
    const contours = plt.gcf().toPlotly().data[0].contours as { start: number; end: number; size: number };
    const count = Math.round((contours.end - contours.start) / contours.size) + 1;
    return Array.from({ length: count }, (_, i) => contours.start + i * contours.size);
  };
  for (const [name, z] of Object.entries(grids)) {
    for (const [suffix, options] of [["", {}], ["-3", { levels: 3 }]] as const) {
      it(`${name}${suffix}`, () => {
        plt.close("all");
        plt.contourf(z, options);
        const levels = levelsOf();
        plt.close("all");
        const expected = MATPLOTLIB.contourLevels[name + suffix];
        expect(levels).toHaveLength(expected.length);
        levels.forEach((level, i) => expect(level).toBeCloseTo(expected[i], 9));
      });
    }
  }
});

describe("the legend's 'best' location matches matplotlib's", () => {
  const every25 = costs.filter((_, i) => i % 25 === 0);
  const curves: Record<string, number[]> = {
    decreasing: every25,
    increasing: costs.filter((_, i) => (2499 - i) % 25 === 0).reverse(),
    valley: range(100).map((i) => (-1 + (2 * i) / 99) ** 2),
  };
  for (const [name, ys] of Object.entries(curves)) {
    it(name, () => {
      plt.close("all");
      plt.plot(ys, { label: "a" });
      plt.plot(ys.map((v) => v * 0.9), { label: "b" });
      plt.legend();
      const { legend } = plt.gcf().toPlotly().layout;
      plt.close("all");
      const [x0, y0, x1, y1] = MATPLOTLIB.legendBox[name];
      const horizontal = x1 > 0.9 ? "right" : x0 < 0.1 ? "left" : "center";
      const vertical = y1 > 0.9 ? "top" : y0 < 0.1 ? "bottom" : "middle";
      expect([legend.xanchor, legend.yanchor]).toEqual([horizontal, vertical]);
    });
  }
});

it("hist bins and counts match matplotlib's", () => {
  plt.close("all");
  // Python's % is a floor modulo: the result takes the divisor's sign.
  const data = range(1000).map((i) => (((Math.sin(i * 12.9898) * 43758.5453) % 1) + 1) % 1);
  const [counts, edges] = plt.hist(data, { bins: 7 });
  plt.close("all");
  expect(counts.tolist()).toEqual(MATPLOTLIB.hist.counts);
  (edges.tolist() as number[]).forEach((edge, i) => expect(edge).toBeCloseTo(MATPLOTLIB.hist.edges[i], 12));
});

describe("ticks set and read with xticks/yticks match matplotlib's", () => {
  const T = MATPLOTLIB.ticks;
  type Got = [number[], string[]];
  const expectTicks = ([values, labels]: Got, [expectedValues, expectedLabels]: Got | number[][]) => {
    expect(values).toHaveLength(expectedValues.length);
    values.forEach((v, i) => expect(v).toBeCloseTo(expectedValues[i] as number, 12));
    expect(labels.map(sameMinus)).toEqual((expectedLabels as string[]).map(sameMinus));
  };
  const expectLimits = (limits: [number, number], expected: number[]) => limits.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));

  it("xticks() and yticks() give the locator's ticks, one step past the view, with the formatter's labels", () => {
    plt.close("all");
    plt.plot([1, 2, 3, 4]);
    expectTicks(plt.xticks(), T.auto.x as Got);
    expectTicks(plt.yticks(), T.auto.y as Got);
    plt.close("all");
  });

  it("xticks(ticks) fixes them and widens the view to them, until new data autoscales it again", () => {
    plt.close("all");
    plt.plot([1, 2, 3, 4]);
    expectTicks(plt.xticks([0, 1, 5]), T.fixed.x as Got);
    expectLimits(plt.xlim(), T.fixed.xlim);
    plt.plot([0, 2]);
    expectLimits(plt.xlim(), T.fixed.xlimAfterPlot);
    plt.close("all");
    plt.plot([1, 2, 3, 4]);
    plt.xlim(0, 2);
    plt.xticks([1, 3]);
    expectLimits(plt.xlim(), T.fixedLimits.xlim);
    plt.close("all");
  });

  it("a log axis has LogLocator's decades; fixed ticks between decades stay unlabelled", () => {
    plt.close("all");
    plt.plot([1, 10, 100]);
    plt.yscale("log");
    expectTicks(plt.yticks(), T.log.y as Got);
    expectTicks(plt.yticks([2, 10, 50]), T.log.fixed as Got);
    plt.ylim().forEach((v, i) => expect(v / T.log.ylim[i]).toBeCloseTo(1, 12));
    plt.close("all");
  });

  it("labels without fixed ticks go to the locator's ticks in order; fixed ticks are formatted together", () => {
    plt.close("all");
    plt.plot([1, 2, 3, 4]);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      plt.gca().set_xticklabels(["a", "b", "c"]);
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual(["set_ticklabels() should only be used with a fixed number of ticks, i.e. after set_ticks() or using a FixedLocator. Otherwise, ticks may be mislabeled."]);
    expectTicks(plt.xticks(), T.unfixedLabels as Got);
    plt.close("all");
    plt.plot([1, 2, 3, 4]);
    expectTicks(plt.xticks([0.25, 1, 2.125]), T.formatted as Got);
    plt.close("all");
  });

  it("rotated labels hang from the tick pad, centred under their ticks, with the x label below them", () => {
    plt.close("all");
    plt.plot([1, 2, 3, 4]);
    plt.xticks([0, 1.5, 3], ["train", "dev", "test"], { rotation: 45 });
    plt.xlabel("set");
    const svg = plt.gcf().toSVG();
    plt.close("all");
    const centres = [...svg.matchAll(/<g class="xtick"[^>]*>.*?transform="rotate\((-?[\d.]+) ([\d.]+) ([\d.]+)\)"/g)].map((m) => m.slice(1).map(Number));
    expect(centres).toHaveLength(3);
    centres.forEach(([angle, x, y], i) => {
      const [left, top, right, bottom] = T.rotated.labels[i];
      expect(angle).toBe(-45);
      expect(Math.abs(x - (left + right) / 2)).toBeLessThanOrEqual(0.1);
      // The box's height comes from an estimated text width (no font metrics, ±15 %), hence the looser tolerance.
      expect(Math.abs(y - (top + bottom) / 2)).toBeLessThanOrEqual(3);
    });
    const xlabelBaseline = Number(/<text class="xlabel"[^>]* y="([\d.]+)"/.exec(svg)![1]);
    const [, labelTop, , labelBottom] = T.rotated.xlabel;
    expect(xlabelBaseline).toBeGreaterThan(labelTop);
    expect(Math.abs(xlabelBaseline - labelBottom)).toBeLessThanOrEqual(4);
  });
});

describe("the view of step, errorbar and log plots matches matplotlib's", () => {
  const cases: Record<string, () => void> = {
    errorbar: () => plt.errorbar([1, 2, 3], [2, 4, 3], { yerr: [0.5, 1, 2], capsize: 4 }),
    asymmetric: () => plt.errorbar([1, 2, 3], [2, 4, 3], { yerr: [[0.5, 1, 0], [0, 0, 2]], xerr: 0.25, fmt: "none" }),
    step: () => plt.step([1, 2, 3, 4], [1, 3, 2, 4], { where: "mid" }),
    semilogy: () => plt.semilogy([1, 10, 1000]),
    loglog: () => plt.loglog([1, 10, 100], [5, 50, 5000]),
  };
  for (const [name, draw] of Object.entries(cases)) {
    it(name, () => {
      plt.close("all");
      draw();
      const [xlim, ylim] = [plt.xlim(), plt.ylim()];
      plt.close("all");
      const { xlim: x, ylim: y } = MATPLOTLIB.limits[name];
      xlim.forEach((v, i) => expect(v / x[i]).toBeCloseTo(1, 12));
      ylim.forEach((v, i) => expect(v / y[i]).toBeCloseTo(1, 12));
    });
  }
});

/*
The oracle script (python -m venv v && v/bin/pip install matplotlib numpy && v/bin/python oracle.py):

import json, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

def ticks(axis, lim):
    lo, hi = sorted(lim)
    out = []
    for t in axis._update_ticks():
        v = t.get_loc()
        if lo - 1e-9*(hi-lo) <= v <= hi + 1e-9*(hi-lo):
            out.append([float(v), t.label1.get_text()])
    return out

def describe(ax):
    fig = ax.figure
    fig.canvas.draw()
    bbox = ax.get_position()
    W, H = fig.get_size_inches() * fig.dpi
    return {
        "xlim": [float(v) for v in ax.get_xlim()], "ylim": [float(v) for v in ax.get_ylim()],
        "xticks": ticks(ax.xaxis, ax.get_xlim()), "yticks": ticks(ax.yaxis, ax.get_ylim()),
        "box": [bbox.x0 * W, (1 - bbox.y1) * H, bbox.x1 * W, (1 - bbox.y0) * H],
        "xoffset": ax.xaxis.get_offset_text().get_text(), "yoffset": ax.yaxis.get_offset_text().get_text(),
    }

cases = {}
def case(name, draw):
    plt.close("all"); fig = plt.figure(); draw(); cases[name] = describe(plt.gca())

i = np.arange(2500)
costs = 0.7 * np.exp(-i / 400) + 0.05
case("simple", lambda: plt.plot([1, 2, 3, 4]))
case("cost", lambda: plt.plot(costs))
case("millions", lambda: plt.plot([0, 1, 2], [-1e6, 2e6, 3.2e6]))
case("small", lambda: plt.plot([1e-4, 2e-4, 3.5e-4]))
case("negative", lambda: plt.plot([-3.7, 2.2], [-0.02, 0.013]))
case("log", lambda: (plt.plot(10 * np.exp(-np.arange(100) / 10) + 0.001), plt.yscale("log")))
case("scatter", lambda: plt.scatter([0.5, 1.5, 4.0], [10, 30, 20]))
case("bar", lambda: plt.bar([1, 2, 3], [3, 7, 5]))
case("imshow", lambda: plt.imshow(np.zeros((8, 12, 3))))
case("subplot223", lambda: (plt.subplot(2, 2, 3), plt.plot([0, 10], [5, 6])))
case("figsize", lambda: (plt.close("all"), plt.figure(figsize=(10, 3)), plt.plot([2, 8], [0, 1])))
case("single", lambda: plt.plot([3]))
case("xlim", lambda: (plt.plot([0, 10], [0, 1]), plt.xlim(2, 5)))

levels = {}
for name, z in {"binary": np.array([[0., 1.], [1., 0.]]), "wide": np.array([[-3.2, 5.7], [0.3, 1.1]]), "narrow": np.array([[0.11, 0.12], [0.13, 0.19]])}.items():
    plt.close("all"); cs = plt.contourf(np.arange(2), np.arange(2), z); levels[name] = [float(v) for v in cs.levels]
    plt.close("all"); cs = plt.contourf(np.arange(2), np.arange(2), z, levels=3); levels[name + "-3"] = [float(v) for v in cs.levels]
    plt.close("all"); cs = plt.contourf(np.arange(2), np.arange(2), z, levels=[-10, 0.1, 0.5, 20]); levels[name + "-explicit"] = [float(v) for v in cs.levels]

legend = {}
for name, ys in {"decreasing": costs[::25], "increasing": costs[::-25], "valley": (np.linspace(-1, 1, 100) ** 2)}.items():
    plt.close("all"); plt.figure(); plt.plot(ys, label="a"); plt.plot(ys * 0.9, label="b"); lg = plt.legend(); plt.gcf().canvas.draw()
    bb = lg.get_window_extent().transformed(plt.gca().transAxes.inverted())
    legend[name] = [round(bb.x0, 3), round(bb.y0, 3), round(bb.x1, 3), round(bb.y1, 3)]
hist = {}
data = np.sin(np.arange(1000) * 12.9898) * 43758.5453 % 1
plt.close("all"); n, b, _ = plt.hist(data, bins=7); hist["counts"] = n.tolist(); hist["edges"] = b.tolist()

def got(pair):
    locs, labels = pair
    return [[float(v) for v in locs], [t.get_text().replace("$\\mathdefault{", "").replace("}$", "") for t in labels]]

ticks = {}
plt.close("all"); plt.figure(); plt.plot([1, 2, 3, 4])
ticks["auto"] = {"x": got(plt.xticks()), "y": got(plt.yticks())}
plt.xticks([0, 1, 5])
ticks["fixed"] = {"xlim": [float(v) for v in plt.xlim()], "x": got(plt.xticks())}
plt.plot([0, 2])
ticks["fixed"]["xlimAfterPlot"] = [float(v) for v in plt.xlim()]
plt.close("all"); plt.figure(); plt.plot([1, 2, 3, 4]); plt.xlim(0, 2); plt.xticks([1, 3])
ticks["fixedLimits"] = {"xlim": [float(v) for v in plt.xlim()]}
plt.close("all"); plt.figure(); plt.plot([1, 10, 100]); plt.yscale("log")
ticks["log"] = {"y": got(plt.yticks())}
plt.yticks([2, 10, 50])
ticks["log"]["ylim"] = [float(v) for v in plt.ylim()]; ticks["log"]["fixed"] = got(plt.yticks())
plt.close("all"); plt.figure(); plt.plot([1, 2, 3, 4]); plt.gca().set_xticklabels(["a", "b", "c"])
ticks["unfixedLabels"] = got(plt.xticks())
plt.close("all"); plt.figure(); plt.plot([1, 2, 3, 4]); plt.xticks([0.25, 1, 2.125])
ticks["formatted"] = got(plt.xticks())
plt.close("all"); fig = plt.figure(); plt.plot([1, 2, 3, 4]); plt.xticks([0, 1.5, 3], ["train", "dev", "test"], rotation=45); plt.xlabel("set")
fig.canvas.draw()
H = fig.get_size_inches()[1] * fig.dpi
def box(b): return [round(b.x0, 2), round(H - b.y1, 2), round(b.x1, 2), round(H - b.y0, 2)]
ticks["rotated"] = {"labels": [box(t.get_window_extent()) for t in plt.gca().get_xticklabels()], "xlabel": box(plt.gca().xaxis.label.get_window_extent())}
limits = {}
def limits_of(name, draw):
    plt.close("all"); plt.figure(); draw(); limits[name] = {"xlim": [float(v) for v in plt.xlim()], "ylim": [float(v) for v in plt.ylim()]}
limits_of("errorbar", lambda: plt.errorbar([1, 2, 3], [2, 4, 3], yerr=[0.5, 1, 2], capsize=4))
limits_of("asymmetric", lambda: plt.errorbar([1, 2, 3], [2, 4, 3], yerr=[[0.5, 1, 0], [0, 0, 2]], xerr=0.25, fmt="none"))
limits_of("step", lambda: plt.step([1, 2, 3, 4], [1, 3, 2, 4], where="mid"))
limits_of("semilogy", lambda: plt.semilogy([1, 10, 1000]))
limits_of("loglog", lambda: plt.loglog([1, 10, 100], [5, 50, 5000]))
print(json.dumps({"axes": cases, "contourLevels": levels, "legendBox": legend, "ticks": ticks, "limits": limits, "hist": hist}, ensure_ascii=False))
*/
