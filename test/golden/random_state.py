"""(Not named random.py: that would shadow the standard library module numpy imports.)

Golden sequences of numpy's legacy RandomState (np.random.*) for test/random.test.ts.

Each case is a script of calls on the global generator, run in order after a seed, so interleavings (the
cached Gaussian, the state shared by every function) are part of what is checked. A call is
[function, positional args, keyword args]; an argument {"array": nested list, "dtype": name} stands for
np.array(list, dtype); "nan", "inf" and "-inf" stand for those floats. "shuffle" records the array after shuffling; "state" records get_state()'s key and pos.
"""
import numpy as np


from common import outcome, write


def decode(arg):
    if isinstance(arg, dict) and "array" in arg:
        return np.array(arg["array"], dtype=arg["dtype"])
    if isinstance(arg, list):
        return [decode(a) for a in arg]
    return float(arg) if arg in ("nan", "inf", "-inf") else arg


def array(values, dtype):
    return {"array": np.asarray(values).tolist(), "dtype": dtype}


def perform(name, args, kwargs):
    args = [decode(a) for a in args]
    kwargs = {k: decode(v) for k, v in kwargs.items()}
    if name == "seed":
        np.random.seed(*args)
        return np.empty(0)  # seed() returns None; an empty array records "done, no value"
    if name == "shuffle":
        np.random.shuffle(args[0])
        return args[0]
    if name == "state":
        _, key, pos, has_gauss, gauss = np.random.get_state()
        return np.concatenate([key.astype(np.int64), [pos, has_gauss]])
    return getattr(np.random, name)(*args, **kwargs)


def script(name, calls):
    calls = [[call[0], call[1] if len(call) > 1 else [], call[2] if len(call) > 2 else {}] for call in calls]
    return {"name": name, "calls": calls, "results": [outcome(lambda: perform(*call)) for call in calls]}



