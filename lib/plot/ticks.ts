/**
 * matplotlib's axis arithmetic: autoscaled view limits (5 % margins, sticky edges), the tick locations of
 * MaxNLocator / LogLocator and ScalarFormatter's tick labels, so the static picture reads like a matplotlib plot.
 */

export type Scale = "linear" | "log";

export interface Ticks {
  /** Labelled tick positions in data units. */
  major: number[];
  labels: string[];
  /** Unlabelled small ticks (log axes). */
  minor: number[];
  /** ScalarFormatter's "1e6"-style multiplier shown at the end of the axis, if the labels are scaled. */
  multiplier?: string;
}

/** matplotlib's `axes.xmargin`/`axes.ymargin`. */
export const DEFAULT_MARGIN = 0.05;

/** Unicode minus, as matplotlib's `axes.unicode_minus` draws negative tick labels. */
export const MINUS = "\u2212";

/**
 * View limits for data spanning [lo, hi], as matplotlib's autoscale computes them: a zero-width span is widened
 * (`nonsingular`), then each side gets `margin` × span, except that a side never crosses a sticky edge the data
 * touches (bars stand on 0, images end at their edges). On a log scale the margins are taken in log space.
 * @example autoLimits(1, 4) // [0.85, 4.15]
 */
export function autoLimits(lo: number, hi: number, options: { scale?: Scale; margin?: number; sticky?: readonly number[] } = {}): [number, number] {
  const log = options.scale === "log";
  const forward = log ? Math.log10 : (v: number) => v;
  const inverse = log ? (v: number) => 10 ** v : (v: number) => v;
  let [a, b] = [forward(lo), forward(hi)];
  if (!(b - a > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)))) {
    // matplotlib's nonsingular(expander=0.05): ±5 % of the value, or ±0.05 around zero.
    const pad = a === 0 ? 0.05 : 0.05 * Math.abs(a);
    [a, b] = [a - pad, b + pad];
  }
  const margin = (options.margin ?? DEFAULT_MARGIN) * (b - a);
  let [low, high] = [inverse(a - margin), inverse(b + margin)];
  for (const edge of options.sticky ?? []) {
    if (edge <= lo && edge > low) low = edge;
    if (edge >= hi && edge < high) high = edge;
  }
  return [low, high];
}

/**
 * How many intervals MaxNLocator("auto") aims for on an axis this long: one label per 3 font sizes along x and
 * per 2 along y (matplotlib's `get_tick_space`), at most 9.
 * @example autoBinCount(496, 13.9, "x") // 9
 */
export function autoBinCount(lengthPx: number, fontPx: number, direction: "x" | "y"): number {
  const space = Math.floor(lengthPx / (fontPx * (direction === "x" ? 3 : 2)));
  return Math.max(1, Math.min(9, space));
}

/** AutoLocator's "nice" steps (axis ticks). */
export const AXIS_STEPS = [1, 2, 2.5, 5, 10];
/** MaxNLocator's default steps (contour levels). */
export const LEVEL_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

// matplotlib's _staircase: the steps one decade down and up, so the search never runs off the end.
function extendedSteps(steps: readonly number[]): number[] {
  return [...steps.slice(0, -1).map((s) => s / 10), ...steps, 10 * steps[1]];
}

/**
 * MaxNLocator's tick values for [vmin, vmax] with at most about `bins` intervals. They may extend one step past
 * the range (contour levels use that); `minTicks` is how many must fall inside it.
 * @example maxNLocator(0, 1, 8, { minTicks: 1, steps: LEVEL_STEPS }) // [0, 0.15, …, 1.05]
 */
export function maxNLocator(vmin: number, vmax: number, bins: number, options: { minTicks?: number; steps?: readonly number[] } = {}): number[] {
  const { minTicks = 2, steps: niceSteps = AXIS_STEPS } = options;
  const [lo, hi] = vmin <= vmax ? [vmin, vmax] : [vmax, vmin];
  const { scale, offset } = scaleRange(lo, hi, bins);
  const [low, high] = [lo - offset, hi - offset];
  const rawStep = (high - low) / bins;
  const steps = extendedSteps(niceSteps).map((s) => s * scale);
  const firstLarge = steps.findIndex((s) => s >= rawStep);
  let ticks: number[] = [];
  // Start at the smallest step above the raw step and go to smaller ones until enough ticks are in range.
  for (let k = firstLarge; k >= 0; k--) {
    const step = steps[k];
    const best = Math.floor(low / step) * step;
    const first = edgeLE((low - best) / step, step, offset);
    const last = edgeGE((high - best) / step, step, offset);
    ticks = [];
    for (let n = first; n <= last; n++) ticks.push(cleanFloat(n * step + best + offset));
    if (ticks.filter((t) => isInside(t, lo, hi)).length >= minTicks) break;
  }
  return ticks;
}

