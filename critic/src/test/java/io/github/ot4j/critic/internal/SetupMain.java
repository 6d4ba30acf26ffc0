package io.github.ot4j.critic.internal;

/** A JVM that only sets nd4j up, for {@link Nd4jSetupForkTest}; prints the OpenMP thread count it ends with. */
public final class SetupMain {

    private SetupMain() {
    }

    /** @param args none */
    public static void main(String[] args) {
        Nd4jSetup.ensure();
        System.out.println("omp threads " + org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps()
                .ompGetMaxThreads());
        System.out.println("maxPhysicalBytes " + System.getProperty(Nd4jSetup.MAX_PHYSICAL_BYTES));
        System.out.println("memory guard running " + MemoryGuard.running());
    }
}
