"""Golden cases for np.linalg's decompositions: eigh, eigvalsh, svd, svdvals, qr, cholesky, lstsq, pinv,
matrix_rank and slogdet.

Eigenvectors and singular vectors are unique only up to sign (and rotation within a repeated eigenvalue or
singular value), so a case records a quantity of the result that does not depend on that choice (its
"part"): eigenvalues, singular values, |R|, a reconstruction such as V·diag(w)·Vᵀ, or a Gram matrix such as
QᵀQ. Derived quantities are computed in float64 from numpy's outputs; each such case also records the
dtype and shape of every output ("outputs"), so that those are checked too. Parts that are unique (the
eigenvalues, S, a Cholesky factor, lstsq's items, pinv) are numpy's values as they are, dtype included.
"""
import numpy as np
from common import arr, case, write

rng = np.random.default_rng(20)
L = np.linalg


def sample(shape, dtype="float64"):
    """float64 ~ N(0, 10); float32 ~ N(0, 1) (see the tolerances in test/linalg.test.ts); integers in [-9, 9]."""
    if dtype == "bool":
        return rng.integers(0, 2, shape).astype(bool)
    if dtype in ("uint8", "int32", "int64"):
        return rng.integers(0 if dtype == "uint8" else -9, 10, shape).astype(dtype)
    return (rng.standard_normal(shape) * (1 if dtype == "float32" else 10)).astype(dtype)


def symmetric(shape, dtype="float64"):
    b = sample(shape, dtype)
    if dtype == "bool":
        return b | np.swapaxes(b, -1, -2)
    total = b + np.swapaxes(b, -1, -2)
    return total // 2 if dtype in ("uint8", "int32", "int64") else total / 2


def positive_definite(shape, dtype="float64"):
    b = rng.standard_normal(shape)
    n = shape[-1]
    return (b @ np.swapaxes(b, -1, -2) + n * np.eye(n)).astype(dtype)


def rank_deficient(m, n, rank):
    return rng.standard_normal((m, rank)) @ rng.standard_normal((rank, n)) * 10


def f64(x):
    return np.asarray(x, dtype=np.float64)


def t(x):
    return np.swapaxes(f64(x), -1, -2)


def quantity(result, part):
    """The part of a result that a case compares (see the module docstring)."""
    if part is None:
        return result
    if isinstance(part, int):
        return result[part]
    if part in ("eigenvalues", "S", "sign", "logabsdet"):
        return getattr(result, part)
    if part == "|R|":
        return np.abs(result.R if hasattr(result, "R") else result)
    if part == "V diag(w) Vt":
        w, v = result
        return f64(v) * f64(w)[..., None, :] @ t(v)
    if part == "U diag(S) Vh":
        u, s, vh = result
        k = s.shape[-1]
        return f64(u)[..., :, :k] * f64(s)[..., None, :] @ f64(vh)[..., :k, :]
    if part == "QR":
        return f64(result.Q) @ f64(result.R)
    if part in ("VtV", "UtU", "QtQ"):
        x = {"VtV": result[-1], "UtU": result[0], "QtQ": result[0]}[part]
        return t(x) @ f64(x)
    if part == "VhVht":
        return f64(result.Vh) @ t(result.Vh)
    raise ValueError(part)


cases = []


def add(name, op, fn, args, kwargs=None, part=None):
    c = case(name, op, lambda: quantity(fn(), part), args, kwargs)
    c["part"] = part
    if "result" in c and part is not None and not isinstance(part, int) and part not in ("eigenvalues", "S", "sign", "logabsdet"):
        outputs = fn()
        c["outputs"] = [{"dtype": o.dtype.name, "shape": list(o.shape)} for o in (outputs if isinstance(outputs, tuple) else (outputs,))]
    cases.append(c)


def unary(name, op, fn, a, kwargs=None, parts=(None,)):
    for part in parts:
        label = name if part is None else f"{name} [{part}]"
        add(label, op, lambda: fn(a, **(kwargs or {})), [arr(a)], kwargs, part)


