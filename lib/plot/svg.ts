/**
 * The static picture: draws a plotly.js figure (the subset tsdl's pyplot emits — scatter lines, markers and
 * "toself" fills, step lines, error bars, bars, heatmaps, images, filled contours, line shapes, annotations with
 * arrows, colorbars, legends, linear and log axes, fixed and rotated ticks) as a standalone SVG document in Node,
 * with matplotlib's tick locations and labels. Elements carry classes (axes, xtick, ytick, line, markers, fill,
 * errorbar, shape, bar, raster, title, text, arrow, colorbar, cbtick, legend) so what is drawn can be inspected.
 */
import { cm, hexToRgb, type RGB } from "./colors";
import type { PlotlyFigure, Trace } from "./figure";
import { MARKER_PATHS } from "./markers";
import { pngDataUri } from "./png";
import { FONT_FAMILY, legendSize, pt, STYLE, TEXT_DESCENT, textWidth } from "./style";
import { autoBinCount, autoLimits, axisTicks, type Scale, type Ticks } from "./ticks";

/** An axis as drawn: pixel interval, view limits and scale. */
interface AxisFrame {
  scale: Scale;
  /** View limits in data units (log axes: not log10), first at the left/bottom end. */
  limits: [number, number];
  /** Pixel coordinates of the left/bottom and right/top ends. */
  pixels: [number, number];
  layout: Record<string, any>;
}

interface AxesFrame {
  id: string;
  /** plotly's axis ids, "x", "y2", … */
  xId: string;
  yId: string;
  x: AxisFrame;
  y: AxisFrame;
  left: number;
  right: number;
  top: number;
  bottom: number;
  traces: Trace[];
}

const DEFAULT_MARGIN = { l: 80, r: 80, t: 100, b: 80 };

/**
 * The figure as a standalone SVG document.
 * @example writeFileSync("cost.svg", renderSvg(plt.gcf().toPlotly()))
 */
export function renderSvg(figure: PlotlyFigure): string {
  const layout = figure.layout ?? {};
  const width: number = layout.width ?? 700;
  const height: number = layout.height ?? 450;
  const margin = { ...DEFAULT_MARGIN, ...(layout.margin ?? {}) };
  const plotArea = { left: margin.l, top: margin.t, width: width - margin.l - margin.r, height: height - margin.t - margin.b };
  const fontSize: number = layout.font?.size ?? 12;
  // Ids derive from the figure itself: the same figure gives the same SVG (no churn when a notebook is re-run),
  // and two different figures inlined on one page do not share ids.
  const prefix = `tsdl${contentHash(JSON.stringify(figure))}`;
  let idCount = 0;
  const ids: IdSource = { next: () => `${prefix}-${++idCount}` };
  const frames = axesFrames(figure, plotArea);
  const body: string[] = [];
  body.push(`<rect width="${width}" height="${height}" fill="${layout.paper_bgcolor ?? "white"}"/>`);
  frames.forEach((frame) => body.push(drawAxes(frame, ids, layout, fontSize)));
  for (const trace of figure.data) body.push(drawColorbar(trace, plotArea, fontSize));
  for (const annotation of layout.annotations ?? []) body.push(drawAnnotation(annotation, plotArea, fontSize, frames));
  body.push(...drawLegends(figure, plotArea, fontSize, ids));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" font-size="${n(fontSize)}">${body.join("")}</svg>`
  );
}

function axisKey(id: string): string {
  return id.replace(/^([xy])/, "$1axis");
}

/** One frame per (x axis, y axis) pair that traces use, plus axes that only the layout defines. */
function axesFrames(figure: PlotlyFigure, area: { left: number; top: number; width: number; height: number }): AxesFrame[] {
  const pairs = new Map<string, { x: string; y: string; traces: Trace[] }>();
  for (const trace of figure.data) {
    const [x, y] = [(trace.xaxis as string) ?? "x", (trace.yaxis as string) ?? "y"];
    const key = `${x},${y}`;
    if (!pairs.has(key)) pairs.set(key, { x, y, traces: [] });
    pairs.get(key)!.traces.push(trace);
  }
  for (const key of Object.keys(figure.layout ?? {})) {
    const match = /^xaxis(\d*)$/.exec(key);
    const anchor = figure.layout[key]?.anchor ?? `y${match?.[1] ?? ""}`;
    if (match && ![...pairs.values()].some((p) => p.x === `x${match[1]}`)) pairs.set(`x${match[1]},${anchor}`, { x: `x${match[1]}`, y: anchor, traces: [] });
  }
  return [...pairs.values()].map(({ x, y, traces }) => {
    const xLayout = figure.layout?.[axisKey(x)] ?? {};
    const yLayout = figure.layout?.[axisKey(y)] ?? {};
    const [dx0, dx1] = xLayout.domain ?? [0, 1];
    const [dy0, dy1] = yLayout.domain ?? [0, 1];
    const left = area.left + dx0 * area.width;
    const right = area.left + dx1 * area.width;
    const bottom = area.top + (1 - dy0) * area.height;
    const top = area.top + (1 - dy1) * area.height;
    return {
      id: `${x}${y}`,
      xId: x,
      yId: y,
      left, right, top, bottom, traces,
      x: axisFrame(xLayout, traces, "x", [left, right]),
      y: axisFrame(yLayout, traces, "y", [bottom, top]),
    };
  });
}

function axisFrame(layout: Record<string, any>, traces: Trace[], direction: "x" | "y", pixels: [number, number]): AxisFrame {
  const scale: Scale = layout.type === "log" ? "log" : "linear";
  let limits: [number, number];
  if (Array.isArray(layout.range)) {
    limits = scale === "log" ? [10 ** layout.range[0], 10 ** layout.range[1]] : [layout.range[0], layout.range[1]];
  } else {
    const values = traces.flatMap((t) => traceCoordinates(t, direction)).filter((v) => Number.isFinite(v) && (scale === "linear" || v > 0));
    limits = values.length ? autoLimits(Math.min(...values), Math.max(...values), { scale }) : [0, 1];
    if (layout.autorange === "reversed") limits = [limits[1], limits[0]];
  }
  return { scale, limits, pixels, layout };
}

/** Maps a data value to its pixel coordinate along the axis. */
function project(axis: AxisFrame, value: number): number {
  const f = axis.scale === "log" ? Math.log10 : (v: number) => v;
  const [a, b] = [f(axis.limits[0]), f(axis.limits[1])];
  return axis.pixels[0] + ((f(value) - a) / (b - a)) * (axis.pixels[1] - axis.pixels[0]);
}

