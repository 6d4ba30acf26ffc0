package io.github.ot4j.examples;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.io.MeasurePair;
import io.github.ot4j.core.io.PointCloudCsv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples are code too: they run and say what they promise (their output is captured, not printed). */
class ExactDistanceExampleTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty("ot4j.output", dir.toString());
    }

    @AfterEach
    void restore() {
        System.setOut(original);
        System.clearProperty("ot4j.output");
    }

    @Test
    void bundledInstanceGivesPotsValueWithAProvenCertificateAndAPlot() throws Exception {
        ExactDistanceExample.main(new String[0]);
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("value:  1.6133983066918").contains("status: OPTIMAL")
                .contains("optimal (1e-9):    proven");
        assertThat(Files.size(dir.resolve("plan.png"))).isPositive();
    }

    @Test
    void userFileAndCostAreUsed() throws Exception {
        // two Dirac masses 3 apart along each axis: cityblock cost 6
        Path file = dir.resolve("two.csv");
        PointCloudCsv.writePair(file, new MeasurePair(DiscreteMeasure.uniform(new double[][] {{0, 0}}),
                DiscreteMeasure.uniform(new double[][] {{3, 3}})));
        ExactDistanceExample.main(new String[] {file.toString(), "cityblock"});
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("value:  6.00000000000000")
                .contains("cost cityblock");
    }

    @Test
    void twoStepExampleReportsSatisfiedConstraints() {
        TwoStepTargetsExample.main(new String[0]);
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("the constraints hold");
        String line = out.lines().filter(l -> l.contains("max (T_i - T_j - c_ij)")).findFirst().orElseThrow();
        double worst = Double.parseDouble(line.replaceAll(".*c_ij\\)\\s+(\\S+).*", "$1"));
        assertThat(worst).isLessThanOrEqualTo(1e-9);
    }
}
