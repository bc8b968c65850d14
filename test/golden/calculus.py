"""Golden cases for calculus: interp, gradient, trapezoid, convolve, correlate, cumulative_sum and cumulative_prod."""
import numpy as np
from common import DTYPES, arr, sample, write, parts_case, argument, jsonable

rng = np.random.default_rng(5)
cases = []


def add(*args, **kwargs):
    cases.append(parts_case(*args, **kwargs))


# ---- interp ----
xp = np.array([-3.0, -1.0, 0.0, 0.5, 2.0, 2.0, 4.0, 7.0])
fp = sample((8,), "float64", rng)
probe = np.concatenate([np.linspace(-5, 9, 29), xp, [np.nan, np.inf, -np.inf]])
for kw in [{}, {"left": -100.0}, {"right": 100.0, "left": np.nan}]:
    add(f"interp {kw}", "interp", lambda: np.interp(probe, xp, fp, **kw), [arr(probe), arr(xp), arr(fp)], jsonable(kw))
for d in DTYPES:
    x = sample((3, 4), d, rng)
    pts = np.sort(sample((6,), d, rng))
    vals = sample((6,), d, rng)
    add(f"interp {d}", "interp", lambda: np.interp(x, pts, vals), [arr(x), arr(pts), arr(vals)])
long_xp = np.cumsum(rng.random(40)) - 10
long_fp = rng.standard_normal(40)
for name, x in [("sorted values, few points", np.linspace(-12, 15, 200)), ("shuffled values", rng.permutation(np.linspace(-12, 15, 120))),
                ("fewer values than points", np.array([3.3, -2.0, 0.1]))]:
    add(f"interp long {name}", "interp", lambda: np.interp(x, long_xp, long_fp), [arr(x), arr(long_xp), arr(long_fp)])
many_ties = np.repeat(np.arange(12.0), 3)
tie_f = rng.standard_normal(36)
add("interp repeated points", "interp", lambda: np.interp(np.linspace(-1, 12, 40), many_ties, tie_f), [arr(np.linspace(-1, 12, 40)), arr(many_ties), arr(tie_f)])
for name, x, p, f, kw in [
    ("scalar", 2.5, np.array([1.0, 2.0, 3.0]), np.array([3.0, 2.0, 0.0]), {}), ("0-d", np.array(1.5), np.array([1.0, 2.0]), np.array([0, 10]), {}),
    ("one point", np.array([0.0, 1.0, 2.0, np.nan]), np.array([1.0]), np.array([5.0]), {"left": -1.0, "right": 9.0}),
    ("empty x", np.zeros((0, 2)), np.array([1.0, 2.0]), np.array([0.0, 1.0]), {}), ("infinite slope", np.array([0.5, 1.0, 1.5]), np.array([0.0, 1.0, 1.0, 2.0]), np.array([0.0, 1.0, 3.0, 4.0]), {}),
    ("infinite fp", np.array([0.5, 1.5]), np.array([0.0, 1.0, 2.0]), np.array([np.inf, np.inf, 1.0]), {}),
    ("period", np.array([-180.0, -170, -185, 185, -10, -5, 0, 365]), np.array([190.0, -190, 350, -350]), np.array([5.0, 10, 3, 4]), {"period": 360}),
    ("negative period", np.array([0.2, 1.7, -3.1]), np.array([0.0, 0.5, 1.0, 1.5]), np.array([1.0, 2.0, 0.0, -1.0]), {"period": -2, "left": 100.0}),
    ("period int data", np.array([1, 5, 9]), np.array([0, 2, 4, 6]), np.array([1, 3, 2, 0]), {"period": 8}),
    ("empty xp", np.array([1.0]), np.array([]), np.array([]), {}), ("lengths differ", np.array([1.0]), np.array([1.0, 2.0]), np.array([1.0]), {}),
    ("2-d xp", np.array([1.0]), np.array([[1.0, 2.0]]), np.array([1.0, 2.0]), {}), ("2-d fp", np.array([1.0]), np.array([1.0, 2.0]), np.array([[1.0, 2.0]]), {}),
    ("0-d fp", np.array([1.0]), np.array([1.0, 2.0]), np.array(1.0), {}), ("zero period", np.array([1.0]), np.array([1.0, 2.0]), np.array([1.0, 2.0]), {"period": 0}),
    ("period 2-d xp", np.array([1.0]), np.array([[1.0, 2.0]]), np.array([1.0, 2.0]), {"period": 3}),
    ("period lengths differ", np.array([1.0]), np.array([1.0, 2.0]), np.array([1.0]), {"period": 3}),
]:
    add(f"interp {name}", "interp", lambda: np.interp(x, p, f, **kw), [arr(x) if isinstance(x, np.ndarray) else x, arr(p), arr(f)], jsonable(kw))

