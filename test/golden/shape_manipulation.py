"""Golden cases for np's shape manipulation functions: flip, roll, repeat, tile, the split and stack families,
atleast_Nd, moveaxis, append, pad, broadcast_arrays, tril/triu/diag/diagonal, take, ndim and size.

Like core.py: each case names a tsdl function (`op`), its arguments and keyword options, and numpy's outcome.
Functions that return a list of arrays (split, broadcast_arrays, atleast_Nd of several) record `results`.
"""
import numpy as np
import common
from common import DTYPES, arr, case, encode, write

rng = np.random.default_rng(7)


def list_case(name, op, fn, args, kwargs=None):
    c = {"name": name, "op": op, "args": args, "kwargs": kwargs or {}}
    try:
        c["results"] = [encode(x) for x in fn()]
    except Exception as e:  # numpy's error is the expected value here
        c.update({"error": type(e).__name__, "message": str(e)})
    return c


def sample(shape, dtype):
    return common.sample(shape, dtype, rng)


cases = []
add = cases.append
m = np.arange(24).reshape(2, 3, 4)
m2 = np.arange(12).reshape(3, 4)
v = np.arange(6)
zero_d = np.array(7)
empty2 = np.zeros((0, 3))

# ---- flip ----
for d in DTYPES:
    x = sample((2, 3, 4), d)
    for ax in [None, 0, -1, [0, 2]]:
        kw = {} if ax is None else {"axis": ax}
        add(case(f"flip {d} axis {ax}", "flip", lambda: np.flip(x, None if ax is None else tuple(ax) if isinstance(ax, list) else ax), [arr(x)], kw))
for name, x, kw in [("1-d", v, {}), ("0-d", zero_d, {}), ("empty", empty2, {"axis": 0}), ("no axes", m, {"axis": []}),
                    ("repeated axis", m, {"axis": [0, 0]}), ("axis out of range", m, {"axis": 3}), ("negative axis out of range", m, {"axis": [0, -4]})]:
    ax = kw.get("axis")
    add(case(f"flip {name}", "flip", lambda: np.flip(x, tuple(ax) if isinstance(ax, list) else ax), [arr(x)], kw))
for op in ["fliplr", "flipud"]:
    for name, x in [("2-d", m2), ("3-d", m), ("1-d", v), ("0-d", zero_d)]:
        add(case(f"{op} {name}", op, lambda: getattr(np, op)(x), [arr(x)]))

# ---- roll ----
for d in DTYPES:
    x = sample((3, 4), d)
    add(case(f"roll {d} flat", "roll", lambda: np.roll(x, 5), [arr(x), 5]))
    add(case(f"roll {d} axis 1", "roll", lambda: np.roll(x, -1, axis=1), [arr(x), -1], {"axis": 1}))
for name, x, shift, ax in [
    ("1-d", v, 2, None), ("1-d negative beyond", v, -13, None), ("1-d list shifts", v, [1, 2], None), ("zero", m2, 0, 0),
    ("axis 0", m2, 1, 0), ("axis -1", m, 3, -1), ("pairs", m, [1, -2], [0, 2]), ("list shift one axis", m, [1, 2], 1),
    ("one shift list axes", m, 1, [0, 1]), ("same axis twice", m, [1, 1], [2, 2]), ("no axes", m2, 1, []),
    ("mismatch", m, [1, 2], [0, 1, 2]), ("axis out of range", m2, 1, 2), ("axes out of range", m2, [1, 1], [0, -3]),
    ("0-d", zero_d, 1, None), ("empty", empty2, 2, None), ("empty axis 1", empty2, 2, 1), ("by length", m2, 4, 1),
]:
    kw = {} if ax is None else {"axis": ax}
    add(case(f"roll {name}", "roll", lambda: np.roll(x, shift, axis=tuple(ax) if isinstance(ax, list) else ax), [arr(x), shift], kw))

# ---- repeat ----
for d in DTYPES:
    x = sample((2, 3), d)
    add(case(f"repeat {d} flat", "repeat", lambda: np.repeat(x, 2), [arr(x), 2]))
    add(case(f"repeat {d} axis 1", "repeat", lambda: np.repeat(x, [1, 0, 3], axis=1), [arr(x), [1, 0, 3]], {"axis": 1}))
