"""NumPy peer for `npm run bench -- tensor`: the same two workloads with the same starting weights, timed here.

Usage: python3 numpy_peers.py [DATA_DIR] [--lecture-only]
Prints one JSON object. DATA_DIR holds the MLP's X, Y, W1, b1, W2, b2 as raw little-endian float64 files written
by tensor.bench.ts; without it only the lecture's loop runs. --lecture-only skips the timing (used by a unit test).
"""
import json
import os
import sys
import time

import numpy as np


def lecture():
    """The lecture's 11 lines, verbatim apart from a loss for checking: a 3-4-1 sigmoid network on XOR."""
    np.random.seed(1)
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0, 1, 1, 0]]).T
    syn0 = 2 * np.random.random((3, 4)) - 1
    syn1 = 2 * np.random.random((4, 1)) - 1
    start = time.perf_counter()
    for j in range(60000):
        l1 = 1 / (1 + np.exp(-(np.dot(X, syn0))))
        l2 = 1 / (1 + np.exp(-(np.dot(l1, syn1))))
        l2_delta = (y - l2) * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
    ms = (time.perf_counter() - start) * 1000
    return ms, l2.ravel().tolist()


def mlp_step(X, Y, W1, b1, W2, b2):
    """Forward and backward of h = relu(X W1 + b1), p = softmax(h W2 + b2), L = -sum(Y log p) / 64, as NumPy is written."""
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0)
    z2 = h @ W2 + b2
    e = np.exp(z2 - z2.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.sum(Y * np.log(p)) / X.shape[0]
    dz2 = (p - Y) / X.shape[0]
    dW2 = h.T @ dz2
    db2 = dz2.sum(axis=0)
    dz1 = (dz2 @ W2.T) * (z1 > 0)
    dW1 = X.T @ dz1
    db1 = dz1.sum(axis=0)
    return loss, dW1, db1, dW2, db2


def mlp(data_dir):
    shapes = {'X': (64, 784), 'Y': (64, 10), 'W1': (784, 100), 'b1': (100,), 'W2': (100, 10), 'b2': (10,)}
    t = {k: np.fromfile(os.path.join(data_dir, k + '.f64'), dtype='<f8').reshape(s) for k, s in shapes.items()}
    args = [t[k] for k in shapes]
    for _ in range(20):
        mlp_step(*args)
    times = []
    for _ in range(21):
        start = time.perf_counter()
        for _ in range(20):
            result = mlp_step(*args)
        times.append((time.perf_counter() - start) * 1000 / 20)
    times.sort()
    loss, dW1 = result[0], result[1]
    return {'ms': times[len(times) // 2], 'loss': float(loss), 'dW1_sum': float(dW1.sum())}


def blas():
    try:
        from threadpoolctl import threadpool_info
        return ', '.join(f"{i.get('internal_api')} {i.get('architecture', '')}".strip() for i in threadpool_info())
    except ImportError:
        try:
            dep = np.show_config(mode='dicts')['Build Dependencies']['blas']
            return f"{dep.get('name')} {dep.get('version')} (kernel not reported: no threadpoolctl)"
        except Exception:  # noqa: BLE001 - any NumPy without the dict form
            return 'unknown'


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--lecture-only' in sys.argv:
        print(json.dumps({'l2': lecture()[1]}))
        return
    runs = [lecture() for _ in range(3)]
    out = {'numpy': np.__version__, 'blas': blas(), 'lecture_ms': sorted(r[0] for r in runs)[1], 'l2': runs[0][1]}
    if args:
        out['mlp'] = mlp(args[0])
    print(json.dumps(out))


if __name__ == '__main__':
    main()
