"""Golden cases for histograms: histogram (equal-width, given and estimated bins, range, density, weights),
histogram_bin_edges, bincount and digitize."""
import numpy as np
from common import DTYPES, arr, sample, write, parts_case, argument, jsonable

rng = np.random.default_rng(11)
cases = []


def add(*args, **kwargs):
    cases.append(parts_case(*args, **kwargs))


def jsonable(kw):
    """Keyword arguments as JSON: arrays (and bin edges with floats, which JSON would turn into integers) encoded, tuples as lists."""
    def one(k, v):
        if k == "bins" and isinstance(v, list) and any(isinstance(e, float) for e in v):
            v = np.array(v)
        return argument(v)
    return {k: one(k, v) for k, v in kw.items()}


# ---- histogram ----
for d in DTYPES:
    x = sample((4, 6), d, rng)
    for kw in [{}, {"bins": 7}, {"bins": 3, "range": (-5.5, 12.0)}, {"bins": 4, "density": True}, {"bins": [-30, -2, 0, 1.5, 4, 30]}]:
        add(f"histogram {d} {kw}", "histogram", lambda: np.histogram(x, **kw), [arr(x)], jsonable(kw))
for wd in DTYPES:
    x = sample((12,), "float64", rng)
    w = sample((12,), wd, rng)
    for kw in [{"bins": 5}, {"bins": [-25.0, -3.0, 0.0, 2.0, 25.0]}, {"bins": 5, "density": True}]:
        kw = {**kw, "weights": w}
        add(f"histogram weights {wd} {kw['bins']} density={kw.get('density', False)}", "histogram", lambda: np.histogram(x, **kw), [arr(x)], jsonable(kw))
# float32 data: numpy computes edges and positions in float32 when the range comes from the data.
f32 = (rng.standard_normal(500) * 3).astype(np.float32)
for kw in [{"bins": 37}, {"bins": 37, "range": (-4.1, 3.3)}, {"bins": 1000}, {"bins": 13, "range": (-2, 2)}]:
    add(f"histogram float32 many values {kw}", "histogram", lambda: np.histogram(f32, **kw), [arr(f32)], jsonable(kw))
f64 = rng.standard_normal(500) * 3
for kw in [{"bins": 37}, {"bins": 1000}, {"bins": 9, "range": (-1.0, 1.0)}]:
    add(f"histogram float64 many values {kw}", "histogram", lambda: np.histogram(f64, **kw), [arr(f64)], jsonable(kw))
ints = rng.integers(-1000, 1000, 300)
add("histogram int64 many values 17 bins", "histogram", lambda: np.histogram(ints, bins=17), [arr(ints)], {"bins": 17})
for est in ["auto", "fd", "sturges", "sqrt", "rice", "scott"]:
    for name, x in [("float64", f64), ("float32", f32), ("int64", ints), ("small int", np.array([1, 2, 2, 3, 3, 3, 9])), ("uint8", sample((40,), "uint8", rng))]:
        add(f"histogram bins {est} {name}", "histogram", lambda: np.histogram(x, bins=est), [arr(x)], {"bins": est})
    add(f"histogram bins {est} with range", "histogram", lambda: np.histogram(f64, bins=est, range=(-2.0, 3.0)), [arr(f64)], {"bins": est, "range": [-2.0, 3.0]})
    add(f"histogram bins {est} float32 with range", "histogram", lambda: np.histogram(f32, bins=est, range=(-2.0, 3.0)), [arr(f32)], {"bins": est, "range": [-2.0, 3.0]})
    add(f"histogram bins {est} constant data", "histogram", lambda: np.histogram(np.full(5, 2.0), bins=est), [arr(np.full(5, 2.0))], {"bins": est})
    add(f"histogram bins {est} empty", "histogram", lambda: np.histogram(np.array([]), bins=est), [arr(np.array([]))], {"bins": est})
# The right edge is inclusive; values on inner edges go right; values outside the range are dropped.
edges_data = np.array([0.0, 1.0, 2.0, 3.0, 3.0, -1.0, 4.0, 2.5])
for kw in [{"bins": 3, "range": (0, 3)}, {"bins": [0, 1, 2, 3]}, {"bins": np.array([0.0, 1.0, 1.0, 3.0])}, {"bins": 3}]:
    add(f"histogram edges inclusive {kw}", "histogram", lambda: np.histogram(edges_data, **kw), [arr(edges_data)], jsonable(kw))
