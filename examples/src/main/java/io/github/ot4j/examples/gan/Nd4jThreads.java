package io.github.ot4j.examples.gan;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs nd4j on a single thread, in code, so that an example started from an IDE (with no
 * {@code OMP_NUM_THREADS=1} in its environment) is not slowed down 10–20× by OpenMP threads fighting over few
 * cores on small networks. Call {@link #single()} first thing in {@code main}, before any other nd4j use.
 */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    /**
     * Limits nd4j's native operations and BLAS to one thread, and switches off JavaCPP's per-allocation check of
     * the process's physical memory (a read of {@code /proc} on every native allocation).
     */
    public static void single() {
        System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }
}
