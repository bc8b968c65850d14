"""Golden cases for more elementwise math (isinf, logaddexp, copysign, float_power, nan_to_num, …) and the
creation functions identity, logspace, geomspace and tri. Writes test/fixtures/math_functions.json.

numpy answers bool and uint8 inputs of float-valued ufuncs in float16, and remainder of two bools in int8,
dtypes tsdl does not have; those cases are left out (tsdl gives float32 and bool).
"""
import numpy as np
import common
from common import DTYPES, arr, case, write

rng = np.random.default_rng(7)


def sample(shape, dtype):
    return common.sample(shape, dtype, rng)


def as_dtype(a, dtype):
    with np.errstate(over="ignore"):  # float32 copies of the special values overflow to inf, as intended
        return a.astype(dtype)


def outside_tsdl(fn):
    with np.errstate(all="ignore"):
        try:
            return fn().dtype in (np.float16, np.int8)
        except Exception:
            return False


cases = []


def add(name, op, fn, args, kwargs=None):
    if outside_tsdl(fn):
        return
    with np.errstate(all="ignore"):
        cases.append(case(name, op, fn, args, kwargs))


special = np.array([0.0, -0.0, 1.0, -1.0, -1.5, 2.5, 1e-300, 1e300, -1e300, np.nan, np.inf, -np.inf, 0.5, 700.0, -745.0, 180.0, 3.14159, -8.0, 27.0])

# ---- unary ----
UNARY = ["isinf", "isposinf", "isneginf", "signbit", "fabs", "cbrt", "deg2rad", "rad2deg", "degrees", "radians"]
for op in UNARY:
    for d in DTYPES:
        a = sample((4, 5), d)
        add(f"{op} {d}", op, lambda: getattr(np, op)(a), [arr(a)])
    for d in ["float32", "float64"]:
        s = as_dtype(special, d)
        add(f"{op} special {d}", op, lambda: getattr(np, op)(s), [arr(s)])
    a0 = np.array(-2.5)
    add(f"{op} 0-d", op, lambda: getattr(np, op)(a0), [arr(a0)])
    a3 = sample((2, 3, 2), "float64")
    add(f"{op} 3-d", op, lambda: getattr(np, op)(a3), [arr(a3)])
    e = np.zeros((0, 3))
    add(f"{op} empty", op, lambda: getattr(np, op)(e), [arr(e)])
    add(f"{op} scalar", op, lambda: getattr(np, op)(-4), [-4])
    add(f"{op} list", op, lambda: getattr(np, op)([1.5, -np.inf, 2]), [[1.5, "-inf", 2]])

# ---- binary ----
BINARY = ["logical_xor", "logaddexp", "logaddexp2", "copysign", "heaviside", "float_power", "remainder", "true_divide"]
for op in BINARY:
    for da in DTYPES:
        for db in DTYPES:
            a = sample((3, 4), da)
            b = sample((4,), db)
            if op == "remainder" and db != "bool":
                b = np.where(b == 0, 3, b).astype(db)
            if op == "float_power":
                a = np.abs(a) % 7 if da not in ("float32", "float64") else a
                b = b % 5 if db not in ("float32", "float64") else b / 4
            add(f"{op} {da} {db}", op, lambda: getattr(np, op)(a, b), [arr(a), arr(b)])
    for s in [3, -2, 2.5, -0.5, True]:
        for da in ["bool", "uint8", "int32", "int64", "float32", "float64"]:
            a = sample((2, 3), da)
            if op == "float_power" and da not in ("float32", "float64"):
                a = np.abs(a) % 5
            add(f"{op} {da} scalar {s!r}", op, lambda: getattr(np, op)(a, s), [arr(a), s])
            add(f"{op} scalar {s!r} {da}", op, lambda: getattr(np, op)(s, a), [s, arr(a)])
    pairs = np.array([0.0, -0.0, np.nan, 1.0, np.nan, -np.inf, np.inf, 0.0, 3.0, -4.0, np.inf, -np.inf, -1.0, 1.0, -1.0, 1e300, -1e300, 700.0])
    other = np.array([-0.0, 0.0, 2.0, np.nan, np.nan, np.inf, np.inf, -0.0, -4.0, 3.0, np.inf, -np.inf, np.inf, np.nan, -np.inf, 1e300, 5.0, 701.0])
    for d in ["float32", "float64"]:
        p, o = as_dtype(pairs, d), as_dtype(other, d)
        add(f"{op} special {d}", op, lambda: getattr(np, op)(p, o), [arr(p), arr(o)])
    for shapes in [((3, 1), (1, 4)), ((), (2, 3)), ((0, 3), (3,)), ((2, 1, 3), (4, 1)), ((2, 3), (3, 2))]:
        a = sample(shapes[0], "float64")
        b = sample(shapes[1], "float64")
        add(f"{op} broadcast {shapes}", op, lambda: getattr(np, op)(a, b), [arr(a), arr(b)])
    big = np.array([1, 2, 250], dtype="uint8")
    add(f"{op} uint8 scalar 300", op, lambda: getattr(np, op)(big, 300), [arr(big), 300])