/** The ticks an axis showing [vmin, vmax] draws: MaxNLocator's values inside the view. @example linearTicks(-0.15, 3.15, 9) // [0, 0.5, …, 3] */
export function linearTicks(vmin: number, vmax: number, bins: number): number[] {
  const [lo, hi] = vmin <= vmax ? [vmin, vmax] : [vmax, vmin];
  return maxNLocator(lo, hi, bins).filter((t) => isInside(t, lo, hi));
}

function isInside(t: number, lo: number, hi: number): boolean {
  const slack = 1e-10 * (hi - lo);
  return t >= lo - slack && t <= hi + slack;
}

function scaleRange(lo: number, hi: number, bins: number): { scale: number; offset: number } {
  const span = hi - lo;
  const mean = (hi + lo) / 2;
  const offset = Math.abs(mean) / span < 100 ? 0 : Math.sign(mean) * 10 ** Math.floor(Math.log10(Math.abs(mean)));
  return { scale: 10 ** Math.floor(Math.log10(span / bins)), offset };
}

// matplotlib's _Edge_integer: floor/ceil that treat values within rounding error of an integer as that integer.
function edgeTolerance(step: number, offset: number): number {
  if (offset > 0) {
    const digits = Math.log10(offset / step);
    return Math.max(1e-10, 10 ** (digits - 12));
  }
  return 1e-10;
}

function edgeLE(x: number, step: number, offset: number): number {
  const whole = Math.floor(x);
  return x - whole > 1 - edgeTolerance(step, offset) ? whole + 1 : whole;
}

function edgeGE(x: number, step: number, offset: number): number {
  const whole = Math.floor(x);
  return x - whole < edgeTolerance(step, offset) ? whole : whole + 1;
}

// 0.30000000000000004 → 0.3: tick values are multiples of short decimals, so 12 significant digits are exact.
function cleanFloat(v: number): number {
  return Math.abs(v) < 1e-300 ? 0 : Number(v.toPrecision(12));
}

/** ScalarFormatter's labels: one number of decimals for all ticks, a "1eN" multiplier outside 1e-5 ≤ |x| < 1e6. @example formatLinearTicks([0, 0.5, 1]).labels // ["0.0", "0.5", "1.0"] */
export function formatLinearTicks(ticks: readonly number[]): { labels: string[]; multiplier?: string } {
  const maxAbs = Math.max(0, ...ticks.map(Math.abs));
  const order = maxAbs > 0 ? Math.floor(Math.log10(maxAbs)) : 0;
  const exponent = order <= -5 || order >= 6 ? order : 0;
  const scaled = ticks.map((t) => t / 10 ** exponent);
  const decimals = labelDecimals(scaled);
  const labels = scaled.map((v) => {
    const text = (Math.abs(v) < 0.5 * 10 ** -decimals ? 0 : v).toFixed(decimals);
    return text.replace("-", MINUS);
  });
  return exponent ? { labels, multiplier: `1e${exponent}`.replace("-", MINUS) } : { labels };
}

// ScalarFormatter._set_format: start with enough digits for the span, drop them while the ticks stay exact.
function labelDecimals(ticks: readonly number[]): number {
  const span = ticks.length >= 2 ? Math.max(...ticks) - Math.min(...ticks) : Math.abs(ticks[0] ?? 1) || 1;
  const spanOrder = Math.floor(Math.log10(span));
  const threshold = 1e-3 * 10 ** spanOrder;
  let digits = Math.max(0, 3 - spanOrder);
  while (digits >= 0 && ticks.every((t) => Math.abs(t - roundTo(t, digits)) < threshold)) digits--;
  return digits + 1;
}

function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * LogLocator's ticks for a log axis: labelled decades (every k-th one when there are many) with unlabelled
 * 2..9 minor ticks; when less than two decades are in view the 2..9 multiples are labelled too, as matplotlib does.
 * @example logTicks(0.001, 15, 9).labels // ["10^{−3}", …, "10^{1}"]
 */
export function logTicks(vmin: number, vmax: number, bins: number): Ticks {
  const [lo, hi] = vmin <= vmax ? [vmin, vmax] : [vmax, vmin];
  const [firstDecade, lastDecade] = [Math.floor(Math.log10(lo) + 1e-10), Math.ceil(Math.log10(hi) - 1e-10)];
  const inView = (v: number) => v >= lo * (1 - 1e-10) && v <= hi * (1 + 1e-10);
  const decades: number[] = [];
  for (let k = firstDecade; k <= lastDecade; k++) decades.push(k);
  const multiples = decades.flatMap((k) => [2, 3, 4, 5, 6, 7, 8, 9].map((m) => [m, k] as const)).filter(([m, k]) => inView(m * 10 ** k));
  const labelledDecades = decades.filter((k) => inView(10 ** k));
  if (labelledDecades.length < 2) {
    const all = [...labelledDecades.map((k) => [1, k] as const), ...multiples].sort((p, q) => p[0] * 10 ** p[1] - q[0] * 10 ** q[1]);
    return {
      major: all.map(([m, k]) => cleanFloat(m * 10 ** k)),
      labels: all.map(([m, k]) => (m === 1 ? powerOfTen(k) : `${m}×${powerOfTen(k)}`)),
      minor: [],
    };
  }
  const stride = Math.max(1, Math.ceil(labelledDecades.length / (bins + 1)));
  const major = labelledDecades.filter((k) => (k - labelledDecades[0]) % stride === 0);
  return {
    major: major.map((k) => cleanFloat(10 ** k)),
    labels: major.map(powerOfTen),
    minor: stride === 1 ? multiples.map(([m, k]) => cleanFloat(m * 10 ** k)) : [],
  };
}

