"""numpy's printed output for the worked examples the README and the course lean on (test/examples.test.ts)."""
import numpy as np
from common import write

A = np.array([[56.0, 0.0, 4.4, 68.0], [1.2, 104.0, 52.0, 8.0], [1.8, 135.0, 99.0, 0.9]])
cal = A.sum(axis=0)
percentage = 100 * A / cal.reshape(1, 4)
np.random.seed(1)
W = np.random.randn(4, 3) * 0.01
x = np.array([[0, 3, 4], [1, 6, 4]])
norm = np.linalg.norm(x, axis=1, keepdims=True)
s = np.exp(np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]))
softmax = s / np.sum(s, axis=1, keepdims=True)
write("examples", [
    {"name": "calorie cal", "repr": repr(cal), "str": str(cal)},
    {"name": "calorie percentage", "repr": repr(percentage), "str": str(percentage)},
    {"name": "randn * 0.01 after seed(1)", "repr": repr(W)},
    {"name": "normalizeRows", "repr": repr(x / norm)},
    {"name": "softmax", "repr": repr(softmax)},
])
