package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs {@link SetupMain} in a fresh JVM with a chosen environment: what a user who sets nothing gets. */
@Tag("slow")
class Nd4jSetupForkTest {

    @Test
    void forcedSseKernelsOnAnAvx2CpuGiveOneWarningWithTheRemedy() throws Exception {
        String flags = Files.readString(Path.of("/proc/cpuinfo"));
        assumeTrue(flags.contains(" avx2") && flags.contains(" fma"), "needs an AVX2 CPU");
        String out = run("Prescott", null);
        assertThat(out).contains("Prescott kernels (SSE)", "OPENBLAS_CORETYPE=Prescott");
        assertThat(out).containsPattern("Remedy: set the environment variable OPENBLAS_CORETYPE=(SkylakeX|Haswell)");
        assertThat(out.split("Remedy:", -1)).hasSize(2); // once
    }

    @Test
    void nothingSetMeansOneThreadTheAllocatorPropertyAndNoWarningForMatchingKernels() throws Exception {
        String out = run(null, null);
        assertThat(out).contains("omp threads 1", "maxPhysicalBytes 0", "memory guard running true")
                .doesNotContain("Remedy:");
    }

    @Test
    void theUserCanTurnTheMemoryGuardOff() throws Exception {
        assertThat(run(null, null, "-D" + MemoryGuard.HEADROOM_PROPERTY + "=off"))
                .contains("memory guard running false");
    }

    @Test
    void aUsersOmpNumThreadsStands() throws Exception {
        assertThat(run(null, "2")).contains("omp threads 2");
    }

    private static String run(String coreType, String ompThreads, String... jvmOptions)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SetupMain.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("OPENBLAS_CORETYPE");
        pb.environment().remove("OMP_NUM_THREADS");
        if (coreType != null) {
            pb.environment().put("OPENBLAS_CORETYPE", coreType);
        }
        if (ompThreads != null) {
            pb.environment().put("OMP_NUM_THREADS", ompThreads);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
