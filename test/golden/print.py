"""Golden printing: numpy's repr and str of many arrays, and its Dragon4 float formatting.

Each array case carries the array (dtype, shape, C-order data), the print options in force (none: numpy's
defaults) and numpy's repr(a) and str(a). A case may instead describe a view: `view: "T"` means the array is
the transpose of `base`, so the TypeScript side prints through non-contiguous strides.
Scalar cases call np.format_float_positional / np.format_float_scientific with the given keywords.
"""
import numpy as np

from common import encode, write

cases = []


def add(name, a, **printoptions):
    with np.printoptions(**printoptions):
        cases.append({"name": name, "array": encode(a), "printoptions": printoptions, "repr": repr(a), "str": str(a)})


def add_transposed(name, base):
    a = base.T
    cases.append({"name": name, "base": encode(base), "view": "T", "printoptions": {}, "repr": repr(a), "str": str(a)})


rng = np.random.RandomState(0)

# The notes' calorie example: what `100 * A / cal.reshape(1, 4)` prints.
A = np.array([[56.0, 0.0, 4.4, 68.0], [1.2, 104.0, 52.0, 8.0], [1.8, 135.0, 99.0, 0.9]])
cal = A.sum(axis=0)
add("calorie A", A)
add("calorie sums", cal)
add("calorie percentage", 100 * A / cal.reshape(1, 4))

# Floats: alignment, precision, unique digits.
add("simple 2x2", np.array([[1.0, 2.0], [3.0, 4.5]]))
add("integers as floats", np.arange(6.0).reshape(2, 3))
add("thirds", np.arange(1, 7) / 3)
add("one tenth steps", np.linspace(0, 1, 11))
add("negatives", np.array([-1.5, 2.25, -0.001, 3.0]))
add("negative zero", np.array([-0.0, 0.0, 1.0]))
add("only negative zero", np.array([-0.0]))
add("random normals", rng.randn(5))
add("random normals 2d", rng.randn(4, 3))
add("random normals 3d", rng.randn(2, 3, 4))
add("random normals 4d", rng.randn(2, 2, 2, 2))
add("uniform", rng.rand(3, 5))
add("rounding ties at precision", np.array([0.125, 0.375, 2.5e-9, 1.0000000050000001]))
add("carry into integer part", np.array([0.999999999, 9.9999999999, 99.999999996]))
add("large integers positional", np.array([12345678.0, 1.5]))
add("max positional float64", np.array([99999999.0, 0.5]))
add("all zeros", np.zeros((2, 3)))
add("single element", np.array([3.14159265358979]))
add("column vector", np.array([[1.0], [2.0], [3.0]]))
add("row vector", np.array([[1.0, 2.0, 3.0]]))
add("length-1 axes", np.ones((1, 1, 3)))

# Scientific notation: huge, tiny, wide ratios.
add("huge", np.array([1e8, 1.0]))
add("tiny", np.array([1e-5, 1.0]))
add("ratio over 1000", np.array([0.001, 2.0, 1500.0]))
add("ratio exactly 1000", np.array([1.0, 1000.0]))
add("tiny and huge", np.array([1e-300, 1e300, -2.5e-10]))
add("exponent three digits", np.array([1.5e100, 2.0, 3e-5]))
add("subnormal", np.array([5e-324, 1.0]))
add("scientific negatives", np.array([-1.23456789e-7, 4.5e6, -3.0]))
add("scientific random", rng.randn(3, 3) * 1e9)
add("scientific with nan", np.array([np.nan, 1e10, -np.inf]))

# Non-finite values.
add("nan and inf", np.array([np.nan, np.inf, -np.inf, 1.5]))
add("only nan", np.array([np.nan, np.nan]))
add("inf only", np.array([np.inf]))
add("neg inf only", np.array([-np.inf, np.inf]))
add("nan with long fraction", np.array([np.nan, 0.123456]))

