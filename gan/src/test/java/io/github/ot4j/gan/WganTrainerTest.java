package io.github.ot4j.gan;

import io.github.ot4j.core.GroundCost;
import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.enforce.GradientPenalty;
import io.github.ot4j.critic.enforce.LipschitzEnforcer;
import io.github.ot4j.critic.enforce.OneSidedGradientPenalty;
import io.github.ot4j.critic.enforce.SpectralNormalization;
import io.github.ot4j.critic.enforce.WeightScaling;
import io.github.ot4j.critic.train.CriticMethod;
import io.github.ot4j.gan.checkpoint.Checkpoint;
import io.github.ot4j.gan.checkpoint.CheckpointFile;
import io.github.ot4j.gan.data.DataSource;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.monitor.ExactDistanceMonitor;
import io.github.ot4j.gan.monitor.TrainingListener;
import io.github.ot4j.gan.monitor.TrainingReport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WganTrainerTest {

    /** The one relative tolerance of the finite-difference check. */
    private static final double FD_TOLERANCE = 1e-5;

    @TempDir
    Path folder;

    private static final DataSource DATA = ToyDistributions.eightGaussians();

    private static WganConfig small(WganConfig config) {
        return config.withBatchSize(32).withLearningRates(1e-3, 1e-3);
    }

    @Test
    void aGeneratorStepLeavesTheCriticUntouched() {
        WganTrainer trainer = WganTrainer.create(small(WganConfig.wganGp()), Fixtures.generator(DataType.DOUBLE, 1),
                Fixtures.critic(DataType.DOUBLE, 2), DATA, 3);
        trainer.step(); // the critic's updater now has a non-trivial state
        MultiLayerNetwork critic = trainer.critic().network();
        INDArray criticParams = critic.params().dup();
        INDArray criticState = critic.getUpdater().getStateViewArray().dup();
        int criticIterations = critic.getIterationCount();
        INDArray generatorParams = trainer.generator().network().params().dup();

        trainer.updateGenerator(2);

        assertThat(critic.params()).isEqualTo(criticParams);
        assertThat(critic.getUpdater().getStateViewArray()).isEqualTo(criticState);
        assertThat(critic.getIterationCount()).isEqualTo(criticIterations);
        assertThat(trainer.generator().network().params()).isNotEqualTo(generatorParams);
    }

    @Test
    void theGeneratorStepFollowsTheGradientOfMinusMeanCriticValue() {
        // smooth generator (tanh), SGD: the step is exactly -lr * dL/dtheta with L = -mean f(G(z))
        Generator generator = Generator.mlp(new GeneratorSpec(2, new int[] {6}, 2, Activation.TANH,
                Activation.IDENTITY, DataType.DOUBLE, 5));
        Critic critic = Fixtures.critic(DataType.DOUBLE, 6);
        double lr = 0.1;
        WganTrainer trainer = WganTrainer.create(WganConfig.wganGp().withBatchSize(8).withGeneratorUpdater(
                new Sgd(lr)), generator, critic, DATA, 7);
        long step = 1;
        INDArray z = generator.noise(8, io.github.ot4j.gan.internal.Seeds.of(7, 0,
                io.github.ot4j.gan.internal.Seeds.GENERATOR_NOISE, 0));
        INDArray before = generator.network().params().dup();
        double expectedLoss = -critic.values(generator.generate(z)).meanNumber().doubleValue();
        double[] numeric = new double[(int) before.length()];
        double h = 1e-6;
        for (int i = 0; i < numeric.length; i++) {
            double v = before.getDouble(i);
            generator.network().params().putScalar(i, v + h);
            double plus = -critic.values(generator.generate(z)).meanNumber().doubleValue();
            generator.network().params().putScalar(i, v - h);
            double minus = -critic.values(generator.generate(z)).meanNumber().doubleValue();
            generator.network().params().putScalar(i, v);
            numeric[i] = (plus - minus) / (2 * h);
        }
        double loss = trainer.updateGenerator(step);
        INDArray analytic = before.sub(generator.network().params()).divi(lr);
        assertThat(loss).isCloseTo(expectedLoss, within(FD_TOLERANCE));
        double scale = 0;
        for (double g : numeric) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertThat(scale).isGreaterThan(0);
        for (int i = 0; i < numeric.length; i++) {
            assertThat(analytic.getDouble(i)).as("parameter %d", i).isCloseTo(numeric[i], within(FD_TOLERANCE * scale));
        }
    }

    @Test
    void aNanStopsTrainingNamingIterationAndQuantityAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path file = folder.resolve("run.ckpt");
        WganTrainer trainer = WganTrainer.create(small(WganConfig.wganGp()), Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
        trainer.train(TrainingPlan.until(4).checkpointingEvery(2, file));
        INDArray good = trainer.generator().network().params().dup();

        trainer.generator().network().params().putScalar(0, Float.NaN);
        assertThatThrownBy(() -> trainer.train(TrainingPlan.until(8).checkpointingEvery(1, file)))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.iteration()).isEqualTo(5);
                    assertThat(e.quantity()).isEqualTo("generator output");
                    assertThat(e).hasMessage("training diverged at iteration 5: generator output is NaN");
                });
        Checkpoint last = CheckpointFile.read(file);
        assertThat(last.iteration()).isEqualTo(4);
        assertThat(last.generator().params()).isEqualTo(good);
    }

    @Test
    void aFailedStepRollsBackBothNetworksParametersAndUpdaterState() {
        // a data source that, at the third critic update of the first step (after two committed critic updates),
        // corrupts the generator's parameters and updater state: the third update then fails on a NaN
        MultiLayerNetwork[] generatorNet = new MultiLayerNetwork[1];
        int[] calls = new int[1];
        DataSource poisoning = new DataSource() {
            @Override
            public int dimension() {
                return DATA.dimension();
            }

            @Override
            public double[][] sample(int n, long drawSeed) {
                if (++calls[0] == 3) {
                    generatorNet[0].params().putScalar(0, Float.NaN);
                    generatorNet[0].getUpdater(true).getStateViewArray().addi(1.0);
                    generatorNet[0].setIterationCount(99);
                }
                return DATA.sample(n, drawSeed);
            }
        };
        WganConfig config = small(WganConfig.wganGp()).withCriticSteps(5);
        WganTrainer trainer = WganTrainer.create(config, Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.FLOAT, 2), poisoning, 3);
        MultiLayerNetwork g = trainer.generator().network();
        MultiLayerNetwork c = trainer.critic().network();
        generatorNet[0] = g;
        INDArray gParams = g.params().dup();
        INDArray gState = g.getUpdater(true).getStateViewArray().dup();
        INDArray cParams = c.params().dup();
        INDArray cState = c.getUpdater(true).getStateViewArray().dup();
        int gCount = g.getIterationCount();
        int cCount = c.getIterationCount();

        assertThatThrownBy(trainer::step).isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
            assertThat(e.iteration()).isEqualTo(1);
            assertThat(e.quantity()).isEqualTo("generator output");
            assertThat(e).hasMessage("training diverged at iteration 1: generator output is NaN");
        });
        assertThat(calls[0]).isEqualTo(3);
        assertThat(trainer.iteration()).isZero();
        assertThat(g.params()).isEqualTo(gParams);
        assertThat(g.getUpdater(true).getStateViewArray()).isEqualTo(gState);
        assertThat(g.getIterationCount()).isEqualTo(gCount);
        assertThat(c.params()).isEqualTo(cParams);
        assertThat(c.getUpdater(true).getStateViewArray()).isEqualTo(cState);
        assertThat(c.getIterationCount()).isEqualTo(cCount);
    }

    /** An update that overflows the parameters is caught by the step's attempt, which names them and restores. */
    @Test
    void anOverflowingGeneratorUpdateIsRolledBackNamingTheParameters() {
        WganTrainer trainer = WganTrainer.create(small(WganConfig.wganGp()).withCriticSteps(1)
                .withGeneratorUpdater(new Sgd(1e300)), Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
        INDArray before = trainer.generator().network().params().dup();
        INDArray criticBefore = trainer.critic().network().params().dup();
        assertThatThrownBy(trainer::step).isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
            assertThat(e.iteration()).isEqualTo(1);
            assertThat(e.quantity()).isEqualTo("generator parameters");
        });
        assertThat(trainer.generator().network().params()).isEqualTo(before);
        assertThat(trainer.critic().network().params()).isEqualTo(criticBefore);
        assertThat(trainer.iteration()).isZero();
    }

    @Test
    void resumingWithADifferentConfigurationIsRejectedNamingTheFieldAndBothValues() throws IOException {
        WganConfig config = small(WganConfig.wganGp());
        Path file = checkpointAfterOneStep(config, "run.ckpt");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file), config.withBatchSize(16), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize is 16 in the configuration but 32 in the checkpointed run");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file), config.withCriticSteps(2), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critic.steps is 2 in the configuration but 5 in the checkpointed run");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file),
                config.withLearningRates(2e-3, 1e-3), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generatorUpdater.learningRate is 0.002 in the configuration but 0.001");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file),
                config.withCriticMethod(CriticMethod.enforced(GradientPenalty.of(5), config.critic().method()
                        .updater())), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critic.method.enforcer.lambda is 5.0 in the configuration but 10.0");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file),
                config.withCriticMethod(CriticMethod.enforced(OneSidedGradientPenalty.of(10), config.critic()
                        .method().updater())), DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critic.method.enforcer is '" + OneSidedGradientPenalty.class.getName()
                        + "' in the configuration but '" + GradientPenalty.class.getName() + "'");
        assertThat(WganTrainer.resume(CheckpointFile.read(file), config, DATA).iteration()).isEqualTo(1);
    }

    /** WGAN-TS trained under L1 does not resume under the Euclidean cost, nor the reverse. */
    @Test
    void resumingWgantsUnderAnotherGroundCostIsRefused() throws IOException {
        WganConfig l1 = small(WganConfig.wganTs());
        CriticMethod.TwoStep method = (CriticMethod.TwoStep) l1.critic().method();
        WganConfig euclidean = l1.withCriticMethod(method.withCost(GroundCost.euclidean()));
        Path file = checkpointAfterOneStep(l1, "ts.ckpt");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file), euclidean, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critic.method.cost.p is 2.0 in the configuration but 1.0 in the checkpointed run");
        assertThat(WganTrainer.resume(CheckpointFile.read(file), l1, DATA).iteration()).isEqualTo(1);

        Path other = checkpointAfterOneStep(euclidean, "ts-euclidean.ckpt");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(other), l1, DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("critic.method.cost.p is 1.0");
    }

    /** Weight scaling's cost is a field of the enforcer: another cost is another run. */
    @Test
    void resumingWeightScalingUnderAnotherGroundCostIsRefused() throws IOException {
        WganConfig l1 = small(WganConfig.withEnforcer(WeightScaling.under(GroundCost.cityblock()))).withCriticSteps(1);
        WganConfig euclidean = l1.withCriticMethod(((CriticMethod.Enforced) l1.critic().method())
                .withEnforcer(WeightScaling.under(GroundCost.euclidean())));
        Path file = checkpointAfterOneStep(l1, "scaling.ckpt");
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(file), euclidean, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("critic.method.enforcer.cost.p is 2.0 in the configuration but 1.0");
        assertThat(WganTrainer.resume(CheckpointFile.read(file), l1, DATA).iteration()).isEqualTo(1);
    }

    /**
     * A lambda cost has no fields to compare: the run trains, but a checkpoint of it is refused before any step,
     * naming the setting; the same cost as a record checkpoints and resumes.
     */
    @Test
    void aLambdaCostTrainsButCannotBeCheckpointedWhileARecordCostCan() throws IOException {
        GroundCost lambda = (x, y) -> Math.abs(x[0] - y[0]) + Math.abs(x[1] - y[1]);
        WganConfig config = small(WganConfig.wganTs()).withCriticMethod(CriticMethod.twoStep(lambda));
        WganTrainer trainer = WganTrainer.create(config, Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
        assertThat(trainer.train(TrainingPlan.until(1)).iteration()).isEqualTo(1);
        Path file = folder.resolve("lambda.ckpt");
        assertThatThrownBy(() -> trainer.train(TrainingPlan.until(2).checkpointingEvery(1, file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("critic.method.cost is a lambda");
        assertThat(trainer.iteration()).isEqualTo(1);
        assertThat(Files.exists(file)).isFalse();
        assertThatThrownBy(trainer::checkpoint).hasMessageContaining("critic.method.cost is a lambda");

        WganConfig named = config.withCriticMethod(CriticMethod.twoStep(new Manhattan()));
        Path recorded = checkpointAfterOneStep(named, "record.ckpt");
        assertThat(WganTrainer.resume(CheckpointFile.read(recorded), named, DATA).iteration()).isEqualTo(1);
        assertThatThrownBy(() -> WganTrainer.resume(CheckpointFile.read(recorded), small(WganConfig.wganTs()), DATA))
                .hasMessageContaining("critic.method.cost is '" + GroundCost.cityblock().getClass().getName()
                        + "' in the configuration but '" + Manhattan.class.getName() + "'");
    }

    /** Trains one generator step of a fresh run and checkpoints it. */
    private Path checkpointAfterOneStep(WganConfig config, String name) {
        Path file = folder.resolve(name);
        WganTrainer.create(config, Fixtures.generator(DataType.FLOAT, 1), Fixtures.critic(DataType.FLOAT, 2), DATA, 3)
                .train(TrainingPlan.until(1).checkpointingEvery(1, file));
        return file;
    }

    /** A user's cost as a record: its components (none here) and its class are its settings. */
    public record Manhattan() implements GroundCost {
        @Override
        public double between(double[] x, double[] y) {
            return Math.abs(x[0] - y[0]) + Math.abs(x[1] - y[1]);
        }
    }

    @Test
    void resumingFromACheckpointIsBitIdenticalWithGradientPenalty() throws IOException {
        assertResumeIsBitIdentical(small(WganConfig.wganGp()));
    }

    @Test
    void resumingFromACheckpointIsBitIdenticalWithClipping() throws IOException {
        assertResumeIsBitIdentical(small(WganConfig.wgan()));
    }

    @Test
    void resumingFromACheckpointIsBitIdenticalWithTwoStep() throws IOException {
        assertResumeIsBitIdentical(small(WganConfig.wganTs()));
    }

    @Test
    void trainReportsEveryKStepsAndAtTheEndAndFinishesOnce() {
        WganTrainer trainer = WganTrainer.create(small(WganConfig.wganTs()), Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
        java.util.List<Long> reported = new java.util.ArrayList<>();
        int[] finished = {0};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onReport(TrainingReport report) {
                reported.add(report.iteration());
                assertThat(report.totalIterations()).isEqualTo(7);
                assertThat(report.exactDistance()).isPositive();
            }

            @Override
            public void onFinish(TrainingReport last) {
                finished[0]++;
                assertThat(last.iteration()).isEqualTo(7);
            }
        };
        TrainingReport last = trainer.train(TrainingPlan.until(7).reportingEvery(3,
                ExactDistanceMonitor.of(DATA.sample(20, 5))), listener);
        assertThat(reported).containsExactly(3L, 6L, 7L);
        assertThat(finished[0]).isEqualTo(1);
        assertThat(last.iteration()).isEqualTo(7);
        assertThat(trainer.train(TrainingPlan.until(7))).isNull();
        assertThatThrownBy(() -> TrainingPlan.until(5).reportingEvery(0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reportEvery must be at least 1");
        assertThatThrownBy(() -> trainer.train(TrainingPlan.until(9).reportingEvery(1,
                ExactDistanceMonitor.of(new double[][] {{1, 2, 3}}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3");
    }

    @Test
    void bothUpdatersKeepTheirStateFromStepToStep() {
        WganTrainer trainer = WganTrainer.create(small(WganConfig.wganGp()), Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
        trainer.step();
        MultiLayerNetwork g = trainer.generator().network();
        MultiLayerNetwork c = trainer.critic().network();
        var generatorUpdater = g.getUpdater();
        var criticUpdater = c.getUpdater();
        assertThat(g.getUpdater().getStateViewArray().norm1Number().doubleValue()).isPositive();
        assertThat(c.getUpdater().getStateViewArray().norm1Number().doubleValue()).isPositive();
        trainer.step();
        assertThat(g.getUpdater()).isSameAs(generatorUpdater);
        assertThat(c.getUpdater()).isSameAs(criticUpdater);
        assertThat(g.getIterationCount()).isEqualTo(2);
        assertThat(c.getIterationCount()).isEqualTo(10);
    }

    /** The trainer scales the gradients itself: the generator's miniBatch flag changes nothing. */
    @Test
    void theGeneratorsMiniBatchFlagDoesNotChangeTheStep() {
        INDArray[] after = new INDArray[2];
        for (int i = 0; i < 2; i++) {
            MultiLayerNetwork net = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                    .seed(4).dataType(DataType.FLOAT).miniBatch(i == 0).list()
                    .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(2).nOut(8)
                            .activation(Activation.RELU).build())
                    .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(8).nOut(2)
                            .activation(Activation.IDENTITY).build()).build());
            net.init();
            WganTrainer trainer = WganTrainer.create(small(WganConfig.wganGp()), Generator.of(net),
                    Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
            trainer.step();
            after[i] = net.params().dup();
        }
        assertThat(after[0]).isEqualTo(after[1]);
    }

    @Test
    void anyEnforcerCombinesWithTheWassersteinLoss() {
        for (LipschitzEnforcer enforcer : new LipschitzEnforcer[] {OneSidedGradientPenalty.wganLp(),
                SpectralNormalization.miyato(4)}) {
            WganTrainer trainer = WganTrainer.create(small(WganConfig.withEnforcer(enforcer)),
                    Fixtures.generator(DataType.FLOAT, 1), Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
            TrainingStep step = trainer.step();
            assertThat(step.iteration()).isEqualTo(1);
            assertThat(step.generatorLoss()).isFinite();
            assertThat(step.criticEstimate()).isFinite();
        }
    }

    private void assertResumeIsBitIdentical(WganConfig config) throws IOException {
        WganTrainer straight = WganTrainer.create(config, Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
        straight.train(TrainingPlan.until(6));

        Path file = folder.resolve("half.ckpt");
        WganTrainer first = WganTrainer.create(config, Fixtures.generator(DataType.FLOAT, 1),
                Fixtures.critic(DataType.FLOAT, 2), DATA, 3);
        first.train(TrainingPlan.until(3).checkpointingEvery(3, file));
        WganTrainer resumed = WganTrainer.resume(CheckpointFile.read(file), config, DATA);
        assertThat(resumed.iteration()).isEqualTo(3);
        resumed.train(TrainingPlan.until(6));

        assertThat(resumed.generator().network().params()).isEqualTo(straight.generator().network().params());
        assertThat(resumed.critic().network().params()).isEqualTo(straight.critic().network().params());
        assertThat(resumed.generator().network().getUpdater().getStateViewArray())
                .isEqualTo(straight.generator().network().getUpdater().getStateViewArray());
        assertThat(resumed.critic().network().getUpdater().getStateViewArray())
                .isEqualTo(straight.critic().network().getUpdater().getStateViewArray());
        assertThat(resumed.generator().sample(5, 9)).isDeepEqualTo(straight.generator().sample(5, 9));
    }
}
