"""Golden cases for np's core families: creation, ufuncs, reductions, shape, indexing, linear algebra, sorting, logic.

Each case names a tsdl function (`op`), its arguments (arrays encoded, Python scalars as JSON) and keyword
options; numpy computes the expected result or error. The vitest side calls np[op](...args, kwargs).
"""
import warnings

import numpy as np
import common
from common import DTYPES, arr, case, encode, outcome, write

rng = np.random.default_rng(0)


def sample(shape, dtype, gen=rng):
    return common.sample(shape, dtype, gen)


# Cases added after the first fixtures draw from their own generator, so that the earlier cases keep their data.
later = np.random.default_rng(1)



# ---- ufuncs ----
ufunc_cases = []
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "mod", "power", "maximum", "minimum",
          "equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "logical_and", "logical_or"]
for op in BINARY:
    for da in DTYPES:
        for db in DTYPES:
            a = sample((3, 4), da)
            b = sample((4,), db)
            if op == "power":
                b = np.abs(b) % 4 if db != "bool" else b
                a = a % 5 if da not in ("bool", "float32", "float64") else a
            if op in ("floor_divide", "mod") and db != "bool":
                b = np.where(b == 0, 3, b).astype(db)
            with np.errstate(all="ignore"):
                ufunc_cases.append(case(f"{op} {da} {db}", op, lambda: getattr(np, op)(a, b), [arr(a), arr(b)]))
for op in ["add", "multiply", "subtract", "divide", "power", "maximum", "greater"]:
    for da in DTYPES:
        for s in [3, -2, 2.5, True]:
            a = sample((2, 3), da)
            if op == "power" and da not in ("float32", "float64"):
                a = np.abs(a) % 5
            with np.errstate(all="ignore"):
                ufunc_cases.append(case(f"{op} {da} scalar {s!r}", op, lambda: getattr(np, op)(a, s), [arr(a), s]))
                ufunc_cases.append(case(f"{op} scalar {s!r} {da}", op, lambda: getattr(np, op)(s, a), [s, arr(a)]))
UNARY = ["negative", "abs", "exp", "log", "log1p", "sqrt", "square", "tanh", "sin", "cos", "sign", "isnan", "isfinite", "logical_not"]
special = np.array([0.0, -0.0, 1.0, -1.5, 2.5, 1e-300, 1e300, -1e300, np.nan, np.inf, -np.inf, 0.5, 700.0, -745.0, 3.14159])
for op in UNARY:
    for d in ["int32", "int64", "float32", "float64"]:
        a = sample((4, 5), d)
        if op in ("log", "sqrt", "log1p") and d.startswith("float"):
            a = np.abs(a)
        with np.errstate(all="ignore"):
            ufunc_cases.append(case(f"{op} {d}", op, lambda: getattr(np, op)(a), [arr(a)]))
    with np.errstate(all="ignore"):
        ufunc_cases.append(case(f"{op} special", op, lambda: getattr(np, op)(special), [arr(special)]))
for shapes in [((3, 1), (1, 4)), ((), (2, 3)), ((0, 3), (3,)), ((2, 1, 3), (4, 1)), ((3, 4), (3,)), ((2, 3), (3, 2)), ((5,), (0,)), ((1,), (0,))]:
    a = sample(shapes[0], "float64")
    b = sample(shapes[1], "float64")
    ufunc_cases.append(case(f"broadcast {shapes}", "add", lambda: np.add(a, b), [arr(a), arr(b)]))
c = sample((3, 4), "bool")
x = sample((3, 4), "float64")
ufunc_cases.append(case("where", "where", lambda: np.where(c, x, 0), [arr(c), arr(x), 0]))
ufunc_cases.append(case("where int", "where", lambda: np.where(c, 1, -1), [arr(c), 1, -1]))
ufunc_cases.append(case("clip", "clip", lambda: np.clip(x, -3.5, 4.25), [arr(x), -3.5, 4.25]))
ufunc_cases.append(case("clip none", "clip", lambda: np.clip(x, None, 4.25), [arr(x), None, 4.25]))
xi = sample((3, 4), "int64")
ufunc_cases.append(case("clip int", "clip", lambda: np.clip(xi, -3, 4), [arr(xi), -3, 4]))
ufunc_cases.append(case("negative int power", "power", lambda: np.power(xi, -1), [arr(xi), -1]))