for name, x, kw in [
    ("constant", np.full(4, 7), {}), ("constant float32", np.full(3, 1.5, np.float32), {"bins": 4}), ("0-d", np.array(2.5), {"bins": 2}),
    ("3-d", sample((2, 3, 4), "int32", rng), {"bins": 5}), ("empty", np.array([]), {}), ("empty float32", np.array([], np.float32), {"bins": 3}),
    ("empty int given edges", np.array([], np.int32), {"bins": [0, 1, 2]}), ("empty edges", np.array([1.0, 2.5]), {"bins": np.array([])}),
    ("one edge", np.array([1.0, 2.5]), {"bins": np.array([1])}), ("int edges density", np.array([1.0, 2.5]), {"bins": [1, 2], "density": True}),
    ("range holds nothing density", np.array([1.0, 2.5]), {"bins": 2, "range": (5, 6), "density": True}),
    ("equal range", np.array([1.0, 2.0]), {"bins": 2, "range": (1.5, 1.5)}), ("nan with range", np.array([1.0, np.nan, 2.0]), {"bins": 2, "range": (0, 3)}),
    ("nan in given edges data", np.array([1.0, np.nan, 2.0]), {"bins": [0.0, 1.5, 3.0]}), ("0-d bins", np.array([1, 2.5]), {"bins": np.array(3)}),
    ("bool bins given", np.array([True, False, True]), {"bins": [0, 0.5, 1]}), ("big integers", np.array([2**40, 2**40 + 3, 2**40 + 9]), {"bins": 3}),
    ("float32 range weak", np.array([0.1, 0.2, 0.3], np.float32), {"bins": 2, "range": (0.1, 0.3)}),
    ("bool weights given edges", np.array([1, 2, 3]), {"bins": [0, 1, 2, 3.5], "weights": np.array([True, False, True])}),
    ("bool weights equal bins", np.array([1, 2, 3]), {"bins": 3, "weights": np.array([True, False, True])}),
    ("uint8 weights wrap", np.arange(300) % 3, {"bins": [0, 1, 2, 3], "weights": np.full(300, 200, np.uint8)}),
    ("float32 weights given edges", np.arange(40.0), {"bins": [0, 10, 39.5, 40], "weights": np.linspace(0, 1, 40).astype(np.float32)}),
    ("2-d weights", np.arange(6.0).reshape(2, 3), {"bins": 2, "weights": np.ones((2, 3))}),
]:
    add(f"histogram {name}", "histogram", lambda: np.histogram(x, **kw), [arr(x)], jsonable(kw))
for name, x, kw in [
    ("zero bins", np.array([1, 2]), {"bins": 0}), ("negative bins", np.array([1, 2]), {"bins": -3}), ("fractional bins", np.array([1, 2]), {"bins": 2.5}),
    ("float 0-d bins", np.array([1, 2.5]), {"bins": np.array(3.0)}), ("bad estimator", np.array([1, 2]), {"bins": "foo"}),
    ("2-d bins", np.array([1, 2]), {"bins": [[1, 2]]}), ("decreasing bins", np.array([1, 2]), {"bins": [3, 1, 2]}),
    ("range reversed", np.array([1, 2]), {"range": (3, 1)}), ("range infinite", np.array([1, 2.0]), {"range": (0, np.inf)}),
    ("range nan", np.array([1, 2.0]), {"range": (np.nan, 1.5)}), ("data nan", np.array([1, np.nan]), {}), ("data inf", np.array([1, np.inf]), {}),
    ("data inf float32", np.array([-np.inf, 1], np.float32), {}), ("weights shape", np.array([1, 2]), {"weights": np.array([1])}),
    ("weights with estimator", np.array([1, 2]), {"bins": "auto", "weights": np.array([1, 1])}),
    ("too many bins", np.array([1.0, 1 + 1e-15]), {"bins": 100}),
]:
    enc = {k: ("inf" if v == np.inf else "nan" if v != v else v) if isinstance(v, float) else v for k, v in jsonable(kw).items()}
    enc = {k: [("inf" if e == np.inf else "nan" if e != e else e) for e in v] if k == "range" else v for k, v in enc.items()}
    add(f"histogram error {name}", "histogram", lambda: np.histogram(x, **kw), [arr(x)], enc)