def distribution_scripts():
    """(label, calls) for the distributions both generators have: sizes large enough to reach the rare branches
    (BTPE's squeezes and rejections, PTRS's slow path, the gamma's and beta's rejection loops, the tails)."""
    return [
        ("exponential", [
            ["standard_exponential"], ["standard_exponential", [], {"size": [2, 3]}], ["exponential", [2.5], {"size": 400}],
            ["exponential"], ["exponential", [0.0, 3]], ["standard_normal", [], {"size": 3}],
        ]),
        ("gamma", [
            ["standard_gamma", [0.3], {"size": 400}], ["standard_gamma", [1.0, 5]], ["standard_gamma", [2.5], {"size": 400}],
            ["standard_gamma", [0.0, 3]], ["standard_gamma", [40.0, 200]], ["standard_gamma", [0.999]],
            ["gamma", [2.0, 0.5], {"size": [3, 4]}], ["gamma", [0.7]], ["gamma", [3.0], {"size": 5}],
            ["chisquare", [3.0, 200]], ["chisquare", [0.5], {"size": 200}], ["chisquare", [7]],
        ]),
        ("beta", [
            ["beta", [0.5, 0.5, 300]], ["beta", [0.3, 0.9], {"size": 300}], ["beta", [2.0, 5.0, 300]], ["beta", [0.5, 3.0, 200]],
            ["beta", [1.0, 1.0, 50]], ["beta", [0.001, 0.001, 400]], ["beta", [0.01, 0.02, 300]], ["beta", [1e-200, 1e-200, 50]],
            ["beta", [1e-200, 0.5, 20]], ["beta", [2.0, 3.0]],
        ]),
        ("binomial", [
            ["binomial", [1, 0.8], {"size": [4, 5]}], ["binomial", [10, 0.3, 200]], ["binomial", [100, 0.2, 300]],
            ["binomial", [100, 0.5, 2000]], ["binomial", [1000, 0.9, 2000]], ["binomial", [10**6, 0.3, 2000]],
            ["binomial", [200, 0.5, 1000]], ["binomial", [40, 0.8, 100]], ["binomial", [50, 0.99, 100]],
            ["binomial", [5, 0.0, 3]], ["binomial", [5, 1.0, 3]], ["binomial", [0, 0.5, 3]], ["binomial", [7, 0.5]],
            ["binomial", [2**40, 0.5, 20]], ["binomial", [2.5, 0.5, 5]], ["binomial", [3, 0.5], {"size": 0}],
        ]),
        ("poisson", [
            ["poisson"], ["poisson", [0.5, 300]], ["poisson", [3.0, 300]], ["poisson", [9.99, 300]], ["poisson", [10.0, 1500]],
            ["poisson", [25.0, 1000]], ["poisson", [1000.0, 500]], ["poisson", [1e7, 300]], ["poisson", [0.0, 3]],
            ["poisson", [1e12, 5]], ["poisson", [2.0], {"size": [2, 3]}],
        ]),
        ("geometric", [
            ["geometric", [0.9, 200]], ["geometric", [0.5, 200]], ["geometric", [0.34, 200]], ["geometric", [0.3, 300]],
            ["geometric", [0.01, 300]], ["geometric", [1e-9, 100]], ["geometric", [1.0, 3]], ["geometric", [0.2]],
        ]),
        ("location-scale", [
            ["laplace", [1.0, 2.0, 300]], ["laplace"], ["logistic", [1.0, 2.0, 300]], ["logistic"], ["gumbel", [1.0, 2.0, 300]],
            ["gumbel"], ["triangular", [-1.0, 0.5, 3.0, 300]], ["triangular", [0.0, 0.0, 1.0, 5]], ["triangular", [0.0, 1.0, 1.0, 5]],
            ["triangular", [2.0, 3.0, 7.0]], ["lognormal", [0.5, 0.7, 300]], ["lognormal"], ["laplace", [0.0, 0.0, 2]],
        ]),
        ("shapes", [
            ["standard_cauchy", [300]], ["standard_cauchy"], ["standard_t", [3.0, 300]], ["standard_t", [0.7, 200]],
            ["standard_t", [30.0]], ["rayleigh", [2.0, 300]], ["rayleigh"], ["weibull", [1.5, 300]], ["weibull", [0.0, 3]],
            ["weibull", [0.3]], ["pareto", [3.0, 300]], ["pareto", [0.5]], ["power", [2.5, 300]], ["power", [0.2, 100]],
        ]),
    ]



