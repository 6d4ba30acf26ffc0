#!/usr/bin/env python3
"""POT's side of ot4j's exact-solver benchmark (ExactSolverBenchmark.java runs it; run with Debian's python3).

Usage: pot_bench.py POINTS_FILE METRIC REPEATS
  POINTS_FILE  text file: a line "n m d", then n lines of x, then m lines of y (d numbers each)
  METRIC       a scipy/POT metric name: euclidean, cityblock, sqeuclidean
  REPEATS      number of timed ot.emd2 calls

Prints one JSON object: the value of ot.emd2 (uniform weights), the seconds of each timed call to
ot.emd2 (the cost matrix is computed before, once, by ot.dist and timed separately as dist_seconds).
"""
import json
import resource
import sys
import time

import numpy as np
import ot


def main():
    path, metric, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path) as f:
        n, m, d = (int(t) for t in f.readline().split())
        data = np.loadtxt(f, ndmin=2)
    x, y = data[:n], data[n:n + m]
    a = np.ones(n) / n
    b = np.ones(m) / m
    t0 = time.perf_counter()
    M = ot.dist(x, y, metric=metric)
    dist_seconds = time.perf_counter() - t0
    times = []
    value = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        value = ot.emd2(a, b, M, numItermax=10**9)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"value": float(value), "seconds": times, "dist_seconds": dist_seconds,
                      "pot": ot.__version__,
                      "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