# Rounding, more transcendental functions, reciprocal; numpy's float16 results (from bool and uint8) are left out.
INTEGRAL = ["floor", "ceil", "trunc"]
FLOATING = ["rint", "log2", "log10", "exp2", "expm1", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh"]
special_more = np.concatenate([special, [-0.5, 0.5000000000000001, 1.5, -2.5, 3.5, 4503599627370495.5, 0.49999999999999994, 1.0, -1.0, 0.999, 1e-17, -1e-17, 710.0, 89.0]])
for op in INTEGRAL + FLOATING + ["reciprocal"]:
    dtypes = DTYPES if op in INTEGRAL else ["uint8", "int32", "int64", "float32", "float64"] if op == "reciprocal" else ["int32", "int64", "float32", "float64"]
    for d in dtypes:
        a = sample((4, 5), d, later)
        if op in ("arcsin", "arccos") and d.startswith("float"):
            a = (a / 20).astype(d)
        with np.errstate(all="ignore"):
            ufunc_cases.append(case(f"{op} {d}", op, lambda: getattr(np, op)(a), [arr(a)]))
    with np.errstate(all="ignore"):
        ufunc_cases.append(case(f"{op} special", op, lambda: getattr(np, op)(special_more), [arr(special_more)]))
ri = np.array([0, 1, -1, 2, -2, 7], dtype="int64")
for d in ["int32", "int64"]:
    with np.errstate(all="ignore"):
        ufunc_cases.append(case(f"reciprocal zero {d}", "reciprocal", lambda: np.reciprocal(ri.astype(d)), [arr(ri.astype(d))]))
halves = np.array([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.675, 1.005, -0.4, 0.49999999999999994, 1234.5678, -9876.54321, 1e300, 1e-300, np.nan, np.inf, -np.inf, -0.0])
for d in ["float64", "float32"]:
    for decimals in [0, 1, 2, 3, -1, -2, 10, 20, 25]:
        with np.errstate(all="ignore"):
            h = halves.astype(d)
            ufunc_cases.append(case(f"round {d} {decimals}", "round", lambda: np.round(h, decimals), [arr(h), decimals]))
ints = np.array([15, 25, -15, -25, 35, 149, 150, 151, 0, -5, 5, 1234567], dtype="int64")
for d, decimals in [("int64", 0), ("int64", 2), ("int64", -1), ("int64", -2), ("int64", -7), ("int32", -1), ("int32", 3), ("uint8", -1), ("uint8", -2), ("bool", 0), ("bool", 1), ("bool", -1)]:
    g = ints.astype(d) if d != "uint8" else np.array([200, 250, 255, 5, 15, 25, 35], dtype="uint8")
    ufunc_cases.append(case(f"round {d} {decimals}", "round", lambda: np.round(g, decimals), [arr(g), decimals]))
ufunc_cases.append(case("around", "around", lambda: np.around(halves, 1), [arr(halves), 1]))
ufunc_cases.append(case("round float decimals", "round", lambda: np.round(halves, 1.5), [arr(halves), 1.5]))
for op in ["arctan2", "hypot", "fmax", "fmin"]:
    for da in DTYPES:
        for db in DTYPES:
            a = sample((3, 4), da, later)
            b = sample((4,), db, later)
            with np.errstate(all="ignore"):
                if getattr(np, op)(a, b).dtype == np.float16:
                    continue
                ufunc_cases.append(case(f"{op} {da} {db}", op, lambda: getattr(np, op)(a, b), [arr(a), arr(b)]))
    for s in [3, -2.5]:
        for da in ["int64", "float32", "float64"]:
            a = sample((2, 3), da, later)
            ufunc_cases.append(case(f"{op} {da} scalar {s!r}", op, lambda: getattr(np, op)(a, s), [arr(a), s]))
            ufunc_cases.append(case(f"{op} scalar {s!r} {da}", op, lambda: getattr(np, op)(s, a), [s, arr(a)]))
    pairs = np.array([0.0, -0.0, np.nan, 1.0, np.nan, -np.inf, np.inf, 0.0, 3.0, -4.0])
    other = np.array([-0.0, 0.0, 2.0, np.nan, np.nan, np.inf, np.inf, -0.0, -4.0, 3.0])
    if op in ("fmax", "fmin"):
        # Which zero numpy's fmax/fmin return for (0, -0) depends on its SIMD blocking (the position in the array).
        pairs, other = pairs[2:7], other[2:7]
    ufunc_cases.append(case(f"{op} special", op, lambda: getattr(np, op)(pairs, other), [arr(pairs), arr(other)]))
u8 = np.array([1, 2, 250], dtype="uint8")
ufunc_cases.append(case("fmax uint8 scalar out of range", "fmax", lambda: np.fmax(u8, 300), [arr(u8), 300]))
ufunc_cases.append(case("arctan2 uint8 scalar 300", "arctan2", lambda: np.arctan2(u8.astype("int32"), 300), [arr(u8.astype("int32")), 300]))
write("ufunc", ufunc_cases)

# ---- reductions ----
reduce_cases = []
for d in DTYPES:
    a = sample((3, 4, 5), d)
    for op in ["sum", "mean", "max", "min", "prod", "std", "var", "all", "any"]:
        for kw in [{}, {"axis": 0}, {"axis": 1}, {"axis": -1}, {"axis": (0, 2)}, {"axis": 1, "keepdims": True}, {"keepdims": True}]:
            if op == "prod" and d != "bool":
                a2 = (a % 3) if d not in ("float32", "float64") else a / 10
            else:
                a2 = a
            reduce_cases.append(case(f"{op} {d} {kw}", op, lambda: getattr(np, op)(a2, **kw), [arr(a2)], kw))
    for op in ["argmax", "argmin"]:
        for kw in [{}, {"axis": 0}, {"axis": -1}, {"axis": 1, "keepdims": True}]:
            reduce_cases.append(case(f"{op} {d} {kw}", op, lambda: getattr(np, op)(a, **kw), [arr(a)], kw))
big = rng.standard_normal((7, 1000)) * 10.0 ** rng.integers(-3, 3, (7, 1000))
for kw in [{}, {"axis": 0}, {"axis": 1}]:
    reduce_cases.append(case(f"sum pairwise {kw}", "sum", lambda: np.sum(big, **kw), [arr(big)], kw))
    reduce_cases.append(case(f"mean pairwise {kw}", "mean", lambda: np.mean(big, **kw), [arr(big)], kw))
t = sample((4, 6), "float64").T
reduce_cases.append(case("sum transposed axis 1", "sum", lambda: np.sum(t, axis=1), [arr(t)], {"axis": 1}))
nanny = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, 6.0]])
for op in ["max", "min", "argmax", "argmin", "sum"]:
    reduce_cases.append(case(f"{op} nan", op, lambda: getattr(np, op)(nanny, axis=1), [arr(nanny)], {"axis": 1}))
