"""Golden cases for index tricks: unravel_index, ravel_multi_index, indices, ix_, select, the diagonal and
triangle index helpers, and the in-place fill_diagonal, put and putmask (whose case result is the array after)."""
import numpy as np
from common import DTYPES, arr, case, sample, write, parts_case, argument

rng = np.random.default_rng(23)
cases = []


def add(*args, **kwargs):
    cases.append(parts_case(*args, **kwargs))


# ---- unravel_index / ravel_multi_index ----
for d in ["bool", "uint8", "int32", "int64"]:
    idx = np.abs(sample((2, 3), d, rng)) % 42
    for order in ["C", "F"]:
        add(f"unravel_index {d} {order}", "unravel_index", lambda: np.unravel_index(idx, (7, 6), order=order), [arr(idx), [7, 6]], {"order": order})
for name, idx, shape in [("scalar", 5, [2, 3]), ("3-d shape", np.array([0, 23, 11, 17]), [2, 3, 4]), ("int shape", np.array([3, 4]), 5), ("empty", np.array([], np.int64), [2, 3]),
                         ("too large", 6, [2, 3]), ("negative", -1, [2, 3]), ("float", np.array([1.0]), [2, 3]), ("zero dim", 0, [2, 0]), ("negative dim", 0, [2, -3])]:
    add(f"unravel_index {name}", "unravel_index", lambda: np.unravel_index(idx, tuple(shape) if isinstance(shape, list) else shape), [argument(idx), shape])
rows, cols = np.array([3, 6, 6, 0]), np.array([4, 5, 1, 0])
for order in ["C", "F"]:
    add(f"ravel_multi_index {order}", "ravel_multi_index", lambda: np.ravel_multi_index((rows, cols), (7, 6), order=order), [[arr(rows), arr(cols)], [7, 6]], {"order": order})
bad_rows = np.array([3, 7, -1, -9])
for mode in ["clip", "wrap", ["clip", "raise"], ["wrap", "clip"]]:
    add(f"ravel_multi_index mode {mode}", "ravel_multi_index", lambda: np.ravel_multi_index((bad_rows, cols), (7, 6), mode=tuple(mode) if isinstance(mode, list) else mode),
        [[arr(bad_rows), arr(cols)], [7, 6]], {"mode": mode})
for name, mi, dims, kw in [
    ("scalars", (3, 1), (7, 6), {}), ("broadcast", (np.array([[1], [2]]), np.array([0, 1, 2])), (4, 3), {}), ("3-d", (np.array([1, 0]), np.array([2, 1]), np.array([3, 0])), (2, 3, 4), {}),
    ("bool", (np.array([True, False]), np.array([1, 2])), (2, 3), {}), ("empty", (np.array([], np.int64), np.array([], np.int64)), (2, 3), {}),
    ("out of range", (bad_rows, cols), (7, 6), {}), ("wrong length", (np.array([3]),), (7, 6), {}), ("float", (np.array([3.0]), np.array([1])), (7, 6), {}),
    ("shapes differ", (np.array([3, 1]), np.array([1, 2, 3])), (7, 6), {}), ("bad mode", (np.array([3]), np.array([1])), (7, 6), {"mode": "bad"}),
    ("bad mode and wrong length", (np.array([3]),), (7, 6), {"mode": "bad"}),
]:
    add(f"ravel_multi_index {name}", "ravel_multi_index", lambda: np.ravel_multi_index(mi, dims, **kw), [argument(mi), list(dims)], kw)

# ---- indices / ix_ ----
for name, dims, kw in [("2-d", [2, 3], {}), ("3-d", [2, 1, 3], {}), ("float", [2, 2], {"dtype": "float64"}), ("int32", [3], {"dtype": "int32"}), ("empty", [0, 2], {}), ("none", [], {}),
                       ("sparse", [2, 3], {"sparse": True}), ("sparse 3-d", [2, 3, 4], {"sparse": True})]:
    add(f"indices {name}", "indices", lambda: np.indices(tuple(dims), **kw), [dims], kw)
for name, seqs in [("two", [np.array([0, 1]), np.array([2, 4])]), ("three", [np.array([1]), np.array([0, 2]), np.array([3, 1, 0])]), ("bool", [np.array([True, False, True]), np.array([1, 2])]),
                   ("float", [np.array([1.5])]), ("empty float array", [np.array([], dtype=float)]), ("none", []), ("2-d", [np.array([[1]])]), ("0-d", [np.array(1)])]:
    add(f"ix_ {name}", "ix_", lambda: np.ix_(*seqs), [arr(s) for s in seqs])

