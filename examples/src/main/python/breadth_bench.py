#!/usr/bin/env python3
"""POT's side of ot4j's BreadthBenchmark (BreadthBenchmark.java runs it; run with Debian's python3, POT 0.8.2).

Usage: breadth_bench.py POINTS_FILE METHOD ARGS...
  POINTS_FILE  text file: a line "n m d", then n lines of x, then m lines of y (d numbers each); uniform weights
  sinkhorn EPS TOL        ot.dist(sqeuclidean) + ot.sinkhorn2(method='sinkhorn_log', stopThr=TOL)
  unbalanced EPS RHO TOL  ot.dist(sqeuclidean) + ot.sinkhorn_unbalanced2(method='sinkhorn', stopThr=TOL)
  sliced P K SEED         ot.sliced_wasserstein_distance(p=P, n_projections=K, seed=SEED)
  oned P                  ot.wasserstein_1d(x[:, 0], y[:, 0], a, b, p=P) ** (1 / P)

BREADTH_WARMUP (environment, default 0): untimed calls before the timed one.
Prints one JSON object: the value and the seconds of the timed call (the cost matrix is inside the timing,
as it is inside ot4j's solve).
"""
import json
import os
import sys
import time

import numpy as np
import ot


def main():
    path, method, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(path) as f:
        n, m, d = (int(t) for t in f.readline().split())
        data = np.loadtxt(f, ndmin=2)
    x, y = data[:n], data[n:n + m]
    a = np.ones(n) / n
    b = np.ones(m) / m
    for _ in range(int(os.environ.get("BREADTH_WARMUP", "0"))):
        run(method, args, x, y, a, b)
    t0 = time.perf_counter()
    value = run(method, args, x, y, a, b)
    seconds = time.perf_counter() - t0
    print(json.dumps({"value": value, "seconds": seconds}))


def run(method, args, x, y, a, b):
    """One call of the method; returns its value."""
    if method == "sinkhorn":
        M = ot.dist(x, y, metric="sqeuclidean")
        value = float(ot.sinkhorn2(a, b, M, float(args[0]), method="sinkhorn_log", numItermax=100000,
                                   stopThr=float(args[1])))
    elif method == "unbalanced":
        M = ot.dist(x, y, metric="sqeuclidean")
        value = float(ot.sinkhorn_unbalanced2(a, b, M, float(args[0]), float(args[1]), method="sinkhorn",
                                              numItermax=100000, stopThr=float(args[2])))
    elif method == "sliced":
        value = float(ot.sliced_wasserstein_distance(x, y, a, b, n_projections=int(args[1]), p=float(args[0]),
                                                     seed=int(args[2])))
    elif method == "oned":
        p = float(args[0])
        value = float(ot.wasserstein_1d(x[:, 0], y[:, 0], a, b, p=p) ** (1.0 / p))
    else:
        raise SystemExit("unknown method " + method)
    return value


if __name__ == "__main__":
    main()
