"""Golden cases for searching: searchsorted (sides, sorter, NaN, dtypes) and isin."""
import numpy as np
from common import DTYPES, arr, case, write

rng = np.random.default_rng(3)


def sample(shape, dtype):
    """Small values with one decimal, so that the sorted arrays hold ties and the searched values hit them."""
    if dtype == "bool":
        return rng.integers(0, 2, shape).astype(bool)
    if dtype == "uint8":
        return rng.integers(0, 256, shape).astype(np.uint8)
    if dtype in ("int32", "int64"):
        return rng.integers(-10, 10, shape).astype(dtype)
    return np.round(rng.standard_normal(shape) * 5, 1).astype(dtype)


cases = []


def add(name, op, fn, args, kwargs=None):
    cases.append(case(name, op, fn, args, kwargs))


# ---- searchsorted ----
for d in DTYPES:
    a = np.sort(sample((12,), d))
    v = np.concatenate([a[::3], sample((5,), d)]).reshape(3, 3)  # values present in a, and others
    for side in ["left", "right"]:
        kw = {"side": side}
        add(f"searchsorted {d} {side}", "searchsorted", lambda: np.searchsorted(a, v, side=side), [arr(a), arr(v)], kw)
ties = np.array([1, 2, 2, 2, 3, 5, 5, 8])
for v in [2, 5, 0, 9, 4.5, True, 2.0]:
    for side in ["left", "right"]:
        add(f"searchsorted scalar {v!r} {side}", "searchsorted", lambda: np.searchsorted(ties, v, side=side), [arr(ties), v], {"side": side})
add("searchsorted default side", "searchsorted", lambda: np.searchsorted(ties, [2, 5]), [arr(ties), arr(np.array([2, 5]))])
nans = np.array([-1.5, 0.0, 2.0, np.nan, np.nan])
probe = np.array([np.nan, -np.inf, np.inf, -0.0, 0.0, 2.0, 3.0])
for side in ["left", "right"]:
    add(f"searchsorted nan {side}", "searchsorted", lambda: np.searchsorted(nans, probe, side=side), [arr(nans), arr(probe)], {"side": side})
mixed = np.array([0.1, 0.2, 0.3], np.float32)
add("searchsorted float32 array, float64 value", "searchsorted", lambda: np.searchsorted(mixed, np.array([0.1, 0.2])), [arr(mixed), arr(np.array([0.1, 0.2]))])
add("searchsorted int array, float values", "searchsorted", lambda: np.searchsorted(ties, np.array([1.5, 2.0, 7.9])), [arr(ties), arr(np.array([1.5, 2.0, 7.9]))])
add("searchsorted empty array", "searchsorted", lambda: np.searchsorted(np.array([]), np.array([1.0, 2.0])), [arr(np.array([])), arr(np.array([1.0, 2.0]))])
add("searchsorted empty values", "searchsorted", lambda: np.searchsorted(ties, np.zeros((2, 0))), [arr(ties), arr(np.zeros((2, 0)))])
add("searchsorted 0-d value", "searchsorted", lambda: np.searchsorted(ties, np.array(3)), [arr(ties), arr(np.array(3))])
strided = np.arange(20)[::3]
add("searchsorted strided", "searchsorted", lambda: np.searchsorted(strided, np.array([4, 9, 18])), [arr(strided), arr(np.array([4, 9, 18]))])
unsorted = np.array([30, 10, 20, 10, 40])
order = np.argsort(unsorted, kind="stable")
for side in ["left", "right"]:
    add(f"searchsorted sorter {side}", "searchsorted", lambda: np.searchsorted(unsorted, [10, 25, 40, 50], side=side, sorter=order),
        [arr(unsorted), arr(np.array([10, 25, 40, 50]))], {"side": side, "sorter": arr(order)})
