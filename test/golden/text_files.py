"""Text files and .npz archives written and read by numpy, for test/io.test.ts.

Writes test/fixtures/text/* (tables np.savetxt wrote, hand-made text files, .npz archives from np.savez and
np.savez_compressed) and test/fixtures/text_files.json with numpy's outcome of:
- loadtxt / genfromtxt cases ("op", "args", "kwargs" as test/helpers/cases.ts runs them; "file" marks a first
  argument that is a path under test/fixtures/);
- savetxt cases ("kind": "savetxt"): an array and options, and the exact text np.savetxt writes (or its error);
- npz cases ("kind": "npz"): an archive and the arrays numpy reads from it.
"""
import os
import tempfile
import warnings

import numpy as np

from common import FIXTURES, arr, encode, outcome, write

TEXT = os.path.join(FIXTURES, "text")


def case(name, op, args, kwargs=None, file=False):
    """A loadtxt/genfromtxt case: numpy's outcome of np.<op>(*args, **kwargs)."""
    real_args = [os.path.join(FIXTURES, args[0])] + args[1:] if file else args
    c = {"name": name, "op": op, "args": args, "kwargs": kwargs or {}, "file": file}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "input contained no data" accompanies the empty result
        c.update(outcome(lambda: getattr(np, op)(*real_args, **(kwargs or {}))))
    return c


def saved_text(name, array, **kwargs):
    """A savetxt case: the bytes np.savetxt writes to a file, decoded as UTF-8, or its error."""
    c = {"name": name, "kind": "savetxt", "array": arr(array)["array"], "kwargs": kwargs}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "out.txt")
        try:
            np.savetxt(path, array, **kwargs)
        except Exception as e:
            c.update({"error": type(e).__name__, "message": str(e)})
        else:
            with open(path, "rb") as f:
                c["text"] = f.read().decode("utf-8")
    return c


def text_file(name, content, encoding="utf-8"):
    with open(os.path.join(TEXT, name), "wb") as f:
        f.write(content.encode(encoding))
    return "text/" + name


def numpy_table(name, array, **kwargs):
    np.savetxt(os.path.join(TEXT, name), array, **kwargs)
    return "text/" + name


def npz_case(name, save, arrays):
    """An .npz archive numpy writes, and what np.load reads back from it."""
    path = os.path.join(TEXT, name + ".npz")
    if isinstance(arrays, dict):
        save(path, **arrays)
    else:
        save(path, *arrays)
    with np.load(path) as npz:
        return {"name": name, "kind": "npz", "file": "text/" + name + ".npz", "files": list(npz.files),
                "arrays": {key: encode(npz[key]) for key in npz.files}}


