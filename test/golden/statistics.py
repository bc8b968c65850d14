"""Golden cases for np's statistics in lib/np/reduce.ts: average, percentile/quantile, the nan… reductions,
cov/corrcoef and diff. numpy computes the expected result or error; the vitest side calls np[op](...args, kwargs).
"""
import numpy as np
import common
from common import DTYPES, arr, case, encode, write, jsonable

rng = np.random.default_rng(7)


def sample(shape, dtype):
    return common.sample(shape, dtype, rng)


def with_nans(shape, dtype):
    a = sample(shape, dtype)
    a[rng.random(shape) < 0.3] = np.nan
    return a


def call(name, op, fn, a, kw, *extra):
    # NaN travels as the string "nan", as common.encode writes it.
    plain = ["nan" if isinstance(x, float) and np.isnan(x) else x for x in extra]
    return case(name, op, lambda: fn(a, *extra, **kw), [arr(a), *plain], jsonable(kw))


cases = []
AXES = [{}, {"axis": 0}, {"axis": -1}, {"axis": (0, 2)}, {"axis": 1, "keepdims": True}, {"keepdims": True}]

# ---- average ----
for d in DTYPES:
    a = sample((3, 4, 5), d)
    for kw in AXES:
        cases.append(call(f"average {d} {kw}", "average", np.average, a, kw))
    w_full = sample((3, 4, 5), "float64") ** 2 + 0.1
    w_axis = sample((4,), "int64") % 5 + 1
    for wd, w, kw in [("same shape", w_full, {}), ("same shape", w_full, {"axis": 1}), ("same shape", w_full, {"axis": (0, 2), "keepdims": True}),
                      ("1-D", w_axis, {"axis": 1}), ("1-D", w_axis, {"axis": -2, "keepdims": True}),
                      ("2-D", w_full[:, :, 0].T, {"axis": (1, 0)}), ("float32", w_full.astype(np.float32), {"axis": 2}),
                      ("bool", w_full > 5, {"axis": 0})]:
        kw = {**kw, "weights": w}
        cases.append(call(f"average {d} weights {wd} {kw.get('axis')} {kw.get('keepdims')}", "average", np.average, a, kw))
for name, fn, a, kw in [
    ("0-d", np.average, np.array(2.5), {}),
    ("empty", np.average, np.zeros((0, 3)), {"axis": 0}),
    ("axis out of bounds", np.average, np.ones((2, 3)), {"axis": 2}),
    ("repeated axis", np.average, np.ones((2, 3)), {"axis": (0, -2)}),
    ("weights shape without axis", np.average, np.ones((2, 3)), {"weights": np.ones(3)}),
    ("weights wrong length", np.average, np.ones((2, 3)), {"axis": 1, "weights": np.ones(2)}),
    ("weights wrong ndim", np.average, np.ones((2, 3)), {"axis": 1, "weights": np.ones((3, 1))}),
    ("weights sum to zero", np.average, np.ones((2, 3)), {"axis": 1, "weights": np.array([1.0, -1.0, 0.0])}),
    ("weights sum to zero somewhere", np.average, np.ones((2, 2)), {"axis": 0, "weights": np.array([[1, 0], [1, 0]])}),
]:
    cases.append(call(f"average {name}", "average", fn, a, kw))

# `returned` gives a pair: the average is the case's result, the sum of weights its "scale".
returned_cases = []
for name, a, kw in [
    ("float64", sample((3, 4), "float64"), {}),
    ("int32 axis", sample((3, 4), "int32"), {"axis": 1}),
    ("float32 keepdims", sample((3, 4), "float32"), {"axis": 0, "keepdims": True}),
    ("weights 1-D", sample((3, 4), "float64"), {"axis": 1, "weights": np.array([1.0, 2.0, 3.0, 4.0])}),
    ("weights same shape", sample((3, 4), "int64"), {"weights": sample((3, 4), "uint8").astype(np.int64) + 1}),
    ("weights float32", sample((3, 4), "float32"), {"axis": 0, "weights": np.array([1, 2, 3], dtype=np.float32)}),
]:
    kw = {**kw, "returned": True}
    avg, scale = np.average(a, **kw)
    returned_cases.append({"name": f"average returned {name}", "op": "average", "args": [arr(a)], "kwargs": jsonable(kw),
                           "result": encode(avg), "scale": encode(scale)})