empty = np.zeros((0, 3))
for op, kw in [("sum", {"axis": 0}), ("max", {"axis": 0}), ("max", {}), ("argmax", {}), ("mean", {"axis": 1})]:
    with np.errstate(all="ignore"):
        reduce_cases.append(case(f"{op} empty {kw}", op, lambda: getattr(np, op)(empty, **kw), [arr(empty)], kw))
reduce_cases.append(case("sum axis out of bounds", "sum", lambda: np.sum(np.ones((2, 3)), axis=2), [arr(np.ones((2, 3)))], {"axis": 2}))
reduce_cases.append(case("sum axis -3", "sum", lambda: np.sum(np.ones((2, 3)), axis=-3), [arr(np.ones((2, 3)))], {"axis": -3}))
reduce_cases.append(case("std ddof", "std", lambda: np.std(big[0], ddof=1), [arr(big[0])], {"ddof": 1}))
for d in DTYPES:
    a = sample((3, 4, 5), d, later)
    small = (a % 3) if d not in ("bool", "float32", "float64") else a if d == "bool" else (a / 10).astype(d)
    for kw in [{}, {"axis": 0}, {"axis": 1}, {"axis": -1}, {"axis": None}]:
        reduce_cases.append(case(f"cumsum {d} {kw}", "cumsum", lambda: np.cumsum(a, **kw), [arr(a)], kw))
        reduce_cases.append(case(f"cumprod {d} {kw}", "cumprod", lambda: np.cumprod(small, **kw), [arr(small)], kw))
    for kw in [{}, {"axis": 0}, {"axis": 1}, {"axis": -1}, {"axis": (0, 2)}, {"axis": 1, "keepdims": True}, {"keepdims": True}]:
        reduce_cases.append(case(f"median {d} {kw}", "median", lambda: np.median(a, **kw), [arr(a)], kw))
        reduce_cases.append(case(f"ptp {d} {kw}", "ptp", lambda: np.ptp(a, **kw), [arr(a)], kw))
        reduce_cases.append(case(f"count_nonzero {d} {kw}", "count_nonzero", lambda: np.count_nonzero(a, **kw), [arr(a)], kw))
    even = sample((4, 6), d, later)
    for kw in [{}, {"axis": 0}, {"axis": 1}]:
        reduce_cases.append(case(f"median even {d} {kw}", "median", lambda: np.median(even, **kw), [arr(even)], kw))
zero_d = np.array(2.5)
for name, op, fn, args, kw in [
    ("cumsum 0-d", "cumsum", lambda: np.cumsum(zero_d), [arr(zero_d)], {}),
    ("cumsum 0-d axis 0", "cumsum", lambda: np.cumsum(zero_d, axis=0), [arr(zero_d)], {"axis": 0}),
    ("cumsum 0-d axis 1", "cumsum", lambda: np.cumsum(zero_d, axis=1), [arr(zero_d)], {"axis": 1}),
    ("cumsum axis out of bounds", "cumsum", lambda: np.cumsum(np.ones((2, 3)), axis=2), [arr(np.ones((2, 3)))], {"axis": 2}),
    ("cumprod axis -3", "cumprod", lambda: np.cumprod(np.ones((2, 3)), axis=-3), [arr(np.ones((2, 3)))], {"axis": -3}),
    ("cumsum empty", "cumsum", lambda: np.cumsum(np.zeros((0, 3)), axis=0), [arr(np.zeros((0, 3)))], {"axis": 0}),
    ("cumsum nan", "cumsum", lambda: np.cumsum(nanny, axis=1), [arr(nanny)], {"axis": 1}),
    ("cumsum transposed", "cumsum", lambda: np.cumsum(t, axis=1), [arr(t)], {"axis": 1}),
    ("cumsum pairwise-sized", "cumsum", lambda: np.cumsum(big, axis=1), [arr(big)], {"axis": 1}),
    ("median nan", "median", lambda: np.median(nanny, axis=1), [arr(nanny)], {"axis": 1}),
    ("median nan all", "median", lambda: np.median(nanny), [arr(nanny)], {}),
    ("median 0-d", "median", lambda: np.median(zero_d), [arr(zero_d)], {}),
    ("median transposed", "median", lambda: np.median(t, axis=0), [arr(t)], {"axis": 0}),
    ("median empty", "median", lambda: np.median(np.zeros((0, 3)), axis=0), [arr(np.zeros((0, 3)))], {"axis": 0}),
    ("median empty lanes", "median", lambda: np.median(np.zeros((0, 3)), axis=1), [arr(np.zeros((0, 3)))], {"axis": 1}),
    ("median axis out of bounds", "median", lambda: np.median(np.ones((2, 3)), axis=2), [arr(np.ones((2, 3)))], {"axis": 2}),
    ("median repeated axis", "median", lambda: np.median(np.ones((2, 3)), axis=(0, -2)), [arr(np.ones((2, 3)))], {"axis": [0, -2]}),
    ("median huge", "median", lambda: np.median(np.array([1e308, 1.5e308])), [arr(np.array([1e308, 1.5e308]))], {}),
    ("ptp empty", "ptp", lambda: np.ptp(np.zeros((0, 3))), [arr(np.zeros((0, 3)))], {}),
    ("ptp nan", "ptp", lambda: np.ptp(nanny, axis=1), [arr(nanny)], {"axis": 1}),
    ("count_nonzero nan", "count_nonzero", lambda: np.count_nonzero(nanny, axis=0), [arr(nanny)], {"axis": 0}),
    ("count_nonzero axis out of bounds", "count_nonzero", lambda: np.count_nonzero(np.ones((2, 3)), axis=3), [arr(np.ones((2, 3)))], {"axis": 3}),
]:
    # numpy warns of empty and NaN lanes (RuntimeWarning) while giving NaN, which is the expected value here.
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        reduce_cases.append(case(name, op, fn, args, kw))
write("reduce", reduce_cases)