for name, x, reps, ax in [
    ("list flat", v, [0, 1, 2, 3, 0, 1], None), ("axis 0", m2, 2, 0), ("axis -1", m, [2], -1), ("zero", m2, 0, 1),
    ("fractional", m2, [1.5, 2, 0.9], 0), ("0-d", zero_d, 3, None), ("0-d axis 0", zero_d, 3, 0), ("empty", empty2, 2, 0),
    ("too few", m2, [1, 2], 0), ("too many flat", v, [1, 2], None), ("negative", m2, -1, None), ("negative single", m2, [-1], 0),
    ("negative in list", m2, [1, -1, 2], 0), ("axis out of range", m2, 2, 2),
]:
    kw = {} if ax is None else {"axis": ax}
    add(case(f"repeat {name}", "repeat", lambda: np.repeat(x, reps, axis=ax), [arr(x), reps], kw))
for name, reps in [("0-d array", np.array(2)), ("uint8 array", np.array([1, 0, 2], np.uint8)), ("bool array", np.array([True, False, True])),
                   ("float array", np.array([1.0, 2.0, 0.0])), ("2-d array", np.array([[1, 2, 0]])), ("nested list", [[1, 2, 0]])]:
    add(case(f"repeat {name}", "repeat", lambda: np.repeat(m2, reps, axis=0), [arr(m2), arr(reps) if isinstance(reps, np.ndarray) else reps], {"axis": 0}))

# ---- tile ----
for d in DTYPES:
    x = sample((2, 3), d)
    add(case(f"tile {d}", "tile", lambda: np.tile(x, (2, 2)), [arr(x), [2, 2]]))
for name, x, reps in [("1-d int", v[:3], 3), ("longer reps", v[:2], [2, 1, 2]), ("shorter reps", m, 2), ("shorter list", m, [2, 1]),
                      ("zero", m2, 0), ("empty reps", m2, []), ("0-d", zero_d, [2, 3]), ("empty", empty2, [2, 2]),
                      ("ones", m2, [1, 1]), ("negative", m2, [2, -1]), ("fractional", m2, 1.5)]:
    add(case(f"tile {name}", "tile", lambda: np.tile(x, tuple(reps) if isinstance(reps, list) else reps), [arr(x), reps]))
add(case("tile transposed", "tile", lambda: np.tile(m2.T, (1, 2)), [arr(m2.T), [1, 2]]))

# ---- split family ----
for d in ["bool", "int32", "float32"]:
    x = sample((4, 6), d)
    add(list_case(f"split {d} axis 1", "split", lambda: np.split(x, 3, axis=1), [arr(x), 3], {"axis": 1}))
for name, x, ios, ax in [
    ("sections", v, 3, None), ("indices", v, [2, 3], None), ("unsorted indices", v, [5, 2, 10], None), ("negative indices", v, [-2], None),
    ("below start", v, [-10, 3], None), ("no indices", v, [], None), ("axis -1", m, 2, -1), ("axis 1 indices", m, [1], 1),
    ("unequal", v, 4, None), ("axis out of range", m2, 2, 2), ("axis below range", m2, 2, -3), ("0-d", zero_d, 1, None),
    ("empty", empty2, 3, 1), ("empty axis", empty2, 2, 0), ("zero sections", v, 0, None),
]:
    kw = {} if ax is None else {"axis": ax}
    for op in ["split", "array_split"]:
        add(list_case(f"{op} {name}", op, lambda: getattr(np, op)(x, ios, **kw), [arr(x), ios], kw))
for name, x, ios in [("7 in 3", np.arange(7), 3), ("2 in 3", np.arange(2), 3), ("2-d", m2, 2), ("negative", v, -1)]:
    add(list_case(f"array_split {name}", "array_split", lambda: np.array_split(x, ios), [arr(x), ios]))
for op, shapes in [("hsplit", [(4,), (2, 4), (2, 4, 6), ()]), ("vsplit", [(4, 2), (4, 2, 2), (4,)]), ("dsplit", [(2, 2, 4), (1, 2, 4, 2), (2, 4)])]:
    for shp in shapes:
        x = np.arange(int(np.prod(shp))).reshape(shp)
        add(list_case(f"{op} {shp}", op, lambda: getattr(np, op)(x, 2), [arr(x), 2]))
    x = np.arange(16).reshape((2, 2, 4) if op == "dsplit" else (4, 4))
    add(list_case(f"{op} indices", op, lambda: getattr(np, op)(x, [1, 3]), [arr(x), [1, 3]]))
add(list_case("hsplit unequal", "hsplit", lambda: np.hsplit(m2, 3), [arr(m2), 3]))