/** "10^{k}": the SVG writer draws the braces' content as a superscript (matplotlib's LogFormatterSciNotation). */
function powerOfTen(k: number): string {
  return `10^{${String(k).replace("-", MINUS)}}`;
}

/** The ticks and labels of an axis showing [vmin, vmax], aiming at `bins` intervals. @example axisTicks(0, 1, "linear", 5).major // [0, 0.2, …, 1] */
export function axisTicks(vmin: number, vmax: number, scale: Scale, bins: number): Ticks {
  if (scale === "log") return logTicks(vmin, vmax, bins);
  const major = linearTicks(vmin, vmax, bins);
  return { major, ...formatLinearTicks(major), minor: [] };
}

/**
 * LogLocator's major tick decades (exponents) for a view, as matplotlib ≥ 3.8 picks them: the largest stride that
 * keeps at most `bins` decades in view, plus one stride beyond each end; with no decade in view, the decades
 * just outside it.
 * @example logLocatorDecades(1, 100, 9) // [-1, 0, 1, 2, 3]
 */
export function logLocatorDecades(vmin: number, vmax: number, bins: number): number[] {
  const [lo, hi] = vmin <= vmax ? [vmin, vmax] : [vmax, vmin];
  const [efmin, efmax] = [Math.log10(lo), Math.log10(hi)];
  const [emin, emax] = [Math.ceil(efmin - 1e-10), Math.floor(efmax + 1e-10)];
  const available = emax - emin + 1;
  let wanted = Math.min(9, Math.max(2, bins));
  let stride = Math.floor(available / (wanted + 1)) + 1;
  wanted = Math.min(wanted, Math.ceil(available / stride));
  if (wanted === 0) return [emin - 1, emax + 1];
  if (wanted === 1) {
    const mid = Math.round((efmin + efmax) / 2);
    stride = Math.max(mid - (emin - 1), emax + 1 - mid);
    return [mid - stride, mid, mid + stride];
  }
  stride = Math.floor((available - 1) / (wanted - 1));
  if (stride < available / wanted) stride = Math.floor(available / wanted);
  const olo = Math.max(available - stride * wanted, 0);
  const ohi = Math.min(available - stride * (wanted - 1), stride);
  let offset = (((-emin) % stride) + stride) % stride;
  if (!(olo <= offset && offset < ohi)) offset = olo;
  const decades: number[] = [];
  for (let k = emin + offset - stride; k <= emax + stride; k += stride) decades.push(k);
  return decades;
}

/**
 * Labels for tick values as matplotlib's default formatters write them, with every value given (they may
 * reach past the view): ScalarFormatter on linear axes; on log axes LogFormatterSciNotation, which labels
 * decades only once the view spans more than one decade.
 * @example formatTicks([0.25, 1, 2.125], "linear", [0, 3]) // ["0.250", "1.000", "2.125"]
 */
export function formatTicks(values: readonly number[], scale: Scale, view: readonly [number, number]): string[] {
  if (scale === "linear") return formatLinearTicks(values).labels;
  const decadesInView = Math.abs(Math.log10(view[1]) - Math.log10(view[0]));
  return values.map((v) => {
    const k = Math.floor(Math.log10(v) + 1e-10);
    const m = cleanFloat(v / 10 ** k);
    if (m === 1) return powerOfTen(k);
    return decadesInView > 1 ? "" : `${m}×${powerOfTen(k)}`;
  });
}

/**
 * What the axis' locator and formatter give for a view (matplotlib's `get_xticks()` and the tick labels'
 * texts): MaxNLocator's or LogLocator's ticks, which may reach one step past the view, each with its label.
 * @example locatorTicks(-0.15, 3.15, "linear", 9).values // [-0.5, 0, 0.5, …, 3.5]
 */
export function locatorTicks(vmin: number, vmax: number, scale: Scale, bins: number): { values: number[]; labels: string[] } {
  const values = scale === "log" ? logLocatorDecades(vmin, vmax, bins).map((k) => cleanFloat(10 ** k)) : maxNLocator(vmin, vmax, bins);
  return { values, labels: formatTicks(values, scale, [vmin, vmax]) };
}