# ---- gradient ----
for d in DTYPES:
    f = sample((5, 6), d, rng)
    for kw in [{}, {"axis": 0}, {"axis": -1, "edge_order": 2}]:
        add(f"gradient {d} {kw}", "gradient", lambda: np.gradient(f, **kw), [arr(f)], jsonable(kw))
f1 = sample((7,), "float64", rng)
f32 = sample((7,), "float32", rng)
coords = np.array([0.0, 0.5, 1.5, 1.75, 3.0, 4.5, 5.0])
for name, f, spacing, kw in [
    ("scalar spacing", f1, [2.5], {}), ("scalar spacing edge 2", f1, [0.3], {"edge_order": 2}), ("int spacing", f1, [3], {}),
    ("coordinates", f1, [coords], {}), ("coordinates edge 2", f1, [coords], {"edge_order": 2}), ("int coordinates", f1, [np.array([0, 1, 3, 4, 8, 9, 12])], {"edge_order": 2}),
    ("uniform coordinates", f1, [np.arange(7) * 0.5], {}), ("float32 coordinates", f32, [coords.astype(np.float32)], {"edge_order": 2}),
    ("float32 scalar spacing", f32, [0.1], {"edge_order": 2}), ("float32 with float64 coordinates", f32, [coords], {}),
    ("float32 with 0-d float64 spacing", f32, [np.array(0.1)], {}), ("float32 uniform float64 coordinates", f32, [np.arange(7) * 0.1], {"edge_order": 2}),
    ("int with coordinates", np.arange(7) ** 2, [coords], {}),
]:
    add(f"gradient {name} {kw}", "gradient", lambda: np.gradient(f, *spacing, **kw), [arr(f)] + [argument(s) for s in spacing], jsonable(kw))
f2 = sample((4, 5), "float64", rng)
f3 = sample((3, 4, 5), "float32", rng)
for name, f, spacing, kw in [
    ("2-d per-axis spacings", f2, [0.5, 2.0], {}), ("2-d coordinates and scalar", f2, [np.array([0.0, 1.0, 1.5, 4.0]), 2.0], {"edge_order": 2}),
    ("2-d one spacing for all", f2, [0.25], {}), ("2-d axis tuple", f2, [3.0, 0.5], {"axis": (1, 0)}), ("3-d", f3, [], {}), ("3-d negative axis", f3, [], {"axis": -2}),
    ("3-d two axes", f3, [], {"axis": [0, 2], "edge_order": 2}), ("two points", np.array([1.0, 4.0]), [], {}), ("empty other axis", np.zeros((0, 3)), [], {"axis": 1}),
    ("0-d", np.array(3.0), [], {}),
    ("too few points", np.array([1.0, 4.0]), [], {"edge_order": 2}), ("one point", np.array([1.0]), [], {}), ("empty axis", np.zeros((0, 3)), [], {}),
    ("edge order 3", f1, [], {"edge_order": 3}), ("wrong number of spacings", f2, [1.0, 2.0, 3.0], {}), ("2-d spacing", f1, [np.ones((7, 1))], {}),
    ("spacing length", f1, [np.arange(6.0)], {}), ("axis out of range", f2, [], {"axis": 2}), ("repeated axis", f2, [], {"axis": [0, 0]}),
]:
    add(f"gradient {name}", "gradient", lambda: np.gradient(f, *spacing, **kw), [arr(f)] + [argument(s) for s in spacing], jsonable(kw))

# ---- trapezoid ----
for d in DTYPES:
    y = sample((4, 5), d, rng)
    for kw in [{}, {"axis": 0}, {"dx": 0.5}, {"x": np.linspace(0, 2, 5)}, {"x": np.array([0.0, 1, 3, 4]), "axis": -2}]:
        add(f"trapezoid {d} {kw}", "trapezoid", lambda: np.trapezoid(y, **kw), [arr(y)], jsonable(kw))
y3 = sample((2, 3, 4), "float64", rng)
xs3 = np.cumsum(rng.random((2, 3, 4)), axis=1)
for name, y, kw in [
    ("1-d", np.array([1, 2, 3]), {}), ("1-d x", np.array([1.0, 2.0, 3.0]), {"x": np.array([4, 6, 8])}), ("3-d", y3, {"axis": 1}), ("3-d x same shape", y3, {"x": xs3, "axis": 1}),
    ("int dx", np.array([1, 2, 4]), {"dx": 2}), ("one sample", np.array([5.0]), {}), ("empty", np.array([]), {}), ("empty 2-d", np.zeros((0, 3)), {"axis": 0}),
    ("0-d", np.array(2.0), {}), ("axis out of range", np.ones((2, 3)), {"axis": 2}), ("axis out of range with x", np.ones((2, 3)), {"x": np.arange(3.0), "axis": -3}),
]:
    add(f"trapezoid {name}", "trapezoid", lambda: np.trapezoid(y, **kw), [arr(y)], jsonable(kw))

