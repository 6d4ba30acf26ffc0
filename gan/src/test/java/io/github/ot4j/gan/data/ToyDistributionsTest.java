package io.github.ot4j.gan.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToyDistributionsTest {

    private static final int N = 8000;

    @Test
    void samplesAreAPureFunctionOfTheSeed() {
        for (DataSource toy : new DataSource[] {ToyDistributions.eightGaussians(),
                ToyDistributions.twentyFiveGaussians(), ToyDistributions.swissRoll()}) {
            assertThat(toy.sample(100, 7)).isDeepEqualTo(toy.sample(100, 7));
            assertThat(toy.sample(100, 7)).isNotEqualTo(toy.sample(100, 8));
            assertThat(toy.dimension()).isEqualTo(2);
            assertThat(toy.reproducible()).isTrue();
        }
    }

    @Test
    void eightGaussiansSitOnTheEightCompassPointsAtRadiusTwoOverScale() {
        double[][] points = ToyDistributions.eightGaussians().sample(N, 1);
        int[] counts = new int[8];
        for (double[] p : points) {
            double x = p[0] * ToyDistributions.EIGHT_GAUSSIANS_SCALE;
            double y = p[1] * ToyDistributions.EIGHT_GAUSSIANS_SCALE;
            // radius 2 with sigma 0.02: within 6 sigma of the circle, and within 6 sigma of a multiple of 45 degrees
            assertThat(Math.hypot(x, y)).isBetween(2 - 0.12, 2 + 0.12);
            double angle = Math.atan2(y, x);
            long octant = Math.round(angle / (Math.PI / 4));
            assertThat(Math.abs(angle - octant * Math.PI / 4) * 2).isLessThan(0.12);
            counts[(int) Math.floorMod(octant, 8)]++;
        }
        // uniform over the 8 centres: each count is binomial(8000, 1/8), sd ~ 29.6; allow 6 sd
        for (int c : counts) {
            assertThat(c).isBetween(N / 8 - 180, N / 8 + 180);
        }
    }

    @Test
    void twentyFiveGaussiansSitOnTheEvenGridOverScale() {
        double[][] points = ToyDistributions.twentyFiveGaussians().sample(N, 2);
        int[] counts = new int[25];
        for (double[] p : points) {
            double x = p[0] * ToyDistributions.TWENTY_FIVE_GAUSSIANS_SCALE;
            double y = p[1] * ToyDistributions.TWENTY_FIVE_GAUSSIANS_SCALE;
            long gx = Math.round(x / 2);
            long gy = Math.round(y / 2);
            assertThat(Math.abs(gx)).isLessThanOrEqualTo(2);
            assertThat(Math.abs(gy)).isLessThanOrEqualTo(2);
            assertThat(Math.hypot(x - 2 * gx, y - 2 * gy)).isLessThan(6 * 0.05);
            counts[(int) ((gx + 2) * 5 + gy + 2)]++;
        }
        for (int c : counts) {
            // binomial(8000, 1/25): mean 320, sd ~ 17.5
            assertThat(c).isBetween(320 - 105, 320 + 105);
        }
    }

    @Test
    void swissRollRadiusFollowsTheRollParameter() {
        double[][] points = ToyDistributions.swissRoll().sample(N, 3);
        double minT = 1.5 * Math.PI;
        double maxT = 4.5 * Math.PI;
        double noise = 6 * 0.25 * Math.sqrt(2);
        for (double[] p : points) {
            double r = Math.hypot(p[0], p[1]) * ToyDistributions.SWISS_ROLL_SCALE;
            assertThat(r).isBetween(minT - noise, maxT + noise);
        }
    }

    @Test
    void rejectsNonPositiveSampleSizes() {
        assertThatThrownBy(() -> ToyDistributions.eightGaussians().sample(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be at least 1 but is 0");
    }
}