# ---- percentile / quantile ----
METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen", "weibull",
           "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest"]
# Booleans cannot be interpolated (numpy subtracts them): they get the methods that pick elements, and one error case.
DISCRETE = ["inverted_cdf", "closest_observation", "lower", "higher", "nearest"]
for d in DTYPES:
    a = sample((3, 4, 5), d)
    methods = DISCRETE if d == "bool" else METHODS
    for kw in AXES if d != "bool" else AXES[:1]:
        cases.append(call(f"percentile {d} 37 {kw}", "percentile", np.percentile, a, kw, 37))
        cases.append(call(f"percentile {d} [0, 25, 50, 100] {kw}", "percentile", np.percentile, a, kw, [0, 25, 50, 100]))
        cases.append(call(f"quantile {d} 0.9 {kw}", "quantile", np.quantile, a, kw, 0.9))
    for method in methods:
        # Python's 0 and 1 are ints, as tsdl reads the JS numbers 0 and 1: linear then takes elements, not interpolates.
        for q in [0, 0.1, 0.5, 2 / 3, 1]:
            cases.append(call(f"quantile {d} {method} {q}", "quantile", np.quantile, a[0], {"axis": 1, "method": method}, q))
        cases.append(call(f"quantile {d} {method} list", "quantile", np.quantile, a, {"method": method}, [0.0, 0.33, 0.5, 0.99, 1.0]))
    cases.append(call(f"quantile {d} integer q", "quantile", np.quantile, a, {"axis": 0}, 1))
    cases.append(call(f"quantile {d} integer q list", "quantile", np.quantile, a, {"axis": 2}, [0, 1]))
    cases.append(call(f"percentile {d} 2-D q", "percentile", np.percentile, a, {"axis": 1, "method": "nearest" if d == "bool" else "linear"}, [[10, 20], [30, 40]]))
    # Every method on small lanes of each length, where the index rules and their rounding differ most.
    for n in [1, 2, 3, 4, 7]:
        lanes = sample((2, n), d)
        for method in methods:
            cases.append(call(f"quantile {d} {method} n={n}", "quantile", np.quantile, lanes,
                              {"axis": 1, "method": method}, [0.0, 0.05, 0.125, 0.25, 0.4, 0.5, 0.6, 0.75, 0.875, 0.95, 1.0]))