# Suppress and precision.
add("suppress small", np.array([1e-10, 1.0, 2.5]), suppress=True)
add("suppress tiny", np.array([1e-5, 4e-7, 2.0, 3.0]), precision=6, suppress=True)
add("precision 3", rng.randn(2, 4), precision=3)
add("precision 0", np.array([0.5, 1.5, 2.5, -0.4]), precision=0)
add("precision 12", np.array([np.pi, np.e]), precision=12)
add("precision 2 scientific", np.array([1e-6, 123.456]), precision=2)
add("floatmode fixed", np.array([0.1, 1.0, 2.25]), floatmode="fixed")
add("floatmode unique", np.array([0.1, 1 / 3, 2.25]), floatmode="unique")
add("floatmode maxprec_equal", np.array([0.1, 1 / 3, 2.25]), floatmode="maxprec_equal", precision=4)
add("floatmode maxprec_equal short", np.array([0.5, 0.25, 2.0]), floatmode="maxprec_equal")
add("floatmode fixed scientific", np.array([1e-7, 1.0]), floatmode="fixed", precision=3)
add("floatmode unique scientific", np.array([1e-7, 1 / 3]), floatmode="unique")
add("sign plus", np.array([1.0, -2.5, 0.0]), sign="+")
add("sign space", np.array([1.0, 2.5]), sign=" ")
add("sign space with negative", np.array([1.0, -2.5]), sign=" ")
add("sign plus with nan", np.array([np.nan, np.inf, 1.0]), sign="+")
add("sign plus scientific", np.array([1e-9, -1.0]), sign="+")
add("sign plus ints", np.array([1, -20, 3]), sign="+")
add("sign space ints", np.array([1, 20, 3]), sign=" ")
add("sign space ints negative", np.array([1, -20, 3]), sign=" ")
add("custom nanstr", np.array([np.nan, 1.0, np.inf]), nanstr="NaN", infstr="Infinity")

# Line width.
add("long 1-d wraps", np.arange(40.0) * 1.1)
add("long int 1-d wraps", np.arange(100))
add("wide 2-d wraps", rng.randn(3, 12))
add("linewidth 40", np.arange(20.0), linewidth=40)
add("linewidth 20 2-d", np.arange(12.0).reshape(3, 4) / 3, linewidth=20)
add("dtype suffix wraps", np.arange(24, dtype=np.int32) * 1000)
add("dtype on new line", np.arange(18, dtype=np.int32) * 10000)

# Summarisation.
add("1001 elements", np.arange(1001.0))
add("1001 ints", np.arange(1001))
add("large 2-d", np.arange(2000.0).reshape(40, 50))
add("large 3-d", np.arange(2400).reshape(10, 12, 20))
add("large random", rng.randn(35, 30))
add("threshold 5", np.linspace(0, 10, 10), precision=2, suppress=True, threshold=5)
add("edgeitems 1", np.arange(30).reshape(5, 6), threshold=10, edgeitems=1)
add("summarised axis not longer than edges", np.arange(1200.0).reshape(3, 400))
add("summary decides scientific", np.concatenate([[1e-9], np.ones(1000), [1e-9]]))
add("summary hides tiny middle", np.concatenate([np.ones(4), [1e-9], np.ones(1000)]))
add("large float32", np.arange(1500, dtype=np.float32) / 7)

# Integer dtypes.
add("int64", np.array([1, -2, 300]))
add("int64 2-d", np.arange(-6, 6).reshape(3, 4))
add("int64 large", np.array([2**53, -(2**40), 7]))
add("int32", np.array([[1, 2], [3, 4]], dtype=np.int32))
add("int32 negative", np.array([-2147483648, 2147483647], dtype=np.int32))
add("uint8", np.array([0, 7, 255], dtype=np.uint8))
add("uint8 2-d", np.arange(12, dtype=np.uint8).reshape(3, 4))

# Bool.
add("bool", np.array([True, False, True]))
add("bool 2-d", np.array([[True, False], [False, False]]))
add("bool long", np.arange(30) % 3 == 0)

# float32: shortest digits of float32, its own scientific cutoff.
add("float32", np.array([0.1, 0.2, 0.3], dtype=np.float32))
add("float32 thirds", (np.arange(1, 7) / 3).astype(np.float32))
add("float32 random", rng.randn(3, 4).astype(np.float32))
add("float32 million", np.array([1e6, 1.0], dtype=np.float32))
add("float32 below million", np.array([999999.0, 1.5], dtype=np.float32))
add("float32 tiny", np.array([1e-4, 1e-5, 1.0], dtype=np.float32))
add("float32 precision 10", np.array([0.1, 2.0 / 3], dtype=np.float32), precision=10)
add("float32 unique", np.array([0.1, 2.0 / 3, 16777216.0], dtype=np.float32), floatmode="unique")
add("float32 fixed", np.array([0.1, 2.0 / 3], dtype=np.float32), floatmode="fixed")
add("float32 powers of two", np.array([2.0**-20, 2.0**-10, 0.5], dtype=np.float32))
add("float32 nan", np.array([np.nan, 1.0], dtype=np.float32))

