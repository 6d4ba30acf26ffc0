package io.github.ot4j.critic.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.DiscreteMeasure;
import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.Samples;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class WeightScalingContractTest extends LipschitzEnforcerContractTest {

    private static final GroundCost COST = GroundCost.euclidean();

    @Override
    LipschitzEnforcer enforcer() {
        return WeightScaling.under(COST);
    }

    /** After scaling, f(y_i) − f(x_j) ≤ c(y_i, x_j) on every pair of the batch scaled on. */
    @Override
    void assertPromise(Critic critic, INDArray real, INDArray fake) {
        assertThat(maxRatio(critic, real, fake, COST)).isLessThanOrEqualTo(1.0 + 1e-12);
    }

    @Override
    boolean hardPromise() {
        return true;
    }

    /** β &gt; 1: some pair of the batch breaks f(y_i) − f(x_j) ≤ c(y_i, x_j). */
    @Override
    void assertViolated(Critic critic, INDArray freshReal, INDArray freshFake) {
        assertThat(maxRatio(critic, freshReal, freshFake, COST)).isGreaterThan(1.0 + 1e-6);
    }

    /**
     * f ← f/β with β the largest ratio before: every value is divided by the same β, so the largest ratio is now
     * exactly 1 (not smaller: scaling more than needed would lose distance).
     */
    @Override
    void assertExactlyRepaired(INDArray before, Critic critic, INDArray freshReal, INDArray freshFake) {
        INDArray after = critic.network().params().dup();
        critic.network().params().assign(before);
        double beta = maxRatio(critic, freshReal, freshFake, COST);
        double[] fBefore = critic.values(freshReal).toDoubleVector();
        critic.network().params().assign(after);
        double[] fAfter = critic.values(freshReal).toDoubleVector();
        for (int i = 0; i < fBefore.length; i++) {
            assertThat(fAfter[i]).as("f(y_%d)", i).isCloseTo(fBefore[i] / beta, within(1e-12 * (1 + Math.abs(fBefore[i]))));
        }
        assertThat(maxRatio(critic, freshReal, freshFake, COST)).isCloseTo(1.0, within(1e-12));
    }

    /**
     * β from values and costs: the largest (f(y_i) − f(x_j)) / c_ij over the pairs with c_ij &gt; 0, never below
     * the floor; a pair at cost 0 is skipped whatever its difference.
     */
    @Test
    void theRatioFromValuesAndCostsSkipsCoincidentPairsAndKeepsTheFloor() {
        CostMatrix c = CostMatrix.of(new double[][] {{1, 4, 0}, {2, 0.5, 3}});
        double[] fReal = {3, 0};
        double[] fFake = {1, -1, -5};
        // pairs: (3 − 1)/1 = 2, (3 + 1)/4 = 1, (0 − 1)/2, (0 + 1)/0.5 = 2, (0 + 5)/3; (0, 2) has cost 0
        assertThat(WeightScaling.maxRatio(fReal, fFake, c, 1.0)).isEqualTo(2.0);
        assertThat(WeightScaling.maxRatio(fReal, fFake, c, 2.5)).isEqualTo(2.5);
        assertThat(WeightScaling.maxRatio(new double[] {0, 0}, new double[] {0, 1, 2}, c, Double.NEGATIVE_INFINITY))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> WeightScaling.maxRatio(fReal, new double[] {1, 2}, c, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 3");
    }

    /** The ratio from values and a stored cost matrix is the critic-based one, bit for bit. */
    @Test
    void theRatioFromValuesAndCostsIsTheCriticBasedOne() {
        Critic critic = smallCritic(5);
        INDArray y = critic.batch(Samples.gaussian(20, new double[] {0, 0}, 1.0, 3));
        INDArray x = critic.batch(Samples.gaussian(30, new double[] {1, 2}, 1.0, 4));
        CostMatrix c = CostMatrix.between(DiscreteMeasure.uniform(y.toDoubleMatrix()),
                DiscreteMeasure.uniform(x.toDoubleMatrix()), COST).dense();
        double[] fy = critic.values(y).toDoubleVector();
        double[] fx = critic.values(x).toDoubleVector();
        double ratio = WeightScaling.maxRatio(fy, fx, c, Double.NEGATIVE_INFINITY);
        assertThat(ratio).isEqualTo(WeightScaling.under(COST).maxRatio(critic, y, x, Double.NEGATIVE_INFINITY))
                .isCloseTo(maxRatio(critic, y, x, COST), within(1e-12));
        assertThat(WeightScaling.maxRatio(fy, fx, c, 1.0)).isEqualTo(WeightScaling.under(COST).beta(critic, y, x));
    }

    /** divide(critic, β) is f ← f/β; β = 1 changes nothing; a non-finite β is refused and changes nothing. */
    @Test
    void divideScalesTheCriticAndRefusesANonFiniteFactor() {
        Critic critic = smallCritic(6);
        INDArray y = critic.batch(Samples.gaussian(10, new double[] {0, 0}, 1.0, 3));
        double[] before = critic.values(y).toDoubleVector();
        INDArray params = critic.network().params().dup();
        WeightScaling.divide(critic, 1.0);
        assertThat(critic.network().params()).isEqualTo(params);
        assertThatThrownBy(() -> WeightScaling.divide(critic, Double.NaN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not finite");
        assertThat(critic.network().params()).isEqualTo(params);
        WeightScaling.divide(critic, 4.0);
        double[] after = critic.values(y).toDoubleVector();
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).isCloseTo(before[i] / 4.0, within(1e-12 * (1 + Math.abs(before[i]))));
        }
    }
}
