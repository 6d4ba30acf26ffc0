#!/usr/bin/python3
"""Entropic barycenters on a fixed support solved with POT 0.8.2 (Debian's /usr/bin/python3), for ot4j's
EntropicBarycenterTest. Writes barycenter.json beside this file:

    /usr/bin/python3 make_barycenter.py OUTDIR

Instance: the support is 60 points of [0, 1] (x_i = i / 59), the cost M_ij = (x_i - x_j)^2, three histograms
(normalised Gaussian bumps, centres 0.2, 0.5, 0.8, widths 0.05, 0.1, 0.07, plus 1e-3 so that every entry is
positive). For each reg, the minimiser over b of sum_k w_k OT_reg(b, a_k) with the entropy-regularised OT of
sinkhorn (plan argmin <P, M> + reg sum P (log P - 1)), by POT's iterative Bregman projections (Benamou et al. 2015):

- by_reg: weights (0.2, 0.3, 0.5), ot.bregman.barycenter(A, M, reg, weights, method='sinkhorn_log',
  numItermax=200000, stopThr=1e-14), POT's log-domain version;
- uniform_by_reg: weights (1/3, 1/3, 1/3), the default method='sinkhorn' (scaling domain), same settings.

Why not method='sinkhorn' with unequal weights: POT 0.8.2's barycenter_sinkhorn starts from u = geometricMean(UKv)
/ UKv, the unweighted geometric mean, so prod_k u_k^w_k != 1 when the weights differ; the iteration keeps that
product fixed, and it converges to a b that is not the barycenter (0.77-1.2 relative off the log-domain answer
here, which agrees with a plain iteration from u = 1 to 1e-11). With equal weights both methods agree (1e-11).
"""
import json
import os
import sys

import numpy as np
import ot


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else '.'
    d = 60
    x = np.arange(d) / (d - 1.0)
    M = (x[:, None] - x[None, :]) ** 2
    hists = []
    for c, w in ((0.2, 0.05), (0.5, 0.1), (0.8, 0.07)):
        h = np.exp(-0.5 * ((x - c) / w) ** 2) + 1e-3
        hists.append(h / h.sum())
    A = np.array(hists).T
    weights = np.array([0.2, 0.3, 0.5])
    by_reg = {}
    uniform_by_reg = {}
    for reg in (0.01, 0.05):
        b = ot.bregman.barycenter(A, M, reg, weights, method='sinkhorn_log', numItermax=200000, stopThr=1e-14)
        by_reg[repr(reg)] = [float(v) for v in b]
        b = ot.bregman.barycenter(A, M, reg, np.ones(3) / 3, method='sinkhorn', numItermax=200000, stopThr=1e-14)
        uniform_by_reg['u' + repr(reg)] = [float(v) for v in b]
    data = {'pot': ot.__version__, 'support': [float(v) for v in x], 'histograms': [list(map(float, h)) for h in hists],
            'weights': [float(w) for w in weights], 'by_reg': by_reg, 'uniform_by_reg': uniform_by_reg}
    with open(os.path.join(out, 'barycenter.json'), 'w') as f:
        json.dump(data, f, indent=1)


if __name__ == '__main__':
    main()
