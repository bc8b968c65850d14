"""Real .npy files written by numpy, for test/io.test.ts to load with np.load.

Writes test/fixtures/npy/*.npy (every tsdl dtype, Fortran order, 0-d, empty, big-endian, format versions
2.0 and 3.0) and test/fixtures/npy/bad/*.npy (broken files), and test/fixtures/npy/expected.json with what
numpy reads from each: the array, its memory order, whether np.save wrote the file (so tsdl's writer must
reproduce it byte for byte), and for the broken files the error np.load and format.read_array raise.
"""
import io
import os
import struct

import numpy as np
from numpy.lib import format as npy_format

from common import FIXTURES, encode, outcome, write

NPY = os.path.join(FIXTURES, "npy")
BAD = os.path.join(NPY, "bad")


def exact_in_float64(array):
    return array.dtype != np.int64 or all(int(float(x)) == x for x in array.ravel().tolist())


def saved(name, array, version=None):
    """Writes array with np.save (version None) or format.write_array at a forced version."""
    path = os.path.join(NPY, name + ".npy")
    if version is None:
        np.save(path, array)
    else:
        with open(path, "wb") as f:
            npy_format.write_array(f, array, version=version)
    loaded = np.load(path)
    return {
        "name": name,
        "kind": "array",
        "file": name + ".npy",
        # tsdl writes back exactly what np.save wrote, unless int64 values lost digits in float64 storage.
        "by_np_save": version is None and array.dtype.byteorder != ">" and exact_in_float64(array),
        "c_contiguous": bool(loaded.flags.c_contiguous),
        "f_contiguous": bool(loaded.flags.f_contiguous),
        "result": encode(loaded),
    }


def header_file(dict_text, version=(1, 0), data=b""):
    """A .npy file with a hand-written header dict, padded as numpy pads."""
    header = dict_text.encode("latin1")
    length_format = "<H" if version == (1, 0) else "<I"
    prefix = len(npy_format.MAGIC_PREFIX) + 2 + struct.calcsize(length_format)
    padding = 64 - (prefix + len(header) + 1) % 64
    return (npy_format.MAGIC_PREFIX + bytes(version) + struct.pack(length_format, len(header) + padding + 1)
            + header + b" " * padding + b"\n" + data)


def broken(name, content):
    path = os.path.join(BAD, name + ".npy")
    with open(path, "wb") as f:
        f.write(content)
    return {
        "name": name,
        "kind": "broken",
        "file": "bad/" + name + ".npy",
        "load": outcome(lambda: np.load(path)),
        "read_array": outcome(lambda: npy_format.read_array(io.BytesIO(content))),
    }


def main():
    os.makedirs(BAD, exist_ok=True)
    rs = np.random.RandomState(0)
    specials = [0.0, -0.0, np.inf, -np.inf, np.nan, 5e-324, 1.7976931348623157e308, 1 / 3, -2.5e-300]
    cases = [
        saved("float64_2d", rs.randn(3, 4)),
        saved("float64_specials", np.array(specials)),
        saved("float64_long", rs.randn(1000)),
        saved("float32_2d", np.array([[1.5, -0.1, 3.4028235e38], [np.nan, -np.inf, 1e-45]], dtype=np.float32)),
        saved("int32", np.array([-2**31, -1, 0, 1, 2**31 - 1], dtype=np.int32)),
        saved("int64_2d", np.array([[-2**53, -1, 0], [1, 2**53, 123456789012345]], dtype=np.int64)),
        saved("int64_beyond_2_53", np.array([2**62 + 1, -2**63, 2**63 - 1, 2**53 + 1], dtype=np.int64)),
        saved("uint8_16x16", np.arange(256, dtype=np.uint8).reshape(16, 16)),
        saved("bool_2d", np.array([[True, False, True], [False, False, True]])),
        saved("fortran_float64", np.asfortranarray(np.arange(12.0).reshape(3, 4))),
        saved("fortran_int32_3d", np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4))),
        saved("transposed_int64", np.arange(6).reshape(2, 3).T),
        saved("scalar_float64", np.array(3.5)),
        saved("scalar_int64", np.array(7)),
        saved("scalar_bool", np.array(True)),
        saved("empty_float64_0x3", np.zeros((0, 3))),
        saved("empty_int32", np.zeros((0,), dtype=np.int32)),
        saved("empty_bool_2x0x3", np.zeros((2, 0, 3), dtype=bool)),
        saved("big_endian_float64", np.arange(6.0).reshape(2, 3).astype(">f8")),
        saved("big_endian_float32", np.array([1.5, -2.25, np.inf], dtype=">f4")),
        saved("big_endian_int32", np.array([-7, 0, 2**31 - 1], dtype=">i4")),
        saved("big_endian_int64", np.array([-2**40 - 3, 5, 2**52], dtype=">i8")),
        saved("version_2", np.arange(5.0), version=(2, 0)),
        saved("version_3", np.arange(4, dtype=np.int32).reshape(2, 2), version=(3, 0)),
    ]
    # numpy loads these, tsdl has no such dtypes: io.test.ts expects tsdl's own TypeError.
    np.save(os.path.join(NPY, "unsupported_complex128.npy"), np.array([1 + 2j]))
    np.save(os.path.join(NPY, "unsupported_int16.npy"), np.array([1, 2], dtype=np.int16))

    good = io.BytesIO()
    np.save(good, np.arange(6.0).reshape(2, 3))
    raw = good.getvalue()
    body = np.arange(6.0).tobytes()
    failures = [
        broken("not_npy", b"hello world, this is not an array"),
        broken("short_magic", raw[:5]),
        broken("version_4", raw[:6] + b"\x04\x00" + raw[8:]),
        broken("truncated_header_length", raw[:9]),
        broken("truncated_header", raw[:20]),
        broken("truncated_data", raw[:-8]),
        broken("wrong_keys", header_file("{'descr': '<f8', 'fortran_order': False, 'shapf': (2, 3), }", data=body)),
        broken("extra_key", header_file("{'descr': '<f8', 'fortran_order': False, 'shape': (6,), 'x': 1, }", data=body)),
        broken("not_a_dict", header_file("[1, 2, 3]", data=body)),
        broken("shape_list", header_file("{'descr': '<f8', 'fortran_order': False, 'shape': [2, 3], }", data=body)),
        broken("fortran_order_int", header_file("{'descr': '<f8', 'fortran_order': 0, 'shape': (2, 3), }", data=body)),
        broken("invalid_descr", header_file("{'descr': '<q8', 'fortran_order': False, 'shape': (2, 3), }", data=body)),
        broken("unparsable_header", header_file("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3) 'x'}", data=body)),
    ]
    write("npy/expected", cases + failures)


if __name__ == "__main__":
    main()