/** Maps a pixel coordinate back to data (for rasterising contours). */
function unproject(axis: AxisFrame, pixel: number): number {
  const log = axis.scale === "log";
  const [a, b] = log ? [Math.log10(axis.limits[0]), Math.log10(axis.limits[1])] : axis.limits;
  const v = a + ((pixel - axis.pixels[0]) / (axis.pixels[1] - axis.pixels[0])) * (b - a);
  return log ? 10 ** v : v;
}

/** Positions along x or y of a trace's points: explicit arrays, or x0 + i·dx as plotly allows. */
function positions(trace: Trace, direction: "x" | "y", count: number): number[] {
  const given = trace[direction] as (number | null)[] | undefined;
  if (Array.isArray(given)) return given.map((v) => (v === null ? NaN : v));
  const start = (trace[`${direction}0`] as number) ?? 0;
  const step = (trace[`d${direction}`] as number) ?? 1;
  return Array.from({ length: count }, (_, i) => start + i * step);
}

function gridSize(trace: Trace): { rows: number; cols: number } {
  const z = trace.z as unknown[][] | undefined;
  if (z) return { rows: z.length, cols: z[0]?.length ?? 0 };
  const size = pngSize(String(trace.source ?? ""));
  return { rows: size.height, cols: size.width };
}

/** Every coordinate a trace covers along one direction, for autoranging figures without explicit ranges. */
function traceCoordinates(trace: Trace, direction: "x" | "y"): number[] {
  if (trace.type === "scatter") {
    const count = ((trace.y ?? trace.x) as unknown[] | undefined)?.length ?? 0;
    return positions(trace, direction, count);
  }
  if (trace.type === "bar") {
    const ys = (trace.y as number[]) ?? [];
    return direction === "y" ? [0, ...ys] : positions(trace, "x", ys.length);
  }
  const { rows, cols } = gridSize(trace);
  const centers = positions(trace, direction, direction === "x" ? cols : rows);
  if (trace.type === "contour") return centers;
  const half = Math.abs((centers[1] ?? centers[0] + 1) - centers[0]) / 2;
  return [centers[0] - half, centers[centers.length - 1] + half];
}

function drawAxes(frame: AxesFrame, ids: IdSource, layout: Record<string, any>, fontSize: number): string {
  const { left, right, top, bottom } = frame;
  const xTicks = ticksFor(frame.x, "x", fontSize);
  const yTicks = ticksFor(frame.y, "y", fontSize);
  const clipId = ids.next();
  const parts: string[] = [];
  parts.push(`<rect x="${n(left)}" y="${n(top)}" width="${n(right - left)}" height="${n(bottom - top)}" fill="${layout.plot_bgcolor ?? "white"}"/>`);
  // plotly's `visible: false` (matplotlib's axis("off")) hides an axis' spine, ticks, labels and grid.
  const visible = (direction: "x" | "y") => frame[direction].layout.visible !== false;
  parts.push(visible("x") ? drawGrid(frame.x, xTicks, [top, bottom], "x") : "", visible("y") ? drawGrid(frame.y, yTicks, [left, right], "y") : "");
  parts.push(`<clipPath id="${clipId}"><rect x="${n(left)}" y="${n(top)}" width="${n(right - left)}" height="${n(bottom - top)}"/></clipPath>`);
  // Shapes on layer "below" go under the traces, the rest (plotly's default "above") over them.
  const shapes = ((layout.shapes ?? []) as Record<string, any>[]).filter((shape) => shapeAxis(shape.xref ?? "x") === frame.xId && shapeAxis(shape.yref ?? "y") === frame.yId);
  const drawShapes = (below: boolean) => shapes.filter((shape) => (shape.layer === "below") === below).map((shape) => drawShape(shape, frame)).join("");
  parts.push(`<g clip-path="url(#${clipId})">${drawShapes(true)}${frame.traces.map((trace) => drawTrace(trace, frame, ids)).join("")}${drawShapes(false)}</g>`);
  if (visible("x") && visible("y")) parts.push(drawSpines(frame));
  parts.push(visible("x") ? drawTicks(frame, "x", xTicks, fontSize) : "", visible("y") ? drawTicks(frame, "y", yTicks, fontSize) : "");
  return `<g class="axes" data-axes="${frame.id}" data-xlim="${frame.x.limits.join(",")}" data-ylim="${frame.y.limits.join(",")}" ` +
    `data-box="${[left, top, right, bottom].map(n).join(",")}">${parts.join("")}</g>`;
}

/** matplotlib's ticks for the axis, or the ones the layout fixes (`tickmode: "array"`, e.g. bar categories). */
function ticksFor(axis: AxisFrame, direction: "x" | "y", fontSize: number): Ticks {
  if (Array.isArray(axis.layout.tickvals)) {
    const [lo, hi] = [Math.min(...axis.limits), Math.max(...axis.limits)];
    const inView = (axis.layout.tickvals as number[]).map((v, i) => [v, String(axis.layout.ticktext?.[i] ?? v)] as const).filter(([v]) => v >= lo && v <= hi);
    return { major: inView.map(([v]) => v), labels: inView.map(([, t]) => t), minor: [] };
  }
  const length = Math.abs(axis.pixels[1] - axis.pixels[0]);
  return axisTicks(axis.limits[0], axis.limits[1], axis.scale, autoBinCount(length, fontSize, direction));
}

function drawGrid(axis: AxisFrame, ticks: Ticks, across: [number, number], direction: "x" | "y"): string {
  if (!axis.layout.showgrid) return "";
  const color = axis.layout.gridcolor ?? STYLE.gridColor;
  const width = axis.layout.gridwidth ?? STYLE.gridWidth;
  const lines = ticks.major.map((v) => {
    const p = n(project(axis, v));
    return direction === "x" ? `M${p} ${n(across[0])}V${n(across[1])}` : `M${n(across[0])} ${p}H${n(across[1])}`;
  });
  return `<path class="grid" d="${lines.join("")}" stroke="${color}" stroke-width="${n(width)}" fill="none"/>`;
}