def broadcast_scripts(integers):
    """(label, calls) for array parameters, which numpy broadcasts (one draw per element, C order), for both
    generators; `integers` names the bounded-integer method (randint or integers)."""
    column = [[0.0], [10.0], [20.0]]
    return [
        ("broadcast alone", [
            ["normal", [[0, 10, 20], 1]], ["normal", [0, [0.5, 1, 2]]], ["uniform", [[0, 10], [1, 20]]],
            ["uniform", [[5, 1], 0]], ["exponential", [[1, 10, 100]]], ["binomial", [[1, 10, 100], 0.5]],
            ["binomial", [10, [0.1, 0.5, 0.9]]], ["poisson", [[0.5, 5, 50, 5000]]], ["gamma", [[0.5, 2.5], 2]],
            ["standard_gamma", [[0.3, 1, 4]]], ["beta", [[0.5, 2], [0.5, 3]]], ["chisquare", [[1, 5]]], ["laplace", [[0, 5], [1, 2]]],
            ["logistic", [[0, 5], 2]], ["gumbel", [0, [1, 2]]], ["lognormal", [[0, 1], [0.5, 1]]], ["geometric", [[0.1, 0.9]]],
            ["standard_t", [[1, 30]]], ["weibull", [[0, 1.5]]], ["pareto", [[0.5, 3]]], ["power", [[0.2, 2.5]]],
            ["rayleigh", [[1, 3]]], ["triangular", [[0, 1], [0.5, 1.5], [1, 2]]],
        ]),
        # Per-element parameters crossing the algorithms' branches (inversion/BTPE, multiplication/PTRS, gamma < 1 / > 1).
        ("broadcast across branches", [
            ["binomial", [array(np.arange(1, 150) * 7, "int64"), array(np.linspace(0.01, 0.99, 149), "float64")]],
            ["poisson", [array(np.linspace(0.0, 60, 200), "float64")]], ["gamma", [array(np.linspace(0.05, 5, 100), "float64"), 1.5]],
            ["beta", [array(np.linspace(0.1, 3, 60), "float64"), [[0.5], [2.0]]]], ["geometric", [array(np.linspace(0.05, 1, 50), "float64")]],
        ]),
        ("broadcast with size", [
            ["normal", [[0, 10, 20], 1], {"size": [2, 3]}], ["binomial", [[1, 10, 100], [[0.1], [0.9]]], {"size": [2, 3]}],
            ["poisson", [[1, 100]], {"size": [3, 2]}], ["uniform", [0, [1, 2, 3]], {"size": [4, 3]}],
            ["normal", [column, [1, 2, 3, 4]], {"size": [2, 3, 4]}], ["exponential", [[1, 2]], {"size": [0, 2]}],
        ]),
        ("broadcast (3,1) against (4,)", [
            ["normal", [column, [1, 2, 3, 4]]], ["uniform", [column, [100, 200, 300, 400]]],
            ["binomial", [[[1], [10], [100]], [0.1, 0.2, 0.5, 0.9]]], ["gamma", [[[0.5], [1], [3]], [1, 2, 3, 4]]],
            ["laplace", [column, [1, 2, 3, 4]]],
        ]),
        ("broadcast 0-d arrays", [
            ["normal", [array(5.0, "float64"), array(2.0, "float64")]], ["normal", [array(5.0, "float64"), 1], {"size": 3}],
            ["binomial", [array(10, "int64"), array(0.5, "float64")]], ["poisson", [array(3.0, "float64")]],
            ["uniform", [array(0.0, "float64"), array(2.0, "float64")]], ["exponential", [array(2, "int64")], {"size": [2, 2]}],
            ["normal", [array([[1.0]], "float64"), 1]],
        ]),
        ("broadcast dtypes", [
            ["normal", [array([True, False], "bool"), 1]], ["exponential", [array([1, 2], "int32")]],
            ["uniform", [array([0, 1], "uint8"), array([0.5, 2.5], "float32")]], ["binomial", [array([3, 4], "int32"), 0.5]],
            ["binomial", [[2.5, 3.7], 0.5]], ["poisson", [array([2.5, 30], "float32")]], ["normal", [[], 1]],
        ]),
        (f"broadcast {integers}", [
            [integers, [[0, 5], [3, 10]]], [integers, [[3, 5]]], [integers, [[[0], [5]], [10, 20, 30]]],
            [integers, [[0, 0], [2**40, 5]]], [integers, [array(3, "int64")]], [integers, [array(0, "int64"), array(5, "int64")], {"size": 3}],
            [integers, [[0, 10], [5, 255]], {"dtype": "uint8"}], [integers, [[0, 10, 0], [5, 256, 1]], {"size": [4, 3], "dtype": "uint8"}],
            [integers, [[0, 0, 1], [1, 2, 2]], {"size": [5, 3], "dtype": "bool"}], [integers, [[0, -3], [2**31, 4]], {"dtype": "int32"}],
            [integers, [[0.5, 1], [3.7, 2]]], [integers, [[[0, 1]], 5], {"size": [0, 2]}], [integers, [[[0, 1]], -5], {"size": [0, 2]}],
            [integers, [[-5, 0], [[5], [6]]], {"size": [2, 2]}], [integers, [0, [10, 2**33]], {"size": [3, 2]}], ["random"],
        ]),
    ]