# ---- stacking and atleast_Nd ----
c1 = sample((3,), "int32")
c2 = sample((3, 2), "float32")
c3 = sample((3,), "bool")
for name, op, fn, args in [
    ("column_stack 1-d", "column_stack", lambda: np.column_stack([c1, c3]), [[arr(c1), arr(c3)]]),
    ("column_stack mixed", "column_stack", lambda: np.column_stack([c1, c2, c3]), [[arr(c1), arr(c2), arr(c3)]]),
    ("column_stack 0-d", "column_stack", lambda: np.column_stack([np.array(1), np.array(2.5)]), [[arr(np.array(1)), arr(np.array(2.5))]]),
    ("column_stack mismatch", "column_stack", lambda: np.column_stack([c1, v]), [[arr(c1), arr(v)]]),
    ("column_stack none", "column_stack", lambda: np.column_stack([]), [[]]),
    ("dstack 1-d", "dstack", lambda: np.dstack([c1, c3]), [[arr(c1), arr(c3)]]),
    ("dstack 2-d", "dstack", lambda: np.dstack([c2, c2 * 2]), [[arr(c2), arr(c2 * 2)]]),
    ("dstack 3-d", "dstack", lambda: np.dstack([m, m[:, :, :1]]), [[arr(m), arr(m[:, :, :1])]]),
    ("dstack 0-d", "dstack", lambda: np.dstack([np.array(1), np.array(2)]), [[arr(np.array(1)), arr(np.array(2))]]),
    ("dstack none", "dstack", lambda: np.dstack([]), [[]]),
]:
    add(case(name, op, fn, args))
for op in ["atleast_1d", "atleast_2d", "atleast_3d"]:
    for name, x in [("0-d", zero_d), ("1-d", c1), ("2-d", c2), ("3-d", m), ("4-d", np.zeros((1, 2, 1, 2)))]:
        add(case(f"{op} {name}", op, lambda: getattr(np, op)(x), [arr(x)]))
    add(list_case(f"{op} several", op, lambda: getattr(np, op)(zero_d, c1, c2), [arr(zero_d), arr(c1), arr(c2)]))

# ---- rollaxis and resize ----
r4 = np.arange(360).reshape(3, 4, 5, 6)
for axis, start in [(3, 1), (2, 0), (1, 4), (-1, 0), (0, 3), (2, 2), (1, -2), (3, 5), (4, 0), (1, -5)]:
    add(case(f"rollaxis {axis} {start}", "rollaxis", lambda: np.rollaxis(r4, axis, start), [arr(r4), axis, start]))
for name, x, shape in [("grow", np.array([1, 2, 3]), [2, 4]), ("shrink", np.arange(12).reshape(3, 4), [5]), ("float32", sample((2, 3), "float32"), [3, 3]),
                       ("bool", sample((3,), "bool"), [2, 2]), ("empty input", np.array([], dtype=np.int32), [2, 3]), ("to empty", np.arange(4), [0, 3]),
                       ("number shape", np.arange(3), 7), ("negative", np.arange(3), [2, -1]), ("transposed", np.arange(6).reshape(2, 3).T, [4])]:
    add(case(f"resize {name}", "resize", lambda: np.resize(x, shape), [arr(x), shape]))

# ---- moveaxis ----
for src, dst in [(0, -1), (-1, 0), (1, 1), ([0, 1], [2, 0]), ([0, 2], [-1, -2]), (0, [1]), ([], []),
                 (3, 0), (0, -4), ([0, 1], [1]), ([0, 0], [1, 2]), ([0, 1], [2, 2])]:
    add(case(f"moveaxis {src} {dst}", "moveaxis", lambda: np.moveaxis(m, src, dst), [arr(m), src, dst]))

# ---- append ----
for name, a, b, ax in [
    ("flat", m2, [1, 2], None), ("axis 0", m2, np.ones((1, 4)), 0), ("axis 1 promotes", m2, np.ones((3, 2), np.float32), 1),
    ("scalars", np.array(3), 4.5, None), ("bool and int", np.array([True]), np.array([2], np.uint8), None),
    ("ndim mismatch", m2, [1, 2, 3, 4], 0), ("axis out of range", m2, m2, 2), ("empty", np.zeros(0), [1, 2], None),
]:
    kw = {} if ax is None else {"axis": ax}
    args = [arr(a), arr(b) if isinstance(b, np.ndarray) else b]
    add(case(f"append {name}", "append", lambda: np.append(a, b, axis=ax), args, kw))

# ---- pad ----
for d in DTYPES:
    x = sample((2, 3), d)
    add(case(f"pad {d} constant", "pad", lambda: np.pad(x, 1), [arr(x), 1]))
    add(case(f"pad {d} edge", "pad", lambda: np.pad(x, [[1, 0], [2, 1]], mode="edge"), [arr(x), [[1, 0], [2, 1]]], {"mode": "edge"}))