# ---- eigh, eigvalsh ----
EIGH = ("eigenvalues", "V diag(w) Vt", "VtV")
for dtype in ["bool", "uint8", "int32", "int64", "float32", "float64"]:
    a = symmetric((4, 4), dtype)
    unary(f"eigh {dtype}", "linalg.eigh", L.eigh, a, parts=EIGH)
    unary(f"eigvalsh {dtype}", "linalg.eigvalsh", L.eigvalsh, a)
for shape in [(1, 1), (2, 2), (3, 3), (6, 6), (2, 3, 3), (2, 1, 3, 3), (0, 0), (2, 0, 0), (0, 3, 3)]:
    a = symmetric(shape)
    unary(f"eigh {shape}", "linalg.eigh", L.eigh, a, parts=EIGH)
    unary(f"eigvalsh {shape}", "linalg.eigvalsh", L.eigvalsh, a)
rotation, _ = np.linalg.qr(rng.standard_normal((4, 4)))
repeated = rotation @ np.diag([2.0, 2.0, -1.0, 2.0]) @ rotation.T
unary("eigh repeated eigenvalue", "linalg.eigh", L.eigh, repeated, parts=EIGH)
unary("eigh identity", "linalg.eigh", L.eigh, np.eye(4), parts=EIGH)
unary("eigh zeros", "linalg.eigh", L.eigh, np.zeros((3, 3)), parts=EIGH)
unary("eigh diagonal", "linalg.eigh", L.eigh, np.diag([3.0, -1.0, 2.0]), parts=EIGH)
unary("eigh tridiagonal", "linalg.eigh", L.eigh, np.diag([2.0] * 5) + np.diag([-1.0] * 4, 1) + np.diag([-1.0] * 4, -1), parts=EIGH)
unary("eigh large scale", "linalg.eigh", L.eigh, symmetric((4, 4)) * 1e150, parts=("eigenvalues",))
unsymmetric = sample((4, 4))
for uplo in ["L", "U", "l", "u"]:
    unary(f"eigh UPLO {uplo} reads one triangle", "linalg.eigh", L.eigh, unsymmetric, {"UPLO": uplo}, parts=EIGH)
    unary(f"eigvalsh UPLO {uplo}", "linalg.eigvalsh", L.eigvalsh, unsymmetric, {"UPLO": uplo})
unary("eigh NaN outside the triangle read", "linalg.eigh", L.eigh, np.array([[1.0, np.nan], [1.0, 2.0]]), parts=EIGH)
for op, fn in [("linalg.eigh", L.eigh), ("linalg.eigvalsh", L.eigvalsh)]:
    unary(f"{op} not square", op, fn, sample((2, 3)))
    unary(f"{op} stack not square", op, fn, sample((2, 3, 4)))
    unary(f"{op} 1-d", op, fn, sample((3,)))
    unary(f"{op} 0-d", op, fn, sample(()))
    unary(f"{op} bad UPLO", op, fn, sample((2, 2)), {"UPLO": "X"})
    unary(f"{op} bad UPLO before shape", op, fn, sample((3,)), {"UPLO": "X"})

# ---- svd, svdvals ----
SVD = ("S", "U diag(S) Vh", "UtU", "VhVht")
for dtype in ["bool", "uint8", "int32", "int64", "float32", "float64"]:
    a = sample((4, 3), dtype)
    unary(f"svd {dtype}", "linalg.svd", L.svd, a, parts=SVD)
    unary(f"svdvals {dtype}", "linalg.svdvals", L.svdvals, a)
for shape in [(1, 1), (3, 3), (6, 3), (3, 6), (1, 4), (4, 1), (2, 4, 3), (2, 2, 3, 5), (0, 3), (3, 0), (0, 0), (2, 0, 3)]:
    a = sample(shape)
    for full in [True, False]:
        unary(f"svd {shape} full_matrices={full}", "linalg.svd", L.svd, a, {"full_matrices": full}, parts=SVD)
    unary(f"svd {shape} compute_uv=False", "linalg.svd", L.svd, a, {"compute_uv": False})
    unary(f"svdvals {shape}", "linalg.svdvals", L.svdvals, a)
