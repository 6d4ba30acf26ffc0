package io.github.ot4j.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.ot4j.critic.internal.Nd4jSetup;

/**
 * What the critic and WGAN benchmarks share: the ot4j side runs in a child JVM per thread count whose
 * environment has {@code OPENBLAS_CORETYPE}, {@code OMP_NUM_THREADS} and every {@code MKL_*} removed (what a user
 * who sets nothing gets; the thread count is the library's {@code -Dot4j.nd4j.threads}), and both sides report the
 * CPU model and the BLAS kernels in use. {@code -Dot4j.bench.threads=1,2} chooses the thread counts.
 */
final class BenchProcess {

    /** System property marking the child JVM, whose value is its thread count. */
    static final String CHILD = "ot4j.bench.child";

    private BenchProcess() {
    }

    /**
     * In the parent: runs {@code main} of {@code type} in one child JVM per thread count, with a cleaned
     * environment, and returns {@code true}; in a child, returns {@code false} (the caller runs the benchmark).
     *
     * @param type    the benchmark class
     * @param args    its arguments
     * @param threads the thread counts
     * @return whether this is the parent (which has done everything)
     * @throws IOException          if a child cannot be started or fails
     * @throws InterruptedException if interrupted
     */
    static boolean runChildren(Class<?> type, String[] args, int... threads)
            throws IOException, InterruptedException {
        if (System.getProperty(CHILD) != null) {
            return false;
        }
        System.out.println("Machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; Java " + System.getProperty("java.version"));
        String only = System.getProperty("ot4j.bench.threads"); // e.g. "1" or "1,2": overrides the default list
        if (only != null) {
            threads = Arrays.stream(only.split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
        }
        for (int t : threads) {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>(List.of(java, "-D" + CHILD + "=" + t,
                    "-D" + Nd4jSetup.THREADS_PROPERTY + "=" + t, "-D" + Nd4jSetup.BLAS_THREADS_PROPERTY + "=" + t,
                    "-cp", System.getProperty("java.class.path"),
                    type.getName()));
            cmd.addAll(Arrays.asList(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.equals("OPENBLAS_CORETYPE") || k.equals("OMP_NUM_THREADS")
                    || k.startsWith("MKL_"));
            int rc = pb.start().waitFor();
            if (rc != 0) {
                throw new IOException(type.getSimpleName() + " child with " + t + " thread(s) exited with " + rc);
            }
        }
        return true;
    }

    /** @return the thread count of this child JVM */
    static int threads() {
        return Integer.parseInt(System.getProperty(CHILD, "1"));
    }

    /** @param pb a PyTorch child process: gets the documented thread settings */
    static void torchEnvironment(ProcessBuilder pb) {
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads()));
    }

    /** @return the CPU's model name from {@code /proc/cpuinfo}, or the architecture */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // below
        }
        return System.getProperty("os.arch");
    }
}