function drawSpines(frame: AxesFrame): string {
  const { left, right, top, bottom } = frame;
  const spine = (layout: Record<string, any>, d: string) =>
    layout.showline === false ? "" : `<path class="spine" d="${d}" stroke="${layout.linecolor ?? "black"}" stroke-width="${n(layout.linewidth ?? STYLE.spineWidth)}" fill="none" stroke-linecap="square"/>`;
  const xMirror = frame.x.layout.mirror ? `M${n(left)} ${n(top)}H${n(right)}` : "";
  const yMirror = frame.y.layout.mirror ? `M${n(right)} ${n(top)}V${n(bottom)}` : "";
  return spine(frame.x.layout, `M${n(left)} ${n(bottom)}H${n(right)}${xMirror}`) + spine(frame.y.layout, `M${n(left)} ${n(top)}V${n(bottom)}${yMirror}`);
}

function drawTicks(frame: AxesFrame, direction: "x" | "y", ticks: Ticks, fontSize: number): string {
  const axis = frame[direction];
  const length = axis.layout.ticklen ?? STYLE.tickLength;
  const tickFont: number = axis.layout.tickfont?.size ?? fontSize;
  const stroke = `stroke="${axis.layout.tickcolor ?? "black"}" stroke-width="${n(axis.layout.tickwidth ?? STYLE.tickWidth)}"`;
  const gap = length + STYLE.tickPad;
  // plotly's tickangle turns clockwise; matplotlib's rotation, counter-clockwise, is what is placed here.
  const rotation = -(axis.layout.tickangle ?? 0);
  const boxes = ticks.labels.map((label) => rotatedBox(textWidth(label, tickFont), tickFont, rotation));
  const parts = ticks.major.map((v, i) => {
    const p = project(axis, v);
    const tick = direction === "x" ? `<path d="M${n(p)} ${n(frame.bottom)}v${n(length)}" ${stroke}/>` : `<path d="M${n(frame.left)} ${n(p)}h${n(-length)}" ${stroke}/>`;
    let label: string;
    if (rotation !== 0) {
      // matplotlib aligns a rotated label's bounding box: centred under an x tick with its top at the pad,
      // right-aligned and centred on a y tick; the text turns about the box's centre.
      const [cx, cy] = direction === "x" ? [p, frame.bottom + gap + boxes[i].height / 2] : [frame.left - gap - boxes[i].width / 2, p];
      label = `<text x="${n(cx)}" y="${n(cy + 0.35 * tickFont)}" text-anchor="middle" transform="rotate(${n(-rotation)} ${n(cx)} ${n(cy)})" font-size="${n(tickFont)}">${richText(ticks.labels[i])}</text>`;
    } else {
      label = direction === "x"
        ? `<text x="${n(p)}" y="${n(frame.bottom + gap + 0.8 * tickFont)}" text-anchor="middle" font-size="${n(tickFont)}">${richText(ticks.labels[i])}</text>`
        : `<text x="${n(frame.left - gap)}" y="${n(p + 0.35 * tickFont)}" text-anchor="end" font-size="${n(tickFont)}">${richText(ticks.labels[i])}</text>`;
    }
    return `<g class="${direction}tick" data-value="${v}">${tick}${label}</g>`;
  });
  const minorLength = STYLE.minorTickLength;
  const minor = ticks.minor.map((v) => {
    const p = n(project(axis, v));
    return direction === "x" ? `M${p} ${n(frame.bottom)}v${n(minorLength)}` : `M${n(frame.left)} ${p}h${n(-minorLength)}`;
  });
  if (minor.length) parts.push(`<path class="minor-ticks" d="${minor.join("")}" ${stroke}/>`);
  if (ticks.multiplier) {
    parts.push(direction === "x"
      ? `<text class="multiplier" x="${n(frame.right)}" y="${n(frame.bottom + gap + 1.8 * tickFont)}" text-anchor="end">${escapeXml(ticks.multiplier)}</text>`
      : `<text class="multiplier" x="${n(frame.left)}" y="${n(frame.top - 0.4 * tickFont)}" text-anchor="start">${escapeXml(ticks.multiplier)}</text>`);
  }
  const title = axis.layout.title?.text;
  if (title) {
    const standoff = axis.layout.title.standoff ?? STYLE.labelPad;
    const labelFont: number = axis.layout.title.font?.size ?? fontSize;
    if (direction === "x") {
      const tallest = rotation === 0 ? tickFont : Math.max(0, ...boxes.map((box) => box.height));
      const y = frame.bottom + gap + tallest + standoff + 0.8 * labelFont;
      parts.push(`<text class="xlabel" x="${n((frame.left + frame.right) / 2)}" y="${n(y)}" text-anchor="middle" font-size="${n(labelFont)}">${richText(title)}</text>`);
    } else {
      const widest = Math.max(0, ...boxes.map((box) => box.width));
      const x = frame.left - gap - widest - standoff;
      const y = (frame.top + frame.bottom) / 2;
      parts.push(`<text class="ylabel" x="${n(x)}" y="${n(y)}" transform="rotate(-90 ${n(x)} ${n(y)})" text-anchor="middle" font-size="${n(labelFont)}">${richText(title)}</text>`);
    }
  }
  return parts.join("");
}

/** The bounding box of a text line `width` long and one font size tall, turned by `degrees`. */
function rotatedBox(width: number, fontSize: number, degrees: number): { width: number; height: number } {
  const [cos, sin] = [Math.abs(Math.cos((degrees * Math.PI) / 180)), Math.abs(Math.sin((degrees * Math.PI) / 180))];
  return { width: width * cos + fontSize * sin, height: width * sin + fontSize * cos };
}

function drawTrace(trace: Trace, frame: AxesFrame, ids: IdSource): string {
  if (trace.visible === false) return "";
  const opacity = trace.opacity !== undefined ? ` opacity="${trace.opacity}"` : "";
  const name = trace.name !== undefined ? ` data-name="${escapeXml(String(trace.name))}"` : "";
  switch (trace.type) {
    case "scatter":
      return `<g class="trace scatter"${name}${opacity}>${drawScatter(trace, frame, ids)}</g>`;
    case "bar":
      return `<g class="trace bars"${name}${opacity}>${drawBars(trace, frame)}</g>`;
    case "heatmap":
    case "image":
    case "contour":
      return `<g class="trace ${trace.type}"${name}${opacity}>${drawRaster(trace, frame)}</g>`;
    default:
      // A trace type the static writer does not know: say so in the picture rather than drop it silently.
      return `<text class="unsupported" x="${n(frame.left + 4)}" y="${n(frame.top + 14)}" fill="#888">(${escapeXml(trace.type)} trace: interactive view only)</text>`;
  }
}

/** The axis a shape coordinate refers to: "x2 domain" → "x2". */
function shapeAxis(ref: string): string {
  return ref.replace(/ domain$/, "");
}

