/**
 * The planar "flower" data set of the course: two classes of 2-D points lying on the petals of a rose curve,
 * which no straight line separates.
 */
import * as np from "../np";
import type { NDArray } from "../np";

/** The flower points: `X` is (2, m), one point per column; `Y` is (1, m), uint8 labels 0 and 1. */
export interface PlanarDataset {
  X: NDArray;
  Y: NDArray;
}

/**
 * Generates the course's flower data set exactly as its numpy code does: `np.random.seed(1)`, 400 points,
 * 200 per class, each class on alternate petals of the rose `r = 4 sin(4t)` with Gaussian noise of 0.2 on
 * the angle and on the radius. It reseeds the global `np.random` generator, as the course's function does.
 * @example
 * const { X, Y } = loadPlanarDataset();
 * X.shape; // [2, 400]
 * Y.shape; // [1, 400]
 */
export function loadPlanarDataset(): PlanarDataset {
  np.random.seed(1);
  const m = 400;
  const pointsPerClass = m / 2;
  const maxRadius = 4;
  const X = np.zeros([m, 2]);
  const Y = np.zeros([m, 1], { dtype: "uint8" });
  for (let label = 0; label < 2; label++) {
    const rows = `${pointsPerClass * label}:${pointsPerClass * (label + 1)}`;
    const angle = np
      .linspace(label * 3.12, (label + 1) * 3.12, pointsPerClass)
      .add(np.random.randn(pointsPerClass).mul(0.2));
    const radius = np.sin(angle.mul(4)).mul(maxRadius).add(np.random.randn(pointsPerClass).mul(0.2));
    X.set(rows, np.stack([radius.mul(np.sin(angle)), radius.mul(np.cos(angle))], { axis: 1 }));
    Y.set(rows, label);
  }
  return { X: X.T, Y: Y.T };
}