# power follows C's pow where JS's ** departs from it.
for d in ["float32", "float64"]:
    base = np.array([1.0, 1.0, 1.0, -1.0, -1.0, np.nan, 2.0, -2.0, 0.0, -0.0]).astype(d)
    expo = np.array([np.nan, np.inf, -np.inf, np.inf, -np.inf, 0.0, np.nan, 0.5, -1.0, -1.0]).astype(d)
    add(f"power special {d}", "power", lambda: np.power(base, expo), [arr(base), arr(expo)])

# ---- nan_to_num ----
nonfinite = np.array([np.nan, np.inf, -np.inf, 1.5, -0.0, -2.0])
for d in ["float32", "float64"]:
    x = nonfinite.astype(d)
    add(f"nan_to_num {d}", "nan_to_num", lambda: np.nan_to_num(x), [arr(x)])
    add(f"nan_to_num {d} options", "nan_to_num", lambda: np.nan_to_num(x, nan=-1.25, posinf=1e300, neginf=-7), [arr(x)], {"nan": -1.25, "posinf": 1e300, "neginf": -7})
    add(f"nan_to_num {d} posinf None", "nan_to_num", lambda: np.nan_to_num(x, posinf=None, nan=True), [arr(x)], {"posinf": None, "nan": True})
x2 = np.array([[np.nan, 1.0], [np.inf, -np.inf]])
add("nan_to_num 2-d neginf", "nan_to_num", lambda: np.nan_to_num(x2, neginf=0), [arr(x2)], {"neginf": 0})
for d in ["bool", "uint8", "int32", "int64"]:
    xi = sample((2, 3), d)
    add(f"nan_to_num {d}", "nan_to_num", lambda: np.nan_to_num(xi, nan=5), [arr(xi)], {"nan": 5})
x0 = np.array(np.inf)
add("nan_to_num 0-d", "nan_to_num", lambda: np.nan_to_num(x0), [arr(x0)])
add("nan_to_num scalar", "nan_to_num", lambda: np.nan_to_num(-np.inf), ["-inf"])
add("nan_to_num list", "nan_to_num", lambda: np.nan_to_num([1, np.nan]), [[1, "nan"]])
add("nan_to_num empty", "nan_to_num", lambda: np.nan_to_num(np.zeros((0, 2))), [arr(np.zeros((0, 2)))])