/**
 * A plotly line shape (axhline/axvline): each end in data units of its axis (log10 on log axes, as plotly
 * takes them) or, with a "domain" reference, as a fraction of the axes box.
 */
function drawShape(shape: Record<string, any>, frame: AxesFrame): string {
  if (shape.type !== "line" || shape.visible === false) return "";
  const place = (direction: "x" | "y", value: number) => {
    const axis = frame[direction];
    if (String(shape[`${direction}ref`] ?? direction).endsWith(" domain")) return axis.pixels[0] + value * (axis.pixels[1] - axis.pixels[0]);
    return project(axis, axis.scale === "log" ? 10 ** value : value);
  };
  const line = (shape.line ?? {}) as Record<string, any>;
  const width = line.width ?? 2;
  const dash = dashArray(line.dash, width);
  const d = `M${n(place("x", shape.x0))} ${n(place("y", shape.y0))}L${n(place("x", shape.x1))} ${n(place("y", shape.y1))}`;
  return `<path class="shape line" d="${d}" fill="none" stroke="${line.color ?? "#444"}" stroke-width="${n(width)}"` +
    `${dash ? ` stroke-dasharray="${dash}"` : ""}${shape.opacity !== undefined ? ` opacity="${shape.opacity}"` : ""} stroke-linecap="${dash ? "butt" : "square"}"/>`;
}

function drawScatter(trace: Trace, frame: AxesFrame, ids: IdSource): string {
  const ys = ((trace.y as (number | null)[]) ?? []).map((v) => (v === null ? NaN : v));
  const xs = positions(trace, "x", ys.length);
  const mode = String(trace.mode ?? (ys.length < 20 ? "lines+markers" : "lines"));
  const px = xs.map((v) => project(frame.x, v));
  const py = ys.map((v) => project(frame.y, v));
  const parts: string[] = [];
  if (trace.fill === "toself") parts.push(drawFill(trace, px, py));
  parts.push(drawErrorBars(trace, frame, xs, ys, px, py));
  if (mode.includes("lines")) {
    const line = (trace.line ?? {}) as Record<string, any>;
    const width = line.width ?? 2;
    const dash = dashArray(line.dash, width);
    // A NaN or null point breaks the line, as in matplotlib and plotly.
    let d = "";
    let pen = false;
    for (let i = 0; i < px.length; i++) {
      if (!Number.isFinite(px[i]) || !Number.isFinite(py[i])) {
        pen = false;
        continue;
      }
      // plotly's step shapes: "hv" runs to the next x then rises, "vh" rises first, "hvh" rises halfway.
      if (pen && line.shape === "hv") d += ` ${n(px[i])} ${n(py[i - 1])}`;
      else if (pen && line.shape === "vh") d += ` ${n(px[i - 1])} ${n(py[i])}`;
      else if (pen && line.shape === "hvh") d += ` ${n((px[i - 1] + px[i]) / 2)} ${n(py[i - 1])} ${n((px[i - 1] + px[i]) / 2)} ${n(py[i])}`;
      d += `${pen ? " " : "M"}${n(px[i])} ${n(py[i])}`;
      pen = true;
    }
    // After "M x y" further pairs are implicit line-tos, which keeps long lines compact. A fill's edge of
    // width 0 and a trace without points (an axhline's legend entry) draw nothing.
    if (d && width > 0) parts.push(`<path class="line" d="${d}" fill="none" stroke="${line.color ?? "#1f77b4"}" stroke-width="${n(width)}"` +
      `${dash ? ` stroke-dasharray="${dash}"` : ""} stroke-linejoin="round" stroke-linecap="${dash ? "butt" : "square"}"/>`);
  }
  if (mode.includes("markers")) parts.push(drawMarkers(trace, px, py, ids));
  return parts.join("");
}

/**
 * plotly's error_x / error_y of "data" type: a bar from each point to `arrayminus` below and `array` above it,
 * with caps `width` px to each side at both ends.
 */
function drawErrorBars(trace: Trace, frame: AxesFrame, xs: number[], ys: number[], px: number[], py: number[]): string {
  const parts: string[] = [];
  for (const direction of ["x", "y"] as const) {
    const spec = trace[`error_${direction}`] as Record<string, any> | undefined;
    if (!spec || spec.visible === false) continue;
    const above = (spec.array ?? []) as (number | null)[];
    const below = (spec.symmetric === false ? spec.arrayminus ?? [] : above) as (number | null)[];
    const cap = (spec.width ?? 4) as number;
    let d = "";
    for (let i = 0; i < px.length; i++) {
      if (!Number.isFinite(px[i]) || !Number.isFinite(py[i])) continue;
      if (direction === "y") {
        const [low, high] = [project(frame.y, ys[i] - (below[i] ?? 0)), project(frame.y, ys[i] + (above[i] ?? 0))];
        d += `M${n(px[i])} ${n(low)}V${n(high)}`;
        if (cap > 0) d += `M${n(px[i] - cap)} ${n(low)}h${n(2 * cap)}M${n(px[i] - cap)} ${n(high)}h${n(2 * cap)}`;
      } else {
        const [low, high] = [project(frame.x, xs[i] - (below[i] ?? 0)), project(frame.x, xs[i] + (above[i] ?? 0))];
        d += `M${n(low)} ${n(py[i])}H${n(high)}`;
        if (cap > 0) d += `M${n(low)} ${n(py[i] - cap)}v${n(2 * cap)}M${n(high)} ${n(py[i] - cap)}v${n(2 * cap)}`;
      }
    }
    if (d) parts.push(`<path class="errorbar" data-direction="${direction}" d="${d}" stroke="${spec.color ?? "#444"}" stroke-width="${n(spec.thickness ?? 2)}" fill="none"/>`);
  }
  return parts.join("");
}

/** plotly's fill "toself": each run of points between gaps is closed into its own polygon. */
function drawFill(trace: Trace, px: number[], py: number[]): string {
  let d = "";
  let pen = false;
  for (let i = 0; i < px.length; i++) {
    if (!Number.isFinite(px[i]) || !Number.isFinite(py[i])) {
      if (pen) d += "Z";
      pen = false;
      continue;
    }
    d += `${pen ? " " : "M"}${n(px[i])} ${n(py[i])}`;
    pen = true;
  }
  if (pen) d += "Z";
  const color = (trace.fillcolor as string | undefined) ?? ((trace.line as Record<string, any> | undefined)?.color as string | undefined) ?? "#1f77b4";
  return d ? `<path class="fill" d="${d}" fill="${color}" stroke="none"/>` : "";
}