def broadcast_errors(integers):
    return [
        ["normal", [[0, 10, 20], [1, 2]]], ["normal", [[0, 10, 20], 1], {"size": 2}], ["normal", [[0, 10, 20], 1], {"size": [3, 1]}],
        ["normal", [[0, 1], 1], {"size": []}], ["normal", [[[0], [10], [20]], [1, 2]], {"size": [2, 3]}],
        ["binomial", [[1, 2, 3], [0.5, 0.2]]], ["binomial", [[1, 2, 3], [0.5, 0.2]], {"size": 3}], ["poisson", [[1, 2]], {"size": 3}],
        ["uniform", [[0, 1], [1, 2, 3]]], ["uniform", [[0, 1], [1, 2, 3]], {"size": 3}], ["uniform", [[0, 1], [1, "inf"]]],
        ["uniform", [[0, 1], [1, 0]]], ["uniform", [[0, 1], [-1, "nan"]]],
        ["normal", [[0, 1], [-1, 1]]], ["normal", [[0, 1], array([1, -0.0], "float64")]], ["normal", [[0, 1], [1, -1]], {"size": [5]}],
        ["exponential", [[1, -1]]], ["gamma", [[1, 2], [1, -1]]], ["gamma", [[1, -2], [1, -1]]], ["beta", [[1, 0], [1, 1]]],
        ["binomial", [[1, -2], 0.5]], ["binomial", [[1, 2], [0.5, 1.5]]], ["binomial", [[-1, 2], [0.5, "nan"]]], ["binomial", [2, [0.5, "nan"]]],
        ["binomial", [array([2.5], "float64"), 0.5]], ["binomial", [["nan"], 0.5]], ["binomial", [["inf"], 0.5]], ["binomial", ["nan", 0.5]],
        ["poisson", [[1, -1]]], ["poisson", [[1, "nan"]]], ["poisson", [[1, 1e19]]], ["poisson", [[-1, 1e19]]],
        ["geometric", [[0.5, 0]]], ["geometric", [[0.5, 1.5]]], ["chisquare", [[1, 0]]], ["standard_t", [[1, -1]]], ["weibull", [[1, -1]]],
        ["pareto", [[1, 0]]], ["power", [[1, 0]]], ["lognormal", [[0, 1], [1, -1]]], ["laplace", [0, [1, -1]]], ["rayleigh", [[-1]]],
        ["triangular", [[0, 1], [0.5, 0.5], [1, 2]]], ["triangular", [[0, 1], [0.5, 3], [1, 2]]], ["triangular", [[0, 1], [0.5, 1], [1, 1]]],
        ["triangular", [[0, 1, 2], [0.5, 1.5], [1, 2]]],
        [integers, [[0, 5], [3, 2]]], [integers, [[0, 0], [3, 0]]], [integers, [[0, 1], [3, 2, 4]]], [integers, [[0, 1], [3, 2]], {"size": 3}],
        [integers, [[-3, 5], 10], {"dtype": "uint8"}], [integers, [[3, 5], [300, 7]], {"dtype": "uint8"}], [integers, [[1, 2]], {"dtype": "bool"}],
        [integers, [[0, 0], [2**64, 5]]], [integers, [array([1.5], "float64"), array([1.7], "float64")]],
    ]


DISTRIBUTION_ERRORS = [
    ["exponential", [-1]], ["exponential", [-0.0]], ["standard_gamma", [-1]], ["standard_gamma", [-0.0]],
    ["gamma", [-1, -1]], ["gamma", [1, -1]], ["beta", [0, 1]], ["beta", [1, 0]], ["beta", [-1, -1]], ["chisquare", [0]],
    ["chisquare", [-1]], ["binomial", [-1, 0.5]], ["binomial", [5, -0.1]], ["binomial", [5, 1.1]], ["binomial", [5, "nan"]],
    ["binomial", [-1, 2]], ["poisson", [-1]], ["poisson", ["nan"]], ["poisson", [1e19]], ["geometric", [0]], ["geometric", [1.5]],
    ["geometric", ["nan"]], ["laplace", [0, -1]], ["logistic", [0, -0.0]], ["lognormal", [0, -1]], ["standard_t", [0]],
    ["rayleigh", [-1]], ["weibull", [-1]], ["pareto", [0]], ["power", [-1]], ["gumbel", [0, -1]], ["triangular", [1, 0, 2]],
    ["triangular", [0, 3, 2]], ["triangular", [1, 1, 1]], ["triangular", [2, 1, 0]],
]


