"""Golden cases for polynomials: polyval, polyder, polyint, vander and polyfit."""
import warnings

import numpy as np
from common import DTYPES, arr, case, sample, write, argument

rng = np.random.default_rng(17)
cases = []


def add(name, op, fn, args, kwargs=None):
    cases.append(case(name, op, fn, args, kwargs))


# ---- polyval ----
for pd in DTYPES:
    for xd in DTYPES:
        p = sample((3,), pd, rng) if pd != "uint8" else np.array([3, 0, 7], np.uint8)
        x = sample((2, 3), xd, rng) if xd != "uint8" else np.array([[1, 2, 3], [0, 4, 5]], np.uint8)
        add(f"polyval p {pd} x {xd}", "polyval", lambda: np.polyval(p, x), [arr(p), arr(x)])
for name, p, x in [("scalar x", np.array([1.5, 2.0]), 3), ("int scalar x", np.array([3, 0, 1]), 5), ("0-d x", np.array([1, -2]), np.array(2.5)),
                   ("empty p", np.array([], np.float32), np.array([[1, 2]], np.int32)), ("empty x", np.array([1.0, 2.0]), np.zeros((0, 2))),
                   ("2-d p", np.array([[1, 2], [3, 4]]), np.array([1, 2])), ("0-d p", np.array(2.0), np.array([1.0]))]:
    add(f"polyval {name}", "polyval", lambda: np.polyval(p, x), [arr(p), argument(x)])

# ---- polyder / polyint ----
for d in DTYPES:
    p = sample((5,), d, rng)
    for m in [0, 1, 2, 4, 6]:
        add(f"polyder {d} m={m}", "polyder", lambda: np.polyder(p, m), [arr(p), m])
        add(f"polyint {d} m={m}", "polyint", lambda: np.polyint(p, m), [arr(p), m])
for name, p, m, kw in [("k scalar", np.array([1.0, 2.0, 3.0]), 1, {"k": 5.0}), ("k scalar twice", np.array([6]), 2, {"k": 3}),
                       ("k per integration", np.array([1, 2, 3]), 2, {"k": np.array([1.0, 2.0, 3.0])}), ("k array of 2", np.array([6]), 2, {"k": np.array([1, 2])}),
                       ("k too short", np.array([1, 2, 3]), 3, {"k": np.array([1, 2])}), ("negative m", np.array([1, 2]), -1, {}), ("empty", np.array([]), 1, {}),
                       ("0-d", np.array(3.0), 1, {})]:
    add(f"polyint {name}", "polyint", lambda: np.polyint(p, m, **kw), [arr(p), m], {k: argument(v) for k, v in kw.items()})
for name, p, m in [("negative m", np.array([1, 2, 3]), -1), ("0-d", np.array(3), 1), ("2-d", np.array([[1, 2], [3, 4]]), 1), ("empty", np.array([], np.int32), 1),
                   ("constant", np.array([7.5]), 1), ("2-d m=0", np.array([[1, 2], [3, 4]]), 0)]:
    add(f"polyder {name}", "polyder", lambda: np.polyder(p, m), [arr(p), m])

# ---- vander ----
for d in DTYPES:
    x = sample((4,), d, rng)
    for kw in [{}, {"N": 6}, {"N": 3, "increasing": True}]:
        add(f"vander {d} {kw}", "vander", lambda: np.vander(x, **kw), [arr(x)], kw)
for name, x, kw in [("N 0", np.array([1, 2]), {"N": 0}), ("N 1", np.array([1.5, 2]), {"N": 1}), ("empty", np.array([]), {}), ("negative N", np.array([1, 2]), {"N": -1}),
                    ("2-d", np.array([[1, 2]]), {}), ("0-d", np.array(2), {})]:
    add(f"vander {name}", "vander", lambda: np.vander(x, **kw), [arr(x)], kw)

# ---- polyfit ----
xs = np.linspace(-3, 4, 15)
noise = rng.standard_normal(15) * 0.1
for deg in [0, 1, 2, 3, 5]:
    ys = np.polyval([0.5, -1.0, 2.0, 0.25, 3.0, -1.5][-(deg + 1):], xs) + noise
    add(f"polyfit deg {deg}", "polyfit", lambda: np.polyfit(xs, ys, deg), [arr(xs), arr(ys), deg])
weights = rng.random(15) + 0.5
y2 = np.stack([np.sin(xs), np.cos(xs), xs ** 2], axis=1)
for name, x, y, deg, kw in [
    ("weights", xs, np.sin(xs), 3, {"w": weights}), ("2-d y", xs, y2, 2, {}), ("2-d y weights", xs, y2, 4, {"w": weights}),
    ("int data", np.arange(6), np.array([1, 3, 7, 13, 21, 31]), 2, {}), ("float32 data", xs.astype(np.float32), np.cos(xs).astype(np.float32), 2, {}),
    ("exact line", np.array([0.0, 1.0, 2.0, 3.0]), np.array([1.0, 3.0, 5.0, 7.0]), 1, {}), ("interpolating", np.array([0.0, 1.0, 3.0]), np.array([2.0, -1.0, 4.0]), 2, {}),
    ("large x", np.linspace(1000, 1010, 11), np.linspace(0, 1, 11) ** 2, 2, {}),
    ("negative deg", xs, xs, -1, {}), ("2-d x", xs.reshape(3, 5), xs.reshape(3, 5), 1, {}), ("empty x", np.array([]), np.array([]), 1, {}),
    ("3-d y", xs, np.zeros((15, 1, 1)), 1, {}), ("0-d y", np.array([1.0]), np.array(1.0), 0, {}), ("lengths differ", xs, xs[:-1], 1, {}),
    ("2-d weights", xs, xs, 1, {"w": np.ones((15, 1))}), ("weights length", xs, xs, 1, {"w": np.ones(14)}),
    # Rank-deficient fits: numpy warns (RankWarning) and returns the minimum-norm coefficients.
    ("repeated x", np.array([1.0, 1.0, 1.0]), np.array([1.0, 2.0, 3.0]), 1, {}), ("fewer points than coefficients", np.array([1.0, 2.0]), np.array([1.0, 2.0]), 3, {}),
]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", np.exceptions.RankWarning)
        add(f"polyfit {name}", "polyfit", lambda: np.polyfit(x, y, deg, **kw), [arr(x), arr(y), deg], {k: argument(v) for k, v in kw.items()})

write("polynomial", cases)
