/**
 * Benchmarks of ot4j against its peers, run side by side on the same data in the same run (not timed tests):
 * {@link io.github.ot4j.examples.bench.ExactSolverBenchmark} times the exact solver against POT's {@code ot.emd2}.
 */
package io.github.ot4j.examples.bench;