def loadtxt_cases():
    L = "loadtxt"
    return [
        case("whitespace 2x3", L, [["1 2 3", "4 5 6"]]),
        case("runs of spaces and tabs", L, [["  1\t 2   3  ", "\t4 5\t\t6"]]),
        case("csv", L, [["1.5,-2,3e2", "4,5.25,-6e-3"]], {"delimiter": ","}),
        case("csv spaces around values", L, [[" 1 , 2 ", "3 ,4"]], {"delimiter": ","}),
        case("comments and blank lines", L, [["# header", "1 2 # trailing", "", "   ", "3 4#x"]]),
        case("line endings", L, [["1 2\r\n", "3 4\r", "5 6\n"]]),
        case("comments none", L, [["1 2", "3 4"]], {"comments": None}),
        case("comment character", L, [["% header", "1 2 % c", "3 4"]], {"comments": "%"}),
        case("multi-character comment", L, [["1,2 // x", "// only", "3,4"]], {"delimiter": ",", "comments": "//"}),
        case("several comments", L, [["1 2 ! a", "% b", "3 4 # c"]], {"comments": ["!", "%", "#"]}),
        case("skiprows", L, [["a b", "c d", "1 2", "3 4"]], {"skiprows": 2}),
        case("skiprows past the end", L, [["1 2", "3 4"]], {"skiprows": 5}),
        case("max_rows", L, [["1 2", "3 4", "5 6"]], {"max_rows": 2}),
        case("max_rows skips blank lines", L, [["1 2", "", "3 4", "5 6"]], {"max_rows": 2}),
        case("max_rows 0", L, [["1 2"]], {"max_rows": 0}),
        case("usecols list", L, [["1 2 3", "4 5 6"]], {"usecols": [0, 2]}),
        case("usecols int", L, [["1 2 3", "4 5 6"]], {"usecols": 1}),
        case("usecols negative and repeated", L, [["1 2 3", "4 5 6"]], {"usecols": [-1, 0, -1]}),
        case("usecols allows ragged rows", L, [["1 2 3", "4 5", "6 7 8 9"]], {"usecols": [0, 1]}),
        case("usecols negative per row", L, [["1 2 3", "4 5"]], {"usecols": [-1]}),
        case("usecols empty", L, [["1 2"]], {"usecols": []}),
        case("single value", L, [["5"]]),
        case("single value ndmin 1", L, [["5"]], {"ndmin": 1}),
        case("single value ndmin 2", L, [["5"]], {"ndmin": 2}),
        case("single row", L, [["5 6 7"]]),
        case("single row ndmin 2", L, [["5 6 7"]], {"ndmin": 2}),
        case("single column", L, [["5", "6", "7"]]),
        case("single column ndmin 2", L, [["5", "6", "7"]], {"ndmin": 2}),
        case("empty", L, [[]]),
        case("empty ndmin 1", L, [[]], {"ndmin": 1}),
        case("empty ndmin 2", L, [[]], {"ndmin": 2}),
        case("only comments", L, [["# a", "", "# b"]]),
        case("unpack", L, [["1 2", "3 4", "5 6"]], {"unpack": True}),
        case("unpack single row", L, [["1 2"]], {"unpack": True}),
        case("unpack single row ndmin 2", L, [["1 2"]], {"unpack": True, "ndmin": 2}),
        case("float spellings", L, [["NaN -nan +Inf -INFINITY infinity 1E+3 .5 5. -0.0 1e-320 1e400"]]),
        case("float32 rounds from the double", L, [["0.1 16777217 1.00000005960464477539062500001 3.4e39"]], {"dtype": "float32"}),
        case("int32", L, [["-2147483648 2147483647", "+5 007"]], {"dtype": "int32"}),
        case("int64", L, [["9007199254740992 -9007199254740992", " 12 -0"]], {"dtype": "int64"}),
        case("int64 largest", L, [["9223372036854775807"]], {"dtype": "int64"}),
        case("uint8", L, [["0 255 +7"]], {"dtype": "uint8"}),
        case("bool from integers", L, [["1 0 2 -1"]], {"dtype": "bool"}),
        case("int csv with spaces", L, [[" 5 , 6 "]], {"dtype": "int32", "delimiter": ","}),
        # numpy's errors
        case("error ragged rows", L, [["1 2 3", "4 5"]]),
        case("error ragged after blank and comment", L, [["# c", "1 2", "", "3"]]),
        case("error unparsable float", L, [["1 2 abc"]]),
        case("error row counts data rows", L, [["# c", "1 2", "", "3 x"]]),
        case("error row after skiprows", L, [["h", "1 2", "3 x"]], {"skiprows": 1}),
        case("error hex is not a float", L, [["0x10"]]),
        case("error underscore is not a float", L, [["1_000"]]),
        case("error empty csv field", L, [["1,,3"]], {"delimiter": ","}),
        case("error trailing delimiter", L, [["1,2,"]], {"delimiter": ","}),
        case("error whitespace field in csv", L, [["1,2", "   "]], {"delimiter": ","}),
        case("error tab in field repr", L, [["1,\tx\t,2"]], {"delimiter": ","}),
        case("error long field repr", L, [["1," + "x" * 150]], {"delimiter": ","}),
        case("error quote in field repr", L, [["it's"]]),
        case("error int from float text", L, [["1 2 3.5"]], {"dtype": "int64"}),
        case("error int from exponent", L, [["1e3"]], {"dtype": "int64"}),
        case("error int64 overflow", L, [["9223372036854775808"]], {"dtype": "int64"}),
        case("error int32 overflow", L, [["3000000000"]], {"dtype": "int32"}),
        case("error uint8 overflow", L, [["300"]], {"dtype": "uint8"}),
        case("error uint8 negative", L, [["-1"]], {"dtype": "uint8"}),
        case("error uint8 minus zero", L, [["-0"]], {"dtype": "uint8"}),
        case("error bool word", L, [["True"]], {"dtype": "bool"}),
        case("error comments none", L, [["1 # 2"]], {"comments": None}),
        case("error usecols out of range", L, [["1 2", "3 4"]], {"usecols": 5}),
        case("error usecols out of range negative", L, [["1 2 3", "4 5"]], {"usecols": [-3]}),
        case("error usecols float", L, [["1 2"]], {"usecols": [1.5]}),
        case("error ndmin 3", L, [["1"]], {"ndmin": 3}),
        case("error skiprows negative", L, [["1"]], {"skiprows": -1}),
        case("error skiprows float", L, [["1"]], {"skiprows": 1.5}),
        case("error max_rows negative", L, [["1"]], {"max_rows": -1}),
        case("error delimiter of two characters", L, [["1::2"]], {"delimiter": "::"}),
        case("error empty delimiter", L, [["1"]], {"delimiter": ""}),
        case("error comment is the delimiter", L, [["1#2"]], {"delimiter": "#"}),
        case("error comments empty", L, [["1"]], {"comments": ""}),
        case("error comments include the delimiter", L, [["1,2"]], {"delimiter": ",", "comments": ["#", ","]}),
        case("error embedded newline", L, [["1 2\n3 4"]]),
    ]