# ---- shape ----
shape_cases = []
a = np.arange(24).reshape(2, 3, 4)
for shp in [(6, 4), (4, -1), (-1,), (24,), (2, 12), (5,), (-1, 5), (1, 2, 3, 4)]:
    shape_cases.append(case(f"reshape {shp}", "reshape", lambda: np.reshape(a, shp), [arr(a), list(shp)]))
shape_cases.append(case("reshape two unknowns", "reshape", lambda: np.reshape(a, (-1, -1)), [arr(a), [-1, -1]]))
shape_cases.append(case("reshape of transposed", "reshape", lambda: np.reshape(a.T, (4, 6)), [arr(a.T), [4, 6]]))
for axes in [None, [2, 0, 1], [1, 0, 2], [0, 1], [0, 0, 1], [-1, 0, 1]]:
    shape_cases.append(case(f"transpose {axes}", "transpose", lambda: np.transpose(a, axes), [arr(a)] + ([axes] if axes is not None else [])))
shape_cases.append(case("swapaxes", "swapaxes", lambda: np.swapaxes(a, 0, 2), [arr(a), 0, 2]))
b = np.arange(6).reshape(1, 3, 1, 2)
for ax in [None, 0, 2, [0, 2], 1, -2]:
    shape_cases.append(case(f"squeeze {ax}", "squeeze", lambda: np.squeeze(b, tuple(ax) if isinstance(ax, list) else ax), [arr(b)] + ([ax] if ax is not None else [])))
for ax in [0, 1, -1, 3, 4]:
    shape_cases.append(case(f"expand_dims {ax}", "expand_dims", lambda: np.expand_dims(a, ax), [arr(a), ax]))
shape_cases.append(case("ravel transposed", "ravel", lambda: np.ravel(a.T), [arr(a.T)]))
x1 = sample((2, 3), "float64")
x2 = sample((1, 3), "int64")
x3 = sample((2, 2), "float32")
for name, op, fn, args, kw in [
    ("concatenate axis 0", "concatenate", lambda: np.concatenate([x1, x2]), [[arr(x1), arr(x2)]], {}),
    ("concatenate mismatch", "concatenate", lambda: np.concatenate([x1, x3]), [[arr(x1), arr(x3)]], {}),
    ("concatenate axis 1", "concatenate", lambda: np.concatenate([x1, x3], axis=1), [[arr(x1), arr(x3)]], {"axis": 1}),
    ("concatenate ndim", "concatenate", lambda: np.concatenate([x1, x1[0]]), [[arr(x1), arr(x1[0])]], {}),
    ("stack", "stack", lambda: np.stack([x1, x1 * 2]), [[arr(x1), arr(x1 * 2)]], {}),
    ("stack axis -1", "stack", lambda: np.stack([x1, x1 * 2], axis=-1), [[arr(x1), arr(x1 * 2)]], {"axis": -1}),
    ("stack mismatch", "stack", lambda: np.stack([x1, x2]), [[arr(x1), arr(x2)]], {}),
    ("vstack 1-D", "vstack", lambda: np.vstack([x1[0], x1[1]]), [[arr(x1[0]), arr(x1[1])]], {}),
    ("vstack", "vstack", lambda: np.vstack([x1, x2]), [[arr(x1), arr(x2)]], {}),
    ("hstack 1-D", "hstack", lambda: np.hstack([x1[0], x2[0]]), [[arr(x1[0]), arr(x2[0])]], {}),
    ("hstack 2-D", "hstack", lambda: np.hstack([x1, x1]), [[arr(x1), arr(x1)]], {}),
    ("broadcast_to", "broadcast_to", lambda: np.broadcast_to(x2, (4, 3)), [arr(x2), [4, 3]], {}),
    ("broadcast_to bad", "broadcast_to", lambda: np.broadcast_to(x1, (4, 3)), [arr(x1), [4, 3]], {}),
]:
    shape_cases.append(case(name, op, fn, args, kw))
write("shape", shape_cases)