for kw in [{}, {"bins": 4, "range": (0, 2)}, {"bins": "sturges"}, {"bins": [0, 1, 5]}]:
    x = np.array([0, 1, 2, 3, 4])
    add(f"histogram_bin_edges {kw}", "histogram_bin_edges", lambda: np.histogram_bin_edges(x, **kw), [arr(x)], jsonable(kw))

# ---- bincount ----
for d in ["bool", "uint8", "int32", "int64"]:
    x = np.abs(sample((15,), d, rng))
    add(f"bincount {d}", "bincount", lambda: np.bincount(x), [arr(x)])
    add(f"bincount {d} minlength", "bincount", lambda: np.bincount(x, minlength=30), [arr(x)], {"minlength": 30})
for wd in DTYPES:
    x = np.array([0, 3, 1, 3, 0, 5])
    w = sample((6,), wd, rng)
    add(f"bincount weights {wd}", "bincount", lambda: np.bincount(x, weights=w), [arr(x)], {"weights": arr(w)})
for name, x, kw in [
    ("empty int", np.array([], np.int64), {}), ("empty minlength", np.array([], np.int32), {"minlength": 3}), ("minlength smaller", np.array([1, 2]), {"minlength": 1}),
    ("nan weight", np.array([1, 2]), {"weights": np.array([1.0, np.nan])}), ("strided", np.arange(10)[::3], {}),
    ("float", np.array([1.0, 2.0]), {}), ("empty float", np.array([]), {}), ("negative", np.array([1, -2]), {}), ("2-d", np.array([[1, 2]]), {}),
    ("0-d", np.array(3), {}), ("weights length", np.array([1, 2]), {"weights": np.array([1.0])}), ("weights 2-d", np.array([1, 2]), {"weights": np.array([[1.0, 2.0]])}),
    ("negative minlength", np.array([1, 2]), {"minlength": -1}), ("negative minlength and element", np.array([-1]), {"minlength": -1}),
    ("negative element and weights", np.array([-1]), {"weights": np.array([1.0, 2.0])}), ("2-d float", np.array([[1.0]]), {}),
    ("2-d negative minlength", np.array([[1]]), {"minlength": -3}),
]:
    add(f"bincount {name}", "bincount", lambda: np.bincount(x, **kw), [arr(x)], jsonable(kw))

# ---- digitize ----
for d in DTYPES:
    x = sample((3, 4), d, rng)
    for bins in [np.array([-10, -1, 0, 2, 2, 9]), np.array([9.5, 0.5, 0.0, -3.0]), np.array([0.0, 1.0])]:
        for right in [False, True]:
            add(f"digitize {d} bins {bins.tolist()} right={right}", "digitize", lambda: np.digitize(x, bins, right=right), [arr(x), arr(bins)], {"right": right})
for name, x, bins in [
    ("on edges", np.array([0.0, 1.0, 2.5, 4.0, 5.0]), np.array([0, 1, 2.5, 4])), ("scalar", 2.5, np.array([1, 2, 3])), ("nan value", np.array([np.nan, 1.0]), np.array([0.0, 2.0])),
    ("equal bins", np.array([0, 1, 2]), np.array([1, 1, 1])), ("empty bins", np.array([1, 2]), np.array([])), ("empty x", np.zeros((2, 0)), np.array([1, 2])),
    ("0-d bins", np.array([1, 2]), np.array(3)), ("2-d bins", np.array([1, 2]), np.array([[3]])), ("unsorted bins", np.array([1, 2]), np.array([1, 3, 2])),
    ("nan bins", np.array([1, 2]), np.array([1.0, np.nan])), ("repeated then decreasing", np.array([0, 5, 10]), np.array([8, 8, 4, 1])),
]:
    for right in [False, True]:
        add(f"digitize {name} right={right}", "digitize", lambda: np.digitize(x, bins, right=right), [arr(x) if isinstance(x, np.ndarray) else x, arr(bins)], {"right": right})

write("histograms", cases)