def genfromtxt_cases():
    G = "genfromtxt"
    return [
        case("missing values become nan", G, [["1,2,3", "4,,6", "# c", "", "7,8,"]], {"delimiter": ","}),
        case("unparsable values become nan", G, [["1,abc,3", "0x10,1_0, infinity "]], {"delimiter": ","}),
        case("whitespace and comments", G, [["1 2 3", " 4  5 6 # x"]]),
        case("filling_values scalar", G, [["1,,3", ",5,"]], {"delimiter": ",", "filling_values": -1}),
        case("filling_values list", G, [["1,,", ",5,"]], {"delimiter": ",", "filling_values": [10, 20]}),
        case("filling_values by column", G, [["1,,3", ",5,"]], {"delimiter": ",", "filling_values": {0: 10, 2: 30}}),
        case("skip_header", G, [["a,b", "1,2", "3,4"]], {"delimiter": ",", "skip_header": 1}),
        case("usecols", G, [["1,2,3", "4,5,6"]], {"delimiter": ",", "usecols": [0, -1]}),
        case("usecols with filling by file column", G, [["1,,3", "4,,"]], {"delimiter": ",", "usecols": [1, 2], "filling_values": {2: 7}}),
        case("int64 parses Python ints", G, [["1,2.7,-3.2,1e2,1_0, 7 ,0x1,"]], {"delimiter": ",", "dtype": "int64"}),
        case("int32 truncates floats", G, [["1,2.7,-3.2,1e2,,nan"]], {"delimiter": ",", "dtype": "int32"}),
        case("float32", G, [["0.1,", "1e39,2"]], {"delimiter": ",", "dtype": "float32"}),
        case("bool words", G, [["TRUE,false,1,0"]], {"delimiter": ",", "dtype": "bool"}),
        case("single row", G, [["1 2 3"]]),
        case("single value", G, [["5"]]),
        case("single column", G, [["5", "6"]]),
        case("empty", G, [[]]),
        case("max_rows", G, [["1 2", "3 4", "5 6"]], {"max_rows": 2}),
        case("ndmin 2", G, [["5"]], {"ndmin": 2}),
        case("unpack", G, [["1 2", "3 4", "5 6"]], {"unpack": True}),
        case("error ragged rows", G, [["1,2,3", "4,5", "", "6,7,8,9"]], {"delimiter": ","}),
        case("error ragged line numbers count skip_header", G, [["h", "1,2", "3"]], {"delimiter": ",", "skip_header": 1}),
        case("error usecols out of range", G, [["1,2,3"]], {"delimiter": ",", "usecols": [5]}),
        case("error uint8 filling -1", G, [["1,,3"]], {"delimiter": ",", "dtype": "uint8"}),
        case("error uint8 out of range", G, [["1,300"]], {"delimiter": ",", "dtype": "uint8"}),
        case("error int32 infinity", G, [["1 inf"]], {"dtype": "int32"}),
        case("error max_rows 0", G, [["1"]], {"max_rows": 0}),
        case("error ndmin 3", G, [["1"]], {"ndmin": 3}),
    ]


