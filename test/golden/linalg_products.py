"""Golden cases for products beyond dot/matmul: tensordot, inner, vdot, kron, trace, cross, einsum, and
np.linalg's matrix_power, trace and outer.

numpy accumulates float32 products in float32 and tsdl in float64, so float32 operands hold small integers,
whose products and sums are exact in either; float64 operands are random and compared to rounding.
"""
import warnings

import numpy as np
from common import DTYPES, arr, case, write

rng = np.random.default_rng(7)


def sample(shape, dtype):
    """float32 operands hold integers (see above); the others as common.sample."""
    if dtype == "bool":
        return rng.integers(0, 2, shape).astype(bool)
    if dtype == "uint8":
        return rng.integers(0, 256, shape).astype(np.uint8)
    if dtype in ("int32", "int64", "float32"):
        return rng.integers(-20, 20, shape).astype(dtype)
    return rng.standard_normal(shape) * 10


cases = []


def add(name, op, fn, args, kwargs=None):
    cases.append(case(name, op, fn, args, kwargs))


def binary(name, op, fn, a, b, kwargs=None):
    add(name, op, lambda: fn(a, b, **(kwargs or {})), [arr(a), arr(b)], kwargs)


# ---- tensordot ----
for da in DTYPES:
    a = sample((2, 3, 4), da)
    b = sample((3, 4, 5), "int32" if da == "bool" else da)
    binary(f"tensordot {da} default axes", "tensordot", np.tensordot, a, b)
for axes in [0, 1, 2, -1, [1, 0], [[1], [0]], [[2, 1], [1, 0]], [[-1], [1]], [[0, 1], [0, 1]]]:
    a = sample((3, 4, 4), "float64")
    b = sample((4, 4, 2), "float64")
    add(f"tensordot axes {axes}", "tensordot", lambda: np.tensordot(a, b, axes=axes), [arr(a), arr(b)], {"axes": axes})
for name, sa, sb, axes in [
    ("1-d with 1-d", (4,), (4,), 1), ("2-d by 1-d", (3, 4), (4,), 1), ("empty sum", (2, 0), (0, 3), 1),
    ("0-d outer", (), (2, 3), 0), ("transposed operand", (4, 3), (4, 2), [[0], [0]]),
    ("mismatch", (2, 3), (2, 3), 1), ("mismatch count", (2, 3), (3, 2), [[0, 1], [1]]), ("axis out of range", (2, 3), (3, 2), [[2], [0]]),
    ("too many axes", (2, 3), (2, 3), 3), ("0-d with axes", (), (2,), 1), ("duplicate axes", (2, 2), (2, 2), [[0, 0], [0, 1]]),
    ("repeated after normalising", (3, 3), (3, 3), [[-1, 1], [0, 1]]),
]:
    a = sample(sa, "int64")
    b = sample(sb, "int64")
    add(f"tensordot {name}", "tensordot", lambda: np.tensordot(a, b, axes=axes), [arr(a), arr(b)], {"axes": axes})

# ---- inner, vdot ----
for da in DTYPES:
    for sa, sb in [((4,), (4,)), ((2, 4), (3, 4)), ((2, 3, 4), (4,)), ((4,), (2, 2, 4))]:
        binary(f"inner {da} {sa} {sb}", "inner", np.inner, sample(sa, da), sample(sb, da))
    binary(f"vdot {da}", "vdot", np.vdot, sample((2, 3), da), sample((3, 2), da))
binary("inner mixed dtypes", "inner", np.inner, sample((3,), "int32"), sample((3,), "float32"))
binary("inner 0-d", "inner", np.inner, sample((), "int64"), sample((2, 3), "int64"))
binary("inner transposed", "inner", np.inner, sample((3, 2), "float64").T, sample((4, 3), "float64"))
binary("inner empty", "inner", np.inner, sample((2, 0), "float64"), sample((3, 0), "float64"))
binary("inner mismatch", "inner", np.inner, sample((2, 3), "int64"), sample((3, 4), "int64"))
binary("inner 1-d mismatch", "inner", np.inner, sample((3,), "int64"), sample((4,), "int64"))
binary("vdot 0-d", "vdot", np.vdot, sample((), "int64"), sample((), "int64"))
binary("vdot different shapes", "vdot", np.vdot, sample((6,), "float64"), sample((2, 3), "float64"))
binary("vdot size mismatch", "vdot", np.vdot, sample((2, 3), "int64"), sample((3, 4), "int64"))
binary("vdot size mismatch reversed", "vdot", np.vdot, sample((12,), "int64"), sample((2, 3), "int64"))
binary("vdot uint8 wraps", "vdot", np.vdot, np.array([200, 100], np.uint8), np.array([2, 2], np.uint8))

