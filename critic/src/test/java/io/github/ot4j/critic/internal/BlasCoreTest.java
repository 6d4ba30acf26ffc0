package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class BlasCoreTest {

    private static final Set<String> AVX512 = Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512bw",
            "avx512vl", "avx512dq");
    private static final Set<String> AVX2 = Set.of("sse2", "avx", "avx2", "fma");

    @Test
    void cpuLevelFromFlags() {
        assertThat(BlasCore.cpuLevel(AVX512)).isEqualTo(3);
        assertThat(BlasCore.cpuLevel(AVX2)).isEqualTo(2);
        assertThat(BlasCore.cpuLevel(Set.of("sse2", "avx"))).isEqualTo(1);
        assertThat(BlasCore.cpuLevel(Set.of("sse2", "avx", "avx2"))).isEqualTo(1); // AVX2 kernels need FMA too
        assertThat(BlasCore.cpuLevel(Set.of("sse2"))).isZero();
    }

    @Test
    void zen5IsUnknownToOpenBlas019ButKnownTo031() {
        assertThat(BlasCore.predictedCore("AuthenticAMD", 26, AVX512, "0.3.19")).isEqualTo("Prescott");
        assertThat(BlasCore.predictedCore("AuthenticAMD", 26, AVX512, "0.3.31")).isEqualTo("SkylakeX");
        assertThat(BlasCore.predictedCore("AuthenticAMD", 25, AVX512, "0.3.19")).isEqualTo("Zen");
        assertThat(BlasCore.predictedCore("GenuineIntel", 6, AVX512, "0.3.19")).isEqualTo("SkylakeX");
    }

    @Test
    void forcedPrescottOnAvx512WarnsWithTheRemedy() {
        String w = BlasCore.warning("Prescott", 3, true);
        assertThat(w).contains("Prescott kernels (SSE)", "AVX-512", "OPENBLAS_CORETYPE=Prescott",
                "OPENBLAS_CORETYPE=SkylakeX before the JVM starts");
        assertThat(BlasCore.warning("Prescott", 2, false)).contains("does not know", "OPENBLAS_CORETYPE=Haswell");
    }

    @Test
    void noWarningWhenTheKernelsMatchOrTheCpuIsOld() {
        assertThat(BlasCore.warning("SkylakeX", 3, false)).isNull();
        assertThat(BlasCore.warning("Zen", 3, false)).isNull();
        assertThat(BlasCore.warning("haswell", 2, true)).isNull();
        assertThat(BlasCore.warning("Nehalem", 0, false)).isNull();
        assertThat(BlasCore.warning("NoSuchCore", 3, true)).isNull();
    }

    @Test
    void bundledOpenBlasVersionIsRead() {
        assertThat(Nd4jSetup.openblasVersion()).matches("0\\.3\\.\\d+");
    }
}