/** SVG's dasharray for a plotly dash: our "3px,1px" lists or plotly's names. */
function dashArray(dash: string | undefined, width: number): string {
  if (!dash || dash === "solid") return "";
  if (/\d/.test(dash)) return dash.replace(/px/g, "").replace(/%/g, "");
  const named: Record<string, number[]> = { dot: [1, 2], dash: [4, 2], longdash: [8, 2], dashdot: [4, 2, 1, 2], longdashdot: [8, 2, 1, 2] };
  return (named[dash] ?? [4, 2]).map((k) => n(k * width)).join(",");
}

/**
 * Markers as `<use>`s of one outline defined per trace, so a point costs a few dozen bytes; colour and size
 * are set per point only when they vary.
 */
function drawMarkers(trace: Trace, px: number[], py: number[], ids: IdSource): string {
  const marker = (trace.marker ?? {}) as Record<string, any>;
  const symbol = String(marker.symbol ?? "circle");
  const open = symbol.endsWith("-open");
  const outline = MARKER_PATHS[symbol.replace(/-open$/, "")] ?? MARKER_PATHS.circle;
  const colors = perPoint(marker.color, marker, px.length, "#1f77b4");
  const sizes = perPoint(marker.size, marker, px.length, 6) as number[];
  const line = marker.line ?? {};
  const uniformSize = sizes.every((s) => s === sizes[0]);
  const uniformColor = colors.every((c) => c === colors[0]);
  const radius = Number(sizes[0] ?? 6) / 2;
  const id = ids.next();
  const edgeColor = typeof line.color === "string" ? line.color : undefined;
  const paint = (color: string | number) =>
    open
      ? `fill="none" stroke="${edgeColor ?? color}"`
      : `fill="${color}"${line.width ? ` stroke="${edgeColor ?? color}"` : ""}`;
  // Stroke widths are in the outline's unit coordinates, hence divided by the radius the outline is scaled to.
  const strokeWidth = open || line.width ? ` stroke-width="${(open ? line.width ?? 1 : line.width) / radius}"` : "";
  const uses: string[] = [];
  for (let i = 0; i < px.length; i++) {
    if (!Number.isFinite(px[i]) || !Number.isFinite(py[i])) continue;
    const place = uniformSize
      ? `x="${n(px[i])}" y="${n(py[i])}"`
      : `transform="translate(${n(px[i])} ${n(py[i])}) scale(${n(Number(sizes[i]) / 2 / radius)})"`;
    uses.push(`<use xlink:href="#${id}" ${place}${uniformColor ? "" : ` ${paint(colors[i])}`}/>`);
  }
  return `<g class="markers" data-symbol="${symbol}" data-size="${n(2 * radius)}"${uniformColor ? ` ${paint(colors[0])}` : ""}>` +
    `<defs><path id="${id}" d="${outline}" transform="scale(${n(radius)})"${strokeWidth}/></defs>${uses.join("")}</g>`;
}

/** Unique element ids within one SVG document (several documents may end up inline on one page). */
interface IdSource {
  next(): string;
}

/** A marker property that may be one value or one per point; numbers with a colorscale become colours. */
function perPoint(value: unknown, marker: Record<string, any>, count: number, fallback: string | number): (string | number)[] {
  if (!Array.isArray(value)) return new Array(count).fill(value ?? fallback);
  if (marker.colorscale && value === marker.color) {
    const numbers = value as (number | null)[];
    const finite = numbers.filter((v): v is number => v !== null && Number.isFinite(v));
    const lo = marker.cmin ?? Math.min(...finite);
    const hi = marker.cmax ?? Math.max(...finite);
    const scale = colorscaleFunction(marker.colorscale);
    return numbers.map((v) => (v === null ? "none" : cssRgb(scale(hi > lo ? (v - lo) / (hi - lo) : 0.5))));
  }
  return value as (string | number)[];
}

function drawBars(trace: Trace, frame: AxesFrame): string {
  const heights = ((trace.y as (number | null)[]) ?? []).map((v) => v ?? NaN);
  const centers = positions(trace, "x", heights.length);
  const widths = Array.isArray(trace.width) ? (trace.width as number[]) : centers.map(() => (trace.width as number) ?? 0.8);
  const base = (trace.base as number) ?? 0;
  const color = ((trace.marker as Record<string, any>)?.color ?? "#1f77b4") as string | string[];
  return heights
    .map((h, i) => {
      if (!Number.isFinite(h)) return "";
      const [x0, x1] = [project(frame.x, centers[i] - widths[i] / 2), project(frame.x, centers[i] + widths[i] / 2)];
      const [y0, y1] = [project(frame.y, base), project(frame.y, base + h)];
      return `<rect class="bar" x="${n(Math.min(x0, x1))}" y="${n(Math.min(y0, y1))}" width="${n(Math.abs(x1 - x0))}" height="${n(Math.abs(y1 - y0))}" fill="${Array.isArray(color) ? color[i] : color}"/>`;
    })
    .join("");
}

/**
 * Heatmaps, images and filled contours become one embedded PNG. Heatmap and image cells map one-to-one to PNG
 * pixels (drawn unsmoothed, like matplotlib's nearest-neighbour imshow); contours are sampled per screen pixel.
 */
function drawRaster(trace: Trace, frame: AxesFrame): string {
  const { rows, cols } = gridSize(trace);
  if (!rows || !cols) return "";
  const xs = positions(trace, "x", cols);
  const ys = positions(trace, "y", rows);
  if (trace.type === "contour") return drawContour(trace, frame, xs, ys);
  const half = (values: number[]) => (values.length > 1 ? (values[1] - values[0]) / 2 : 0.5);
  // Cell edges on screen; the PNG's first row/column is placed at the first cell, flipped if that is at the far side.
  const [x0, x1] = [project(frame.x, xs[0] - half(xs)), project(frame.x, xs[cols - 1] + half(xs))];
  const [y0, y1] = [project(frame.y, ys[0] - half(ys)), project(frame.y, ys[rows - 1] + half(ys))];
  const href = trace.type === "image" && typeof trace.source === "string" ? trace.source : pngDataUri(cols, rows, heatmapPixels(trace, rows, cols));
  const [left, top] = [Math.min(x0, x1), Math.min(y0, y1)];
  const [w, h] = [Math.abs(x1 - x0), Math.abs(y1 - y0)];
  // Mirror the picture about its centre along an axis that runs against the PNG's row/column order.
  const [sx, sy] = [x0 > x1 ? -1 : 1, y0 > y1 ? -1 : 1];
  const mirror = sx < 0 || sy < 0 ? ` transform="matrix(${sx} 0 0 ${sy} ${n((1 - sx) * (left + w / 2))} ${n((1 - sy) * (top + h / 2))})"` : "";
  return `<image class="raster" data-cols="${cols}" data-rows="${rows}" x="${n(left)}" y="${n(top)}" width="${n(w)}" height="${n(h)}" ` +
    `preserveAspectRatio="none" style="image-rendering:pixelated"${mirror} xlink:href="${href}"/>`;
}

