"""Writes lib/np/ziggurat-tables.ts: the tables of numpy's ziggurat sampler for Generator.standard_normal.

numpy compiles them into its random module as constants (ki_double, wi_double, fi_double). Computing them
again from their defining formulas agrees with numpy's for only about 85% of the entries (the constants were
made once, elsewhere), and one differing bit changes which samples are accepted. So this script takes numpy's
own: it computes the tables approximately, then finds the 256-entry runs in numpy's compiled
numpy.random._generator that match those within 1e-9 and copies them out bit for bit. Run it with the numpy
that test/golden/generator.py uses.
"""
import glob
import math
import os

import numpy as np

R = 3.6541528853610087963519472518  # where the base strip's tail begins
STRIP_AREA = 0.0049286732339746519  # the area of each of the 256 strips
STRIPS = 256


def approximate_tables():
    pdf = lambda x: math.exp(-0.5 * x * x)
    edges = [0.0] * STRIPS
    edges[0] = R
    for i in range(1, STRIPS - 1):
        edges[i] = math.sqrt(-2 * math.log(pdf(edges[i - 1]) + STRIP_AREA / edges[i - 1]))
    edges = edges[::-1]  # edges[0] = 0, edges[255] = R
    ki = [round(edges[STRIPS - 1] * pdf(edges[STRIPS - 1]) / STRIP_AREA * 2**52)]
    ki += [round(edges[i - 1] / edges[i] * 2**52) for i in range(1, STRIPS)]
    wi = [STRIP_AREA / pdf(edges[STRIPS - 1]) / 2**52] + [edges[i] / 2**52 for i in range(1, STRIPS)]
    fi = [pdf(x) for x in edges]
    return ki, wi, fi


def find_run(words, approximate, as_float):
    """The offset of the run of len(approximate) words matching it within 1e-9 (relative), or an error."""
    target = np.array(approximate, dtype=np.float64)
    values = words.view(np.float64) if as_float else words.astype(np.float64)
    first = np.flatnonzero(np.isclose(values, target[0], rtol=1e-9, atol=0))
    for start in first:
        run = values[start : start + len(target)]
        if len(run) == len(target) and np.allclose(run, target, rtol=1e-9, atol=0):
            return start
    raise SystemExit(f"no run of {len(target)} entries starting {target[0]!r} in numpy's compiled module")


def main():
    module = glob.glob(os.path.join(os.path.dirname(np.random.__file__), "_generator*.so"))[0]
    raw = open(module, "rb").read()
    ki, wi, fi = approximate_tables()
    tables = {}
    # The arrays are 8-byte aligned in the module's data section; try every alignment to be sure.
    for shift in range(8):
        words = np.frombuffer(raw[shift:], dtype="<u8", count=(len(raw) - shift) // 8)
        for name, approximate, as_float in (("ki", ki, False), ("wi", wi, True), ("fi", fi, True)):
            if name in tables:
                continue
            try:
                start = find_run(words, approximate, as_float)
            except SystemExit:
                continue
            run = words[start : start + STRIPS]
            tables[name] = [int(v) for v in run] if not as_float else [float(v) for v in run.view(np.float64)]
    missing = {"ki", "wi", "fi"} - tables.keys()
    if missing:
        raise SystemExit(f"could not find {sorted(missing)} in {module}")
    assert all(k < 2**53 for k in tables["ki"])  # exact as JavaScript numbers
    out = os.path.join(os.path.dirname(__file__), "..", "..", "lib", "np", "ziggurat-tables.ts")
    with open(out, "w") as f:
        f.write("/**\n * numpy's ziggurat tables for Generator.standard_normal, copied from its compiled module by\n")
        f.write(f" * test/golden/ziggurat_tables.py (numpy {np.__version__}); regenerate, do not edit.\n")
        f.write(" * KI: acceptance thresholds on the 52-bit draw; WI: strip widths per unit of the draw; FI: the density at\n")
        f.write(" * each strip's edge.\n */\n")
        for name in ("ki", "wi", "fi"):
            values = ",".join(repr(v) for v in tables[name])
            f.write(f"export const {name.upper()} = new Float64Array([{values}]);\n")
    print(f"wrote {os.path.relpath(out)} from {module}")


if __name__ == "__main__":
    main()
