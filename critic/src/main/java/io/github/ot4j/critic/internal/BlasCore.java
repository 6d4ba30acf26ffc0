package io.github.ot4j.critic.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which OpenBLAS kernels nd4j's BLAS runs, next to what the CPU can do, and the one warning when they are below
 * it. The bundled OpenBLAS (a DYNAMIC_ARCH build) picks its kernels when it loads, from the CPU's identity; a CPU
 * newer than the build (AMD Zen 5 for OpenBLAS 0.3.19, which nd4j 1.0.0-M2.1 uses) gets SSE kernels, 3–5× slower
 * on the large products of a critic step than the AVX2/AVX-512 ones. The environment variable
 * {@code OPENBLAS_CORETYPE} chooses the kernels instead (OpenBLAS reads it once, when it loads).
 *
 * <p>The bytedeco presets do not export {@code openblas_get_corename}, so the core is {@code OPENBLAS_CORETYPE}
 * when set and otherwise predicted from the CPU's vendor, family and flags with the rules of OpenBLAS's own
 * detection ({@link #predictedCore}).
 */
public final class BlasCore {

    /** SIMD level of a kernel set or a CPU: 0 SSE, 1 AVX, 2 AVX2, 3 AVX-512. */
    private static final Map<String, Integer> CORE_LEVEL = Map.ofEntries(
            Map.entry("prescott", 0), Map.entry("core2", 0), Map.entry("penryn", 0), Map.entry("dunnington", 0),
            Map.entry("nehalem", 0), Map.entry("atom", 0), Map.entry("opteron", 0), Map.entry("barcelona", 0),
            Map.entry("bobcat", 0), Map.entry("katmai", 0), Map.entry("northwood", 0), Map.entry("banias", 0),
            Map.entry("sandybridge", 1), Map.entry("bulldozer", 1), Map.entry("piledriver", 1),
            Map.entry("steamroller", 1), Map.entry("haswell", 2), Map.entry("zen", 2), Map.entry("excavator", 2),
            Map.entry("skylakex", 3), Map.entry("cooperlake", 3), Map.entry("sapphirerapids", 3));
    private static final String[] LEVEL_NAMES = {"SSE", "AVX", "AVX2", "AVX-512"};

    private BlasCore() {
    }

    /**
     * @param flags the CPU's flags as {@code /proc/cpuinfo} lists them (lower case)
     * @return the CPU's SIMD level: 0 SSE, 1 AVX, 2 AVX2 (with FMA), 3 AVX-512 (F, BW, VL, DQ)
     */
    public static int cpuLevel(Set<String> flags) {
        if (flags.containsAll(Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq"))) {
            return 3;
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return 2;
        }
        return flags.contains("avx") ? 1 : 0;
    }

    /**
     * @param core an OpenBLAS core name such as {@code "Haswell"} (case ignored)
     * @return its SIMD level as in {@link #cpuLevel}, or −1 if unknown
     */
    public static int coreLevel(String core) {
        return CORE_LEVEL.getOrDefault(core.toLowerCase(Locale.ROOT), -1);
    }

    /**
     * The kernels a DYNAMIC_ARCH OpenBLAS picks by itself (no {@code OPENBLAS_CORETYPE}). OpenBLAS up to 0.3.2x
     * knows AMD families 0x17–0x19 (Zen 1–4: its Zen kernels, AVX2) and falls back to Prescott (SSE3) for a later
     * family; it knows Intel's cores of its time, approximated here by the CPU's level. From 0.3.29 it knows Zen 5.
     *
     * @param vendor          the CPU's vendor id, such as {@code "AuthenticAMD"} or {@code "GenuineIntel"}
     * @param family          the CPU family (decimal, as {@code /proc/cpuinfo} prints it)
     * @param flags           the CPU's flags
     * @param openblasVersion OpenBLAS's version, such as {@code "0.3.19"}
     * @return the predicted core name
     */
    public static String predictedCore(String vendor, int family, Set<String> flags, String openblasVersion) {
        int level = cpuLevel(flags);
        if ("AuthenticAMD".equals(vendor) || "HygonGenuine".equals(vendor)) {
            if (family >= 0x17 && family <= 0x19) {
                return "Zen";
            }
            if (family > 0x19) {
                return minor(openblasVersion) >= 29 ? (level >= 3 ? "SkylakeX" : "Zen") : "Prescott";
            }
            return level >= 1 ? "Bulldozer" : "Barcelona";
        }
        return new String[] {"Nehalem", "SandyBridge", "Haswell", "SkylakeX"}[level];
    }

    /**
     * The warning to print, if any: when the kernels are below AVX2 on a CPU that has AVX2 or more (the 3–5×
     * case; AVX2 kernels on an AVX-512 CPU lose little on these sizes and get no warning).
     *
     * @param core     the core in use (or predicted)
     * @param cpuLevel the CPU's level, {@link #cpuLevel}
     * @param forced   whether {@code OPENBLAS_CORETYPE} chose it
     * @return the warning, or {@code null} if none is due
     */
    public static String warning(String core, int cpuLevel, boolean forced) {
        int level = coreLevel(core);
        if (cpuLevel < 2 || level < 0 || level >= 2) {
            return null;
        }
        String remedy = cpuLevel >= 3 ? "SkylakeX" : "Haswell";
        return "nd4j's OpenBLAS runs " + core + " kernels (" + LEVEL_NAMES[level] + ") on a CPU with "
                + LEVEL_NAMES[cpuLevel] + (forced ? " (chosen by OPENBLAS_CORETYPE=" + core + ")"
                        : " (a CPU this OpenBLAS build does not know)")
                + ": matrix products run 3-5x slower than they could. Remedy: set the environment variable "
                + "OPENBLAS_CORETYPE=" + remedy + " before the JVM starts (it is read once, when OpenBLAS loads).";
    }

    private static int minor(String version) {
        String[] parts = version.split("\\.");
        try {
            return parts.length >= 3 && parts[0].equals("0") && parts[1].equals("3") ? Integer.parseInt(parts[2])
                    : parts.length >= 2 && !parts[0].equals("0") ? Integer.MAX_VALUE : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
