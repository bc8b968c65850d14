/**
 * Printing against numpy: every array in test/fixtures/print.json (written by test/golden/print.py) must
 * give numpy's repr and str character for character, and Dragon4 scalar formatting must match numpy's
 * format_float_positional / format_float_scientific.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { allocate, type DType } from "../lib/np/dtype";
import { NDArray } from "../lib/np/ndarray";
import {
  array2string,
  array_html,
  array_repr,
  array_str,
  format_float_positional,
  format_float_scientific,
  get_printoptions,
  printoptions,
  set_printoptions,
  type PrintOptions,
} from "../lib/np/print";
import { decodeScalar, loadGolden, type GoldenValue } from "./helpers/golden";

/** An NDArray built directly from a golden {dtype, shape, data}, C-contiguous. */
function build(value: GoldenValue): NDArray {
  const dtype = value.dtype as DType;
  const data = allocate(dtype, value.data.length);
  value.data.forEach((x, i) => (data[i] = Number(decodeScalar(x))));
  return new NDArray(data, value.shape!, dtype);
}

/** The array a case prints: its own data, or a view on `base` with reversed axes (numpy's `.T`). */
function caseArray(c: Record<string, unknown>): NDArray {
  if (c.view === "T") {
    const base = build(c.base as GoldenValue);
    return new NDArray(base.data, [...base.shape].reverse(), base.dtype, [...base.strides].reverse(), base.offset);
  }
  return build(c.array as GoldenValue);
}

const cases = loadGolden("print");
const arrayCases = cases.filter((c) => c.repr !== undefined);
const scalarCases = cases.filter((c) => c.function !== undefined);

describe("repr and str match numpy", () => {
  it("has a fixture with a broad set of cases", () => {
    expect(arrayCases.length).toBeGreaterThan(100);
    expect(scalarCases.length).toBeGreaterThan(60);
  });

  it.each(arrayCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const a = caseArray(c);
    printoptions(c.printoptions as Partial<PrintOptions>, () => {
      expect(array_repr(a)).toBe(c.repr);
      expect(array_str(a)).toBe(c.str);
    });
  });
});

describe("NDArray prints through these functions", () => {
  it("console.log shows numpy's repr and String() numpy's str", () => {
    const c = arrayCases.find((x) => x.name === "calorie percentage")!;
    const a = caseArray(c);
    expect(inspect(a)).toBe(c.repr);
    expect(String(a)).toBe(c.str);
  });
});

describe("Dragon4 float formatting matches numpy", () => {
  it.each(scalarCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const x = Number(decodeScalar(c.value as number | "nan" | "inf" | "-inf"));
    const options = { ...(c.options as object), dtype: c.dtype as "float64" | "float32" };
    const format = c.function === "format_float_positional" ? format_float_positional : format_float_scientific;
    expect(format(x, options)).toBe(c.result);
  });

  it("rejects inconsistent digit options as numpy does", () => {
    expect(() => format_float_positional(0.5, { unique: false })).toThrow("in non-unique mode `precision` must be supplied");
    expect(() => format_float_positional(0.5, { precision: 2, min_digits: 3 })).toThrow("min_digits must be less than or equal to precision");
    expect(() => format_float_positional(0.5, { precision: 0, fractional: false })).toThrow("precision must be greater than 0");
  });
});

describe("print options", () => {
  const calorieSums = new NDArray(new Float64Array([59, 239, 155.4, 76.9]), [4], "float64");

  it("starts with numpy's defaults", () => {
    expect(get_printoptions()).toEqual({
      precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false,
      nanstr: "nan", infstr: "inf", sign: "-", floatmode: "maxprec",
    });
  });

  it("set_printoptions changes later prints until changed back", () => {
    const saved = get_printoptions();
    try {
      // The expected strings are numpy's, under the same options.
      set_printoptions({ precision: 1 });
      expect(array_repr(calorieSums)).toBe("array([ 59. , 239. , 155.4,  76.9])");
      set_printoptions({ floatmode: "fixed", precision: 2 });
      expect(array_str(calorieSums)).toBe("[ 59.00 239.00 155.40  76.90]");
      expect(get_printoptions().floatmode).toBe("fixed");
    } finally {
      set_printoptions(saved);
    }
    expect(get_printoptions()).toEqual(saved);
  });

  it("printoptions restores the previous options even when the body throws", () => {
    expect(() => printoptions({ precision: 2 }, () => { throw new Error("boom"); })).toThrow("boom");
    expect(get_printoptions().precision).toBe(8);
  });

  it("validates options with numpy's messages", () => {
    expect(() => set_printoptions({ floatmode: "exact" as never })).toThrow('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"');
    expect(() => set_printoptions({ sign: "x" as never })).toThrow("sign option must be one of ' ', '+', or '-'");
    expect(() => set_printoptions({ threshold: NaN })).toThrow("threshold must be non-NAN");
    expect(() => set_printoptions({ precision: 1.5 })).toThrow("precision must be an integer");
    expect(get_printoptions().precision).toBe(8);
  });

  it("array2string takes numpy's keyword options", () => {
    // numpy: np.array2string(np.array([1e-16, 1, 2, 3]), precision=2, separator=',', suppress_small=True)
    const a = new NDArray(new Float64Array([1e-16, 1, 2, 3]), [4], "float64");
    expect(array2string(a, { precision: 2, separator: ",", suppress_small: true })).toBe("[0.,1.,2.,3.]");
    expect(array2string(a)).toBe("[1.e-16 1.e+00 2.e+00 3.e+00]");
  });
});

describe("array_html", () => {
  const matrix = new NDArray(new Float64Array([56, 0, 4.4, 68, 1.2, 104, 52, 8]), [2, 4], "float64");

  it("shows a small 2-d array as a table of numpy-formatted cells with shape and dtype", () => {
    const html = array_html(matrix);
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html.match(/<td[^>]*>/g)).toHaveLength(8);
    expect(html).toContain(">4.4</td>");
    expect(html).toContain(">104.</td>");
    expect(html).toContain("shape (2, 4) · float64");
  });

  it("summarises a large array with ... cells around numpy's edge items", () => {
    const big = new NDArray(Float64Array.from({ length: 2000 }, (_, i) => i), [40, 50], "int64");
    const html = array_html(big);
    expect(html.match(/<tr>/g)).toHaveLength(7); // 3 rows, a gap row, 3 rows
    expect(html.match(/<td[^>]*>/g)).toHaveLength(49);
    expect(html).toContain(">1999</td>");
    expect(html).not.toContain(">1000</td>");
    expect(html.match(/>\.\.\.<\/td>/g)).toHaveLength(13);
  });

  it("escapes text that could be markup", () => {
    const a = new NDArray(new Float64Array([NaN, 1]), [2], "float64");
    const html = printoptions({ nanstr: "<b>&", infstr: "'inf'" }, () => array_html(a));
    expect(html).toContain("&lt;b&gt;&amp;");
    expect(html).not.toContain("<b>");
  });

  it("shows 0-d as one cell and higher dimensions as numpy's str", () => {
    expect(array_html(new NDArray(new Int32Array([7]), [], "int32"))).toMatch(/<td[^>]*>7<\/td>/);
    const cube = new NDArray(new Uint8Array(8), [2, 2, 2], "uint8");
    expect(array_html(cube)).toContain("<pre>[[[0 0]\n  [0 0]]\n\n [[0 0]\n  [0 0]]]</pre>");
  });
});
