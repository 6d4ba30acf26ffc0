package io.github.ot4j.gan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.critic.internal.Nd4jSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same seed, same training on 1 or 2 nd4j threads: every parameter bit-identical after 30 steps of each mode
 * (OpenBLAS's multi-threaded products sum in another order, which is why the library keeps BLAS on one thread;
 * with {@code -Dot4j.nd4j.blasThreads=2} this test fails).
 */
@Tag("slow")
class ThreadCountDeterminismTest {

    @ParameterizedTest
    @ValueSource(strings = {"wgan", "gp", "ts"})
    void oneAndTwoThreadsTrainTheSameNetworks(String mode) throws Exception {
        String one = run(mode, 1);
        assertThat(one).startsWith("generator ");
        assertThat(run(mode, 2)).isEqualTo(one);
    }

    private static String run(String mode, int threads) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-D" + Nd4jSetup.THREADS_PROPERTY + "=" + threads,
                "-cp", System.getProperty("java.class.path"), ThreadCountMain.class.getName(), mode));
        pb.environment().remove("OMP_NUM_THREADS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().filter(l -> l.startsWith("generator ")).findFirst().orElse(out);
    }
}
