"""Times Jupyter kernels through jupyter_client, the way a notebook frontend talks to them: start to first
result of `1 + 1`, then the round trip (execute_request to idle) of a trivial cell after warm-up.
Usage: kernel_bench.py ROUNDS CELLS NAME... (kernelspec names, found through JUPYTER_PATH); prints JSON.
Kernels are measured interleaved, round by round, so that load on the machine affects them alike.
"""
import json
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def measure(name, cells):
    started = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
    try:
        kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
        first = time.perf_counter() - started
        for _ in range(10):
            kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
        trips = []
        for _ in range(cells):
            t = time.perf_counter()
            kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
            trips.append(time.perf_counter() - t)
        return first, statistics.median(trips)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    rounds, cells, names = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    results = {name: {"start_to_first_result": [], "cell_round_trip": []} for name in names}
    for _ in range(rounds):
        for name in names:
            first, trip = measure(name, cells)
            results[name]["start_to_first_result"].append(first)
            results[name]["cell_round_trip"].append(trip)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
