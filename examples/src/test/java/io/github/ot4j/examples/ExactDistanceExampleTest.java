package io.github.ot4j.examples;

import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.io.MeasurePair;
import io.github.ot4j.core.io.PointCloudCsv;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples are code too: they run and say what they promise (their output is captured, not printed). */
class ExactDistanceExampleTest extends ExampleOutput {

    @Test
    void bundledInstanceGivesPotsValueWithAProvenCertificateAndAPlot() throws Exception {
        ExactDistanceExample.run(new String[0]);
        String out = output();
        // POT's emd2 for gauss2d_euclid_n64, 1.613398306691833 (ot-core's reference/values.json, written by
        // make_pot_reference.py; see this module's test resources README)
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
        ExactDistanceExample.run(new String[] {file.toString(), "cityblock"});
        assertThat(output()).contains("value:  6.00000000000000")
                .contains("cost cityblock");
    }

    @Test
    void twoStepExampleReportsSatisfiedConstraints() {
        TwoStepTargetsExample.run(new String[0]);
        String out = output();
        assertThat(out).contains("the constraints hold");
        String line = out.lines().filter(l -> l.contains("max (T_i - T_j - c_ij)")).findFirst().orElseThrow();
        double worst = Double.parseDouble(line.replaceAll(".*c_ij\\)\\s+(\\S+).*", "$1"));
        assertThat(worst).isLessThanOrEqualTo(1e-9);
    }
}