/** Heatmap cells (rows of z) as RGBA bytes, row 0 first, through the trace's colorscale between zmin and zmax. */
function heatmapPixels(trace: Trace, rows: number, cols: number): Uint8Array {
  const z = trace.z as (number | null)[][] | number[][][];
  const bytes = new Uint8Array(rows * cols * 4);
  if (trace.type === "image") {
    // An image trace given as z holds RGB(A) triples in 0–255.
    (z as number[][][]).forEach((row, r) => row.forEach((rgb, c) => bytes.set([rgb[0], rgb[1], rgb[2], rgb[3] === undefined ? 255 : rgb[3] * 255], (r * cols + c) * 4)));
    return bytes;
  }
  const flat = (z as (number | null)[][]).flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = (trace.zmin as number) ?? Math.min(...flat);
  const hi = (trace.zmax as number) ?? Math.max(...flat);
  const scale = colorscaleFunction(trace.colorscale);
  (z as (number | null)[][]).forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || !Number.isFinite(v)) return;
      const [red, green, blue] = scale(hi > lo ? (v - lo) / (hi - lo) : 0.5);
      bytes.set([Math.round(red), Math.round(green), Math.round(blue), 255], (r * cols + c) * 4);
    }),
  );
  return bytes;
}

/**
 * Filled contours as plotly draws them: z bilinearly interpolated between grid points, band k between
 * start + k·size and the next level filled with the colorscale at (k + 1) / (levels + 1), below and above
 * all levels with its ends.
 */
function drawContour(trace: Trace, frame: AxesFrame, xs: number[], ys: number[]): string {
  const z = trace.z as (number | null)[][];
  const contours = (trace.contours ?? {}) as Record<string, number>;
  const { start, end, size } = contours;
  const levels = Math.floor((end - start) / size + 1e-9) + 1;
  const scale = colorscaleFunction(trace.colorscale);
  const [px0, px1] = [project(frame.x, xs[0]), project(frame.x, xs[xs.length - 1])];
  const [py0, py1] = [project(frame.y, ys[0]), project(frame.y, ys[ys.length - 1])];
  const [left, right] = [Math.max(frame.left, Math.min(px0, px1)), Math.min(frame.right, Math.max(px0, px1))];
  const [top, bottom] = [Math.max(frame.top, Math.min(py0, py1)), Math.min(frame.bottom, Math.max(py0, py1))];
  const width = Math.max(1, Math.round(right - left));
  const height = Math.max(1, Math.round(bottom - top));
  const bytes = new Uint8Array(width * height * 4);
  const columnAt = Array.from({ length: width }, (_, i) => locate(xs, unproject(frame.x, left + i + 0.5)));
  for (let j = 0; j < height; j++) {
    const [r, fr] = locate(ys, unproject(frame.y, top + j + 0.5));
    for (let i = 0; i < width; i++) {
      const [c, fc] = columnAt[i];
      const v = bilinear(z, r, c, fr, fc);
      if (!Number.isFinite(v)) continue;
      const band = v < start ? -1 : v > end ? levels - 1 : Math.min(levels - 2, Math.floor((v - start) / size));
      const [red, green, blue] = scale((band + 1) / levels);
      bytes.set([Math.round(red), Math.round(green), Math.round(blue), 255], (j * width + i) * 4);
    }
  }
  return `<image class="raster" data-contour-levels="${levels}" x="${n(left)}" y="${n(top)}" width="${width}" height="${height}" preserveAspectRatio="none" xlink:href="${pngDataUri(width, height, bytes)}"/>`;
}

/** Index of the grid interval holding v and the fraction along it (coordinates ascending or descending). */
function locate(coords: number[], v: number): [number, number] {
  const last = coords.length - 1;
  const ascending = coords[last] >= coords[0];
  let [lo, hi] = [0, last];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (coords[mid] <= v === ascending) lo = mid;
    else hi = mid;
  }
  const f = (v - coords[lo]) / (coords[hi] - coords[lo]);
  return [lo, Math.min(1, Math.max(0, f))];
}

function bilinear(z: (number | null)[][], r: number, c: number, fr: number, fc: number): number {
  const at = (i: number, j: number) => z[Math.min(i, z.length - 1)][Math.min(j, z[0].length - 1)] ?? NaN;
  const top = at(r, c) * (1 - fc) + at(r, c + 1) * fc;
  const bottom = at(r + 1, c) * (1 - fc) + at(r + 1, c + 1) * fc;
  return top * (1 - fr) + bottom * fr;
}

/** A plotly colorscale ([[position, colour], …] or a name) as a function from [0, 1] to RGB. */
function colorscaleFunction(colorscale: unknown): (t: number) => RGB {
  if (!Array.isArray(colorscale)) {
    const named = cm[String(colorscale ?? "viridis").toLowerCase()] ?? cm.viridis;
    return (t) => named.rgb(t);
  }
  const stops = (colorscale as [number, string][]).map(([p, color]) => [p, parseColor(color)] as const);
  return (t) => {
    const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
    let i = 1;
    while (i < stops.length - 1 && stops[i][0] < x) i++;
    const [[p0, a], [p1, b]] = [stops[i - 1], stops[i]];
    const f = p1 > p0 ? Math.min(1, Math.max(0, (x - p0) / (p1 - p0))) : 1;
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
  };
}

function parseColor(color: string): RGB {
  if (color.startsWith("#")) return hexToRgb(color.length === 4 ? `#${[...color.slice(1)].map((ch) => ch + ch).join("")}` : color);
  const numbers = /rgba?\(([^)]*)\)/.exec(color)?.[1].split(",").map(Number);
  return numbers ? [numbers[0], numbers[1], numbers[2]] : [0, 0, 0];
}

function cssRgb([r, g, b]: RGB): string {
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}

