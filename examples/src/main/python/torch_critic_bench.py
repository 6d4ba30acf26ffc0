#!/usr/bin/python3
"""The PyTorch side of CriticStepBenchmark: one critic step of an MLP 2-512-512-512-1 (LeakyReLU 0.01),
256 real and 256 fake rows, float32, for weight clipping, gradient penalty (autograd double backprop), the
one-sided penalty, spectral normalisation (ot4j's projection: after the Adam step every layer's weights divided by
their spectral norm from one power iteration with persistent vectors) and WGAN-TS (POT's exact ot.emd targets, L1 cost, 5 regression steps, weight scaling).

Run with Debian's python3 and one thread:  OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 torch_critic_bench.py
(torch.set_num_threads(1) is set below; without OMP_WAIT_POLICY=PASSIVE, PyTorch slowed 10x when anything
else ran). Prints one line per method: the name, then each timed step in milliseconds.
"""
import argparse
import os
import sys
import time

import numpy as np
import ot
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_wgan_bench import blas_info  # noqa: E402

torch.set_num_threads(1)


def mlp(seed):
    torch.manual_seed(seed)
    return torch.nn.Sequential(
        torch.nn.Linear(2, 512), torch.nn.LeakyReLU(0.01),
        torch.nn.Linear(512, 512), torch.nn.LeakyReLU(0.01),
        torch.nn.Linear(512, 512), torch.nn.LeakyReLU(0.01),
        torch.nn.Linear(512, 1))


def clipping_step(net, opt, real, fake):
    opt.zero_grad()
    loss = -(net(real).mean() - net(fake).mean())
    loss.backward()
    opt.step()
    with torch.no_grad():
        for p in net.parameters():
            p.clamp_(-0.01, 0.01)


def penalty_step(net, opt, real, fake, one_sided):
    opt.zero_grad()
    eps = torch.rand(real.shape[0], 1)
    x_hat = (eps * real + (1 - eps) * fake).requires_grad_(True)
    g = torch.autograd.grad(net(x_hat).sum(), x_hat, create_graph=True)[0]
    excess = g.norm(2, dim=1) - 1
    if one_sided:
        excess = torch.relu(excess)
    penalty = 10.0 * (excess ** 2).mean()
    loss = -(net(real).mean() - net(fake).mean()) + penalty
    loss.backward()
    opt.step()


def gp_step(net, opt, real, fake):
    penalty_step(net, opt, real, fake, False)


def one_sided_step(net, opt, real, fake):
    penalty_step(net, opt, real, fake, True)


def spectral_step(net, opt, real, fake):
    opt.zero_grad()
    loss = -(net(real).mean() - net(fake).mean())
    loss.backward()
    opt.step()
    with torch.no_grad():
        layers = [m for m in net if isinstance(m, torch.nn.Linear)]
        if not hasattr(net, 'power_u'):
            gen = torch.Generator().manual_seed(1)
            net.power_u = [torch.randn(m.weight.shape[0], generator=gen) for m in layers]
        for k, m in enumerate(layers):
            w = m.weight                      # out x in
            v = w.t() @ net.power_u[k]
            v /= v.norm().clamp_min(1e-38)
            wv = w @ v
            sigma = wv.norm()
            net.power_u[k] = wv / sigma.clamp_min(1e-38)
            w /= sigma


def ts_step(net, opt, real, fake):
    y, x = real.numpy().astype(np.float64), fake.numpy().astype(np.float64)
    cost = ot.dist(y, x, metric='cityblock')
    m, n = len(y), len(x)
    _, log = ot.emd(np.full(m, 1.0 / m), np.full(n, 1.0 / n), cost, log=True)
    t = np.concatenate([log['u'], -log['v']])
    t -= t.mean()
    batch = torch.cat([real, fake])
    target = torch.tensor(t, dtype=torch.float32)[:, None]
    for _ in range(5):
        opt.zero_grad()
        loss = ((net(batch) - target) ** 2).mean()
        loss.backward()
        opt.step()
    with torch.no_grad():
        f = net(batch)[:, 0]
        c = torch.tensor(cost, dtype=torch.float32)
        diff = f[:m, None] - f[None, m:]
        ratio = torch.where(c > 0, diff / c.clamp_min(1e-30), torch.full_like(c, -1e30)).max().item()
        beta = max(1.0, ratio)
        net[-1].weight /= beta
        net[-1].bias /= beta


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--steps', type=int, default=10)
    parser.add_argument('--warmup', type=int, default=3)
    parser.add_argument('--batch', type=int, default=256)
    parser.add_argument('--threads', type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print('blas', blas_info(), flush=True)
    rng = np.random.default_rng(7)
    real = torch.tensor(rng.normal(1.0, 1.0, (args.batch, 2)), dtype=torch.float32)
    fakes = [torch.tensor(rng.normal(0.0, 1.0, (args.batch, 2)), dtype=torch.float32) for _ in range(2)]
    methods = {
        'clipping': (clipping_step, lambda p: torch.optim.RMSprop(p, lr=5e-5)),
        'gp': (gp_step, lambda p: torch.optim.Adam(p, lr=1e-4, betas=(0.5, 0.9))),
        'one-sided': (one_sided_step, lambda p: torch.optim.Adam(p, lr=1e-4, betas=(0.5, 0.9))),
        'spectral': (spectral_step, lambda p: torch.optim.Adam(p, lr=1e-4, betas=(0.5, 0.9))),
        'wgan-ts': (ts_step, lambda p: torch.optim.Adam(p, lr=1e-4, betas=(0.5, 0.999))),
    }
    for name, (step, make_opt) in methods.items():
        net = mlp(1)
        opt = make_opt(net.parameters())
        times = []
        for s in range(args.warmup + args.steps):
            t0 = time.perf_counter()
            step(net, opt, real, fakes[s % 2])
            t1 = time.perf_counter()
            if s >= args.warmup:
                times.append((t1 - t0) * 1000)
        print(name, ' '.join('%.4f' % t for t in times), flush=True)


if __name__ == '__main__':
    main()
