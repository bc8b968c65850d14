"""numpy's side of bench/np.js: times the named workloads of bench/np-workloads.json (all without names),
prints JSON. bench/np.js asks for one workload at a time, right before timing tsdl's side, so that both
sides of a ratio see the same load on the machine."""
import json
import os
import sys
import time

import numpy as np

COMPOSITES = {
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "logabs": lambda z: np.log(np.abs(z)),
    "column0": lambda x: x[:, 0],
}


def per_call(fn, reps, min_time, slow_call=0.2):
    """Median over `reps` repetitions of the time per call, each repetition long enough to be measurable
    (as bench/timing.js: a call slower than `slow_call` is timed three times)."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter() - start
        if loops == 1 and elapsed > slow_call:
            reps = min(reps, 3)
        if elapsed >= min_time:
            break
        loops *= 2
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        times.append((time.perf_counter() - start) / loops)
    times.sort()
    return times[len(times) // 2]


def argument(a, inputs):
    """A literal, input "$i", or its transpose "$i.T" (a view)."""
    if not (isinstance(a, str) and a.startswith("$")):
        return a
    x = inputs[int(a[1:].removesuffix(".T"))]
    return x.T if a.endswith(".T") else x


def main():
    spec = json.load(open(os.path.join(os.path.dirname(__file__), "np-workloads.json")))
    rng = np.random.default_rng(0)
    reps, min_time, names = int(sys.argv[1]), float(sys.argv[2]), set(sys.argv[3:])
    results = {}
    for w in spec["workloads"]:
        if names and w["name"] not in names:
            continue
        inputs = [rng.standard_normal(shape) for shape in w["inputs"]]
        name, args, kwargs = w["call"]
        fn = COMPOSITES.get(name) or getattr(np, name)
        args = [argument(a, inputs) for a in args]
        results[w["name"]] = per_call(lambda: fn(*args, **kwargs), reps, min_time)
    print(json.dumps({"numpy": np.__version__, "seconds": results}))


main()