for name, kw in [("bad side", {"side": "middle"}), ("abbreviated side", {"side": "l"}), ("capitalised side", {"side": "Right"}), ("empty side", {"side": ""}),
                 ("short sorter", {"sorter": np.array([1, 0])}), ("sorter out of range", {"sorter": np.array([0, 1, 2, 3, 5])}),
                 ("negative sorter", {"sorter": np.array([0, 1, 2, 3, -1])}), ("2-d sorter", {"sorter": np.array([[0, 1, 2, 3, 4]])}),
                 ("float sorter", {"sorter": np.array([0.0, 1, 2, 3, 4])})]:
    enc = {k: arr(x) if isinstance(x, np.ndarray) else x for k, x in kw.items()}
    add(f"searchsorted {name}", "searchsorted", lambda: np.searchsorted(unsorted, [10], **kw), [arr(unsorted), arr(np.array([10]))], enc)
# numpy checks only the sorter entries its search reads, carrying bounds over from the previous value.
for name, bad_at, values in [("bad sorter entry read after a carried bound", 3, [10, 45]), ("bad sorter entry never read", 4, [10, 20])]:
    bad = order.copy()
    bad[bad_at] = 7
    add(f"searchsorted {name}", "searchsorted", lambda: np.searchsorted(unsorted, values, side="right", sorter=bad),
        [arr(unsorted), arr(np.array(values))], {"side": "right", "sorter": arr(bad)})
digits = np.array([5, 3, 8, 1, 9, 2, 7, 4, 6, 0])
bad = np.argsort(digits)
bad[2] = 99
add("searchsorted bad sorter entry outside a bound carried down", "searchsorted", lambda: np.searchsorted(digits, [6, 0], sorter=bad),
    [arr(digits), arr(np.array([6, 0]))], {"sorter": arr(bad)})
for name, a in [("2-d array", np.ones((2, 2))), ("0-d array", np.array(1))]:
    add(f"searchsorted {name}", "searchsorted", lambda: np.searchsorted(a, 2), [arr(a), 2])

# ---- isin ----
for d in DTYPES:
    x = sample((3, 4), d)
    t = sample((5,), d)
    for invert in [False, True]:
        add(f"isin {d} invert={invert}", "isin", lambda: np.isin(x, t, invert=invert), [arr(x), arr(t)], {"invert": invert})
for name, x, t in [
    ("nan", np.array([np.nan, 1.0, 2.0]), np.array([np.nan, 2.0])), ("signed zero", np.array([-0.0, 0.0, 1.0]), np.array([0.0])),
    ("bool against int", np.array([True, False]), np.array([1, 5])), ("float against int", np.array([1.0, 1.5, 2.0]), np.array([1, 2])),
    ("0-d element", np.array(3), np.array([1, 3])), ("empty tests", np.array([1, 2]), np.array([], dtype=np.int64)),
    ("empty element", np.zeros((0, 2)), np.array([1.0])), ("2-d tests", np.arange(6).reshape(2, 3), np.array([[0, 5], [7, 3]])),
    ("transposed", np.arange(6).reshape(2, 3).T, np.array([1, 4])), ("float32 against float64", np.array([0.1, 0.5], np.float32), np.array([0.1, 0.5])),
]:
    add(f"isin {name}", "isin", lambda: np.isin(x, t), [arr(x), arr(t)])
add("isin scalar tests", "isin", lambda: np.isin(np.array([1, 2]), 2), [arr(np.array([1, 2])), 2])

# ---- partition and argpartition ----
# numpy leaves the order within each part unspecified, so only their checks are compared here (the partition
# property is tested in sorting.test.ts).
a3 = np.array([3, 1, 2])
for op in ["partition", "argpartition"]:
    for name, x, kth, kw in [("kth too large", a3, 5, {}), ("kth too small", a3, -4, {}), ("list with one too large", a3, [0, 5], {}),
                             ("fractional kth", a3, 1.5, {}), ("0-d", np.array(3), 0, {}), ("axis out of range", a3, 0, {"axis": 1})]:
        add(f"{op} {name}", op, lambda: getattr(np, op)(x, kth, **kw), [arr(x), kth], kw)

write("searching", cases)