# ---- kron ----
for da in DTYPES:
    binary(f"kron {da}", "kron", np.kron, sample((2, 2), da), sample((2, 3), da))
for sa, sb in [((2,), (3,)), ((2, 3), (2,)), ((2,), (2, 2, 2)), ((), (3,)), ((2, 2), ()), ((0, 2), (2, 2)), ((1, 2, 1), (3, 1, 2))]:
    binary(f"kron {sa} {sb}", "kron", np.kron, sample(sa, "int64"), sample(sb, "int64"))
binary("kron transposed", "kron", np.kron, sample((3, 2), "float64").T, sample((2, 2), "float64"))

# ---- trace ----
for d in [dt for dt in DTYPES if dt != "uint8"]:  # numpy sums uint8 in uint64, which tsdl lacks
    x = sample((3, 4), d)
    add(f"trace {d}", "trace", lambda: np.trace(x), [arr(x)])
t3 = sample((2, 3, 4), "int64")
for kw in [{"offset": 1}, {"offset": -1}, {"offset": 5}, {"offset": -3}, {"axis1": 1, "axis2": 2}, {"axis1": -1, "axis2": 0},
           {"axis1": 2, "axis2": 1, "offset": 1}, {"axis1": 1, "axis2": -2}, {"axis1": 3}, {"axis2": -4}]:
    add(f"trace 3-d {kw}", "trace", lambda: np.trace(t3, **kw), [arr(t3)], kw)
for name, x in [("1-d", sample((3,), "int64")), ("0-d", sample((), "int64")), ("empty", np.zeros((0, 3))), ("transposed", sample((4, 3), "float64").T)]:
    add(f"trace {name}", "trace", lambda: np.trace(x), [arr(x)])
for kw in [{}, {"offset": 1}, {"offset": -2}]:
    add(f"linalg.trace {kw}", "linalg.trace", lambda: np.linalg.trace(t3, **kw), [arr(t3)], kw)
m2 = sample((3, 3), "float64")
add("linalg.trace matrix", "linalg.trace", lambda: np.linalg.trace(m2), [arr(m2)])
v1 = sample((3,), "int64")
add("linalg.trace 1-d", "linalg.trace", lambda: np.linalg.trace(v1), [arr(v1)])

# ---- cross ----
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # 2-vectors: deprecated in numpy 2, still computed
    for d in DTYPES:
        binary(f"cross {d}", "cross", np.cross, sample((3,), d), sample((3,), d))
    for sa, sb in [((4, 3), (3,)), ((2, 1, 3), (4, 3)), ((2,), (2,)), ((3, 2), (2,)), ((2,), (3,)), ((3,), (2, 2)), ((4,), (3,)), ((2, 3), (3, 3)), ((), (3,)), ((0, 3), (3,))]:
        binary(f"cross {sa} {sb}", "cross", np.cross, sample(sa, "int64"), sample(sb, "int64"))
    binary("cross float64", "cross", np.cross, sample((5, 3), "float64"), sample((5, 3), "float64"))
    binary("cross mixed dtypes", "cross", np.cross, sample((3,), "int32"), sample((3,), "float32"))
    binary("cross bool 3 with 2", "cross", np.cross, sample((3,), "bool"), sample((2,), "bool"))
    binary("cross bool 2 with 3", "cross", np.cross, sample((2,), "bool"), sample((3,), "bool"))
    for kw, sa, sb in [
        ({"axis": 0}, (3, 2), (3, 2)), ({"axisa": 0, "axisb": 1}, (3, 2), (2, 3)), ({"axisa": 0, "axisb": 1, "axisc": 0}, (3, 2), (2, 3)),
        ({"axisc": -2}, (4, 3), (4, 3)), ({"axis": -2, "axisc": 1}, (3, 4), (3, 4)), ({"axisa": 2}, (3, 2), (3, 2)), ({"axisb": -3}, (2, 3), (2, 3)),
        ({"axisa": 0, "axisb": 1, "axisc": 2}, (3, 2), (2, 3)), ({"axisa": 0}, (3, 2, 4), (4, 2, 3)),
    ]:
        binary(f"cross options {kw} {sa} {sb}", "cross", np.cross, sample(sa, "int64"), sample(sb, "int64"), kw)
    a2 = sample((3, 2), "int64")
    binary("cross 2-vectors with axisc ignored", "cross", np.cross, a2, a2, {"axis": 1, "axisc": 5})