p = np.arange(6).reshape(2, 3)
for name, x, width, kw in [
    ("pair", p, [1, 2], {}), ("per axis", p, [[1, 2], [3, 4]], {}), ("one pair", p, [[1, 2]], {}), ("column", p, [[1], [2]], {}),
    ("single list", p, [2], {}), ("zero", p, 0, {}), ("1-d", v, [2, 3], {}), ("3-d", m, [[0, 1], [1, 0], [2, 2]], {}),
    ("0-d", zero_d, 2, {}), ("value", p, 1, {"constant_values": 9}), ("value pairs", p, [[1, 2], [3, 4]], {"constant_values": [[7, 8], [9, 10]]}),
    ("value pair", p, 1, {"constant_values": [5, 6]}), ("float value into int", p, 1, {"constant_values": 1.7}),
    ("negative value into uint8", p.astype(np.uint8), 1, {"constant_values": -1}), ("large value into uint8", p.astype(np.uint8), 1, {"constant_values": 300}),
    ("value into bool", p.astype(bool), 1, {"constant_values": 2}), ("nan value", p.astype(np.float32), 1, {"constant_values": float("nan")}),
    ("empty constant", empty2, [[1, 1], [0, 2]], {}), ("constant mode", p, 1, {"mode": "constant", "constant_values": 3}),
    ("negative width", p, -1, {}), ("negative in pairs", p, [[1, 2], [0, -1]], {}), ("too many widths", p, [1, 2, 3], {}),
    ("too many pairs", p, [[1, 2], [3, 4], [5, 6]], {}), ("fractional width", p, 1.5, {}), ("bad values", p, 1, {"constant_values": [1, 2, 3]}),
    ("unknown mode", p, 1, {"mode": "foo"}), ("edge with value", p, 1, {"mode": "edge", "constant_values": 3}),
]:
    # JSON has no NaN: the fixture carries it as "nan", which the vitest side decodes.
    sent = {k: ("nan" if isinstance(w, float) and w != w else w) for k, w in kw.items()}
    add(case(f"pad {name}", "pad", lambda: np.pad(x, width, **kw), [arr(x), width], sent))
for mode in ["edge", "reflect", "symmetric", "wrap"]:
    for name, x, width in [("1-d", v[:3], 7), ("1-d uneven", v[:4], [5, 2]), ("2-d", p, [[2, 3], [4, 1]]), ("3-d", m, 2),
                           ("length 1", np.array([4]), 3), ("length 2", np.array([1, 2]), [5, 6]), ("zero width", p, 0),
                           ("transposed", m2.T, [[1, 2], [5, 0]]), ("empty", empty2, 1), ("empty unpadded axis", empty2, [[0, 0], [1, 1]])]:
        add(case(f"pad {mode} {name}", "pad", lambda: np.pad(x, width, mode=mode), [arr(x), width], {"mode": mode}))
    add(case(f"pad {mode} float32", "pad", lambda: np.pad(c2, 3, mode=mode), [arr(c2), 3], {"mode": mode}))

# ---- broadcast_arrays ----
for name, xs in [
    ("pair", [np.arange(3), np.zeros((2, 1))]), ("three", [np.ones((2, 3)), np.arange(4).reshape(4, 1, 1), np.array(5)]),
    ("same", [m2, m2 * 2.5]), ("one", [m]), ("none", []), ("empty", [np.zeros((0, 1)), np.arange(3)]),
    ("mismatch", [np.zeros(2), np.zeros(3)]), ("mismatch later arg", [np.zeros((2, 1)), np.zeros(3), np.zeros(4)]),
    ("mismatch leading", [np.zeros((2, 1)), np.zeros((1, 3)), np.zeros((4, 1, 1)), np.zeros((5, 1, 1))]),
]:
    add(list_case(f"broadcast_arrays {name}", "broadcast_arrays", lambda: np.broadcast_arrays(*xs), [arr(x) for x in xs]))

# ---- tril, triu, diag, diagonal ----
for op in ["tril", "triu"]:
    for d in DTYPES:
        x = sample((3, 4), d)
        add(case(f"{op} {d}", op, lambda: getattr(np, op)(x), [arr(x)]))
    for name, x, k in [("k 1", m2, 1), ("k -1", m2, -1), ("k large", m2, 5), ("k very negative", m2, -5), ("tall", m2.T, 0),
                       ("3-d", m, 1), ("1-d", v[:4], 0), ("1-d k -1", v[:4], -1), ("empty", empty2, 0), ("0-d", zero_d, 0)]:
        add(case(f"{op} {name}", op, lambda: getattr(np, op)(x, k), [arr(x)], {"k": k}))