/**
 * plotly's colorbar of a trace with `showscale` (on the trace, or its marker for scatter): the colour range as a
 * one-pixel-wide PNG stretched over the bar, stepped by band for filled contours as plotly colours them, with
 * an outline and the layout's ticks (`tickvals`/`ticktext`) outside on the right.
 */
function drawColorbar(trace: Trace, area: { left: number; top: number; width: number; height: number }, fontSize: number): string {
  const holder = (trace.type === "scatter" ? trace.marker : trace) as Record<string, any> | undefined;
  if (!holder?.showscale || trace.visible === false) return "";
  const spec = (holder.colorbar ?? {}) as Record<string, any>;
  const contours = trace.type === "contour" ? ((trace.contours ?? {}) as Record<string, number>) : undefined;
  const [lo, hi]: number[] = contours ? [contours.start, contours.end] : trace.type === "scatter" ? [holder.cmin, holder.cmax] : [holder.zmin, holder.zmax];
  const height = (spec.len ?? 1) * area.height;
  const width: number = spec.thickness ?? 30;
  const x = area.left + (spec.x ?? 1.02) * area.width - (spec.xanchor === "right" ? width : spec.xanchor === "center" ? width / 2 : 0);
  const yAnchor = area.top + (1 - (spec.y ?? 0.5)) * area.height;
  const top = spec.yanchor === "bottom" ? yAnchor - height : spec.yanchor === "top" ? yAnchor : yAnchor - height / 2;
  const scale = colorscaleFunction(holder.colorscale);
  const rows = Math.max(1, Math.round(height));
  const levels = contours ? Math.floor((contours.end - contours.start) / contours.size + 1e-9) + 1 : 0;
  const bytes = new Uint8Array(rows * 4);
  for (let r = 0; r < rows; r++) {
    const t = 1 - (r + 0.5) / rows;
    // Band k of a filled contour has the colorscale at (k + 1) / levels, as drawContour paints it.
    const [red, green, blue] = contours ? scale((Math.min(levels - 2, Math.floor((t * (hi - lo)) / contours.size)) + 1) / levels) : scale(t);
    bytes.set([Math.round(red), Math.round(green), Math.round(blue), 255], r * 4);
  }
  const parts = [
    `<image class="raster" x="${n(x)}" y="${n(top)}" width="${n(width)}" height="${n(height)}" preserveAspectRatio="none" style="image-rendering:pixelated" xlink:href="${pngDataUri(1, rows, bytes)}"/>`,
    `<rect x="${n(x)}" y="${n(top)}" width="${n(width)}" height="${n(height)}" fill="none" stroke="${spec.outlinecolor ?? "black"}" stroke-width="${n(spec.outlinewidth ?? 1)}"/>`,
  ];
  const tickFont: number = spec.tickfont?.size ?? fontSize;
  const length: number = spec.ticklen ?? STYLE.tickLength;
  const values: number[] = Array.isArray(spec.tickvals) ? spec.tickvals : [];
  values.forEach((v, i) => {
    if (!(v >= Math.min(lo, hi) - 1e-9 * Math.abs(hi - lo) && v <= Math.max(lo, hi) + 1e-9 * Math.abs(hi - lo))) return;
    const y = top + (1 - (v - lo) / (hi - lo)) * height;
    parts.push(`<g class="cbtick" data-value="${v}"><path d="M${n(x + width)} ${n(y)}h${n(length)}" stroke="${spec.tickcolor ?? "black"}" stroke-width="${n(spec.tickwidth ?? STYLE.tickWidth)}"/>` +
      `<text x="${n(x + width + length + STYLE.tickPad)}" y="${n(y + 0.35 * tickFont)}" font-size="${n(tickFont)}">${richText(String(spec.ticktext?.[i] ?? v))}</text></g>`);
  });
  return `<g class="colorbar" data-box="${[x, top, x + width, top + height].map(n).join(",")}">${parts.join("")}</g>`;
}

/**
 * A plotly annotation: text placed in figure ("paper") or data coordinates by its anchors, and the arrow plotly
 * draws by default from the text to (x, y). The arrow's tail (ax, ay) is in data units when axref/ayref name
 * the axis, else a pixel offset; the shaft starts where it leaves the text's box.
 */
function drawAnnotation(annotation: Record<string, any>, area: { left: number; top: number; width: number; height: number }, fontSize: number, frames: AxesFrame[]): string {
  const size: number = annotation.font?.size ?? fontSize;
  const place = (direction: "x" | "y", value: number, ref: unknown) => {
    const frame = frames.find((f) => (direction === "x" ? f.xId : f.yId) === ref);
    if (!frame) return direction === "x" ? area.left + value * area.width : area.top + (1 - value) * area.height;
    const axis = frame[direction];
    return project(axis, axis.scale === "log" ? 10 ** value : value);
  };
  const head = [place("x", annotation.x, annotation.xref), place("y", annotation.y, annotation.yref)];
  const arrow = annotation.showarrow !== false;
  const tail = !arrow
    ? head
    : [
        annotation.axref === annotation.xref && annotation.axref !== undefined ? place("x", annotation.ax, annotation.xref) : head[0] + (annotation.ax ?? -10),
        annotation.ayref === annotation.yref && annotation.ayref !== undefined ? place("y", annotation.ay, annotation.yref) : head[1] + (annotation.ay ?? -30),
      ];
  const x = tail[0] + (annotation.xshift ?? 0);
  const yAnchor = tail[1] - (annotation.yshift ?? 0);
  const text = String(annotation.text ?? "");
  const baseline = annotation.yanchor === "bottom" ? yAnchor - TEXT_DESCENT * size : annotation.yanchor === "top" ? yAnchor + 0.8 * size : yAnchor + 0.35 * size;
  const anchor = annotation.xanchor === "left" ? "start" : annotation.xanchor === "right" ? "end" : "middle";
  const color = annotation.font?.color;
  const cls = annotation.xref === undefined || annotation.xref === "paper" ? "title" : "text";
  const parts = [`<text class="${cls}" x="${n(x)}" y="${n(baseline)}" text-anchor="${anchor}" font-size="${n(size)}"${color ? ` fill="${color}"` : ""}>${richText(text)}</text>`];
  if (arrow) {
    const width = textWidth(text, size);
    const left = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
    const box = { left, right: left + width, top: baseline - 0.8 * size, bottom: baseline + TEXT_DESCENT * size };
    parts.push(drawArrow(annotation, tail, head, box));
  }
  return parts.join("");
}

