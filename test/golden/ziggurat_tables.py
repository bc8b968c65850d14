"""Writes lib/np/ziggurat-tables.ts: the tables of numpy's ziggurat samplers for Generator.standard_normal
and Generator.standard_exponential.

numpy compiles them into its random module as constants (ki/wi/fi_double for the normal, ke/we/fe_double for the
exponential). Computing them again from their defining formulas agrees with numpy's for only about 85% of the
entries (the constants were made once, elsewhere), and one differing bit changes which samples are accepted.
So this script takes numpy's own: it computes the tables approximately, then finds the 256-entry runs in
numpy's compiled numpy.random._generator that match those within 1e-9 and copies them out bit for bit. Run it
with the numpy that test/golden/generator.py uses.
"""
import glob
import math
import os

import numpy as np

STRIPS = 256
# Where the base strip's tail begins and the area of each strip, for the normal and the exponential density.
NORMAL = (3.6541528853610087963519472518, 0.0049286732339746519, lambda x: math.exp(-0.5 * x * x), lambda y: math.sqrt(-2 * math.log(y)), 2**52)
EXPONENTIAL = (7.69711747013104972, 0.0039496598225815571993, lambda x: math.exp(-x), lambda y: -math.log(y), 2**53)


def approximate_tables(r, area, pdf, inverse_pdf, scale):
    """k (acceptance thresholds on the draw), w (strip widths per unit of the draw), f (density at each edge)."""
    edges = [0.0] * STRIPS
    edges[0] = r
    for i in range(1, STRIPS - 1):
        edges[i] = inverse_pdf(pdf(edges[i - 1]) + area / edges[i - 1])
    edges = edges[::-1]  # edges[0] = 0, edges[255] = r
    k = [round(r * pdf(r) / area * scale)] + [round(edges[i - 1] / edges[i] * scale) for i in range(1, STRIPS)]
    w = [area / pdf(r) / scale] + [edges[i] / scale for i in range(1, STRIPS)]
    f = [pdf(x) for x in edges]
    return k, w, f


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
    ki, wi, fi = approximate_tables(*NORMAL)
    ke, we, fe = approximate_tables(*EXPONENTIAL)
    wanted = {"KI": (ki, False), "WI": (wi, True), "FI": (fi, True), "KE": (ke, False), "WE": (we, True), "FE": (fe, True)}
    tables = {}
    # The arrays are 8-byte aligned in the module's data section; try every alignment to be sure.
    for shift in range(8):
        words = np.frombuffer(raw[shift:], dtype="<u8", count=(len(raw) - shift) // 8)
        for name, (approximate, as_float) in wanted.items():
            if name in tables:
                continue
            try:
                start = find_run(words, approximate, as_float)
            except SystemExit:
                continue
            run = words[start : start + STRIPS]
            tables[name] = [float(v) for v in run.view(np.float64)] if as_float else [int(v) for v in run]
    missing = wanted.keys() - tables.keys()
    if missing:
        raise SystemExit(f"could not find {sorted(missing)} in {module}")
    assert all(k < 2**53 for k in tables["KI"] + tables["KE"])  # exact as JavaScript numbers
    out = os.path.join(os.path.dirname(__file__), "..", "..", "lib", "np", "ziggurat-tables.ts")
    with open(out, "w") as f:
        f.write("/**\n * numpy's ziggurat tables, copied from its compiled module by test/golden/ziggurat_tables.py\n")
        f.write(f" * (numpy {np.__version__}); regenerate, do not edit. KI/KE: acceptance thresholds on the draw; WI/WE: strip\n")
        f.write(" * widths per unit of the draw; FI/FE: the density at each strip's edge. I: the normal, E: the exponential.\n */\n")
        for name in wanted:
            values = ",".join(repr(v) for v in tables[name])
            f.write(f"export const {name} = new Float64Array([{values}]);\n")
    print(f"wrote {os.path.relpath(out)} from {module}")


if __name__ == "__main__":
    main()