# ---- creation ----
creation_cases = []
for name, op, fn, args, kw in [
    ("zeros", "zeros", lambda: np.zeros((2, 3)), [[2, 3]], {}),
    ("zeros int32", "zeros", lambda: np.zeros(4, dtype="int32"), [4], {"dtype": "int32"}),
    ("ones", "ones", lambda: np.ones((3,)), [[3]], {}),
    ("ones bool", "ones", lambda: np.ones((2, 2), dtype=bool), [[2, 2]], {"dtype": "bool"}),
    ("full int", "full", lambda: np.full((2, 2), 7), [[2, 2], 7], {}),
    ("full float", "full", lambda: np.full((2,), 0.5), [[2], 0.5], {}),
    ("full bool", "full", lambda: np.full((2,), True), [[2], True], {}),
    ("zeros negative", "zeros", lambda: np.zeros((2, -1)), [[2, -1]], {}),
    ("zeros too large", "zeros", lambda: np.zeros((1000000, 1000000)), [[1000000, 1000000]], {}),
    ("ones too large int32", "ones", lambda: np.ones((100000, 100000), dtype="int32"), [[100000, 100000]], {"dtype": "int32"}),
    ("arange 5", "arange", lambda: np.arange(5), [5], {}),
    ("arange 2 10 3", "arange", lambda: np.arange(2, 10, 3), [2, 10, 3], {}),
    ("arange float", "arange", lambda: np.arange(0, 1, 0.1), [0, 1, 0.1], {}),
    ("arange negative step", "arange", lambda: np.arange(5, -3, -2), [5, -3, -2], {}),
    ("arange -3 3 0.5", "arange", lambda: np.arange(-3, 3, 0.5), [-3, 3, 0.5], {}),
    ("arange empty", "arange", lambda: np.arange(5, 2), [5, 2], {}),
    ("linspace", "linspace", lambda: np.linspace(0, 1, 5), [0, 1, 5], {}),
    ("linspace default", "linspace", lambda: np.linspace(-10, 10), [-10, 10], {}),
    ("linspace 7", "linspace", lambda: np.linspace(-5.5, 3.3, 7), [-5.5, 3.3, 7], {}),
    ("linspace no endpoint", "linspace", lambda: np.linspace(0, 1, 5, endpoint=False), [0, 1, 5], {"endpoint": False}),
    ("linspace 1", "linspace", lambda: np.linspace(2, 3, 1), [2, 3, 1], {}),
    ("linspace 1000", "linspace", lambda: np.linspace(-0.1, 0.7, 1000), [-0.1, 0.7, 1000], {}),
    ("eye", "eye", lambda: np.eye(3), [3], {}),
    ("eye rect k", "eye", lambda: np.eye(3, 4, k=1), [3, 4], {"k": 1}),
    ("eye k -2", "eye", lambda: np.eye(4, k=-2), [4, 4], {"k": -2}),
    ("array ints", "array", lambda: np.array([[1, 2], [3, 4]]), [[[1, 2], [3, 4]]], {}),
    ("array mixed", "array", lambda: np.array([1, 2.5]), [[1, 2.5]], {}),
    ("array bools", "array", lambda: np.array([True, False]), [[True, False]], {}),
    ("array bool int", "array", lambda: np.array([True, 2]), [[True, 2]], {}),
    ("array dtype", "array", lambda: np.array([1.7, -1.7], dtype="int32"), [[1.7, -1.7]], {"dtype": "int32"}),
    ("array ragged", "array", lambda: np.array([[1, 2], [3]]), [[[1, 2], [3]]], {}),
    ("array scalar", "array", lambda: np.array(3.5), [3.5], {}),
    ("array empty", "array", lambda: np.array([]), [[]], {}),
]:
    creation_cases.append(case(name, op, fn, args, kw))
u = np.array([0.5, 1.5, 2.5])
v = np.array([-1, 0, 1, 2])
creation_cases.append({"name": "meshgrid", "op": "meshgrid", "args": [arr(u), arr(v)], "kwargs": {}, "results": [encode(m) for m in np.meshgrid(u, v)]})
creation_cases.append({"name": "meshgrid ij", "op": "meshgrid", "args": [arr(u), arr(v)], "kwargs": {"indexing": "ij"}, "results": [encode(m) for m in np.meshgrid(u, v, indexing="ij")]})
for name, fn in [("astype int32", lambda: sample((3, 3), "float64").astype("int32")), ]:
    pass
f = np.array([1.7, -1.7, 2.5, -0.2, 300.9, np.nan])
for d in DTYPES:
    with np.errstate(all="ignore"):
        g = f if d.startswith("float") or d == "bool" else f[:-1]
        if d == "uint8":
            g = np.array([1.7, 2.5, 200.9, 0.2])
        creation_cases.append(case(f"astype {d}", "astype", lambda: g.astype(d), [arr(g), d]))
write("creation", creation_cases)

# ---- indexing ----
index_cases = []
m = np.arange(60).reshape(3, 4, 5) * 1.5


def index_items(items):
    """items: list of ("s", text) | ("i", int) | ("n", None) | ("a", array) → (Python index tuple, tsdl items)."""
    py = []
    ts = []
    for kind, v in items:
        if kind == "s":
            py.extend(eval(f"np.s_[{v}]", {"np": np}) if "," in v else [eval(f"np.s_[{v}]", {"np": np})])
            ts.append(v)
        elif kind == "a":
            py.append(np.asarray(v))
            ts.append(arr(v))
        else:
            py.append(v)
            ts.append(v)
    return tuple(py), ts


def index_case(name, target, items):
    py, ts = index_items(items)
    c = {"name": name, "op": "get", "args": [arr(target)] + ts, "kwargs": {}}
    c.update(outcome(lambda: np.array(target[py])))
    return c


