"""Writes exact optimal-transport instances solved by POT in the layout of src/test/resources/reference.

Usage (Debian's POT 0.8.2):  apt-get install -y python3-pot;  /usr/bin/python3 make_reference.py OUT_DIR

Each instance OUT_DIR/<name>.csv has the header set,i,w,p0..p(d-1) (set x: source points with weights a,
set y: target points with weights b; floats in repr so they round-trip), and OUT_DIR/values.json holds per
instance the cost name, sizes and POT's optimal value ot.emd2(a, b, C). The cost matrix is computed with
ot.dist (SciPy's cdist names), independently of ot4j.
"""
import json
import os
import sys

import numpy as np
import ot


def write(out, name, x, y, a, b, metric):
    cost = ot.dist(x, y, metric=metric)
    value = float(ot.emd2(a, b, cost, numItermax=10_000_000))
    with open(os.path.join(out, name + ".csv"), "w") as f:
        f.write("set,i,w," + ",".join(f"p{k}" for k in range(x.shape[1])) + "\n")
        for s, points, w in (("x", x, a), ("y", y, b)):
            for i in range(points.shape[0]):
                f.write(f"{s},{i},{float(w[i])!r}," + ",".join(repr(float(v)) for v in points[i]) + "\n")
    return {"metric": metric, "n": int(x.shape[0]), "m": int(y.shape[0]), "d": int(x.shape[1]), "emd2": value}


def main(out):
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(4242)
    values = {}
    x = rng.normal(size=(100, 3)); y = rng.normal(loc=0.5, size=(80, 3))
    values["gauss3d_euclid_100x80"] = write(out, "gauss3d_euclid_100x80", x, y,
                                            np.full(100, 1 / 100), np.full(80, 1 / 80), "euclidean")
    x = rng.uniform(size=(30, 4)); y = rng.uniform(size=(45, 4))
    a = rng.random(30); a /= a.sum(); b = rng.random(45); b /= b.sum()
    values["uniform4d_l1_30x45"] = write(out, "uniform4d_l1_30x45", x, y, a, b, "cityblock")
    with open(os.path.join(out, "values.json"), "w") as f:
        json.dump(values, f, indent=1, sort_keys=True)
    print(json.dumps(values, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "reference-out")