# ---- convolve / correlate ----
for d in DTYPES:
    a = sample((9,), d, rng)
    v = sample((4,), d, rng)
    for mode in ["full", "same", "valid"]:
        add(f"convolve {d} {mode}", "convolve", lambda: np.convolve(a, v, mode=mode), [arr(a), arr(v)], {"mode": mode})
        add(f"correlate {d} {mode}", "correlate", lambda: np.correlate(a, v, mode=mode), [arr(a), arr(v)], {"mode": mode})
        add(f"convolve {d} {mode} short first", "convolve", lambda: np.convolve(v, a, mode=mode), [arr(v), arr(a)], {"mode": mode})
        add(f"correlate {d} {mode} short first", "correlate", lambda: np.correlate(v, a, mode=mode), [arr(v), arr(a)], {"mode": mode})
mixed_a = sample((7,), "int32", rng)
mixed_v = sample((3,), "float32", rng)
big = np.array([200, 100, 50, 250], np.uint8)
wrap32 = np.array([2**30, 2**30, 2**30], np.int32)
for name, op, a, v, kw in [
    ("int32 float32", "convolve", mixed_a, mixed_v, {}), ("uint8 wraps", "convolve", big, big, {}), ("int32 wraps", "correlate", wrap32, np.array([3, 1], np.int32), {"mode": "full"}),
    ("even kernel same", "convolve", np.arange(6), np.array([1, 2, 3, 4]), {"mode": "same"}), ("equal lengths", "correlate", np.arange(5), np.arange(5), {"mode": "same"}),
    ("length 1", "convolve", np.array([2.0]), np.array([3.0, 4.0]), {}), ("scalars", "convolve", np.array(3), np.array(2), {}), ("default mode", "correlate", np.arange(6), np.array([1, -1]), {}),
    ("nan", "convolve", np.array([1.0, np.nan, 2.0]), np.array([1.0, 1.0]), {}),
    ("bad mode", "convolve", np.arange(3), np.arange(2), {"mode": "bad"}), ("bad mode correlate", "correlate", np.arange(3), np.arange(2), {"mode": "middle"}),
    ("empty a", "convolve", np.array([]), np.array([1.0]), {}), ("empty v", "convolve", np.array([1.0]), np.array([]), {}),
    ("empty first", "correlate", np.array([]), np.array([1.0]), {}), ("empty second", "correlate", np.array([1.0]), np.array([]), {}),
    ("2-d", "correlate", np.ones((1, 2)), np.array([1.0]), {}), ("2-d convolve", "convolve", np.ones((1, 2)), np.array([1.0]), {}),
    ("0-d correlate", "correlate", np.array(3), np.array(2), {}),
]:
    add(f"{op} {name}", op, lambda: getattr(np, op)(a, v, **kw), [arr(a), arr(v)], kw)
long_a = rng.standard_normal(60)
long_v = rng.standard_normal(25)
for mode in ["full", "same", "valid"]:
    add(f"convolve long float64 {mode}", "convolve", lambda: np.convolve(long_a, long_v, mode=mode), [arr(long_a), arr(long_v)], {"mode": mode})

# ---- cumulative_sum / cumulative_prod ----
for op in ["cumulative_sum", "cumulative_prod"]:
    fn = getattr(np, op)
    for d in [d for d in DTYPES if d != "uint8"]:  # numpy accumulates uint8 in uint64, which tsdl lacks (int64, as cumsum)
        x = sample((3, 4), d, rng)
        for kw in [{"axis": 0}, {"axis": -1, "include_initial": True}]:
            add(f"{op} {d} {kw}", op, lambda: fn(x, **kw), [arr(x)], kw)
    for name, x, kw in [("1-d", np.arange(1, 6), {}), ("1-d initial", np.arange(1, 6), {"include_initial": True}), ("0-d", np.array(3), {}),
                        ("empty", np.array([]), {"include_initial": True}), ("empty 2-d", np.zeros((2, 0)), {"axis": 1, "include_initial": True}),
                        ("3-d", sample((2, 3, 2), "float64", rng), {"axis": 1, "include_initial": True}),
                        ("2-d without axis", np.ones((2, 2)), {}), ("axis out of range", np.ones(3), {"axis": 1})]:
        add(f"{op} {name}", op, lambda: fn(x, **kw), [arr(x)], kw)

write("calculus", cases)