for name, items in [
    ("int", [("i", 1)]), ("neg int", [("i", -1)]), ("two ints", [("i", 1), ("i", 2)]), ("all ints", [("i", 2), ("i", 3), ("i", 4)]),
    ("slice", [("s", "1:3")]), ("colon first", [("s", ":, 0")]), ("slice int", [("s", "0:5, 0")]), ("step", [("s", "::2")]),
    ("negative step", [("s", "::-1, 1:3, ::-2")]), ("negative bounds", [("s", "-2:, :-1")]), ("empty slice", [("s", "2:1")]),
    ("clamped", [("s", "1:100, -100:2")]), ("ellipsis", [("s", "..., 1")]), ("ellipsis middle", [("i", 0), ("s", "..."), ("i", 2)]),
    ("newaxis", [("n", None), ("s", ":, 1")]), ("newaxis end", [("s", "..."), ("n", None)]), ("string newaxis", [("s", "1, None")]),
    ("int out of bounds", [("i", 3)]), ("neg out of bounds", [("s", ":, -5")]), ("too many", [("s", "0, 0, 0, 0")]),
    ("int array", [("a", np.array([2, 0, 2]))]), ("int array axis 1", [("s", ":"), ("a", np.array([3, -1]))]),
    ("two int arrays", [("a", np.array([0, 2])), ("a", np.array([1, 3]))]),
    ("separated int arrays", [("a", np.array([0, 2])), ("s", ":"), ("a", np.array([1, 3]))]),
    ("2-D int array", [("a", np.array([[0, 1], [2, 2]]))]),
    ("int array out of bounds", [("a", np.array([0, 3]))]),
    ("mask", [("a", m > 40)]), ("mask first axis", [("a", np.array([True, False, True]))]),
    ("mask then slice", [("a", np.array([True, False, True])), ("s", "1:3")]),
    ("mask wrong size", [("a", np.array([True, False]))]),
    ("slice then int array", [("s", "1:"), ("a", np.array([0, 0, 3]))]),
]:
    index_cases.append(index_case(name, m, items))
flat = np.arange(10)
index_cases.append(index_case("1-D slice", flat, [("s", "2:8:3")]))
index_cases.append(index_case("1-D mask", flat, [("a", flat % 3 == 0)]))


def set_case(name, target, items, value):
    t = target.copy()
    py, ts = index_items(items)

    def run():
        t[py] = value
        return t

    c = {"name": name, "op": "set", "args": [arr(target)] + ts + [arr(value) if isinstance(value, np.ndarray) else value], "kwargs": {}}
    c.update(outcome(run))
    return c


z = np.arange(-6, 6).reshape(3, 4) * 1.0
index_cases.append(set_case("relu mask", z, [("a", z <= 0)], 0))
index_cases.append(set_case("column", z, [("s", ":, 0")], 7.5))
index_cases.append(set_case("row broadcast", z, [("s", "1")], np.array([1.0, 2.0, 3.0, 4.0])))
index_cases.append(set_case("slice block", z, [("s", "0:2, 1:3")], np.array([[9.0], [8.0]])))
index_cases.append(set_case("int array rows", z, [("a", np.array([2, 0]))], np.array([-1.0, -2.0, -3.0, -4.0])))
index_cases.append(set_case("int array cells", z, [("a", np.array([0, 2])), ("a", np.array([1, 3]))], 100))
index_cases.append(set_case("bad broadcast", z, [("s", ":, 0")], np.array([1.0, 2.0])))
zi = np.arange(6).reshape(2, 3)
index_cases.append(set_case("int target float value", zi, [("s", "0")], 2.7))
index_cases.append(set_case("mask int target float value", zi, [("a", zi > 2)], 2.7))
index_cases.append(set_case("mask bool target", zi > 1, [("a", zi % 2 == 0)], 0))
index_cases.append(set_case("mask uint8 target out of range", zi.astype(np.uint8), [("a", zi > 3)], 300))
write("indexing", index_cases)

# ---- linear algebra ----
linalg_cases = []
for sa, sb in [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)), ((2, 3, 4), (4,)), ((2, 3, 4), (5, 4, 2)), ((2, 3), (2, 3)), ((), (2, 2)), ((4,), (3,))]:
    a = sample(sa, "float64")
    b = sample(sb, "float64")
    linalg_cases.append(case(f"dot {sa} {sb}", "dot", lambda: np.dot(a, b), [arr(a), arr(b)]))
for sa, sb in [((2, 3), (3, 4)), ((5, 2, 3), (3, 4)), ((2, 1, 2, 3), (4, 3, 2)), ((3,), (3, 2)), ((2, 3), (3,)), ((2, 3), (2, 3))]:
    a = sample(sa, "float64")
    b = sample(sb, "float64")
    linalg_cases.append(case(f"matmul {sa} {sb}", "matmul", lambda: np.matmul(a, b), [arr(a), arr(b)]))
ai = sample((3, 4), "int64")
bi = sample((4, 2), "int32")
linalg_cases.append(case("dot int", "dot", lambda: np.dot(ai, bi), [arr(ai), arr(bi)]))
at = sample((5, 3), "float64")
linalg_cases.append(case("dot transposed", "dot", lambda: np.dot(at.T, at), [arr(at.T), arr(at)]))
linalg_cases.append(case("outer", "outer", lambda: np.outer([1, 2, 3], [1.5, -1]), [arr(np.array([1, 2, 3])), arr(np.array([1.5, -1]))]))
v = sample((4, 5), "float64")
for kw in [{}, {"axis": 0}, {"axis": 1, "keepdims": True}, {"ord": 1, "axis": 1}, {"ord": np.inf, "axis": 0}, {"axis": (0, 1)}]:
    linalg_cases.append(case(f"norm {kw}", "linalg.norm", lambda: np.linalg.norm(v, **kw), [arr(v)], {k: ("inf" if x == np.inf else list(x) if isinstance(x, tuple) else x) for k, x in kw.items()}))
