/** lib/display in-process: the sink, display handles, rich outputs, the PNG encoder, progress and timeit. */
import { inspect } from "node:util";
import { inflateSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DISPLAY,
  display,
  displaysSent,
  html,
  image,
  inNotebook,
  latex,
  md,
  progress,
  setDisplaySink,
  svg,
  timeit,
  toMimeBundle,
  type DisplayOptions,
  type MimeBundle,
} from "../lib/display";
import { encodePng } from "../lib/display/png";

type Sent = { bundle: MimeBundle; options: DisplayOptions };
function captureDisplays(): Sent[] {
  const sent: Sent[] = [];
  setDisplaySink((bundle, options) => sent.push({ bundle, options }));
  return sent;
}

afterEach(() => setDisplaySink(undefined));

describe("display", () => {
  it("sends a Displayable's bundle, with a display id, and updates it in place", () => {
    const sent = captureDisplays();
    const handle = display({ [DISPLAY]: () => ({ "text/html": "<b>1</b>", "text/plain": "1" }) });
    handle.update(md`two`);
    expect(sent[0].bundle).toEqual({ "text/html": "<b>1</b>", "text/plain": "1" });
    expect(sent[0].options.displayId).toBe(handle.displayId);
    expect(sent[1]).toEqual({ bundle: { "text/markdown": "two", "text/plain": "two" }, options: { displayId: handle.displayId, update: true } });
  });

  it("shows other values as util.inspect text and adds a text fallback to bundles without one", async () => {
    const sent = captureDisplays();
    display({ a: [1, "b"] });
    expect(sent[0].bundle).toEqual({ "text/plain": "{ a: [ 1, 'b' ] }" });
    const htmlOnly = { [DISPLAY]: () => ({ "text/html": "<i>x</i>" }), name: "htmlOnly" };
    expect(await toMimeBundle(htmlOnly)).toEqual({ "text/html": "<i>x</i>", "text/plain": inspect(htmlOnly) });
    expect(inspect(htmlOnly)).toContain("name: 'htmlOnly'");
  });

  it("waits for async bundles in displaysSent, keeping their order with respect to later ones", async () => {
    const sent = captureDisplays();
    display({ [DISPLAY]: async () => ({ "text/plain": "async" }) });
    expect(sent).toHaveLength(0);
    await displaysSent();
    expect(sent.map((s) => s.bundle["text/plain"])).toEqual(["async"]);
  });

  it("prints text outside a notebook and knows it is outside", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(inNotebook()).toBe(false);
    display(html`<p>x</p>`);
    expect(log).toHaveBeenCalledWith("<p>x</p>");
    log.mockRestore();
  });

  it("a DisplayHandle as a cell's last value shows nothing", async () => {
    captureDisplays();
    expect(await toMimeBundle(display(1))).toEqual({});
  });
});

describe("rich outputs", () => {
  it("html, md, latex and svg work as tagged templates and on strings", async () => {
    const n = 3;
    expect(await toMimeBundle(html`<b>${n}</b>`)).toEqual({ "text/html": "<b>3</b>", "text/plain": "<b>3</b>" });
    expect(await toMimeBundle(md("# title"))).toEqual({ "text/markdown": "# title", "text/plain": "# title" });
    expect((await toMimeBundle(latex`x^${n}`))["text/latex"]).toBe("$$x^3$$");
    expect((await toMimeBundle(latex("$a$")))["text/latex"]).toBe("$a$");
    expect((await toMimeBundle(svg`<svg width="1"></svg>`))["image/svg+xml"]).toBe('<svg width="1"></svg>');
    expect(() => svg("<div></div>")).toThrow(/<svg>/);
  });

  it("image() passes PNG/JPEG bytes through and refuses other bytes", async () => {
    const png = encodePng(new Uint8Array([0, 255]), 2, 1, 1);
    expect((await toMimeBundle(image(png)))["image/png"]).toBe(png.toString("base64"));
    expect(Object.keys(await toMimeBundle(image(new Uint8Array([0xff, 0xd8, 0xff, 0])))))
      .toContain("image/jpeg");
    expect(() => image(new Uint8Array([1, 2, 3]))).toThrow(/not a PNG/);
  });

  it("image() encodes float, integer, RGB and strided arrays", async () => {
    // A 2×2 float image in [0, 1], stored transposed (column-major strides) to exercise strides.
    const gray = { shape: [2, 2], strides: [1, 2], offset: 0, data: new Float64Array([0, 0.5, 1, 2]), dtype: "float64" };
    expect(decodePng((await toMimeBundle(image(gray)))["image/png"] as string)).toEqual({ width: 2, height: 2, channels: 1, pixels: [0, 255, 128, 255] });
    const rgb = { shape: [1, 2, 3], strides: [6, 3, 1], offset: 0, data: new Int32Array([255, 0, 0, -5, 300, 7]), dtype: "int32" };
    expect(decodePng((await toMimeBundle(image(rgb)))["image/png"] as string)).toEqual({ width: 2, height: 1, channels: 3, pixels: [255, 0, 0, 0, 255, 7] });
    expect(() => image({ shape: [2, 2, 2], strides: [4, 2, 1], offset: 0, data: new Uint8Array(8), dtype: "uint8" })).toThrow(/HxW/);
  });
});

