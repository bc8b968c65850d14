/** `np.linalg`: the linear-algebra namespace of numpy, as far as tsdl has it. */
export { det, inv, norm, solve } from "./linalg";
export { LinAlgError } from "./errors";
export type { NormOptions } from "./linalg";
