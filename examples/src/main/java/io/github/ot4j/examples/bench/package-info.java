/**
 * Benchmark mains (not tests): ot4j's timings next to a peer's on the same machine in the same run, on the same
 * data, alternating the two. {@link io.github.ot4j.examples.bench.ExactSolverBenchmark} times the exact solver
 * against POT's {@code ot.emd2}; {@link io.github.ot4j.examples.bench.WganBenchmark} compares WGAN training with
 * PyTorch.
 */
package io.github.ot4j.examples.bench;
