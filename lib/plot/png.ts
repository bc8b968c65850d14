/** Rasters for imshow and filled contours, as data URIs, on lib/display's PNG encoder. */
import { encodePng } from "../display/png";

/** The RGBA image (row order, top row first) as a `data:image/png;base64,…` URI. @example pngDataUri(1, 1, new Uint8Array([0, 0, 0, 255])) */
export function pngDataUri(width: number, height: number, rgba: Uint8Array): string {
  return `data:image/png;base64,${encodePng(rgba, width, height, 4).toString("base64")}`;
}
