#!/usr/bin/env python3
"""SciPy's side of ot4j's cost-evaluation benchmark (CostEvaluationBenchmark.java runs it; Debian's python3).

Usage: cdist_bench.py N D METRIC REPEATS
  N        points on each side (x and y are N x D, standard normal, seed 0)
  D        dimension
  METRIC   euclidean, cityblock or sqeuclidean
  REPEATS  number of timed scipy.spatial.distance.cdist calls

Prints one JSON object: the seconds of each timed call and the sum of the last matrix (a checksum).
"""
import json
import sys
import time

import numpy as np
from scipy.spatial.distance import cdist


def main():
    n, d, metric, repeats = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, d))
    y = rng.standard_normal((n, d))
    cdist(x, y, metric=metric)  # warm-up
    seconds = []
    c = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        c = cdist(x, y, metric=metric)
        seconds.append(time.perf_counter() - t0)
    print(json.dumps({"seconds": seconds, "sum": float(c.sum())}))


if __name__ == "__main__":
    main()