# ---- creation ----
for name, op, fn, args, kw in [
    ("identity 3", "identity", lambda: np.identity(3), [3], {}),
    ("identity 0", "identity", lambda: np.identity(0), [0], {}),
    ("identity int32", "identity", lambda: np.identity(2, dtype="int32"), [2], {"dtype": "int32"}),
    ("identity bool", "identity", lambda: np.identity(2, dtype=bool), [2], {"dtype": "bool"}),
    ("identity negative", "identity", lambda: np.identity(-1), [-1], {}),
    ("identity float", "identity", lambda: np.identity(2.5), [2.5], {}),
    ("eye float k", "eye", lambda: np.eye(3, k=1.5), [3, 3], {"k": 1.5}),
    ("logspace 0 3 4", "logspace", lambda: np.logspace(0, 3, 4), [0, 3, 4], {}),
    ("logspace default", "logspace", lambda: np.logspace(-2, 2), [-2, 2], {}),
    ("logspace 2 3 4", "logspace", lambda: np.logspace(2.0, 3.5, 4), [2.0, 3.5, 4], {}),
    ("logspace no endpoint", "logspace", lambda: np.logspace(2.0, 3.5, 4, endpoint=False), [2.0, 3.5, 4], {"endpoint": False}),
    ("logspace base 2", "logspace", lambda: np.logspace(0, 10, 11, base=2), [0, 10, 11], {"base": 2}),
    ("logspace base e", "logspace", lambda: np.logspace(-1.5, 1.5, 7, base=np.e), [-1.5, 1.5, 7], {"base": np.e}),
    ("logspace negative base", "logspace", lambda: np.logspace(0, 2, 5, base=-2), [0, 2, 5], {"base": -2}),
    ("logspace int32", "logspace", lambda: np.logspace(0, 3, 7, dtype="int32"), [0, 3, 7], {"dtype": "int32"}),
    ("logspace float32", "logspace", lambda: np.logspace(0, 3, 7, dtype="float32"), [0, 3, 7], {"dtype": "float32"}),
    ("logspace decreasing", "logspace", lambda: np.logspace(3, -3, 9), [3, -3, 9], {}),
    ("logspace 1", "logspace", lambda: np.logspace(2, 3, 1), [2, 3, 1], {}),
    ("logspace 0", "logspace", lambda: np.logspace(2, 3, 0), [2, 3, 0], {}),
    ("logspace negative num", "logspace", lambda: np.logspace(0, 2, -1), [0, 2, -1], {}),
    ("logspace float num", "logspace", lambda: np.logspace(0, 2, 2.5), [0, 2, 2.5], {}),
    ("geomspace 1 1000 4", "geomspace", lambda: np.geomspace(1, 1000, 4), [1, 1000, 4], {}),
    ("geomspace default", "geomspace", lambda: np.geomspace(0.5, 2000), [0.5, 2000], {}),
    ("geomspace no endpoint", "geomspace", lambda: np.geomspace(1, 1000, 3, endpoint=False), [1, 1000, 3], {"endpoint": False}),
    ("geomspace 3 7000 13", "geomspace", lambda: np.geomspace(3, 7000, 13), [3, 7000, 13], {}),
    ("geomspace decreasing", "geomspace", lambda: np.geomspace(1000, 1, 4), [1000, 1, 4], {}),
    ("geomspace negative", "geomspace", lambda: np.geomspace(-1000, -1, 4), [-1000, -1, 4], {}),
    ("geomspace sign change", "geomspace", lambda: np.geomspace(-1, 1, 3), [-1, 1, 3], {}),
    ("geomspace int32", "geomspace", lambda: np.geomspace(1, 256, 9, dtype="int32"), [1, 256, 9], {"dtype": "int32"}),
    ("geomspace float32", "geomspace", lambda: np.geomspace(3, 7000, 13, dtype="float32"), [3, 7000, 13], {"dtype": "float32"}),
    ("geomspace float32 fraction", "geomspace", lambda: np.geomspace(0.1, 3.3, 9, dtype="float32"), [0.1, 3.3, 9], {"dtype": "float32"}),
    ("geomspace bool", "geomspace", lambda: np.geomspace(1, 4, 3, dtype=bool), [1, 4, 3], {"dtype": "bool"}),
    ("geomspace 1", "geomspace", lambda: np.geomspace(5, 7, 1), [5, 7, 1], {}),
    ("geomspace 0", "geomspace", lambda: np.geomspace(5, 7, 0), [5, 7, 0], {}),
    ("geomspace zero", "geomspace", lambda: np.geomspace(0, 7), [0, 7], {}),
    ("geomspace zero stop", "geomspace", lambda: np.geomspace(1, 0, 3), [1, 0, 3], {}),
    ("geomspace negative num", "geomspace", lambda: np.geomspace(1, 2, -3), [1, 2, -3], {}),
    ("tri 3", "tri", lambda: np.tri(3), [3], {}),
    ("tri 3 4 k -1 int", "tri", lambda: np.tri(3, 4, k=-1, dtype=int), [3], {"M": 4, "k": -1, "dtype": "int64"}),
    ("tri 4 2 k 1", "tri", lambda: np.tri(4, 2, k=1), [4], {"M": 2, "k": 1}),
    ("tri k 5", "tri", lambda: np.tri(3, k=5), [3], {"k": 5}),
    ("tri k -5", "tri", lambda: np.tri(3, k=-5), [3], {"k": -5}),
    ("tri bool", "tri", lambda: np.tri(2, 3, dtype=bool), [2], {"M": 3, "dtype": "bool"}),
    ("tri M None", "tri", lambda: np.tri(2, None, k=0), [2], {"M": None}),
    ("tri 0", "tri", lambda: np.tri(0), [0], {}),
    ("tri negative", "tri", lambda: np.tri(-1), [-1], {}),
    ("tri negative M", "tri", lambda: np.tri(3, -2), [3], {"M": -2}),
    ("linspace int floors", "linspace", lambda: np.linspace(-5, 0, 3, dtype="int64"), [-5, 0, 3], {"dtype": "int64"}),
    ("linspace uint8", "linspace", lambda: np.linspace(0, 10, 4, dtype="uint8"), [0, 10, 4], {"dtype": "uint8"}),
    ("linspace float num", "linspace", lambda: np.linspace(0, 1, 2.5), [0, 1, 2.5], {}),
]:
    add(name, op, fn, args, kw)

write("math_functions", cases)