def main():
    SEEDS = [0, 1, 3]
    cases = []

    for s in SEEDS:
        seed = ["seed", [s]]
        cases += [
            script(f"seed {s}: rand", [seed, ["rand"], ["rand", [5]], ["rand", [2, 3]]]),
            script(f"seed {s}: randn", [seed, ["randn"], ["randn", [5]], ["randn", [3, 4]]]),
            script(f"seed {s}: random_sample, random", [seed, ["random_sample"], ["random_sample", [], {"size": 7}], ["random", [], {"size": [2, 2]}]]),
            # Enough Gaussians to measure how often the last bit differs from C's log.
        script(f"seed {s}: randn 2000", [seed, ["randn", [2000]]]),
        script(f"seed {s}: standard_normal", [seed, ["standard_normal", [], {"size": [3, 3]}], ["standard_normal"]]),
            script(f"seed {s}: uniform", [seed, ["uniform"], ["uniform", [-2, 3], {"size": 6}], ["uniform", [5, 1], {"size": [2, 2]}], ["uniform", [0.5, 0.5], {"size": 2}]]),
            script(f"seed {s}: normal", [seed, ["normal"], ["normal", [1.5, 0.2], {"size": [2, 3]}], ["normal", [-3, 10], {"size": 5}], ["normal", [2, 0], {"size": 3}]]),
            # Odd counts leave a cached Gaussian; rand() does not touch it; normal() consumes it; seed() drops it.
            script(f"seed {s}: gaussian cache", [
                seed, ["randn", [3]], ["rand", [2]], ["randn", [1]], ["randn", [2]], ["randn"], ["normal", [10, 2]],
                ["randn", [5]], ["uniform", [0, 1], {"size": 3}], ["randn", [4]], seed, ["randn", [1]],
            ]),
            script(f"seed {s}: randint int64", [
                seed, ["randint", [10], {"size": 8}], ["randint", [-5, 5], {"size": [3, 3]}], ["randint", [5]],
                ["randint", [1000003], {"size": 20}], ["randint", [7, 8], {"size": 3}], ["randint", [-100, 100]],
            ]),
            script(f"seed {s}: randint wide ranges", [
                seed, ["randint", [0, 2**32], {"size": 5}], ["randint", [0, 2**32 + 1], {"size": 5}],
                ["randint", [0, 2**40], {"size": 5}], ["randint", [-2**52, 2**52], {"size": 5}],
                ["randint", [-2**31, 2**31 - 1], {"size": 5}], ["randint", [2**33, 2**33 + 3], {"size": 5}],
            ]),
            script(f"seed {s}: randint dtypes", [
                seed, ["randint", [0, 2**31], {"size": 5, "dtype": "int32"}], ["randint", [-3, 4], {"size": 6, "dtype": "int32"}],
                ["randint", [0, 256], {"size": 10, "dtype": "uint8"}], ["randint", [3, 200], {"size": 10, "dtype": "uint8"}],
                ["randint", [0, 2], {"size": 20, "dtype": "bool"}], ["randint", [1, 2], {"size": 3, "dtype": "bool"}],
                ["randint", [0, 10], {"size": 4, "dtype": "uint8"}], ["randint", [0, 10], {"size": 4}],
            ]),
            script(f"seed {s}: permutation", [
                seed, ["permutation", [10]], ["permutation", [1]], ["permutation", [0]],
                ["permutation", [array(np.arange(6) * 1.5, "float64")]], ["permutation", [array(np.arange(8).reshape(4, 2), "int64")]],
                ["permutation", [array([True, False, True, True], "bool")]],
            ]),
            script(f"seed {s}: shuffle", [
                seed, ["shuffle", [array(np.arange(10), "int64")]], ["shuffle", [array(np.arange(12).reshape(4, 3), "int64")]],
                ["shuffle", [array(np.arange(12).reshape(3, 2, 2) * 0.5, "float64")]], ["shuffle", [array(np.arange(5), "int32")]],
                ["shuffle", [array([7], "int64")]], ["rand"],
            ]),
            script(f"seed {s}: choice", [
                seed, ["choice", [5]], ["choice", [5, 3]], ["choice", [10, [2, 3]]], ["choice", [array([10, 20, 30, 40], "int64")]],
                ["choice", [array([1.5, 2.5, 3.5], "float64"), 5]], ["choice", [5, 3], {"replace": False}],
                ["choice", [10, 10], {"replace": False}], ["choice", [5, 0]], ["choice", [array([3, 1, 4, 1, 5], "int32"), [2, 2]]],
            ]),
            script(f"seed {s}: choice with p", [
                seed, ["choice", [5, 4], {"p": [0.1, 0.2, 0.3, 0.4, 0.0]}], ["choice", [4], {"p": [0.25, 0.25, 0.25, 0.25]}],
                ["choice", [array([1.5, -1, 8], "float64"), [2, 3]], {"p": [0.6, 0.3, 0.1]}],
                ["choice", [5, 3], {"replace": False, "p": [0.1, 0.2, 0.3, 0.4, 0.0]}],
                ["choice", [6, [2, 2]], {"replace": False, "p": [0.5, 0.1, 0.1, 0.1, 0.1, 0.1]}],
                ["choice", [3, 3], {"replace": False, "p": [0.98, 0.01, 0.01]}],
            ]),
            script(f"seed {s}: state", [seed, ["state"], ["rand", [700]], ["state"]]),
        ]

    for s in SEEDS:
        cases += [script(f"seed {s}: {label}", [["seed", [s]], *calls]) for label, calls in distribution_scripts()]
        cases += [script(f"seed {s}: {label}", [["seed", [s]], *calls]) for label, calls in broadcast_scripts("randint")]

    for key in ([1, 2, 3], [0], [2**32 - 1, 5], list(range(700))):
        seed = ["seed", [key]]
        name = f"seed array of {len(key)}" if len(key) > 3 else f"seed {key}"
        cases += [
            script(f"{name}: state", [seed, ["state"]]),
            script(f"{name}: mixed", [seed, ["rand", [3]], ["randn", [3]], ["randint", [0, 100], {"size": 5}], ["permutation", [6]], ["choice", [4, 2]]]),
        ]
    cases.append(script("seed numpy array", [["seed", [array([4, 5], "int64")]], ["rand", [2]]]))

    errors = [
        ["seed", [-1]], ["seed", [2**32]], ["seed", [[]]], ["seed", [[[1]]]], ["seed", [[-1]]],
        ["randint", [0]], ["randint", [3, 3]], ["randint", [-1, 2], {"dtype": "uint8"}], ["randint", [0, 3], {"dtype": "bool"}],
        ["randint", [0, 2**31 + 1], {"dtype": "int32"}], ["randint", [0, 3], {"dtype": "float64"}],
        ["choice", [0]], ["choice", [array([], "float64")]], ["choice", [array([[1]], "int64")]], ["choice", [1.5]],
        ["choice", [3], {"p": [0.5, 0.5]}], ["choice", [2], {"p": [0.5, 0.6]}], ["choice", [2], {"p": [-0.5, 1.5]}],
        ["choice", [2], {"p": ["nan", 1]}], ["choice", [3, 4], {"replace": False}],
        ["choice", [3, 2], {"replace": False, "p": [1, 0, 0]}], ["choice", [2], {"p": [[0.5, 0.5]]}],
        ["normal", [0, -1]], ["uniform", [0, "inf"]], ["permutation", [2.5]], ["rand", [-1]], *DISTRIBUTION_ERRORS,
        ["normal", [0, -0.0]], ["uniform", [0.0, -0.0]], *broadcast_errors("randint"),
    ]
    for call in errors:
        cases.append(script(f"error: {call[0]}{tuple(call[1])} {call[2] if len(call) > 2 else ''}".strip(), [["seed", [0]], call]))

    write("random", cases)


if __name__ == "__main__":
    main()