# ---- select ----
x = np.arange(-4, 8).reshape(3, 4)
for d in DTYPES:
    c1 = sample((3, 4), d, rng)
    c2 = sample((4,), d, rng)
    add(f"select {d}", "select", lambda: np.select([x < 0, x > 4], [c1, c2]), [[arr(x < 0), arr(x > 4)], [arr(c1), arr(c2)]])
    add(f"select {d} default float", "select", lambda: np.select([x < 0, x > 4], [c1, c2], default=2.5), [[arr(x < 0), arr(x > 4)], [arr(c1), arr(c2)]], {"default": 2.5})
    add(f"select {d} default int", "select", lambda: np.select([x < 0], [c1], default=-3), [[arr(x < 0)], [arr(c1)]], {"default": -3})
for name, conds, choices, kw in [
    ("scalar choices", [x < 0, x > 4], [1, 2], {}), ("float scalar choice", [x < 0], [1.5], {"default": 7}), ("bool choices", [x < 0], [True], {"default": False}),
    ("overlapping conditions", [x < 3, x < 5], [x, -x], {}), ("default array", [x < 0], [x], {"default": np.full(4, 9.5, np.float32)}),
    ("0-d choice broadcast", [x > 2], [np.array(5)], {}), ("broadcast conditions", [np.array([True, False, True, False]), x > 6], [0.5, x], {}),
    ("uint8 default overflow", [x < 0], [np.zeros(4, np.uint8)], {"default": 300}),
    ("lengths differ", [x < 0], [1, 2], {}), ("empty", [], [], {}), ("int condition", [np.array([1, 0])], [1], {}), ("second condition not bool", [x < 0, x], [1, 2], {}),
]:
    add(f"select {name}", "select", lambda: np.select(conds, choices, **kw), [[argument(c) for c in conds], [argument(c) for c in choices]], {k: argument(v) for k, v in kw.items()})

# ---- diag_indices / tril_indices / triu_indices ----
for name, fn, args, kw in [
    ("diag_indices 3", np.diag_indices, [3], {}), ("diag_indices 3 3-d", np.diag_indices, [3, 3], {}), ("diag_indices 0", np.diag_indices, [0], {}),
    ("tril_indices 3", np.tril_indices, [3], {}), ("tril_indices 3 k=-1 m=4", np.tril_indices, [3], {"k": -1, "m": 4}), ("tril_indices 4 k=2", np.tril_indices, [4], {"k": 2}),
    ("tril_indices 2 m=5 k=10", np.tril_indices, [2], {"m": 5, "k": 10}), ("tril_indices 0", np.tril_indices, [0], {}),
    ("triu_indices 3", np.triu_indices, [3], {}), ("triu_indices 3 k=1", np.triu_indices, [3], {"k": 1}), ("triu_indices 4 k=-2 m=2", np.triu_indices, [4], {"k": -2, "m": 2}),
    ("triu_indices 3 k=5", np.triu_indices, [3], {"k": 5}),
]:
    add(name, fn.__name__, lambda: fn(*args, **kw), args, kw)
for name, fn, a, kw in [
    ("diag_indices_from", np.diag_indices_from, np.zeros((4, 4)), {}), ("diag_indices_from 3-d", np.diag_indices_from, np.zeros((2, 2, 2)), {}),
    ("diag_indices_from 1-d", np.diag_indices_from, np.zeros(3), {}), ("diag_indices_from unequal", np.diag_indices_from, np.zeros((2, 3)), {}),
    ("tril_indices_from", np.tril_indices_from, np.zeros((3, 5)), {"k": 1}), ("triu_indices_from", np.triu_indices_from, np.zeros((4, 2)), {}),
    ("tril_indices_from 3-d", np.tril_indices_from, np.zeros((2, 3, 1)), {}), ("triu_indices_from 1-d", np.triu_indices_from, np.zeros(3), {}),
]:
    add(name, fn.__name__, lambda: fn(a, **kw), [arr(a)], kw)


# ---- fill_diagonal / put / putmask (in place) ----
def mutated(fn, a, *args, **kw):
    fn(a, *args, **kw)
    return a


