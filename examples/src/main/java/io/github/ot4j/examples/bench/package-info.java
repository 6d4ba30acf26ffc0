/**
 * Benchmarks against peers on the same machine in the same run (not timed tests):
 * {@link io.github.ot4j.examples.bench.WganBenchmark} compares WGAN training with PyTorch.
 */
package io.github.ot4j.examples.bench;
