"""numpy's side of bench/np.js: times every workload of bench/np-workloads.json, prints JSON."""
import json
import os
import sys
import time

import numpy as np

COMPOSITES = {
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "column0": lambda x: x[:, 0],
}


def per_call(fn, reps, min_time):
    """Median over `reps` repetitions of the time per call, each repetition long enough to be measurable."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        if time.perf_counter() - start >= min_time:
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


def main():
    spec = json.load(open(os.path.join(os.path.dirname(__file__), "np-workloads.json")))
    rng = np.random.default_rng(0)
    reps, min_time = int(sys.argv[1]), float(sys.argv[2])
    results = {}
    for w in spec["workloads"]:
        inputs = [rng.standard_normal(shape) for shape in w["inputs"]]
        name, args, kwargs = w["call"]
        fn = COMPOSITES.get(name) or getattr(np, name)
        args = [inputs[int(a[1:])] if isinstance(a, str) and a.startswith("$") else a for a in args]
        results[w["name"]] = per_call(lambda: fn(*args, **kwargs), reps, min_time)
    print(json.dumps({"numpy": np.__version__, "seconds": results}))


main()
