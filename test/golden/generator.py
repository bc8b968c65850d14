"""Golden sequences of numpy's Generator (np.random.default_rng) for test/random-generator.test.ts.

Each case is a script of method calls on one Generator made by default_rng(seed), run in order, so the
state the methods share (PCG64's buffered 32-bit half included) is part of what is checked. A call is
[method, positional args, keyword args] with the conventions of random_state.py ({"array": list, "dtype": name}
for np.array, "nan"/"inf" for those floats); "shuffle" records the array after shuffling, "state" records the
bit generator's state (state, inc, has_uint32, uinteger) as decimal strings under "state".
"""
import numpy as np

from common import outcome, write
from random_state import DISTRIBUTION_ERRORS, array, broadcast_errors, broadcast_scripts, decode, distribution_scripts


def perform(rng, name, args, kwargs):
    args = [decode(a) for a in args]
    kwargs = {k: decode(v) for k, v in kwargs.items()}
    if name == "shuffle":
        rng.shuffle(*args, **kwargs)
        return args[0]
    return getattr(rng, name)(*args, **kwargs)


def state(rng):
    """The bit generator's state as decimal strings: the 128-bit numbers do not fit a JSON number."""
    s = rng.bit_generator.state
    return {"state": [str(s["state"]["state"]), str(s["state"]["inc"]), str(s["has_uint32"]), str(s["uinteger"])]}


def script(name, seed, calls):
    calls = [[call[0], call[1] if len(call) > 1 else [], call[2] if len(call) > 2 else {}] for call in calls]
    rng = np.random.default_rng(seed)
    results = [state(rng) if call[0] == "state" else outcome(lambda: perform(rng, *call)) for call in calls]
    # A seed past 2^53 travels as a string: JSON numbers are doubles in JavaScript.
    written_seed = str(seed) if isinstance(seed, int) and seed > 2**53 else seed
    return {"name": name, "seed": written_seed, "calls": calls, "results": results}


