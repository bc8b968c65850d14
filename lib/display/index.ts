/**
 * What notebooks use to show things: the display protocol (`DISPLAY`, `display`, display handles) and the
 * helpers `html`, `md`, `latex`, `svg`, `image`, `progress` and `timeit`.
 */
export * from "./core";
export { html, md, latex, svg, image, RichOutput, type ImageSource, type PixelArray } from "./rich";
export { progress, type ProgressOptions } from "./progress";
export { timeit, TimeitResult, type TimeitOptions } from "./timeit";