nanny = np.array([[1.0, np.nan, 3.0, 2.0], [4.0, 5.0, 6.0, 7.0]])
infs = np.array([1.0, 2.0, np.inf])
for name, op, fn, a, kw, q in [
    ("nan", "percentile", np.percentile, nanny, {"axis": 1}, 50),
    ("nan lower", "percentile", np.percentile, nanny, {"axis": 1, "method": "lower"}, [10, 90]),
    ("nan all", "quantile", np.quantile, nanny, {}, 0.5),
    ("inf", "quantile", np.quantile, infs, {}, [0.5, 0.75, 1.0]),
    ("-inf", "quantile", np.quantile, -infs, {}, [0.0, 0.25, 0.5]),
    ("0-d", "percentile", np.percentile, np.array(2.5), {}, 50),
    ("transposed", "percentile", np.percentile, sample((4, 6), "float64").T, {"axis": 0}, [30, 70]),
    ("empty lanes", "percentile", np.percentile, np.zeros((0, 3)), {"axis": 1}, 50),
    ("empty float", "percentile", np.percentile, np.zeros((2, 0)), {"axis": 1}, 50),
    ("empty int", "percentile", np.percentile, np.zeros(0, dtype=np.int64), {}, 50),
    ("empty int lower", "percentile", np.percentile, np.zeros(0, dtype=np.int64), {"method": "lower"}, 50),
    ("out of range", "percentile", np.percentile, np.arange(5.0), {}, 101),
    ("negative", "percentile", np.percentile, np.arange(5.0), {}, [10, -1]),
    ("nan q", "percentile", np.percentile, np.arange(5.0), {}, np.nan),
    ("quantile out of range", "quantile", np.quantile, np.arange(5.0), {}, 1.5),
    ("3-D q", "percentile", np.percentile, np.arange(5.0), {}, [[[50]]]),
    ("bad method", "percentile", np.percentile, np.arange(5.0), {"method": "foo"}, 50),
    ("axis out of bounds", "percentile", np.percentile, np.ones((2, 3)), {"axis": 2}, 50),
    ("repeated axis", "quantile", np.quantile, np.ones((2, 3)), {"axis": (1, 1)}, 0.5),
    ("bool linear", "percentile", np.percentile, np.array([True, False, True]), {}, 50),
    ("int32 range", "percentile", np.percentile, np.array([-2**31, 2**31 - 1], dtype=np.int32), {}, 50),
]:
    cases.append(call(f"{op} {name}", op, fn, a, kw, q))

# ---- nan… reductions ----
NAN_OPS = ["nansum", "nanmean", "nanmax", "nanmin", "nanstd", "nanvar"]
for d in DTYPES:
    a = with_nans((3, 4, 5), d) if d.startswith("float") else sample((3, 4, 5), d)
    for op in NAN_OPS:
        if op in ("nanstd", "nanvar") and d == "bool":
            continue  # numpy's var subtracts booleans, which it rejects
        for kw in AXES:
            cases.append(call(f"{op} {d} {kw}", op, getattr(np, op), a, kw))
    for op in ["nanargmax", "nanargmin"]:
        for kw in [{}, {"axis": 0}, {"axis": -1}, {"axis": 1, "keepdims": True}]:
            cases.append(call(f"{op} {d} {kw}", op, getattr(np, op), a, kw))
for op in ["nanstd", "nanvar"]:
    for kw in [{"ddof": 1}, {"axis": 1, "ddof": 2}, {"axis": 0, "ddof": 3}]:
        cases.append(call(f"{op} ddof {kw}", op, getattr(np, op), nanny, kw))
        cases.append(call(f"{op} int ddof {kw}", op, getattr(np, op), sample((2, 4), "int64"), kw))
all_nan = np.array([[np.nan, np.nan], [1.0, np.nan]])
for op in NAN_OPS + ["nanargmax", "nanargmin"]:
    cases.append(call(f"{op} all-NaN lane", op, getattr(np, op), all_nan, {"axis": 1}))
    cases.append(call(f"{op} all-NaN", op, getattr(np, op), np.full(3, np.nan), {}))
    cases.append(call(f"{op} empty", op, getattr(np, op), np.zeros((0, 3)), {}))
    cases.append(call(f"{op} empty axis 1", op, getattr(np, op), np.zeros((0, 3)), {"axis": 1}))
    cases.append(call(f"{op} 0-d", op, getattr(np, op), np.array(np.nan), {}))
    cases.append(call(f"{op} axis out of bounds", op, getattr(np, op), nanny, {"axis": 2}))
    cases.append(call(f"{op} pairwise-sized", op, getattr(np, op), with_nans((3, 300), "float64"), {"axis": 1}))
cases.append(call("nanmax int empty", "nanmax", np.nanmax, np.zeros((0,), dtype=np.int32), {}))
cases.append(call("nanmax inf", "nanmax", np.nanmax, np.array([np.nan, -np.inf]), {}))
cases.append(call("nanargmax inf", "nanargmax", np.nanargmax, np.array([np.nan, -np.inf, -np.inf]), {}))

