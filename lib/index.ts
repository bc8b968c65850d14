/**
 * tsdl — numpy-style arrays, matplotlib-style plots and notebook display for TypeScript.
 * @example
 * import { np, plt } from "tsdl";
 * const x = np.linspace(-5, 5, 100);
 * plt.plot(x, np.tanh(x));
 */
export * as np from "./np";
export { plt } from "./plot";
export * as data from "./data";
export * from "./display";
