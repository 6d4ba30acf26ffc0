#!/usr/bin/python3
"""PyTorch twin of io.github.ot4j.examples.bench.GanQualityBenchmark: GAN quality at equal generator steps.

The Java side passes every hyper-parameter of the ot4j configuration (WganConfig.wgan(), wganGp(), wganTs()),
so both sides train the same recipe: networks 2 -> W -> W -> W -> 2 and 2 -> W -> W -> W -> 1 (ReLU, float32,
PyTorch's default init), 8 Gaussians with the constants of gan_toy.py, the batch, the critic steps per generator
step, each updater (Adam or RMSprop with its rate, betas / decay, eps), and the mode's own setting:
  wgan: weight clipping at --clip after every critic update;
  gp:   gradient penalty --gp-lambda (double backprop with autograd);
  ts:   WGAN-TS: exact L1 step-1 targets with POT (ot.emd, u and -v centred), --regression-steps MSE steps,
        weight scaling of the last layer by beta = max(1, max (f(y_i) - f(x_j)) / c_ij).
At each of --checkpoints generator steps it writes --samples generated points to OUT/generated-STEP.csv; the
Java side computes their exact W1 against its held-out real points with ot-core, so both sides are measured by
the same solver on the same real sample. Prints one JSON line at the end (seconds, torch version, threads, BLAS).

Run with Debian's python: /usr/bin/python3 torch_gan_quality.py --mode gp --out /tmp/q (see --help)
"""
import argparse
import json
import os
import sys
import time

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_wgan_bench import blas_info, generator_step, mlp  # noqa: E402

torch.set_num_threads(1)


def optimiser(kind, params, lr, b1, b2, eps):
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(b1, b2), eps=eps)
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=b2, eps=eps)
    raise SystemExit("unknown optimiser %s" % kind)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["wgan", "gp", "ts"], required=True)
    p.add_argument("--width", type=int, default=64)
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--critic-steps", type=int, default=5)
    p.add_argument("--regression-steps", type=int, default=5)
    p.add_argument("--clip", type=float, default=0.01)
    p.add_argument("--gp-lambda", type=float, default=10.0)
    for who in ("g", "c"):
        p.add_argument("--%s-opt" % who, choices=["adam", "rmsprop"], default="adam")
        p.add_argument("--%s-lr" % who, type=float, default=1e-4)
        p.add_argument("--%s-b1" % who, type=float, default=0.5)
        p.add_argument("--%s-b2" % who, type=float, default=0.9)
        p.add_argument("--%s-eps" % who, type=float, default=1e-8)
    p.add_argument("--checkpoints", default="250,500,1000,2000")
    p.add_argument("--samples", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    checkpoints = sorted(int(c) for c in args.checkpoints.split(","))
    os.makedirs(args.out, exist_ok=True)

    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    gen = mlp(2, args.width, 2)
    critic = mlp(2, args.width, 1)
    opt_g = optimiser(args.g_opt, gen.parameters(), args.g_lr, args.g_b1, args.g_b2, args.g_eps)
    opt_c = optimiser(args.c_opt, critic.parameters(), args.c_lr, args.c_b1, args.c_b2, args.c_eps)
    evaluation = torch.Generator().manual_seed(7 * args.seed)

    n = args.batch
    start = time.perf_counter()
    for step in range(1, checkpoints[-1] + 1):
        generator_step(args.mode, gen, critic, opt_g, opt_c, rng, n, args.critic_steps, args.regression_steps,
                       args.clip, args.gp_lambda)
        if step in checkpoints:
            with torch.no_grad():
                generated = gen(torch.randn(args.samples, 2, generator=evaluation)).numpy().astype(np.float64)
            np.savetxt(os.path.join(args.out, "generated-%d.csv" % step), generated, delimiter=",", fmt="%.9g")
    seconds = time.perf_counter() - start
    print(json.dumps({"mode": args.mode, "steps": checkpoints[-1], "seconds": seconds, "seed": args.seed,
                      "torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_info()}))


if __name__ == "__main__":
    main()