# ---- cov / corrcoef ----
for d in DTYPES:
    m = sample((3, 6), d)
    for kw in [{}, {"rowvar": False}, {"bias": True}, {"ddof": 0}, {"ddof": 2}, {"rowvar": False, "bias": True}]:
        cases.append(call(f"cov {d} {kw}", "cov", np.cov, m, kw))
    for kw in [{}, {"rowvar": False}]:
        cases.append(call(f"corrcoef {d} {kw}", "corrcoef", np.corrcoef, m, kw))
for name, a, kw in [
    ("1-D", sample((5,), "float64"), {}),
    ("1-D rowvar false", sample((5,), "float64"), {"rowvar": False}),
    ("0-d", np.array(3.0), {}),
    ("one row", sample((1, 4), "float64"), {}),
    ("one observation", sample((3, 1), "float64"), {}),
    ("ddof too large", sample((2, 3), "float64"), {"ddof": 3}),
    ("empty rows", np.zeros((0, 3)), {}),
    ("empty rowvar false", np.zeros((3, 0)), {"rowvar": False}),
    ("no observations", np.zeros((2, 0)), {}),
    ("constant", np.ones((2, 4)), {}),
    ("nan", nanny, {}),
]:
    cases.append(call(f"cov {name}", "cov", np.cov, a, kw))
    if "ddof" not in kw:
        cases.append(call(f"corrcoef {name}", "corrcoef", np.corrcoef, a, kw))
cases.append(call("cov 3-D", "cov", np.cov, np.ones((2, 2, 2)), {}))
cases.append(call("cov ddof fraction", "cov", np.cov, np.ones((2, 3)), {"ddof": 1.5}))
cases.append(call("corrcoef 3-D", "corrcoef", np.corrcoef, np.ones((2, 2, 2)), {}))
cases.append(call("corrcoef 0-d zero", "corrcoef", np.corrcoef, np.array([2.0, 2.0, 2.0]), {}))

# ---- diff ----
for d in DTYPES:
    a = sample((3, 4, 5), d)
    for kw in [{}, {"axis": 0}, {"axis": 1}, {"n": 2}, {"n": 3, "axis": 0}, {"n": 0}, {"n": 6}, {"axis": -2, "n": 2}]:
        cases.append(call(f"diff {d} {kw}", "diff", np.diff, a, kw))
    v = sample((6,), d)
    cases.append(call(f"diff {d} 1-D", "diff", np.diff, v, {}))
    cases.append(call(f"diff {d} prepend scalar", "diff", np.diff, v, {"prepend": 0}))
    cases.append(call(f"diff {d} append float", "diff", np.diff, v, {"append": 2.5}))
    cases.append(call(f"diff {d} prepend append arrays", "diff", np.diff, a, {"axis": 1, "prepend": sample((3, 2, 5), d), "append": sample((3, 1, 5), "int32")}))
for name, a, kw in [
    ("transposed", sample((4, 6), "float64").T, {"axis": 0}),
    ("empty", np.zeros((0, 3)), {"axis": 0}),
    ("empty n=2", np.zeros((1, 3)), {"axis": 0, "n": 2}),
    ("nan inf", np.array([1.0, np.nan, np.inf, np.inf, -np.inf]), {}),
    ("0-d", np.array(5), {}),
    ("0-d n=0", np.array(5), {"n": 0}),
    ("negative n", np.arange(4), {"n": -1}),
    ("axis out of bounds", np.ones((2, 3)), {"axis": 2}),
    ("prepend wrong shape", np.ones((2, 3)), {"prepend": np.ones((3, 1))}),
    ("prepend 1-D on 2-D", np.ones((2, 3)), {"prepend": np.ones(2)}),
]:
    cases.append(call(f"diff {name}", "diff", np.diff, a, kw))

write("statistics", cases + returned_cases)