for d in DTYPES:
    x = sample((4,), d)
    add(case(f"diag {d} 1-d", "diag", lambda: np.diag(x), [arr(x)]))
    y = sample((3, 4), d)
    add(case(f"diag {d} 2-d", "diag", lambda: np.diag(y), [arr(y)]))
for name, x, k in [("1-d k 2", c1, 2), ("1-d k -1", c1, -1), ("2-d k 1", m2, 1), ("2-d k -2", m2, -2), ("2-d k out", m2, 5),
                   ("2-d k out negative", m2, -3), ("transposed", m2.T, 1), ("empty 1-d", np.zeros(0), 1), ("0-d", zero_d, 0), ("3-d", m, 0)]:
    add(case(f"diag {name}", "diag", lambda: np.diag(x, k), [arr(x)], {"k": k}))
for name, x, kw in [
    ("default", m2, {}), ("offset 2", m2, {"offset": 2}), ("offset -1", m2, {"offset": -1}), ("offset out", m2, {"offset": 4}),
    ("3-d", m, {}), ("3-d axes 1 2", m, {"axis1": 1, "axis2": 2}), ("3-d axes 2 0 offset", m, {"offset": 1, "axis1": 2, "axis2": 0}),
    ("3-d negative axes", m, {"offset": -1, "axis1": -1, "axis2": -3}), ("bool", sample((3, 3), "bool"), {}),
    ("same axes", m2, {"axis1": 0, "axis2": -2}), ("axis1 out of range", m, {"axis1": 3}), ("axis2 out of range", m2, {"axis2": 2}),
    ("1-d", v, {}), ("empty", empty2, {}),
]:
    add(case(f"diagonal {name}", "diagonal", lambda: np.diagonal(x, **kw), [arr(x)], kw))

# ---- take ----
for d in DTYPES:
    x = sample((3, 4), d)
    add(case(f"take {d} flat", "take", lambda: np.take(x, [0, 11, -1, 5]), [arr(x), [0, 11, -1, 5]]))
    add(case(f"take {d} axis 1", "take", lambda: np.take(x, [[3, 0], [1, 1]], axis=1), [arr(x), [[3, 0], [1, 1]]], {"axis": 1}))
t = np.arange(3) * 10
for name, x, idx, kw in [
    ("scalar", t, 2, {}), ("negative scalar", t, -3, {}), ("out of bounds", t, 5, {}), ("negative out of bounds", t, -4, {}),
    ("2-d flat out of bounds", m2, 12, {}), ("axis 0", m2, [2, 0, 2], {"axis": 0}), ("axis -1 scalar", m, 1, {"axis": -1}),
    ("axis 1 out of bounds", m2, [4], {"axis": 1}), ("axis out of range", m2, 1, {"axis": 2}), ("empty indices", t, [], {}),
    ("fractional list", t, [1.5, 0.2], {}), ("bool list", t, [True, False], {}), ("0-d", zero_d, 0, {}), ("0-d axis 0", zero_d, [0, 0], {"axis": 0}),
    ("empty axis", empty2, [0], {}), ("empty axis 1", np.zeros((2, 0)), [0], {"axis": 1}), ("empty other axis", empty2, [5], {"axis": 1}),
    ("wrap", t, [5, -7, 3], {"mode": "wrap"}), ("clip", t, [5, -7, 1], {"mode": "clip"}), ("index array int32", m2, np.array([[1], [2]], np.int32), {"axis": 0}),
    ("index array uint8", t, np.array([2, 1], np.uint8), {}), ("index array bool", t, np.array([True, True, False]), {}),
    ("float index array", t, np.array([0.0, 1.0]), {}), ("transposed", m2.T, [3, 1], {"axis": 1}),
]:
    add(case(f"take {name}", "take", lambda: np.take(x, idx, **kw), [arr(x), arr(idx) if isinstance(idx, np.ndarray) else idx], kw))

# ---- ndim, size ----
for name, x in [("0-d", zero_d), ("1-d", v), ("3-d", m), ("empty", empty2)]:
    add(case(f"ndim {name}", "ndim", lambda: np.ndim(x), [arr(x)]))
    add(case(f"size {name}", "size", lambda: np.size(x), [arr(x)]))
add(case("ndim nested list", "ndim", lambda: np.ndim([[1, 2], [3, 4]]), [[[1, 2], [3, 4]]]))
add(case("ndim scalar", "ndim", lambda: np.ndim(5), [5]))
for ax in [0, -1, [0, 2], [], 3, [1, 1]]:
    add(case(f"size axis {ax}", "size", lambda: np.size(m, tuple(ax) if isinstance(ax, list) else ax), [arr(m)], {"axis": ax}))

write("shape_manipulation", cases)