/** An annotation's arrow from the edge of the text's box towards the tail-to-head line's end, with a filled head. */
function drawArrow(annotation: Record<string, any>, tail: number[], head: number[], box: { left: number; right: number; top: number; bottom: number }): string {
  const [dx, dy] = [head[0] - tail[0], head[1] - tail[1]];
  const length = Math.hypot(dx, dy);
  const inside = tail[0] >= box.left && tail[0] <= box.right && tail[1] >= box.top && tail[1] <= box.bottom;
  // The fraction of the way at which the line leaves the box (when the tail is inside it).
  const exit = (d: number, from: number, low: number, high: number) => (d > 0 ? (high - from) / d : d < 0 ? (low - from) / d : Infinity);
  const start = inside ? Math.min(1, exit(dx, tail[0], box.left, box.right), exit(dy, tail[1], box.top, box.bottom)) : 0;
  if (!(length > 0) || start >= 1) return "";
  const width: number = annotation.arrowwidth ?? 1;
  const color: string = annotation.arrowcolor ?? "#444";
  const [ux, uy] = [dx / length, dy / length];
  const headLength = Math.min(5 * width, (1 - start) * length);
  const base = [head[0] - ux * headLength, head[1] - uy * headLength];
  const wing = 2.5 * width;
  const d = `M${n(tail[0] + start * dx)} ${n(tail[1] + start * dy)}L${n(base[0])} ${n(base[1])}`;
  const tip = `M${n(head[0])} ${n(head[1])}L${n(base[0] - uy * wing)} ${n(base[1] + ux * wing)}L${n(base[0] + uy * wing)} ${n(base[1] - ux * wing)}Z`;
  return `<g class="arrow"><path d="${d}" stroke="${color}" stroke-width="${n(width)}" fill="none"/><path d="${tip}" fill="${color}"/></g>`;
}

/** Legends: plotly's `legend`, `legend2`, … boxes listing the traces that show in them. */
function drawLegends(figure: PlotlyFigure, area: { left: number; top: number; width: number; height: number }, fontSize: number, ids: IdSource): string[] {
  const layout = figure.layout ?? {};
  const named = figure.data.filter((t) => t.name !== undefined && t.showlegend !== false);
  if (layout.showlegend === false || (layout.showlegend === undefined && named.length < 2)) return [];
  const groups = new Map<string, Trace[]>();
  for (const trace of named) {
    const id = (trace.legend as string) ?? "legend";
    groups.set(id, [...(groups.get(id) ?? []), trace]);
  }
  return [...groups].map(([id, traces]) => {
    const spec = layout[id] ?? {};
    const size: number = spec.font?.size ?? fontSize;
    const box = legendSize(traces.map((t) => String(t.name)), size);
    const ax = area.left + (spec.x ?? 1.02) * area.width;
    const ay = area.top + (1 - (spec.y ?? 1)) * area.height;
    const left = spec.xanchor === "right" ? ax - box.width : spec.xanchor === "center" ? ax - box.width / 2 : ax;
    const top = spec.yanchor === "bottom" ? ay - box.height : spec.yanchor === "middle" ? ay - box.height / 2 : ay;
    const { borderPad, labelSpacing, handleLength, handleTextPad } = STYLE.legend;
    const entries = traces.map((trace, i) => {
      const y = top + (borderPad + i * (1 + labelSpacing) + 0.5) * size;
      const x0 = left + borderPad * size;
      const x1 = x0 + handleLength * size;
      return `<g class="legend-entry">${legendHandle(trace, x0, x1, y, size, ids)}<text x="${n(x1 + handleTextPad * size)}" y="${n(y + 0.35 * size)}" font-size="${n(size)}">${richText(String(trace.name))}</text></g>`;
    });
    return `<g class="legend" data-legend="${id}"><rect x="${n(left)}" y="${n(top)}" width="${n(box.width)}" height="${n(box.height)}" rx="${n(0.2 * size)}" ` +
      `fill="${spec.bgcolor ?? "white"}" stroke="${spec.bordercolor ?? STYLE.legend.frameColor}" stroke-width="${n(spec.borderwidth ?? 1)}"/>${entries.join("")}</g>`;
  });
}

function legendHandle(trace: Trace, x0: number, x1: number, y: number, size: number, ids: IdSource): string {
  if (trace.type === "bar" || trace.fill === "toself") {
    const color = trace.fill === "toself" ? trace.fillcolor : (trace.marker as Record<string, any>)?.color;
    return `<rect x="${n(x0)}" y="${n(y - 0.35 * size)}" width="${n(x1 - x0)}" height="${n(0.7 * size)}" fill="${Array.isArray(color) ? color[0] : color ?? "#1f77b4"}"/>`;
  }
  const mode = String(trace.mode ?? "lines");
  const line = (trace.line ?? {}) as Record<string, any>;
  const parts: string[] = [];
  if (mode.includes("lines")) {
    const dash = dashArray(line.dash, line.width ?? 2);
    parts.push(`<path d="M${n(x0)} ${n(y)}H${n(x1)}" stroke="${line.color ?? "#1f77b4"}" stroke-width="${n(line.width ?? 2)}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
  }
  if (mode.includes("markers")) {
    const marker = (trace.marker ?? {}) as Record<string, any>;
    const color = Array.isArray(marker.color) ? (marker.colorscale ? cssRgb(colorscaleFunction(marker.colorscale)(0.5)) : marker.color[0]) : marker.color;
    const single = { ...trace, marker: { ...marker, color, size: Array.isArray(marker.size) ? pt(STYLE.markerSize) : marker.size } };
    parts.push(drawMarkers(single, [(x0 + x1) / 2], [y], ids));
  }
  return parts.join("");
}

/** Text with "^{…}" drawn as a superscript (log-axis labels like 10^{−2}). */
function richText(text: string): string {
  return escapeXml(text).replace(/\^\{([^}]*)\}/g, '<tspan dy="-0.5em" font-size="70%">$1</tspan>');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** PNG width and height from a data: URI's IHDR chunk. */
function pngSize(uri: string): { width: number; height: number } {
  const base64 = uri.slice(uri.indexOf(",") + 1, uri.indexOf(",") + 1 + 44);
  const header = Buffer.from(base64, "base64");
  return header.length >= 24 ? { width: header.readUInt32BE(16), height: header.readUInt32BE(20) } : { width: 0, height: 0 };
}

/** FNV-1a hash of a string, base 36. */
function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Coordinates with one decimal: a tenth of a pixel is invisible and keeps the SVG small. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}