linalg_cases.append(case("norm int vector", "linalg.norm", lambda: np.linalg.norm(np.array([3, 4])), [arr(np.array([3, 4]))]))
lin = np.random.default_rng(2)  # the inverse and solve cases' own generator (see `later`)
square = lambda shape, dtype="float64": (lin.standard_normal(shape) * 3).astype(dtype)
singular = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 1.0, 1.0]])
permuted = np.array([[0.0, 0.0, 2.0], [0.0, -3.0, 0.0], [5.0, 0.0, 0.0]])
for name, x in [("3x3", square((3, 3))), ("5x5", square((5, 5))), ("1x1", square((1, 1))), ("int", np.array([[4, 7], [2, 6]])), ("float32", square((3, 3), "float32")),
                ("bool", np.eye(3, dtype=bool)), ("stack", square((2, 3, 3))), ("empty", np.zeros((0, 0))), ("empty stack", np.zeros((0, 2, 2))), ("permutation", permuted),
                ("ones", np.ones((2, 2))), ("singular", singular), ("singular in stack", np.stack([np.eye(3), singular])), ("not square", square((2, 3))), ("1-D", square((3,))), ("0-d", np.array(2.0))]:
    for op in ["inv", "det"]:
        linalg_cases.append(case(f"{op} {name}", f"linalg.{op}", lambda: getattr(np.linalg, op)(x), [arr(x)]))
linalg_cases.append(case("det stack of singular", "linalg.det", lambda: np.linalg.det(np.zeros((3, 2, 2))), [arr(np.zeros((3, 2, 2)))]))
linalg_cases.append(case("det int 2x2", "linalg.det", lambda: np.linalg.det(np.array([[1, 2], [3, 4]])), [arr(np.array([[1, 2], [3, 4]]))]))
a3 = square((3, 3))
for name, x, y in [("vector", a3, square((3,))), ("matrix", a3, square((3, 2))), ("stack vector", square((2, 3, 3)), square((3,))), ("stack matrix", square((2, 3, 3)), square((2, 3, 1))),
                   ("broadcast b", a3, square((4, 3, 2))), ("broadcast both", square((2, 1, 3, 3)), square((4, 3, 2))), ("int", np.array([[3, 1], [1, 2]]), np.array([9, 8])),
                   ("float32", a3.astype("float32"), square((3,), "float32")), ("float32 int", a3.astype("float32"), np.array([1, 2, 3])), ("empty", np.zeros((0, 0)), np.zeros((0,))),
                   ("singular", singular, square((3,))), ("mismatch vector", a3, square((4,))), ("mismatch matrix", a3, square((2, 2))), ("b 0-d", a3, np.array(1.0)),
                   ("batch mismatch", square((3, 2, 2)), square((4, 2, 1))), ("batch mismatch ndim", square((4, 3, 2, 2)), square((2, 2, 1))), ("not square", square((2, 3)), square((2,))), ("a 1-D", square((3,)), square((3,)))]:
    linalg_cases.append(case(f"solve {name}", "linalg.solve", lambda: np.linalg.solve(x, y), [arr(x), arr(y)]))
write("linalg", linalg_cases)

# ---- sorting, searching, counting ----
# numpy's default sort kind leaves the order of ties unspecified: argsort cases with ties ask for kind="stable".
sorting_cases = []
for d in DTYPES:
    a = sample((4, 5), d, later)
    for kw in [{}, {"axis": 0}, {"axis": -1}, {"axis": None}, {"kind": "stable"}]:
        sorting_cases.append(case(f"sort {d} {kw}", "sort", lambda: np.sort(a, **kw), [arr(a)], kw))
    kw = {"kind": "stable"} if d != "float64" else {}
    for axis in [None, 0, 1]:
        kwa = dict(kw, axis=axis)
        sorting_cases.append(case(f"argsort {d} {kwa}", "argsort", lambda: np.argsort(a, **kwa), [arr(a)], kwa))
f3 = sample((3, 4, 5), "float64", later)
for axis in [0, 1, 2, -2, None]:
    sorting_cases.append(case(f"sort 3-D axis {axis}", "sort", lambda: np.sort(f3, axis=axis), [arr(f3)], {"axis": axis}))
    sorting_cases.append(case(f"argsort 3-D axis {axis}", "argsort", lambda: np.argsort(f3, axis=axis), [arr(f3)], {"axis": axis}))
    sorting_cases.append(case(f"argsort transposed axis {axis}", "argsort", lambda: np.argsort(f3.T, axis=axis), [arr(f3.T)], {"axis": axis}))
