"""numpy's side of the end-to-end benchmark (bench/train.js): the course's L-layer model, trained on the data and
initial parameters in the .npy files of a directory. Prints JSON like bench/train_tsdl.js."""
import json
import os
import sys
import time

import numpy as np


def forward(X, p, L):
    caches = []
    A = X
    for l in range(1, L + 1):
        A_prev = A
        Z = np.dot(p[f"W{l}"], A_prev) + p[f"b{l}"]
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
        caches.append((A_prev, p[f"W{l}"], Z))
    return A, caches


def cost(AL, Y):
    log_probabilities = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
    return float(-np.sum(log_probabilities) / Y.shape[1])


def backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dA = -(Y / AL) + (1 - Y) / (1 - AL)
    for l in range(L, 0, -1):
        A_prev, W, Z = caches[l - 1]
        if l == L:
            s = 1 / (1 + np.exp(-Z))
            dZ = dA * s * (1 - s)
        else:
            dZ = np.array(dA, copy=True)
            dZ[Z <= 0] = 0
        m = A_prev.shape[1]
        grads[f"dW{l}"] = np.dot(dZ, A_prev.T) / m
        grads[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
        dA = np.dot(W.T, dZ)
    return grads


def peak_resident_bytes():
    """This process's peak resident memory (VmHWM: ru_maxrss would include the parent's, from before exec)."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def main():
    directory, iterations, learning_rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    X = np.load(os.path.join(directory, "X.npy"))
    Y = np.load(os.path.join(directory, "Y.npy"))
    L = len(json.load(open(os.path.join(directory, "layers.json")))) - 1
    p = {}
    for l in range(1, L + 1):
        p[f"W{l}"] = np.load(os.path.join(directory, f"W{l}.npy"))
        p[f"b{l}"] = np.load(os.path.join(directory, f"b{l}.npy"))
    start_bytes = resident_bytes()
    costs = []
    start = time.perf_counter()
    for i in range(iterations):
        AL, caches = forward(X, p, L)
        if i % 100 == 0 or i == iterations - 1:
            costs.append(cost(AL, Y))
        grads = backward(AL, Y, caches)
        p = {name: p[name] - learning_rate * grads[f"d{name}"] for name in p}
    seconds = time.perf_counter() - start
    peak = peak_resident_bytes()
    print(json.dumps({"seconds": seconds, "costs": costs, "cost": costs[-1], "peakBytes": peak, "startBytes": start_bytes, "numpy": np.__version__}))


main()
