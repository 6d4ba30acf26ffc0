#!/usr/bin/env python3
"""References for ShortlistSolverTest and SparseAssignmentTest: point clouds solved by POT 0.8.2 (run with Debian's
/usr/bin/python3).

Writes gauss2d_n2000.txt (d = 2, numpy seed 13) and gauss5d_n1200.txt (d = 5, seed 17): a header line
"n d euclidean_value sqeuclidean_value" (ot.emd2 with uniform weights on ot.dist costs), then n lines of x (N(0, I))
and n lines of y (N((1, ..., 1), I)), printed with repr precision so that Java reads the same doubles.
"""
import numpy as np
import ot


def write(n, d, seed, name):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d))
    y = 1.0 + rng.standard_normal((n, d))
    a = np.full(n, 1.0 / n)
    values = []
    for metric in ("euclidean", "sqeuclidean"):
        M = ot.dist(x, y, metric=metric)
        values.append(ot.emd2(a, a, M, numItermax=10_000_000))
    with open(name, "w") as f:
        f.write(f"{n} {d} {values[0]!r} {values[1]!r}\n")
        for p in np.vstack([x, y]):
            f.write(" ".join(repr(float(t)) for t in p) + "\n")


write(2000, 2, 13, "gauss2d_n2000.txt")
write(1200, 5, 17, "gauss5d_n1200.txt")