def main():
    cases = []
    for seed in [0, 1, 42, 12345, 2**40, 2**64 + 7, [1, 2, 3], [0], list(range(10))]:
        label = f"seed {seed}"
        cases += [
            script(f"{label}: state", seed, [["state"], ["random"], ["state"], ["integers", [10]], ["state"]]),
            script(f"{label}: random", seed, [["random"], ["random", [5]], ["random", [[2, 3]]], ["random", [], {"size": 0}]]),
            # Enough Gaussians to reach the ziggurat's tail and wedges.
            script(f"{label}: standard_normal", seed, [["standard_normal"], ["standard_normal", [[3, 4]]], ["standard_normal", [3000]]]),
            script(f"{label}: exponential", seed, [
                ["standard_exponential"], ["standard_exponential", [[2, 3]]], ["standard_exponential", [1500]],
                ["standard_exponential", [5], {"method": "inv"}], ["exponential", [2.5, [2, 2]]], ["exponential"], ["random"],
            ]),
            script(f"{label}: normal, uniform", seed, [
                ["normal"], ["normal", [1.5, 0.2], {"size": [2, 3]}], ["normal", [-3, 10], {"size": 5}], ["normal", [2, 0], {"size": 3}],
                ["uniform"], ["uniform", [-2, 3], {"size": 6}], ["uniform", [5, 1], {"size": [2, 2]}], ["uniform", [0.5, 0.5], {"size": 2}],
            ]),
            script(f"{label}: integers", seed, [
                ["integers", [10]], ["integers", [10], {"size": 8}], ["integers", [-5, 5], {"size": [3, 3]}],
                ["integers", [1, 6], {"size": 10, "endpoint": True}], ["integers", [1000003], {"size": 20}],
                ["integers", [7, 8], {"size": 3}], ["integers", [0, 2**32], {"size": 5}], ["integers", [0, 2**32 + 1], {"size": 5}],
                ["integers", [0, 2**40], {"size": 5}], ["integers", [-2**52, 2**52], {"size": 5}], ["random"],
            ]),
            script(f"{label}: integers dtypes", seed, [
                ["integers", [0, 2**31], {"size": 5, "dtype": "int32"}], ["integers", [-3, 4], {"size": 6, "dtype": "int32"}],
                ["integers", [0, 256], {"size": 10, "dtype": "uint8"}], ["integers", [3, 200], {"size": 10, "dtype": "uint8"}],
                ["integers", [0, 2], {"size": 40, "dtype": "bool"}], ["integers", [0, 10], {"size": 4, "dtype": "uint8"}],
                ["integers", [0, 10], {"size": 4}], ["integers", [5, 2], {"size": 0}], ["random"],
            ]),
            # Interleaving 32-bit and 64-bit draws: a 32-bit draw leaves half a word for the next one.
            script(f"{label}: interleaved", seed, [
                ["integers", [100]], ["random"], ["integers", [100], {"size": 3}], ["standard_normal", [2]], ["integers", [2**33]],
                ["integers", [5]], ["state"], ["permutation", [5]], ["random"],
            ]),
            script(f"{label}: permutation, shuffle", seed, [
                ["permutation", [10]], ["permutation", [1]], ["permutation", [0]],
                ["permutation", [array(np.arange(6) * 1.5, "float64")]], ["permutation", [array(np.arange(8).reshape(4, 2), "int64")]],
                ["shuffle", [array(np.arange(10), "int64")]], ["shuffle", [array(np.arange(12).reshape(4, 3), "int64")]],
                ["shuffle", [array(np.arange(12).reshape(3, 2, 2) * 0.5, "float64")]], ["random"],
            ]),
            script(f"{label}: choice", seed, [
                ["choice", [5]], ["choice", [5, 3]], ["choice", [10, [2, 3]]], ["choice", [array([10, 20, 30, 40], "int64")]],
                ["choice", [array([1.5, 2.5, 3.5], "float64"), 5]], ["choice", [5, 3], {"replace": False}],
                ["choice", [10, 10], {"replace": False}], ["choice", [5, 0]], ["choice", [20, 5], {"replace": False, "shuffle": False}],
                ["choice", [20000, 500], {"replace": False}], ["choice", [20000, 3], {"replace": False}],
                ["choice", [20000, 500], {"replace": False, "shuffle": False}],
                ["choice", [array(np.arange(12).reshape(4, 3), "int64"), 2]], ["choice", [array(np.arange(12).reshape(4, 3) * 0.5, "float64")]],
                ["choice", [array(np.arange(24).reshape(4, 3, 2), "int64"), [2, 2]], {"replace": False}], ["random"],
            ]),
            script(f"{label}: choice with p", seed, [
                ["choice", [5, 4], {"p": [0.1, 0.2, 0.3, 0.4, 0.0]}], ["choice", [4], {"p": [0.25, 0.25, 0.25, 0.25]}],
                ["choice", [array([1.5, -1, 8], "float64"), [2, 3]], {"p": [0.6, 0.3, 0.1]}],
                ["choice", [5, 3], {"replace": False, "p": [0.1, 0.2, 0.3, 0.4, 0.0]}],
                ["choice", [6, [2, 2]], {"replace": False, "p": [0.5, 0.1, 0.1, 0.1, 0.1, 0.1]}],
                ["choice", [3, 3], {"replace": False, "p": [0.98, 0.01, 0.01]}], ["random"],
            ]),
        ]
    for seed in [0, 1, 42]:
        cases += [script(f"seed {seed}: {label}", seed, calls) for label, calls in distribution_scripts()]
        cases += [script(f"seed {seed}: {label}", seed, calls) for label, calls in broadcast_scripts("integers")]
        cases.append(script(f"seed {seed}: broadcast integers endpoint", seed, [
            ["integers", [[3, 5], [3, 7]], {"endpoint": True}], ["integers", [[0, 250], [1, 255]], {"size": [3, 2], "dtype": "uint8", "endpoint": True}],
            ["integers", [[0, 0], [1, 0]], {"size": [4, 2], "dtype": "bool", "endpoint": True}], ["random"],
        ]))
    errors = [
        ["integers", [0]], ["integers", [3, 3]], ["integers", [3, 2], {"endpoint": True}], ["integers", [-1, 2], {"dtype": "uint8"}],
        ["integers", [0, 2**31 + 1], {"dtype": "int32"}], ["integers", [0, 3], {"dtype": "float64"}],
        ["normal", [0, -1]], ["uniform", [0, "inf"]], ["exponential", [-1]], ["exponential", [-0.0]],
        ["choice", [0]], ["choice", [-3]], ["choice", [array([], "float64")]], ["choice", [3], {"p": [0.5, 0.5]}],
        ["choice", [2], {"p": [0.5, 0.6]}], ["choice", [2], {"p": [-0.5, 1.5]}], ["choice", [2], {"p": ["nan", 1]}],
        ["choice", [3, 4], {"replace": False}], ["choice", [3, 2], {"replace": False, "p": [1, 0, 0]}],
        ["choice", [2], {"p": [[0.5, 0.5]]}], ["choice", [1.5]], ["permutation", [2.5]], ["integers", [0, -1], {"endpoint": True}],
        *DISTRIBUTION_ERRORS, ["normal", [0, -0.0]], ["uniform", [0.0, -0.0]], *broadcast_errors("integers"),
        ["integers", [[3, 5], [3, 7]], {"endpoint": True}], ["integers", [[3, 5], [2, 7]], {"endpoint": True}],
        ["integers", [[0, 0], [-1, 7]], {"endpoint": True}], ["integers", [[0, 2], [255, 256]], {"dtype": "uint8", "endpoint": True}],
    ]
    for call in errors:
        cases.append(script(f"error: {call[0]}{tuple(call[1])} {call[2] if len(call) > 2 else ''}".strip(), 0, [call]))
    write("generator", cases)


if __name__ == "__main__":
    main()