# ---- np.linalg.matrix_power and outer ----
fib = np.array([[1, 1], [1, 0]])
for n in [0, 1, 2, 3, 4, 5, 10, 13]:
    add(f"matrix_power int64 {n}", "linalg.matrix_power", lambda: np.linalg.matrix_power(fib, n), [arr(fib), n])
for d in DTYPES:
    m = sample((3, 3), d)
    if d in ("int32", "int64", "uint8"):
        m = (m % 3).astype(d)
    for n in [0, 3, 6]:
        add(f"matrix_power {d} {n}", "linalg.matrix_power", lambda: np.linalg.matrix_power(m, n), [arr(m), n])
well = np.array([[4.0, 1, 0.5], [1, 3, 0.25], [0.5, 0.25, 2]])
for n in [-1, -2, -5]:
    add(f"matrix_power negative {n}", "linalg.matrix_power", lambda: np.linalg.matrix_power(well, n), [arr(well), n])
add("matrix_power int negative", "linalg.matrix_power", lambda: np.linalg.matrix_power(np.array([[1, 2], [3, 4]]), -1), [arr(np.array([[1, 2], [3, 4]])), -1])
stack3 = sample((2, 3, 3), "int64") % 4
for n in [0, 2, 5]:
    add(f"matrix_power stack {n}", "linalg.matrix_power", lambda: np.linalg.matrix_power(stack3, n), [arr(stack3), n])
for name, x, n in [("not square", np.ones((2, 3)), 2), ("1-d", np.ones(3), 2), ("float exponent", np.ones((2, 2)), 2.5), ("empty", np.ones((0, 0)), 3)]:
    add(f"matrix_power {name}", "linalg.matrix_power", lambda: np.linalg.matrix_power(x, n), [arr(x), n])
add("matrix_power singular", "linalg.matrix_power", lambda: np.linalg.matrix_power(np.ones((2, 2)), -1), [arr(np.ones((2, 2))), -1])
for sa, sb in [((3,), (2,)), ((2, 2), (2,)), ((3,), ()), ((0,), (2,))]:
    binary(f"linalg.outer {sa} {sb}", "linalg.outer", np.linalg.outer, sample(sa, "int64"), sample(sb, "int64"))

# ---- einsum ----
def einsum_case(name, subscripts, *operands):
    add(f"einsum {name} {subscripts!r}", "einsum", lambda: np.einsum(subscripts, *operands), [subscripts, *[arr(x) if isinstance(x, np.ndarray) else x for x in operands]])


for d in DTYPES:
    einsum_case(f"{d} matmul", "ij,jk->ik", sample((2, 3), d), sample((3, 4), d))
    einsum_case(f"{d} trace", "ii", sample((3, 3), d))
    einsum_case(f"{d} sum", "ij->", sample((3, 4), d))
    einsum_case(f"{d} row sums", "ij->i", sample((3, 4), d))
