#!/usr/bin/python3
"""PyTorch reference for the ot4j WGAN benchmark (io.github.ot4j.examples.bench.WganBenchmark).

The same networks, modes and number of generator steps as the Java run, on CPU with one thread:
  generator 2 -> W -> W -> W -> 2 and critic 2 -> W -> W -> W -> 1 (ReLU, float32, PyTorch's default init),
  data: 8 Gaussians with the constants of gan_toy.py (igul222/improved_wgan_training),
  wgan: weight clipping at --clip, RMSprop(lr, alpha 0.99, eps 1e-8), --critic-steps critic steps;
  gp:   gradient penalty lambda --gp-lambda (double backprop with autograd), Adam(lr, 0.5, 0.9);
  ts:   WGAN-TS: exact step-1 targets with POT (ot.emd, L1 cost, u and -v centred), 5 MSE regression steps
        with Adam(lr, 0.5, 0.999), weight scaling of the last layer by beta; one critic iteration per step.
Prints one JSON line: seconds per generator step (training only) and the exact W1 (Euclidean, POT ot.emd2)
between 1000 generated and 1000 fresh real points.

Run with Debian's python: /usr/bin/python3 torch_wgan_bench.py --mode ts --steps 300
"""
import argparse
import json
import os
import time

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import ot  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)

SQ = 1.0 / np.sqrt(2.0)
CENTRES = 2.0 * np.array([(1, 0), (-1, 0), (0, 1), (0, -1), (SQ, SQ), (SQ, -SQ), (-SQ, SQ), (-SQ, -SQ)])



def blas_info():
    """The BLAS PyTorch uses and, for OpenBLAS, the core it picked (from the library loaded in this process)."""
    import ctypes
    import re
    m = re.search(r'BLAS_INFO=(\w+)', torch.__config__.show())
    info = 'torch %s, BLAS %s' % (torch.__version__, m.group(1) if m else '?')
    torch.ones(64, 64) @ torch.ones(64, 64)  # makes sure the BLAS library is loaded
    with open('/proc/self/maps') as f:
        libs = sorted({line.split()[-1] for line in f if 'openblas' in line and '.so' in line})
    for lib in libs:
        try:
            fn = ctypes.CDLL(lib).openblas_get_corename
            fn.restype = ctypes.c_char_p
            return info + ' core ' + fn().decode()
        except (OSError, AttributeError):
            pass
    return info + (', MKL' if torch.backends.mkl.is_available() else '')


def eight_gaussians(rng, n):
    c = CENTRES[rng.integers(0, 8, size=n)]
    return ((c + 0.02 * rng.standard_normal((n, 2))) / 1.414).astype(np.float32)


def mlp(n_in, width, n_out):
    return torch.nn.Sequential(
        torch.nn.Linear(n_in, width), torch.nn.ReLU(),
        torch.nn.Linear(width, width), torch.nn.ReLU(),
        torch.nn.Linear(width, width), torch.nn.ReLU(),
        torch.nn.Linear(width, n_out))


def gradient_penalty(critic, real, fake, lam):
    eps = torch.rand(real.shape[0], 1)
    x_hat = (eps * real + (1 - eps) * fake).requires_grad_(True)
    out = critic(x_hat)
    g, = torch.autograd.grad(out.sum(), x_hat, create_graph=True)
    return lam * ((g.norm(2, dim=1) - 1) ** 2).mean()


