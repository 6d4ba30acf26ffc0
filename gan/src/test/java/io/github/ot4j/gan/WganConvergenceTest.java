package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.monitor.ExactDistanceMonitor;
import io.github.ot4j.gan.monitor.MetricsHistory;
import io.github.ot4j.gan.monitor.TrainingReport;
import io.github.ot4j.gan.regularize.JacobianClamping;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each mode, from the papers' settings with learning rates raised to 1e-3 for short runs and small networks
 * (2 → 32 → 32 → 32 → 2 and 2 → 32 → 32 → 32 → 1, ReLU, float32, batch 64), trains on 8 Gaussians for
 * {@value #STEPS} generator steps and must lower the exact W<sub>1</sub>(generated, held-out real), 200 points
 * against 200, by at least the factor {@value #FACTOR} from its starting value (about 1.39: the untrained
 * generator's output is a small blob at the origin, the real points lie at radius 2/1.414). Observed factors are
 * 2 to 3.
 */
@Tag("slow")
class WganConvergenceTest {

    private static final int STEPS = 300;
    private static final double FACTOR = 1.5;
    private static final double TS_LOW = 0.9;
    private static final double TS_HIGH = 1.25;
    private static final DataSource DATA = ToyDistributions.eightGaussians();

    @Test
    void wganWithWeightClippingLowersTheExactDistance() {
        WganConfig wgan = WganConfig.wgan();
        WganConfig config = wgan.withCriticMethod(
                ((CriticMethod.Enforced) wgan.critic().method()).withEnforcer(WeightClipping.of(0.1)));
        assertLowersExactDistance(config);
    }

    @Test
    void wganGpLowersTheExactDistance() {
        assertLowersExactDistance(WganConfig.wganGpToy());
    }

    @Test
    void wganGpWithJacobianClampingLowersTheExactDistance() {
        assertLowersExactDistance(WganConfig.wganGpToy().withRegularizer(JacobianClamping.paper()));
    }

    @Test
    void wganTsLowersTheExactDistance() {
        assertLowersExactDistance(WganConfig.wganTs());
    }

    /**
     * The TS critic does not collapse: every report's estimate (the batch's c-transform reading) stays between
     * {@value #TS_LOW} and {@value #TS_HIGH} × the exact W1 under the critic's L1 cost (higher is allowed more
     * room: a 64-point batch's exact distance sits above the 500-point one). Measured 0.98–1.11; with the scaled
     * critic's mean difference as the estimate (the former reading) this run fell to 0.80 at step 400 and fails.
     */
    @Test
    void wganTsEstimateTracksTheExactDistance() {
        WganConfig config = WganConfig.wganTs().withBatchSize(64).withLearningRates(1e-4, 1e-3);
        Generator generator = Generator.mlp(new GeneratorSpec(2, new int[] {32, 32, 32}, 2, Activation.RELU,
                Activation.IDENTITY, DataType.FLOAT, 1));
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {32, 32, 32}, Activation.RELU, DataType.FLOAT, 2));
        ExactDistanceMonitor monitor = ExactDistanceMonitor.of(DATA.sample(500, 99), config.criticCost());
        MetricsHistory history = new MetricsHistory();
        WganTrainer trainer = WganTrainer.create(config, generator, critic, DATA, 3);
        trainer.train(TrainingPlan.until(400).reportingEvery(100, monitor), history);
        for (TrainingReport r : history.reports()) {
            double ratio = r.criticEstimate() / r.exactDistance();
            assertThat(ratio).as("estimate / exact W1 at step %d", r.iteration())
                    .isBetween(TS_LOW, TS_HIGH);
        }
    }

    private static void assertLowersExactDistance(WganConfig paperConfig) {
        WganConfig config = paperConfig.withBatchSize(64).withLearningRates(1e-3, 1e-3);
        Generator generator = Generator.mlp(new GeneratorSpec(2, new int[] {32, 32, 32}, 2, Activation.RELU,
                Activation.IDENTITY, DataType.FLOAT, 1));
        Critic critic = Critic.mlp(new CriticSpec(2, new int[] {32, 32, 32}, Activation.RELU, DataType.FLOAT, 2));
        ExactDistanceMonitor monitor = ExactDistanceMonitor.of(DATA.sample(200, 99));
        double before = monitor.distance(generator.sample(200, 5));

        MetricsHistory history = new MetricsHistory();
        WganTrainer trainer = WganTrainer.create(config, generator, critic, DATA, 3);
        trainer.train(TrainingPlan.until(STEPS).reportingEvery(STEPS / 3, monitor), history);

        List<TrainingReport> reports = history.reports();
        assertThat(reports).hasSize(3);
        assertThat(reports.get(2).iteration()).isEqualTo(STEPS);
        double after = reports.get(2).exactDistance();
        assertThat(before).isGreaterThan(1.0);
        assertThat(after).as("exact W1 after %d steps, from %.4f", STEPS, before).isLessThan(before / FACTOR);
    }
}
