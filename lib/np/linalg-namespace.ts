/** `np.linalg`: the linear-algebra namespace of numpy, as far as tsdl has it. */
export {
  cholesky,
  det,
  eigh,
  eigvalsh,
  inv,
  lstsq,
  matrix_power,
  matrix_rank,
  norm,
  pinv,
  qr,
  slogdet,
  solve,
  svd,
  svdvals,
  linalgOuter as outer,
  linalgTrace as trace,
} from "./linalg";
export { LinAlgError } from "./errors";
export type { EighOptions, EighResult, MatrixRankOptions, NormOptions, PinvOptions, QROptions, QRResult, SlogdetResult, SVDOptions, SVDResult } from "./linalg";