f = lambda *shape: sample(shape, "float64")
i = lambda *shape: sample(shape, "int64")
for subscripts, operands in [
    ("ij,jk", (f(2, 3), f(3, 4))), ("ij,jk->ki", (f(2, 3), f(3, 4))), ("ij,kj->ik", (f(2, 3), f(4, 3))), ("ji,jk", (f(3, 2), f(3, 4))),
    ("ii->i", (i(3, 3),)), ("ij->ji", (i(2, 3),)), ("ji", (i(2, 3),)), ("ij", (i(2, 3),)), ("ba", (i(2, 3),)), ("aB", (i(2, 3),)),
    ("ijk->kji", (i(2, 3, 4),)), ("iji->j", (i(3, 2, 3),)), ("iij->ij", (i(2, 2, 3),)), ("iii", (i(3, 3, 3),)), ("i->", (f(7),)),
    ("bij,bjk->bik", (f(3, 2, 4), f(3, 4, 5))), ("bij,bjk->bki", (i(3, 2, 4), i(3, 4, 5))), ("i,j", (i(2), i(3))), ("i,j->ji", (i(2), i(3))),
    ("i,i", (f(5), f(5))), ("i,i->i", (i(5), i(5))), ("ij,ij->", (f(3, 4), f(3, 4))), ("ij,ij->ij", (i(3, 4), i(3, 4))),
    ("ij,j->i", (f(3, 4), f(4))), ("ij,jk,kl->il", (f(2, 3), f(3, 4), f(4, 2))), ("ij,jk,kl", (i(2, 3), i(3, 4), i(4, 2))),
    ("i,i,i->", (i(4), i(4), i(4))), ("ij,ik,il->jkl", (i(3, 2), i(3, 2), i(3, 2))), ("ab,cd->abcd", (i(2, 1), i(1, 3))),
    ("ij,jk", (f(2, 3), f(1, 4))), ("ij,ij->ij", (f(2, 1), f(2, 3))), ("ii,i->i", (i(3, 3), i(3))), ("ij,ji->", (f(3, 4), f(4, 3))),
    (",i->i", (i(), i(3))), ("", (i(),)), ("->", (i(),)), (",", (i(), i())), ("ij,jk", (f(2, 0), f(0, 3))), ("ij->", (f(0, 3),)),
    ("i j , j k -> i k", (i(2, 3), i(3, 4))), ("ij,jk->", (i(2, 3), i(3, 4))), ("ijk,jil->kl", (f(3, 2, 4), f(2, 3, 5))),
    ("bn,anm,bm->ba", (f(2, 3), f(4, 3, 5), f(2, 5))),
    ("...ij,...jk", (f(5, 2, 3), f(3, 4))), ("...ij,...jk->...ik", (f(2, 1, 2, 3), f(4, 3, 2))), ("...ij->...ji", (i(2, 3, 4),)),
    ("i...->...", (i(3, 4, 2),)), ("...i,...i", (f(5, 3), f(5, 3))), ("...,i", (i(2), i(3))), ("ij...,jk...->ik...", (f(2, 3, 5), f(3, 4, 5))),
    ("...", (i(2, 3),)), ("i...i", (i(3, 2, 3),)), ("ij->...", (i(2, 3),)), ("ij->...ij", (i(2, 3),)), ("...ii->...i", (i(2, 3, 3),)),
    ("i...,i...->...", (f(3, 2), f(3, 1))), ("ij,", (f(3, 4), 2)), (",ij", (2.5, i(3, 4))),
]:
    einsum_case("", subscripts, *operands)
einsum_case("mixed dtypes", "i,i", sample((3,), "int32"), sample((3,), "float32"))
einsum_case("int32 wraps", "i,i", np.array([2 ** 30, 2 ** 30], np.int32), np.array([4, 1], np.int32))
einsum_case("uint8 wraps", "ij->", np.full((3, 4), 50, np.uint8))
einsum_case("bool", "ij,jk", sample((3, 4), "bool"), sample((4, 2), "bool"))
einsum_case("transposed operands", "ij,jk", f(3, 2).T, f(4, 3).T)
for subscripts, operands in [
    ("ijk", (i(2, 3),)), ("i", (i(2, 3),)), ("ij", (i(2, 3), i(2, 3))), ("ij,jk", (i(2, 3),)), ("ij,ij", (i(2, 3), i(3, 4))),
    ("ii", (i(2, 3),)), ("ii->i", (i(2, 3),)), ("iji", (f(2, 3, 4),)), ("ij->ii", (i(2, 3),)), ("ij->k", (i(2, 3),)), ("i1", (i(2, 3),)),
    ("ij-ij", (i(2, 3),)), ("ij->i->j", (i(2, 3),)), ("ij->i.", (i(2, 3),)), ("..i..", (i(2, 3),)), ("...i...", (i(2, 3),)), ("....i", (i(2, 3),)),
    ("i..", (i(2, 3),)), ("...ijk", (i(2, 3),)), ("i", (i(),)), ("ij,jk", (f(2, 3), f(4, 5))), ("ij,jk->", (f(2, 3), f(4, 5))),
    ("ij,jk,kl", (f(2, 3), f(3, 4), f(5, 6))), ("...ij,...jk", (f(5, 2, 3), f(4, 3, 4))), ("...ij,...jk->ik", (f(5, 2, 3), f(3, 4))),
    ("ii,i", (f(3, 3), f(4))), ("iij,j", (f(3, 3, 2), f(4))), ("i...,i...", (f(2, 3), f(2, 4))), ("i,i", (f(3), f(4))), (",i", (f(), f(2, 2))),
    ("i>j", (i(2, 3),)), ("ij->j,i", (i(2, 3),)), ("i...i", (i(2, 3, 4),)), ("...i->i", (i(2, 3),)),
]:
    einsum_case("error", subscripts, *operands)
add("einsum no operands", "einsum", lambda: np.einsum("ij"), ["ij"])

write("linalg_products", cases)