for name, a in [
    ("rank 2 of 5x4", rank_deficient(5, 4, 2)), ("rank 1 of 3x5", rank_deficient(3, 5, 1)), ("zeros", np.zeros((3, 2))),
    ("zero column", np.array([[1.0, 0.0, 2.0], [3.0, 0.0, 4.0], [5.0, 0.0, 6.0]])), ("repeated singular values", 3 * np.eye(3)[:, [2, 0, 1]]),
    ("graded", np.diag([1e-8, 1.0, 1e8]) @ sample((3, 3))), ("hilbert", 1 / (np.arange(6)[:, None] + np.arange(6) + 1.0)),
]:
    for full in [True, False]:
        unary(f"svd {name} full_matrices={full}", "linalg.svd", L.svd, a, {"full_matrices": full}, parts=SVD)
    unary(f"svdvals {name}", "linalg.svdvals", L.svdvals, a)
for op, fn in [("linalg.svd", L.svd), ("linalg.svdvals", L.svdvals)]:
    unary(f"{op} 1-d", op, fn, sample((3,)))
    unary(f"{op} 0-d", op, fn, sample(()))
    unary(f"{op} NaN", op, fn, np.array([[np.nan, 1.0], [1.0, 2.0]]))

# ---- qr ----
QR = ("|R|", "QR", "QtQ")
for dtype in ["bool", "uint8", "int32", "int64", "float32", "float64"]:
    a = sample((4, 3), dtype) if dtype not in ("bool", "uint8") else np.eye(4, 3, dtype=dtype) + sample((4, 3), dtype)
    unary(f"qr {dtype}", "linalg.qr", L.qr, a, parts=QR)
for shape in [(1, 1), (3, 3), (6, 3), (3, 6), (1, 4), (4, 1), (2, 4, 3), (2, 2, 3, 5), (0, 3), (3, 0), (0, 0), (2, 0, 3)]:
    a = sample(shape)
    for mode in ["reduced", "complete"]:
        unary(f"qr {shape} {mode}", "linalg.qr", L.qr, a, {"mode": mode}, parts=QR)
    unary(f"qr {shape} mode r", "linalg.qr", L.qr, a, {"mode": "r"}, parts=("|R|",))
for name, a in [("rank 2 of 5x4", rank_deficient(5, 4, 2)), ("zeros", np.zeros((3, 2))), ("already triangular", np.triu(sample((4, 4))))]:
    for mode in ["reduced", "complete"]:
        # R's rows past the rank are not unique: only the reconstruction and Q's orthonormality are.
        unary(f"qr {name} {mode}", "linalg.qr", L.qr, a, {"mode": mode}, parts=("QR", "QtQ") if name == "rank 2 of 5x4" else QR)
unary("qr 1-d", "linalg.qr", L.qr, sample((3,)))
unary("qr bad mode", "linalg.qr", L.qr, sample((2, 2)), {"mode": "x"})
unary("qr bad mode before shape", "linalg.qr", L.qr, sample((2,)), {"mode": "full matrices"})

# ---- cholesky ----
for dtype in ["float32", "float64"]:
    unary(f"cholesky {dtype}", "linalg.cholesky", L.cholesky, positive_definite((4, 4), dtype))
unary("cholesky int64", "linalg.cholesky", L.cholesky, np.array([[4, 2], [2, 3]]))
unary("cholesky bool identity", "linalg.cholesky", L.cholesky, np.eye(3, dtype=bool))
for shape in [(1, 1), (5, 5), (2, 3, 3), (0, 0), (3, 0, 0)]:
    unary(f"cholesky {shape}", "linalg.cholesky", L.cholesky, positive_definite(shape))
