package io.github.ot4j.gan.lens;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TemperingLensTest {

    private static final double EXACT = 1e-15;

    @Test
    void lambdaFollowsTheClosedFormAndIsExactAtTheEnds() {
        TemperingLens lens = TemperingLens.of(1000);
        assertThat(lens.lambda(0)).isEqualTo(1.0);
        assertThat(lens.lambda(500)).isCloseTo(1 - Math.sqrt(0.5), within(EXACT));
        assertThat(lens.lambda(250)).isCloseTo(1 - Math.sin(Math.PI / 8), within(EXACT));
        assertThat(lens.lambda(1000)).isEqualTo(0.0);
        assertThat(lens.lambda(1001)).isEqualTo(0.0);
        assertThat(lens.lambda(Long.MAX_VALUE)).isEqualTo(0.0);
        double previous = 1.0;
        for (long t = 1; t <= 1000; t++) {
            assertThat(lens.lambda(t)).as("t = %d", t).isLessThan(previous);
            previous = lens.lambda(t);
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        Adam adam = new Adam(1e-3);
        assertThatThrownBy(() -> TemperingLens.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("temperingSteps must be at least 1 but is 0");
        assertThatThrownBy(() -> new TemperingLens(10, 0, 1, adam)).hasMessage("hiddenWidth must be at least 1 but is 0");
        assertThatThrownBy(() -> new TemperingLens(10, 4, -1, adam))
                .hasMessage("hiddenLayers must be at least 1 but is -1");
        assertThatThrownBy(() -> new TemperingLens(10, 4, 1, new NoOp())).hasMessageContaining("lens updater");
        assertThatThrownBy(() -> TemperingLens.of(10).lambda(-1)).hasMessage("t must be non-negative but is -1");
    }

    @Test
    void paperDefaultsAndValueSemantics() {
        TemperingLens paper = TemperingLens.paper();
        assertThat(paper.temperingSteps()).isEqualTo(TemperingLens.DEFAULT_TEMPERING_STEPS);
        assertThat(paper).isEqualTo(TemperingLens.of(TemperingLens.DEFAULT_TEMPERING_STEPS));
        assertThat(paper).isNotEqualTo(TemperingLens.of(10));
        Adam adam = new Adam(1e-3);
        TemperingLens lens = paper.withUpdater(adam);
        adam.setLearningRate(0.5);
        assertThat(lens.updater().getLearningRate(0, 0)).isEqualTo(1e-3);
        assertThat(Lens.none().name()).isEqualTo("none");
        assertThat(paper.name()).isEqualTo("tempering");
    }
}
