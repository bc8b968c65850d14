/** `np.linalg`: the linear-algebra namespace of numpy, as far as tsdl has it. */
export { det, inv, matrix_power, norm, solve, linalgOuter as outer, linalgTrace as trace } from "./linalg";
export { LinAlgError } from "./errors";
export type { NormOptions } from "./linalg";
