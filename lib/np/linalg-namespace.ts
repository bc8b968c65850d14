/** `np.linalg`: the linear-algebra namespace of numpy, as far as tsdl has it. */
export { norm } from "./linalg";
export type { NormOptions } from "./linalg";