def file_cases(rs):
    table = rs.standard_normal((5, 3)) * 10.0 ** rs.integers(-5, 6, (5, 3))
    return [
        case("numpy savetxt default", "loadtxt", [numpy_table("default.txt", table)], file=True),
        case("numpy savetxt csv with header", "loadtxt",
             [numpy_table("header.csv", table, fmt="%.6f", delimiter=",", header="a,b,c\nsecond line")],
             {"delimiter": ","}, file=True),
        case("numpy savetxt ints", "loadtxt",
             [numpy_table("ints.txt", rs.integers(-1000, 1000, (4, 5)), fmt="%d")], {"dtype": "int64"}, file=True),
        case("numpy savetxt 1-d", "loadtxt", [numpy_table("column.txt", rs.standard_normal(6))], file=True),
        case("numpy savetxt float32", "loadtxt",
             [numpy_table("float32.txt", rs.standard_normal((3, 2)).astype(np.float32))], {"dtype": "float32"}, file=True),
        case("crlf and bare cr line endings", "loadtxt", [text_file("crlf.txt", "1 2\r\n3 4\r5 6\r\n")], file=True),
        case("no newline at the end", "loadtxt", [text_file("no_final_newline.csv", "x,y\n1,2\n3,4")],
             {"delimiter": ",", "skiprows": 1}, file=True),
        case("latin-1 file", "loadtxt", [text_file("latin1.txt", "# caf\u00e9 na\u00efve\n1 2\n", "latin-1")],
             {"encoding": "latin1"}, file=True),
        case("utf-8 file", "loadtxt", [text_file("utf8.txt", "# \u00b5m \u2264 1\n1 2\n")], file=True),
        case("genfromtxt file with gaps", "genfromtxt", [text_file("gaps.csv", "a,b,c\n1,,3\n4,5,\n\n# end\n")],
             {"delimiter": ",", "skip_header": 1}, file=True),
    ]


