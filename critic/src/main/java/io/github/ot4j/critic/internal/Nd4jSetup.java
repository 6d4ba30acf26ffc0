package io.github.ot4j.critic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * What the library sets up for nd4j, once per JVM, at its entry points; nothing a user set explicitly is
 * overridden. {@link #ensure()} runs first in {@code Critic.mlp}, {@code Critic.load}, {@code Generator.mlp},
 * {@code WganTrainer.resume}, the checkpoint reader and {@link TrainableNetwork#of}, through which every critic, critic trainer,
 * estimator, generator and WGAN trainer is built. Called from methods, not static initialisers, so that a missing
 * backend surfaces as this class's exception rather than an {@code ExceptionInInitializerError}.
 *
 * <ol>
 *   <li><b>Allocator</b>: {@code org.bytedeco.javacpp.maxPhysicalBytes=0} (a system property, set before javacpp
 *       loads unless already set): otherwise javacpp reads {@code /proc/self/statm} on every native allocation,
 *       15–25 % of a small critic step. Only effective if this runs before the first nd4j class initialises (the
 *       library's entry points do; a program that builds its own network first can call {@link #ensure()} before,
 *       or pass {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0}).</li>
 *   <li><b>Backend</b>: checks that an nd4j backend is on the class path and loads, else throws an
 *       {@link IllegalStateException} naming the artifacts to add ({@link #missingBackendMessage}).</li>
 *   <li><b>Threads</b>: one thread for nd4j's own operations (on a small network more threads cost 10–20× in
 *       synchronisation), unless the environment variable {@code OMP_NUM_THREADS} is set (then nd4j's own reading
 *       of it stands) or the system property {@value #THREADS_PROPERTY} gives the number; BLAS on one thread
 *       unless {@value #BLAS_THREADS_PROPERTY} says otherwise, so that results do not depend on the thread
 *       count.</li>
 *   <li><b>Memory</b>: starts the {@link MemoryGuard}, which calls a garbage collection when the resident memory
 *       grows by more than max(256 MiB, half of what it was after the last one), because nd4j's off-heap
 *       buffers are freed only when the collector clears their Java objects; the system property
 *       {@value MemoryGuard#HEADROOM_PROPERTY} sets another headroom ({@code 1g}) or turns it off ({@code off}).</li>
 *   <li><b>BLAS kernels</b>: one warning (through {@link System.Logger}) when OpenBLAS's kernels are below the
 *       CPU's vector level, with the remedy ({@link BlasCore}).</li>
 * </ol>
 */
public final class Nd4jSetup {

    /** System property: the number of nd4j (OpenMP) threads the library sets (default 1). */
    public static final String THREADS_PROPERTY = "ot4j.nd4j.threads";
    /**
     * System property: the number of BLAS threads (default 1, whatever {@value #THREADS_PROPERTY} says). OpenBLAS
     * 0.3.19's multi-threaded products do not sum in the same order as its single-threaded ones, so with BLAS on
     * one thread the same seed gives the same training on any {@value #THREADS_PROPERTY}; more BLAS threads trade
     * that for parallel products on large networks.
     */
    public static final String BLAS_THREADS_PROPERTY = "ot4j.nd4j.blasThreads";
    /** javacpp's property that the library sets to 0 unless set. */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private static final System.Logger LOG = System.getLogger(Nd4jSetup.class.getName());
    private static volatile boolean done;

    private Nd4jSetup() {
    }

    /**
     * Sets nd4j up as described in the class comment, the first time; later calls return at once.
     *
     * @throws IllegalStateException if no nd4j backend is available (naming the artifacts), or if
     *         {@value #THREADS_PROPERTY} is not a positive integer or {@value MemoryGuard#HEADROOM_PROPERTY} not a
     *         size
     */
    public static void ensure() {
        if (done) {
            return;
        }
        synchronized (Nd4jSetup.class) {
            if (done) {
                return;
            }
            if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
                System.setProperty(MAX_PHYSICAL_BYTES, "0");
            }
            int threads = threads(System.getenv("OMP_NUM_THREADS"), System.getProperty(THREADS_PROPERTY));
            MemoryGuard.headroomSetting(System.getProperty(MemoryGuard.HEADROOM_PROPERTY)); // malformed: throws
            checkBackend();
            MemoryGuard.start();
            int blasThreads = positive(BLAS_THREADS_PROPERTY, System.getProperty(BLAS_THREADS_PROPERTY), 1);
            if (threads > 0) {
                Nd4j.getEnvironment().setMaxThreads(threads);
                Nd4j.getEnvironment().setMaxMasterThreads(threads);
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            }
            if (threads > 0 || System.getProperty(BLAS_THREADS_PROPERTY) != null) {
                Nd4j.factory().blas().setMaxThreads(blasThreads);
            }
            String warning = blasWarning();
            if (warning != null) {
                LOG.log(System.Logger.Level.WARNING, warning);
            }
            done = true;
        }
    }

    /**
     * The thread count the library sets.
     *
     * @param ompEnv   the value of {@code OMP_NUM_THREADS}, or {@code null}
     * @param property the value of {@value #THREADS_PROPERTY}, or {@code null}
     * @return the property's value if set, else 0 (leave nd4j alone) if {@code OMP_NUM_THREADS} is set, else 1
     * @throws IllegalStateException if the property is set but not a positive integer
     */
    public static int threads(String ompEnv, String property) {
        if (property != null) {
            return positive(THREADS_PROPERTY, property, 1);
        }
        return ompEnv != null && !ompEnv.isBlank() ? 0 : 1;
    }

    /**
     * @param name     the system property's name, for the message
     * @param value    its value, or {@code null}
     * @param fallback the value when unset
     * @return the positive integer it gives
     * @throws IllegalStateException naming the property if the value is not a positive integer
     */
    static int positive(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("system property " + name + " must be a positive integer but is '" + value
                + "'");
    }

    /**
     * The message when no nd4j backend loads.
     *
     * @param platform the javacpp platform, such as {@code linux-x86_64}
     * @param cause    what failed, or {@code null}
     * @return a message naming the Maven artifacts to add
     */
    public static String missingBackendMessage(String platform, Throwable cause) {
        return "no usable nd4j backend" + (cause == null ? "" : " (" + cause + ")")
                + ". ot4j-critic and ot4j-gan need one at run time: add the dependency org.nd4j:nd4j-native:"
                + "1.0.0-M2.1 together with org.nd4j:nd4j-native:1.0.0-M2.1 with classifier " + platform
                + " (the CPU backend), or org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1 with the same classifier (CUDA 11.6 "
                + "and cuDNN 8.3 installed), or org.nd4j:nd4j-native-platform:1.0.0-M2.1 for every platform";
    }

    /** @return the javacpp platform name of this JVM, such as {@code linux-x86_64} or {@code macosx-arm64} */
    public static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : "linux";
        String a = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            default -> arch;
        };
        return o + "-" + a;
    }

    private static void checkBackend() {
        ClassLoader loader = Nd4jSetup.class.getClassLoader();
        boolean cpu = present(loader, "org.nd4j.linalg.cpu.nativecpu.CpuBackend");
        boolean cuda = present(loader, "org.nd4j.linalg.jcublas.JCublasBackend");
        if (!cpu && !cuda) {
            throw new IllegalStateException(missingBackendMessage(platform(), null));
        }
        try {
            Nd4j.getBackend();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(missingBackendMessage(platform(), e), e);
        }
    }

    private static boolean present(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String blasWarning() {
        String[] cpu = cpu();
        if (cpu == null) {
            return null; // not Linux, or an unusual cpuinfo: no advice
        }
        Set<String> flags = new HashSet<>(List.of(cpu[2].split("\\s+")));
        String forced = forcedCore();
        return BlasCore.warning(blasCore(), BlasCore.cpuLevel(flags), forced != null);
    }

    /**
     * @return the OpenBLAS core in use: {@code OPENBLAS_CORETYPE} if set, else the one predicted for this CPU
     *         ({@link BlasCore#predictedCore}), or {@code "unknown"} where {@code /proc/cpuinfo} cannot be read
     */
    public static String blasCore() {
        String forced = forcedCore();
        if (forced != null) {
            return forced;
        }
        String[] cpu = cpu();
        if (cpu == null) {
            return "unknown";
        }
        try {
            return BlasCore.predictedCore(cpu[0], Integer.parseInt(cpu[1]),
                    new HashSet<>(List.of(cpu[2].split("\\s+"))), openblasVersion());
        } catch (NumberFormatException e) {
            return "unknown";
        }
    }

    /**
     * @return nd4j's thread settings and BLAS kernels, for reports: such as {@code "OpenMP threads 1, BLAS threads
     *         1, OpenBLAS 0.3.19 core Zen (predicted)"}
     */
    public static String describe() {
        ensure();
        return "OpenMP threads " + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()
                + ", BLAS threads " + Nd4j.factory().blas().getMaxThreads() + ", OpenBLAS " + openblasVersion()
                + " core " + blasCore() + (forcedCore() != null ? " (OPENBLAS_CORETYPE)" : " (predicted)")
                + ", OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)") + ", "
                + MemoryGuard.describe();
    }

    private static String forcedCore() {
        String forced = System.getenv("OPENBLAS_CORETYPE");
        return forced == null || forced.isBlank() ? null : forced.trim();
    }

    /** @return vendor, family and flags of the first CPU in {@code /proc/cpuinfo}, or {@code null} */
    private static String[] cpu() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String[] r = {field(lines, "vendor_id"), field(lines, "cpu family"), field(lines, "flags")};
            return r[0] == null || r[1] == null || r[2] == null ? null : r;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String field(List<String> lines, String key) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** @return the version of OpenBLAS in the bytedeco presets on the class path, such as {@code 0.3.19} */
    static String openblasVersion() {
        try (InputStream in = Nd4jSetup.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.bytedeco/openblas/pom.properties")) {
            if (in == null) {
                return "0";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "0");
            int dash = v.indexOf('-');
            return dash > 0 ? v.substring(0, dash) : v;
        } catch (IOException e) {
            return "0";
        }
    }
}