a = positive_definite((4, 4))
unary("cholesky upper", "linalg.cholesky", L.cholesky, a, {"upper": True})
unary("cholesky lower explicit", "linalg.cholesky", L.cholesky, a, {"upper": False})
unary("cholesky reads the lower triangle", "linalg.cholesky", L.cholesky, np.tril(a) + np.triu(sample((4, 4)), 1))
unary("cholesky upper reads the upper triangle", "linalg.cholesky", L.cholesky, np.triu(a) + np.tril(sample((4, 4)), -1), {"upper": True})
unary("cholesky stacked upper", "linalg.cholesky", L.cholesky, positive_definite((2, 3, 3)), {"upper": True})
unary("cholesky NaN passes on", "linalg.cholesky", L.cholesky, np.array([[np.nan, 1.0], [1.0, 2.0]]))
unary("cholesky not positive definite", "linalg.cholesky", L.cholesky, np.array([[1.0, 2.0], [2.0, 1.0]]))
unary("cholesky negative diagonal", "linalg.cholesky", L.cholesky, np.array([[-1.0, 0.0], [0.0, 1.0]]))
unary("cholesky singular", "linalg.cholesky", L.cholesky, np.zeros((2, 2)))
unary("cholesky one bad in a stack", "linalg.cholesky", L.cholesky, np.stack([np.eye(2), -np.eye(2)]))
unary("cholesky not square", "linalg.cholesky", L.cholesky, sample((2, 3)))
unary("cholesky 1-d", "linalg.cholesky", L.cholesky, sample((3,)))

# ---- lstsq ----


def lstsq(name, a, b, kwargs=None):
    for part in range(4):
        add(f"lstsq {name} [{part}]", "linalg.lstsq", lambda: L.lstsq(a, b, **(kwargs or {})), [arr(a), arr(b)], kwargs, part)


lstsq("tall, one right-hand side", sample((6, 3)), sample((6,)))
lstsq("tall, two right-hand sides", sample((6, 3)), sample((6, 2)))
lstsq("square", sample((4, 4)), sample((4, 2)))
lstsq("wide: least norm, no residuals", sample((3, 5)), sample((3,)))
lstsq("rank-deficient tall", rank_deficient(5, 3, 2), sample((5, 2)))
lstsq("zero matrix", np.zeros((3, 2)), sample((3,)))
lstsq("rcond drops a singular value", np.diag([1.0, 1e-3, 1.0]), np.ones(3), {"rcond": 1e-2})
lstsq("rcond null", sample((5, 2)), sample((5,)), {"rcond": None})
lstsq("negative rcond", sample((5, 2)), sample((5,)), {"rcond": -1})
lstsq("float32", sample((5, 3), "float32"), sample((5,), "float32"))
lstsq("float32 with float64", sample((5, 3), "float32"), sample((5,), "float64"))
lstsq("int64", sample((5, 2), "int64"), sample((5,), "int64"))
lstsq("bool and int32", np.eye(4, 2, dtype=bool), sample((4,), "int32"))
lstsq("exact fit", np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([1.0, 2.0, 3.0]))
lstsq("no rows", np.zeros((0, 2)), np.zeros(0))
lstsq("no columns", np.zeros((3, 0)), np.ones(3))
lstsq("no right-hand sides", sample((3, 2)), np.zeros((3, 0)))
for name, a, b in [
    ("3-d a", np.zeros((2, 2, 2)), np.zeros(2)), ("1-d a", np.zeros(2), np.zeros(2)), ("0-d b", np.zeros((2, 2)), np.zeros(())),
    ("3-d b", np.zeros((2, 2)), np.zeros((2, 2, 1))), ("incompatible", np.zeros((2, 2)), np.zeros(3)), ("NaN", np.array([[np.nan, 1.0], [1.0, 2.0], [3.0, 4.0]]), np.ones(3)),
]:
    add(f"lstsq {name}", "linalg.lstsq", lambda: L.lstsq(a, b), [arr(a), arr(b)])

# ---- pinv ----
for dtype in ["bool", "int64", "float32", "float64"]:
    unary(f"pinv {dtype}", "linalg.pinv", L.pinv, sample((4, 3), dtype) if dtype != "bool" else np.eye(4, 3, dtype=bool))
for shape in [(1, 1), (3, 3), (5, 3), (3, 5), (2, 4, 3), (0, 3), (2, 3, 0)]:
    unary(f"pinv {shape}", "linalg.pinv", L.pinv, sample(shape))