def ts_critic_iteration(critic, opt, real, fake, regression_steps):
    y = real.numpy().astype(np.float64)
    x = fake.numpy().astype(np.float64)
    cost = ot.dist(y, x, metric="cityblock")
    a = np.full(len(y), 1.0 / len(y))
    b = np.full(len(x), 1.0 / len(x))
    _, log = ot.emd(a, b, cost, log=True)
    targets = np.concatenate([log["u"], -log["v"]])
    targets -= targets.mean()
    batch = torch.cat([real, fake])
    t = torch.tensor(targets, dtype=torch.float32).unsqueeze(1)
    for _ in range(regression_steps):
        opt.zero_grad()
        loss = ((critic(batch) - t) ** 2).mean()
        loss.backward()
        opt.step()
    with torch.no_grad():
        diff = critic(real) - critic(fake).T
        c = torch.tensor(cost, dtype=torch.float32)
        mask = c > 0
        beta = max(1.0, float((diff[mask] / c[mask]).max()))
        last = critic[-1]
        last.weight.div_(beta)
        last.bias.div_(beta)


def generator_step(mode, gen, critic, opt_g, opt_c, rng, n, critic_steps, regression_steps, clip, gp_lambda):
    """critic_steps critic iterations on fresh batches of n (WGAN-TS: each one a target solve and regression_steps
    regression steps), then one generator step: what ot4j's WganTrainer does per iteration."""
    for _ in range(critic_steps):
        real = torch.from_numpy(eight_gaussians(rng, n))
        with torch.no_grad():
            fake = gen(torch.randn(n, 2))
        if mode == "ts":
            ts_critic_iteration(critic, opt_c, real, fake, regression_steps)
            continue
        opt_c.zero_grad()
        loss = -(critic(real).mean() - critic(fake).mean())
        if mode == "gp":
            loss = loss + gradient_penalty(critic, real, fake, gp_lambda)
        loss.backward()
        opt_c.step()
        if mode == "wgan":
            with torch.no_grad():
                for q in critic.parameters():
                    q.clamp_(-clip, clip)
    opt_g.zero_grad()
    g_loss = -critic(gen(torch.randn(n, 2))).mean()
    g_loss.backward()
    opt_g.step()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["wgan", "gp", "ts"], required=True)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--width", type=int, default=128)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--clip", type=float, default=0.1)
    p.add_argument("--gp-lambda", type=float, default=0.1)
    p.add_argument("--critic-steps", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)

    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    gen = mlp(2, args.width, 2)
    critic = mlp(2, args.width, 1)
    if args.mode == "wgan":
        opt_c = torch.optim.RMSprop(critic.parameters(), lr=args.lr, alpha=0.99, eps=1e-8)
        opt_g = torch.optim.RMSprop(gen.parameters(), lr=args.lr, alpha=0.99, eps=1e-8)
    elif args.mode == "gp":
        opt_c = torch.optim.Adam(critic.parameters(), lr=args.lr, betas=(0.5, 0.9), eps=1e-8)
        opt_g = torch.optim.Adam(gen.parameters(), lr=args.lr, betas=(0.5, 0.9), eps=1e-8)
    else:
        opt_c = torch.optim.Adam(critic.parameters(), lr=args.lr, betas=(0.5, 0.999), eps=1e-8)
        opt_g = torch.optim.Adam(gen.parameters(), lr=args.lr, betas=(0.5, 0.999), eps=1e-8)

    n = args.batch
    start = time.perf_counter()
    for _ in range(args.steps):
        generator_step(args.mode, gen, critic, opt_g, opt_c, rng, n, 1 if args.mode == "ts" else args.critic_steps,
                       5, args.clip, args.gp_lambda)
    seconds = time.perf_counter() - start

    with torch.no_grad():
        generated = gen(torch.randn(1000, 2)).numpy().astype(np.float64)
    real = eight_gaussians(rng, 1000).astype(np.float64)
    w1 = ot.emd2(np.full(1000, 1e-3), np.full(1000, 1e-3), ot.dist(generated, real, metric="euclidean"))
    print(json.dumps({"mode": args.mode, "steps": args.steps, "seconds_per_step": seconds / args.steps,
                      "exact_w1": float(w1), "seed": args.seed, "torch": torch.__version__,
                      "threads": torch.get_num_threads(), "blas": blas_info()}))


if __name__ == "__main__":
    main()