def savetxt_cases(rs):
    specials = np.array([[0.0, -0.0, np.nan], [np.inf, -np.inf, 5e-324], [1e300, 1e-300, 0.1], [1 / 3, 2.5, -123456.789]])
    ties = np.array([0.5, 1.5, 2.5, 0.125, 0.375, -0.5, 1e22, 123.456])
    ints = np.array([[0, -1, 255], [7, 1000000, -42]], dtype=np.int64)
    S = saved_text
    return [
        S("default float64", rs.standard_normal((3, 4))),
        S("default specials", specials),
        S("default 1-d is one column", np.array([1.0, -2.5, 3e-7])),
        S("default float32", np.array([[0.1, 1 / 3], [3.4e38, 1e-45]], dtype=np.float32)),
        S("default int64", ints),
        S("default int32", ints.astype(np.int32)),
        S("default uint8", np.array([0, 1, 255], dtype=np.uint8)),
        S("default bool", np.array([[True, False]])),
        S("empty rows", np.zeros((0, 3))),
        S("empty rows with header", np.zeros((0, 3)), header="h"),
        S("empty columns", np.zeros((2, 0))),
        S("fmt %d truncates floats", specials[2:] * [[1, 1, 10]], fmt="%d"),
        S("fmt %d", ints, fmt="%d"),
        S("fmt %.3f", specials, fmt="%.3f"),
        S("fmt %.0f ties to even", ties, fmt="%.0f"),
        S("fmt %.2f ties to even", ties, fmt="%.2f"),
        S("fmt %.0e", ties, fmt="%.0e"),
        S("fmt %.2e", specials, fmt="%.2e"),
        S("fmt %E", specials, fmt="%E"),
        S("fmt %g", np.concatenate([specials.ravel(), ties, [1e-5, 1e-4, 123456, 1234567, 0]]), fmt="%g"),
        S("fmt %.3g", np.array([0.0001234, 123456.0, 99.95, 0.5, 100.0]), fmt="%.3g"),
        S("fmt %.0g", np.array([0.5, 2.5, 15.0, 0.0]), fmt="%.0g"),
        S("fmt %#g", np.array([1.0, 100000.0, 1e-5]), fmt="%#g"),
        S("fmt %G", specials, fmt="%G"),
        S("fmt %s floats", specials, fmt="%s"),
        S("fmt %s float32", np.array([0.1, 1e6, 123456.0, 1e-5, 2.5], dtype=np.float32), fmt="%s"),
        S("fmt %s ints and bools", np.array([[1, -2, 3]]), fmt="%s"),
        S("fmt %s bool", np.array([True, False]), fmt="%s"),
        S("fmt %r", np.array([[1.5, np.nan]]), fmt="%r"),
        S("fmt %r bool", np.array([True, False]), fmt="%r"),
        S("fmt %.2s", np.array([1.2345, -2.0]), fmt="%.2s"),
        S("fmt width and flags", specials, fmt="%+10.3f"),
        S("fmt left-justified", specials, fmt="%-12.4e|"),
        S("fmt zero padding", np.array([[-5, 42], [0, 7]]), fmt="%05d"),
        S("fmt zero padding floats", specials, fmt="%09.2f"),
        S("fmt space flag", np.array([[-5.0, 42.0]]), fmt="% .1f"),
        S("fmt integer precision", np.array([[-5, 42]]), fmt="%.3d"),
        S("fmt hex and octal", np.array([[255, -255, 8]]), fmt=["%x", "%#X", "%#o"]),
        S("fmt %i %u", np.array([[-2.7, 2.7]]), fmt=["%i", "%u"]),
        S("fmt %c", np.array([65, 97, 8364]), fmt="%c"),
        S("fmt list", specials, fmt=["%.1f", "%10.3e", "%g"]),
        S("fmt whole row", specials, fmt="%.1f, %.2e; %g"),
        S("error percent literal counts as a format", np.array([0.5, 0.25]), fmt="%.0f%%"),
        S("fmt with length modifier", np.array([[1, 2]]), fmt="%ld"),
        S("delimiter and newline", rs.standard_normal((2, 3)), fmt="%.4f", delimiter=",", newline="\r\n"),
        S("header and footer", np.eye(2), header="line one\nline two", footer="end", fmt="%.1f"),
        S("header without comments", np.eye(2), header="x,y", comments="", delimiter=",", fmt="%d"),
        S("custom comments", np.eye(2), header="h", footer="f", comments="// ", fmt="%g"),
        S("1-d with a list of one format", np.array([1.0, 2.0]), fmt=["%.2f"]),
        S("error 0-d", np.array(1.0)),
        S("error 3-d", np.zeros((2, 2, 2))),
        S("error fmt list of wrong length", np.eye(2), fmt=["%d", "%d", "%d"]),
        S("error wrong number of % formats", np.eye(3), fmt="%d %d"),
        S("error %d of nan", np.array([1.0, np.nan]), fmt="%d"),
        S("error %d of infinity", np.array([np.inf]), fmt="%d"),
        S("error %x of floats", np.array([1.0]), fmt="%x"),
        S("error %x of bools", np.array([True]), fmt="%x"),
        S("error %c of floats", np.array([65.0]), fmt="%c"),
        S("error unsupported conversion", np.eye(2), fmt="%q"),
        S("error star width", np.eye(1), fmt="%*d"),
        S("error mapping key", np.eye(1), fmt="%(a)d"),
        S("error percent literal leaves an argument", np.eye(2), fmt="%%"),
        S("error incomplete format", np.eye(1), fmt="%.2"),
    ]


def npz_cases(rs):
    arrays = {
        "W1": rs.standard_normal((3, 4)),
        "b1": np.arange(4, dtype=np.int32),
        "flags": np.array([True, False, True]),
        "scalar": np.array(2.5),
        "empty": np.zeros((0, 2), dtype=np.uint8),
        "big": rs.standard_normal(5000).astype(np.float32),
        "fortran": np.asfortranarray(rs.integers(-9, 9, (3, 5))),
    }
    return [
        npz_case("savez_named", np.savez, arrays),
        npz_case("savez_compressed_named", np.savez_compressed, arrays),
        npz_case("savez_positional", np.savez, [np.arange(3.0), np.eye(2, dtype=np.int64)]),
        npz_case("savez_empty", np.savez, {}),
    ]


def main():
    os.makedirs(TEXT, exist_ok=True)
    rs = np.random.default_rng(7)
    cases = loadtxt_cases() + genfromtxt_cases() + file_cases(rs) + savetxt_cases(rs) + npz_cases(rs)
    write("text_files", cases)


if __name__ == "__main__":
    main()
