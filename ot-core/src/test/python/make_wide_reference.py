"""Writes dense transport problems whose costs span 1e-6 .. 1e6, solved by POT, for WideCostsReferenceTest.

Usage (Debian's POT 0.8.2):  /usr/bin/python3 make_wide_reference.py OUT_DIR

Each OUT_DIR/wide_<n>x<m>_seed<s>.txt holds the line "n m", the weights a, the weights b (scaled so that
sum(b) == sum(a) in doubles as numpy sums them), the n rows of the cost matrix C_ij = 10^(-6 + 12 u) (u uniform),
and finally POT's ot.emd2(a, b, C); every float in repr, so that it round-trips. The optimum is far below
max|C|·mass, which is what defeats a certificate whose marginal term is 3·max|C|·E.
"""
import os
import sys

import numpy as np
import ot


def write(out, n, m, seed):
    rng = np.random.default_rng(seed)
    a = rng.random(n)
    b = rng.random(m)
    b = b * (a.sum() / b.sum())
    cost = 10.0 ** (-6 + 12 * rng.random((n, m)))
    value = float(ot.emd2(a, b, cost, numItermax=10_000_000))
    name = os.path.join(out, f"wide_{n}x{m}_seed{seed}.txt")
    with open(name, "w") as f:
        f.write(f"{n} {m}\n")
        f.write(" ".join(repr(float(w)) for w in a) + "\n")
        f.write(" ".join(repr(float(w)) for w in b) + "\n")
        for i in range(n):
            f.write(" ".join(repr(float(c)) for c in cost[i]) + "\n")
        f.write(repr(value) + "\n")


def main(out):
    os.makedirs(out, exist_ok=True)
    write(out, 30, 25, 1)
    write(out, 40, 40, 2)
    write(out, 12, 35, 3)


if __name__ == "__main__":
    main(sys.argv[1])