unary("pinv empty int keeps its dtype", "linalg.pinv", L.pinv, np.zeros((0, 3), dtype=np.int64))
unary("pinv rank-deficient", "linalg.pinv", L.pinv, rank_deficient(5, 4, 2))
unary("pinv zeros", "linalg.pinv", L.pinv, np.zeros((2, 3)))
unary("pinv rcond", "linalg.pinv", L.pinv, np.diag([1.0, 1e-3, 2.0]), {"rcond": 1e-2})
unary("pinv rtol", "linalg.pinv", L.pinv, np.diag([1.0, 1e-3, 2.0]), {"rtol": 1e-2})
unary("pinv rtol null", "linalg.pinv", L.pinv, np.diag([1.0, 1e-17, 2.0]), {"rtol": None})
unary("pinv default cutoff 1e-15", "linalg.pinv", L.pinv, np.diag([1.0, 1e-16, 2.0]))
unary("pinv rcond and rtol", "linalg.pinv", L.pinv, np.eye(2), {"rcond": 1e-3, "rtol": 1e-3})
unary("pinv 1-d", "linalg.pinv", L.pinv, sample((3,)))
unary("pinv NaN", "linalg.pinv", L.pinv, np.array([[np.nan, 1.0], [1.0, 2.0]]))

# ---- matrix_rank ----
for name, a in [
    ("full", sample((4, 3))), ("rank 2", rank_deficient(5, 4, 2)), ("rank 1 wide", rank_deficient(2, 6, 1)), ("zeros", np.zeros((3, 3))),
    ("identity", np.eye(4)), ("stack", np.stack([rank_deficient(4, 4, r) for r in (1, 2, 3)])), ("empty", np.zeros((0, 3))),
    ("empty stack", np.zeros((2, 3, 0))), ("int64", sample((3, 3), "int64")), ("bool", np.eye(3, dtype=bool)),
    ("float32 rank 2", rank_deficient(4, 4, 2).astype(np.float32)), ("float32 full", sample((3, 3), "float32")),
    ("1-d zeros", np.zeros(3)), ("1-d", np.array([0.0, 1.0])), ("0-d", np.float64(3)), ("0-d zero", np.float64(0)), ("1-d NaN", np.array([np.nan])),
]:
    unary(f"matrix_rank {name}", "linalg.matrix_rank", L.matrix_rank, a)
tiny = np.diag([1.0, 1e-5, 1e-9])
for kwargs in [{"tol": 1e-6}, {"tol": 1e-10}, {"rtol": 1e-4}, {"tol": None}, {"tol": 1e-3, "rtol": 1e-3}]:
    unary(f"matrix_rank {kwargs}", "linalg.matrix_rank", L.matrix_rank, tiny, kwargs)
unary("matrix_rank NaN", "linalg.matrix_rank", L.matrix_rank, np.array([[np.nan, 1.0], [1.0, 2.0]]))

# ---- slogdet ----
for part in ["sign", "logabsdet"]:
    for dtype in ["bool", "int64", "float32", "float64"]:
        a = sample((4, 4), dtype) if dtype != "bool" else np.eye(3, dtype=bool)
        unary(f"slogdet {dtype}", "linalg.slogdet", L.slogdet, a, parts=(part,))
    for name, a in [
        ("1x1 negative", np.array([[-2.0]])), ("stack", sample((3, 3, 3))), ("singular", np.ones((3, 3))), ("zeros", np.zeros((2, 2))),
        ("empty", np.zeros((0, 0))), ("empty stack", np.zeros((2, 0, 0))), ("overflowing det", np.eye(4) * 1e200), ("underflowing det", -np.eye(3) * 1e-200),
        ("permutation", np.eye(3)[[1, 2, 0]]), ("swap", np.eye(3)[[1, 0, 2]]),
    ]:
        unary(f"slogdet {name}", "linalg.slogdet", L.slogdet, a, parts=(part,))
unary("slogdet not square", "linalg.slogdet", L.slogdet, sample((2, 3)))
unary("slogdet 1-d", "linalg.slogdet", L.slogdet, sample((3,)))

write("linalg_decompositions", cases)
