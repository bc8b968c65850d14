"""Shared encoding for golden fixtures: numpy computes, JSON carries the result to the vitest suites.

Each family has a script test/golden/<family>.py that builds a list of cases and calls write(); run
`python test/golden/generate.py` to regenerate every fixture. Floats are written with repr() so they
round-trip exactly; NaN and infinities travel as strings.
"""
import json
import math
import os
import warnings

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


DTYPES = ["bool", "uint8", "int32", "int64", "float32", "float64"]


def arr(a):
    """An argument array, encoded (the vitest side decodes {"array": ...} into an NDArray)."""
    return {"array": encode(np.asarray(a))}


def case(name, op, fn, args, kwargs=None):
    """A case calling tsdl's np[op](*args, kwargs) and numpy's outcome of fn().

    numpy's RuntimeWarnings (empty or all-NaN slices, overflow) come with the NaN or inf result that is the
    expected value, so they are silenced.
    """
    c = {"name": name, "op": op, "args": args, "kwargs": kwargs or {}}
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        c.update(outcome(fn))
    return c


def sample(shape, dtype, gen):
    """Test data of a dtype from the generator `gen`: booleans, bytes, integers in [-20, 20), floats ~ N(0, 10)."""
    if dtype == "bool":
        return gen.integers(0, 2, shape).astype(bool)
    if dtype == "uint8":
        return gen.integers(0, 256, shape).astype(np.uint8)
    if dtype in ("int32", "int64"):
        return gen.integers(-20, 20, shape).astype(dtype)
    return (gen.standard_normal(shape) * 10).astype(dtype)


def parts_case(name, op, fn, args, kwargs=None, inplace=False):
    """A case whose numpy result may be a tuple or list (its parts encoded in order under "results");
    `inplace` marks a function that returns nothing, whose result is its first argument after the call."""
    parts = []
    c = case(name, op, lambda: parts.append(fn()) or 0, args, kwargs)
    if inplace:
        c["inplace"] = True
    if "result" in c:
        c.pop("result")
        value = parts[0]
        c.update({"results": [encode(p) for p in value]} if isinstance(value, (tuple, list)) else {"result": encode(value)})
    return c


def argument(v):
    """A value as a case argument: arrays encoded, tuples as lists, NaN and infinities as the strings JSON needs."""
    if isinstance(v, np.ndarray):
        return arr(v)
    if isinstance(v, tuple):
        return [argument(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if v != v else "inf" if v > 0 else "-inf"
    return v


def jsonable(kwargs):
    """Keyword arguments as case arguments (see `argument`)."""
    return {k: argument(v) for k, v in kwargs.items()}
