/** Marker outlines for the static picture: SVG paths of radius 1 around the origin, keyed by plotly symbol name. */

function polygon(points: readonly (readonly [number, number])[]): string {
  return `M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join("L")}Z`;
}

/** A regular polygon with `corners` corners, the first at `startDegrees` (0 = straight up, clockwise). */
function regular(corners: number, startDegrees: number, radius = 1): string {
  return polygon(Array.from({ length: corners }, (_, k) => {
    const a = ((startDegrees + (360 * k) / corners) * Math.PI) / 180;
    return [radius * Math.sin(a), -radius * Math.cos(a)] as const;
  }));
}

function star(points: number, inner: number): string {
  return polygon(Array.from({ length: 2 * points }, (_, k) => {
    const a = (Math.PI * k) / points;
    const r = k % 2 ? inner : 1;
    return [r * Math.sin(a), -r * Math.cos(a)] as const;
  }));
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Three spokes from the centre pointing at `startDegrees` and ±120° from it (matplotlib's tri markers "1"–"4"). */
function spokes(startDegrees: number): string {
  return [0, 120, 240]
    .map((d) => {
      const a = ((startDegrees + d) * Math.PI) / 180;
      return `M0 0L${round(Math.sin(a))} ${round(-Math.cos(a))}`;
    })
    .join("");
}

const CROSS_ARM = 0.35;

export const MARKER_PATHS: Readonly<Record<string, string>> = {
  circle: "M1 0A1 1 0 1 1 -1 0A1 1 0 1 1 1 0Z",
  square: polygon([[-1, -1], [1, -1], [1, 1], [-1, 1]]),
  diamond: regular(4, 0),
  "diamond-tall": polygon([[0, -1], [0.6, 0], [0, 1], [-0.6, 0]]),
  "triangle-up": regular(3, 0),
  "triangle-down": regular(3, 180),
  "triangle-left": regular(3, 270),
  "triangle-right": regular(3, 90),
  pentagon: regular(5, 0),
  hexagon: regular(6, 0),
  hexagon2: regular(6, 30),
  octagon: regular(8, 22.5),
  star: star(5, 0.38),
  cross: polygon([
    [-CROSS_ARM, -1], [CROSS_ARM, -1], [CROSS_ARM, -CROSS_ARM], [1, -CROSS_ARM], [1, CROSS_ARM], [CROSS_ARM, CROSS_ARM],
    [CROSS_ARM, 1], [-CROSS_ARM, 1], [-CROSS_ARM, CROSS_ARM], [-1, CROSS_ARM], [-1, -CROSS_ARM], [-CROSS_ARM, -CROSS_ARM],
  ]),
  x: polygon([[-1, -0.5], [-0.5, -1], [0, -0.5], [0.5, -1], [1, -0.5], [0.5, 0], [1, 0.5], [0.5, 1], [0, 0.5], [-0.5, 1], [-1, 0.5], [-0.5, 0]]),
  "cross-thin": "M0 -1V1M-1 0H1",
  "x-thin": "M-0.7 -0.7L0.7 0.7M-0.7 0.7L0.7 -0.7",
  "line-ns": "M0 -1V1",
  "line-ew": "M-1 0H1",
  "y-up": spokes(0),
  "y-down": spokes(180),
  "y-left": spokes(270),
  "y-right": spokes(90),
};