/** A minimal PNG reader for the encoder's own output (8-bit, filter 0): checks chunks' CRCs via zlib's inflate only. */
function decodePng(base64: string): { width: number; height: number; channels: number; pixels: number[] } {
  const bytes = Buffer.from(base64, "base64");
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = { 0: 1, 2: 3, 6: 4 }[data[9]]!;
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: number[] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * channels + 1)]).toBe(0);
    pixels.push(...raw.subarray(y * (width * channels + 1) + 1, (y + 1) * (width * channels + 1)));
  }
  return { width, height, channels, pixels };
}

describe("encodePng", () => {
  it("matches the CRC that zlib computes for each chunk", async () => {
    const { crc32 } = (await import("node:zlib")) as unknown as { crc32?: (data: Uint8Array) => number };
    const png = encodePng(new Uint8Array(3 * 4 * 4).fill(200), 3, 4, 4);
    // IHDR's CRC covers its type and data: bytes 12..29, stored at 29..33.
    if (crc32) expect(png.readUInt32BE(29)).toBe(crc32(png.subarray(12, 29)));
    expect(decodePng(png.toString("base64")).pixels).toEqual(new Array(48).fill(200));
  });

  it("rejects sizes that do not match the pixels", () => {
    expect(() => encodePng(new Uint8Array(3), 2, 2, 1)).toThrow(/expected 4 bytes/);
  });
});

describe("progress", () => {
  it("in a notebook: one output, updated in place, ending at 100%", () => {
    const sent = captureDisplays();
    const seen = [...progress(["a", "b", "c"], { label: "letters", minIntervalMs: 0 })];
    expect(seen).toEqual(["a", "b", "c"]);
    expect(sent.filter((s) => !s.options.update)).toHaveLength(1);
    expect(new Set(sent.map((s) => s.options.displayId)).size).toBe(1);
    const last = sent.at(-1)!.bundle;
    expect(last["text/plain"]).toMatch(/^letters: 100%\|█{24}\| 3\/3 \[00:00<00:00, [\d.]+it\/s\]$/);
    expect(last["text/html"]).toContain('<progress value="3" max="3"');
  });

  it("outside a notebook: text on stderr, rewritten with \\r, with a final newline", () => {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (writes.push(String(chunk)), true));
    let sum = 0;
    for (const i of progress(4)) sum += i;
    spy.mockRestore();
    expect(sum).toBe(6);
    expect(writes[0]).toMatch(/^\r {2}0%\|/);
    expect(writes.at(-2)).toMatch(/^\r100%\|.*\| 4\/4/);
    expect(writes.at(-1)).toBe("\n");
  });

  it("counts iterables without a length and finishes when the loop breaks early", () => {
    const sent = captureDisplays();
    function* naturals() {
      for (let i = 0; ; i++) yield i;
    }
    for (const i of progress(naturals(), { minIntervalMs: 0 })) if (i === 4) break;
    expect(sent.at(-1)!.bundle["text/plain"]).toMatch(/^4it \[00:00, /);
  });

  it("tracks async iterables", async () => {
    captureDisplays();
    async function* twice() {
      yield 1;
      yield 2;
    }
    const seen: number[] = [];
    for await (const x of progress(twice())) seen.push(x);
    expect(seen).toEqual([1, 2]);
  });
});

describe("timeit", () => {
  it("formats like IPython and measures what it runs", () => {
    let calls = 0;
    const result = timeit(() => calls++, { runs: 3, loops: 5 });
    expect(calls).toBe(1 + 3 * 5);
    expect(result.timings).toHaveLength(3);
    expect(String(result)).toMatch(/^[\d.]+ (ns|µs|ms|s) ± [\d.]+ (ns|µs|ms|s) per loop \(mean ± std\. dev\. of 3 runs, 5 loops each\)$/);
  });

  it("picks the loop count so that a run takes at least 0.2 s", () => {
    const busy = () => {
      const end = performance.now() + 1;
      while (performance.now() < end);
    };
    const result = timeit(busy, { runs: 1 });
    // Each call busy-waits ≥ 1 ms of wall time, so 200 loops always reach 0.2 s; a loaded machine may get there
    // sooner during calibration, so how long the measured runs take afterwards is not asserted.
    expect([1, 2, 5, 10, 20, 50, 100, 200]).toContain(result.loops);
    expect(result.mean).toBeGreaterThanOrEqual(0.001);
  });

  it("awaits async functions", async () => {
    const result = await timeit(() => new Promise((resolve) => setTimeout(resolve, 5)), { runs: 2, loops: 2 });
    expect(result.mean).toBeGreaterThanOrEqual(0.004);
    expect(String(result)).toMatch(/of 2 runs, 2 loops each/);
  });

  it("rejects nonsense counts", () => {
    expect(() => timeit(() => 0, { runs: 0 })).toThrow(/runs/);
  });
});