nans = np.array([3.0, np.nan, -np.inf, 1.0, np.nan, np.inf, -2.0, 0.5])
sorting_cases.append(case("sort nan last", "sort", lambda: np.sort(nans), [arr(nans)]))
sorting_cases.append(case("argsort nan last", "argsort", lambda: np.argsort(nans, kind="stable"), [arr(nans)], {"kind": "stable"}))
ties = np.array([2, 0, 1, 0, 2, 1, 1, 0, 2, 2, 0, 1, 0, 0, 1, 2, 1, 0, 0, 2])
sorting_cases.append(case("argsort ties stable", "argsort", lambda: np.argsort(ties, kind="stable"), [arr(ties)], {"kind": "stable"}))
sorting_cases.append(case("argsort ties mergesort", "argsort", lambda: np.argsort(ties, kind="mergesort"), [arr(ties)], {"kind": "mergesort"}))
m2 = np.arange(6).reshape(2, 3)
sorting_cases.append(case("sort bad kind", "sort", lambda: np.sort(m2, kind="fast"), [arr(m2)], {"kind": "fast"}))
sorting_cases.append(case("argsort bad kind", "argsort", lambda: np.argsort(m2, kind="fast"), [arr(m2)], {"kind": "fast"}))
sorting_cases.append(case("sort axis out of bounds", "sort", lambda: np.sort(m2, axis=2), [arr(m2)], {"axis": 2}))
sorting_cases.append(case("argsort axis out of bounds", "argsort", lambda: np.argsort(m2, axis=-3), [arr(m2)], {"axis": -3}))
zero_d = np.array(3.5)
sorting_cases.append(case("sort 0-d", "sort", lambda: np.sort(zero_d), [arr(zero_d)]))
sorting_cases.append(case("sort 0-d axis None", "sort", lambda: np.sort(zero_d, axis=None), [arr(zero_d)], {"axis": None}))
sorting_cases.append(case("argsort 0-d", "argsort", lambda: np.argsort(zero_d), [arr(zero_d)]))
sorting_cases.append(case("argsort 0-d axis 1", "argsort", lambda: np.argsort(zero_d, axis=1), [arr(zero_d)], {"axis": 1}))
sorting_cases.append(case("sort empty", "sort", lambda: np.sort(np.zeros((0, 3))), [arr(np.zeros((0, 3)))]))
labels = later.integers(0, 5, (6, 7))
with_nan = np.array([2.0, np.nan, 1.0, 2.0, np.nan, -1.0, 1.0])
for name, x in [("int", labels), ("float nan", with_nan), ("bool", labels > 2), ("float32", labels.astype("float32") / 2), ("0-d", np.array(4)), ("empty", np.zeros(0))]:
    sorting_cases.append(case(f"unique {name}", "unique", lambda: np.unique(x), [arr(x)]))
sorting_cases.append(case("unique nan not equal", "unique", lambda: np.unique(with_nan, equal_nan=False), [arr(with_nan)], {"equal_nan": False}))
for x_name, x in [("int", labels), ("float nan", with_nan)]:
    for kw in [{"return_counts": True}, {"return_index": True}, {"return_inverse": True}, {"return_index": True, "return_inverse": True, "return_counts": True}]:
        parts = np.unique(x, **kw)
        fields = ["values"] + [f for k, f in [("return_index", "indices"), ("return_inverse", "inverse_indices"), ("return_counts", "counts")] if kw.get(k)]
        sorting_cases.append({"name": f"unique {x_name} {kw}", "op": "unique", "args": [arr(x)], "kwargs": kw, "fields": {f: encode(p) for f, p in zip(fields, parts)}})
for name, x in [("2-D", labels % 3), ("1-D", with_nan), ("3-D", f3 > 5), ("0-d true", np.array(3)), ("0-d false", np.array(0.0)), ("none", np.zeros((2, 2)))]:
    sorting_cases.append(case(f"argwhere {name}", "argwhere", lambda: np.argwhere(x), [arr(x)]))
    sorting_cases.append(case(f"flatnonzero {name}", "flatnonzero", lambda: np.flatnonzero(x), [arr(x)]))
write("sorting", sorting_cases)

# ---- comparisons within a tolerance, whole-array equality ----
logic_cases = []
base = sample((3, 4), "float64", later)
near = base * (1 + np.array([0, 1e-6, 2e-5, -9e-6]))
special_a = np.array([np.nan, np.inf, -np.inf, np.inf, 0.0, 1e-9, 1.0, np.nan])
special_b = np.array([np.nan, np.inf, np.inf, 1e308, 0.0, 0.0, 1.00001, 1.0])
for name, x, y in [("float64", base, near), ("broadcast", base, near[0]), ("special", special_a, special_b), ("int", sample((3, 4), "int64", later), sample((4,), "int32", later)),
                   ("bool int", sample((5,), "bool", later), sample((5,), "int64", later) % 2), ("float32", base.astype("float32"), near.astype("float32")), ("int float32", sample((5,), "int32", later), sample((5,), "float32", later))]:
    for kw in [{}, {"rtol": 1e-3}, {"atol": 1e-5, "rtol": 0}, {"equal_nan": True}]:
        logic_cases.append(case(f"isclose {name} {kw}", "isclose", lambda: np.isclose(x, y, **kw), [arr(x), arr(y)], kw))
        logic_cases.append(case(f"allclose {name} {kw}", "allclose", lambda: np.allclose(x, y, **kw), [arr(x), arr(y)], kw))
for name, x, y in [("scalar b", base, 1.5), ("int scalar b", np.arange(5), 2), ("scalar a", 3.0000001, near[0]), ("scalars", 1.0, 1.000001), ("nan scalars", np.nan, np.nan)]:
    logic_cases.append(case(f"isclose {name}", "isclose", lambda: np.isclose(x, y), [arr(v) if isinstance(v, np.ndarray) else "nan" if v != v else v for v in (x, y)]))
logic_cases.append(case("isclose shape mismatch", "isclose", lambda: np.isclose(base, near[:2, :3]), [arr(base), arr(near[:2, :3])]))
nan_row = np.array([1.0, np.nan, 3.0])
for name, x, y in [("same", base, base.copy()), ("different", base, near), ("shapes", base, base[:2]), ("int float", np.arange(3), np.arange(3.0)),
                   ("nan", nan_row, nan_row.copy()), ("nan elsewhere", nan_row, np.array([1.0, 2.0, np.nan])), ("empty", np.zeros((0, 2)), np.zeros((0, 2)))]:
    for kw in [{}, {"equal_nan": True}]:
        logic_cases.append(case(f"array_equal {name} {kw}", "array_equal", lambda: np.array_equal(x, y, **kw), [arr(x), arr(y)], kw))
write("logic", logic_cases)
