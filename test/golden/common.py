"""Shared encoding for golden fixtures: numpy computes, JSON carries the result to the vitest suites.

Each family has a script test/golden/<family>.py that builds a list of cases and calls write(); run
`python test/golden/generate.py` to regenerate every fixture. Floats are written with repr() so they
round-trip exactly; NaN and infinities travel as strings.
"""
import json
import math
import os
import numpy as np

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "fixtures")


def _scalar(x):
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def encode(value):
    """An ndarray (or numpy/Python scalar) as {dtype, shape, data}; data flat in C order."""
    if isinstance(value, np.ndarray):
        return {"dtype": value.dtype.name, "shape": list(value.shape), "data": [_scalar(x) for x in value.ravel().tolist()]}
    if isinstance(value, np.generic):
        return {"dtype": value.dtype.name, "shape": None, "data": [_scalar(value.item())]}
    return {"dtype": None, "shape": None, "data": [_scalar(value)]}


def outcome(fn):
    """Runs fn and encodes its result, or the numpy error it raises as {error: type, message}."""
    try:
        return {"result": encode(fn())}
    except Exception as e:  # numpy's error is the expected value here
        return {"error": type(e).__name__, "message": str(e)}


def write(name, cases):
    os.makedirs(FIXTURES, exist_ok=True)
    path = os.path.join(FIXTURES, name + ".json")
    with open(path, "w") as f:
        json.dump({"numpy": np.__version__, "cases": cases}, f, indent=0)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.relpath(path)}")
