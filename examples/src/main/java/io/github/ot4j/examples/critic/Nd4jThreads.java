package io.github.ot4j.examples.critic;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * nd4j's thread settings for small networks. With its default of one OpenMP thread per core, nd4j spends more
 * time waking and synchronising threads than computing on a small critic: on 2 cores a step took 10–20×
 * longer than with one thread. The environment variable {@code OMP_NUM_THREADS=1} fixes that before the JVM
 * starts; {@link #single()} does it in code, for a program started from an IDE with no environment.
 */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    /**
     * Makes nd4j use one thread for its own operations and for BLAS. Call it once, before the first nd4j
     * computation. Leaves a user's explicit {@code OMP_NUM_THREADS} alone.
     */
    public static void single() {
        if (System.getenv("OMP_NUM_THREADS") != null) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    }

    /** @return a description of nd4j's current thread settings, for reports */
    public static String describe() {
        return "nd4j max threads " + Nd4j.getEnvironment().maxThreads() + ", OpenMP threads "
                + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads() + ", BLAS threads "
                + Nd4j.factory().blas().getMaxThreads() + ", OMP_NUM_THREADS="
                + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)");
    }
}