for d in DTYPES:
    base = sample((4, 4), d, rng)
    val = sample((3,), d, rng)
    add(f"fill_diagonal {d}", "fill_diagonal", lambda: mutated(np.fill_diagonal, base.copy(), val), [arr(base), arr(val)], inplace=True)
    add(f"put {d}", "put", lambda: mutated(np.put, base.copy(), np.array([0, -1, 5, 5]), val), [arr(base), arr(np.array([0, -1, 5, 5])), arr(val)], inplace=True)
    add(f"putmask {d}", "putmask", lambda: mutated(np.putmask, base.copy(), base > 0, val), [arr(base), arr(base > 0), arr(val)], inplace=True)
tall = np.zeros((7, 3), np.int64)
cube = np.zeros((3, 3, 3))
strided = np.zeros((4, 6))[:, ::2]
for name, a, val, kw in [
    ("scalar", np.zeros((3, 3)), 7, {}), ("tall", tall, [1, 2], {}), ("tall wrap", tall, [1, 2], {"wrap": True}), ("wide", np.zeros((2, 5), np.int32), 4, {}),
    ("3-d", cube, 5.5, {}), ("strided view", strided, [1.0, 2.0], {}), ("float into uint8 truncates", np.zeros((3, 3), np.uint8), 2.7, {}),
    ("empty values", np.zeros((3, 3)), np.array([]), {}),
    ("1-d", np.zeros(3), 7, {}), ("unequal 3-d", np.zeros((2, 3, 2)), 7, {}), ("overflow", np.zeros((3, 3), np.uint8), 300, {}), ("overflow in list", np.zeros((3, 3), np.uint8), [1, 300], {}),
]:
    add(f"fill_diagonal {name}", "fill_diagonal", lambda: mutated(np.fill_diagonal, a.copy() if a.flags.owndata else a, val, **kw), [arr(a), argument(val)], kw, inplace=True)
for name, a, ind, v, kw in [
    ("2-d flat indices", np.zeros((2, 3)), [0, 4, -2], [9.0], {}), ("wrap", np.zeros(5, np.int32), [7, -8, 2], [1, 2, 3], {"mode": "wrap"}),
    ("clip", np.zeros(5), [7, -8], [1.5, 2.5], {"mode": "clip"}), ("float index list truncates", np.zeros(5), [1.9, 3.2], [1, 2], {}),
    ("float index array", np.zeros(5), np.array([1.9, 3.2]), [1, 2], {}),
    ("empty values", np.zeros(5), [1], np.array([]), {}), ("empty indices", np.zeros(5), np.array([], np.int64), [1], {}), ("strided view", np.zeros(8)[::2], [1, 3], [5, 6], {}),
    ("out of range", np.zeros(6), [0, 6], [5, 6], {}), ("negative out of range", np.zeros(6), [0, -7], [5, 6], {}), ("empty array", np.zeros(0), [0], [1], {}),
    ("bad mode", np.zeros(6), [0], [1], {"mode": "bad"}), ("overflow", np.zeros(6, np.uint8), [0], [300], {}),
]:
    add(f"put {name}", "put", lambda: mutated(np.put, a, ind, v, **kw), [arr(a), argument(ind), argument(v)], kw, inplace=True)
for name, a, mask, v in [
    ("values by position", np.zeros(6), np.array([False, True, True, False, True, True]), [1.0, 2.0, 3.0, 4.0]), ("int mask", np.zeros(4, np.int32), np.array([1, 0, 2, 0]), [7, 8]),
    ("same size other shape", np.zeros((2, 3)), np.ones((3, 2), bool), [1.7]), ("float into int", np.zeros(3, np.int64), np.ones(3, bool), [1.7, -2.2]),
    ("empty values", np.zeros(3), np.ones(3, bool), np.array([])), ("strided view", np.zeros(8)[1::2], np.array([True, False, True, True]), np.array([5.0, 6.0])),
    ("size differs", np.zeros(6), np.ones(5, bool), [1]), ("overflow", np.zeros(3, np.uint8), np.ones(3, bool), [1, 300]),
]:
    add(f"putmask {name}", "putmask", lambda: mutated(np.putmask, a, mask, v), [arr(a), arr(mask), argument(v)], inplace=True)

write("index_tricks", cases)
