/** The visible check cells of the course notebooks: a computed value against the number the course publishes. */
import * as np from "../np";
import type { ArrayLike, NDArray } from "../np";

/**
 * Compares `actual` with `expected` elementwise within `atol` (shapes must match) and prints
 * `✓ label = value`; throws, failing the cell, when they differ.
 * @example
 * check("sigmoid([1, 2, 3])", sigmoid(np.array([1, 2, 3])), [0.73105858, 0.88079708, 0.95257413]);
 * // ✓ sigmoid([1, 2, 3]) = [0.73105858 0.88079708 0.95257413]
 */
export function check(label: string, actual: NDArray | number, expected: ArrayLike, atol = 1e-8): void {
  const got = np.asarray(actual);
  const want = np.asarray(expected);
  const sameShape = got.shape.length === want.shape.length && got.shape.every((n, i) => n === want.shape[i]);
  const shown = typeof actual === "number" ? String(actual) : got.toString();
  if (!sameShape || !(np.abs(got.sub(want)).max() as number <= atol)) {
    throw new Error(`✗ ${label}: got\n${shown}\nbut the course has\n${want.toString()} (tolerance ${atol})`);
  }
  console.log(`✓ ${label} = ${shown}`);
}
