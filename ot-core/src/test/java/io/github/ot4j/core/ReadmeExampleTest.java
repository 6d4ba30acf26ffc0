package io.github.ot4j.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The README's usage example, kept true. */
class ReadmeExampleTest {

    @Test
    void readmeExampleComputesTheTranslationDistance() {
        double[][] x = {{0, 0}, {1, 0}, {0, 1}};
        double[][] y = {{2, 2}, {3, 2}, {2, 3}};
        TransportResult r = OptimalTransport.solve(
                DiscreteMeasure.uniform(x), DiscreteMeasure.uniform(y), GroundCost.euclidean());
        assertThat(r.value()).isCloseTo(2 * Math.sqrt(2), within(1e-12));
        assertThat(r.plan().size()).isEqualTo(3);
        assertThat(r.certificate().holds()).isTrue();
    }
}