# 0-d arrays: repr through the array formatter, str as the scalar.
add("0-d float", np.array(3.0))
add("0-d float fraction", np.array(0.1))
add("0-d float big", np.array(1e16))
add("0-d float 1e15", np.array(1e15))
add("0-d float tiny", np.array(1.5e-5))
add("0-d float 1e-4", np.array(1e-4))
add("0-d negative zero", np.array(-0.0))
add("0-d nan", np.array(np.nan))
add("0-d inf", np.array(-np.inf))
add("0-d long", np.array(123456789.123))
add("0-d float32", np.array(0.1, dtype=np.float32))
add("0-d float32 million", np.array(1048576.0, dtype=np.float32))
add("0-d float32 1e-4", np.array(1e-4, dtype=np.float32))
add("0-d float32 just above 1e-4", np.array(1.0001e-4, dtype=np.float32))
add("0-d int", np.array(42))
add("0-d int32", np.array(-7, dtype=np.int32))
add("0-d uint8", np.array(200, dtype=np.uint8))
add("0-d bool", np.array(True))
add("0-d bool false", np.array(False))

# Empty arrays.
add("empty float", np.array([]))
add("empty 0x3", np.zeros((0, 3)))
add("empty 2x0", np.zeros((2, 0)))
add("empty int32", np.zeros((0,), dtype=np.int32))
add("empty bool 3-d", np.zeros((2, 0, 3), dtype=bool))

# Views: printing follows strides.
add_transposed("transposed view", np.arange(12.0).reshape(3, 4) / 7)
add_transposed("transposed int view", np.arange(6, dtype=np.int32).reshape(2, 3))

# Dragon4 directly: numpy's format_float_positional / format_float_scientific.
scalar_cases = []


def fmt(function, value, dtype="float64", **kwargs):
    with np.errstate(over="ignore"):  # float32 of a float64 beyond its range is inf, as intended
        x = np.float32(value) if dtype == "float32" else np.float64(value)
    scalar_cases.append({
        "name": f"{function.__name__}({dtype}({value!r}), {kwargs})",
        "function": function.__name__,
        "value": float(x) if np.isfinite(x) else str(x),
        "dtype": dtype,
        "options": kwargs,
        "result": function(x, **kwargs),
    })


pos, sci = np.format_float_positional, np.format_float_scientific
for v in [0.1, 0.1 + 0.2, 1 / 3, 2.5, 1e22, 1.7976931348623157e308, 5e-324, 123456.789, -0.0, 0.0, 9.5, 1e-7]:
    fmt(pos, v)
    fmt(sci, v)
    fmt(pos, v, "float32")
    fmt(sci, v, "float32")
fmt(pos, 0.125, precision=2)
fmt(pos, 0.375, precision=2)
fmt(pos, 0.0999999999, precision=8)
fmt(pos, 0.0999999999, precision=8, trim=".")
fmt(pos, 1.0, trim="-")
fmt(pos, 1.5, trim="-", pad_right=3)
fmt(pos, 1.0, trim="-", pad_right=3)
fmt(pos, 1.0, trim="0")
fmt(pos, 12.0, pad_left=5, pad_right=4)
fmt(pos, -12.5, pad_left=5, sign=True)
fmt(pos, 12.5, sign=True)
fmt(pos, 1 / 3, precision=4, unique=False)
fmt(pos, 0.5, precision=4, unique=False)
fmt(pos, 0.1, precision=20, unique=False)
fmt(pos, 0.1, "float32", precision=12, unique=False)
fmt(pos, 0.1, min_digits=5)
fmt(pos, 0.1, "float32", min_digits=12)
fmt(pos, 123.456, precision=4, fractional=False)
fmt(pos, 0.00123456, precision=3, fractional=False)
fmt(pos, 1e-10, precision=8)
fmt(pos, 6e-9, precision=8)
fmt(pos, 1e20, precision=3)
fmt(sci, 12345.678, precision=2)
fmt(sci, 1e-5, precision=2, unique=False)
fmt(sci, 1.0, trim="-")
fmt(sci, 1.5, trim="-")
fmt(sci, 1.0, trim=".")
fmt(sci, 1.0, trim="0")
fmt(sci, 3.0, exp_digits=4)
fmt(sci, 1e-100, exp_digits=1)
fmt(sci, -2.5, pad_left=4)
fmt(sci, 2.5, sign=True, pad_left=4)
fmt(sci, 9.9999999999, precision=3)
fmt(sci, 0.1, min_digits=6)
fmt(sci, 1.0 / 3, "float32", precision=12, unique=False)
fmt(sci, 2.0**-20, "float32", min_digits=10)
fmt(sci, 1.7976931348623157e308, precision=30, unique=False)
fmt(pos, np.nan, sign=True)
fmt(sci, -np.inf, sign=True)
fmt(pos, np.inf, sign=True)

if __name__ == "__main__":
    write("print", cases + scalar_cases)
