/**
 * Arrays that only the expression being evaluated can reach: in notebook cells the kernel's operator rewrite
 * marks an operator's result, or an np call's new array, that feeds straight into another operation
 * (lib/ops `temp`). That operation may write its result into the marked array instead of a new one — numpy's
 * temporary elision, which saves the allocation and writes to memory still in cache. Unary ufuncs (here) and
 * the operators (lib/ops) consume marks.
 */
const temporaries = new WeakSet<object>();

/** Marks `value` (an NDArray nothing else holds) as a temporary. @example markTemporary(np.subtract(1, Y)) */
export function markTemporary<T>(value: T): T {
  if (typeof value === "object" && value !== null) temporaries.add(value);
  return value;
}

/** Whether `value` was marked as a temporary; the mark is used up either way. @example takeTemporary(a) */
export function takeTemporary(value: unknown): boolean {
  return typeof value === "object" && value !== null && temporaries.delete(value);
}
