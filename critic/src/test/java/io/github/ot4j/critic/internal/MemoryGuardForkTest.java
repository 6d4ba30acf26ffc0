package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A tiny critic trained for {@value #STEPS} steps in a fresh JVM whose heap may grow to 4 GiB (what the default
 * heap limit is on a 16 GiB machine): with the library's memory guard, its peak resident memory stays within
 * {@value #BOUND_MIB} MiB of what it was after {@value #WARM} steps. Without the guard
 * ({@code -Dot4j.nd4j.gcHeadroom=off}) the same run grew by about 1 GB on the build machine (2 shared cores, 24 GiB), with it by 0.3–0.6 GB.
 */
@Tag("slow")
class MemoryGuardForkTest {

    static final int WARM = 500;
    static final int STEPS = 2500;
    static final long BOUND_MIB = 700;

    @Test
    void aTinyCriticsResidentMemoryStaysFlatAfterWarmUp() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux's /proc");
        String out = run();
        long warm = value(out, "warm");
        long peak = value(out, "peak");
        assertThat((peak - warm) >> 10).as(out).isLessThan(BOUND_MIB);
    }

    private static String run() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx4g", "-cp", System.getProperty("java.class.path"),
                FootprintMain.class.getName(), Integer.toString(WARM), Integer.toString(STEPS))
                .redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static long value(String out, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + " (\\d+)$").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }
}
