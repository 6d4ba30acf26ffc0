package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.gan.data.ToyDistributions;
import io.github.ot4j.gan.monitor.ExactDistanceMonitor;
import io.github.ot4j.gan.monitor.TrainingReport;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

class ScratchExperiment {

    @Test
    void run() {
        String mode = System.getProperty("mode", "gp");
        int steps = Integer.getInteger("steps", 1000);
        int width = Integer.getInteger("width", 64);
        double lr = Double.parseDouble(System.getProperty("lr", "1e-4"));
        int batch = Integer.getInteger("batch", 64);
        WganConfig config = switch (mode) {
            case "wgan" -> WganConfig.wgan().withCritic(new CriticMethod.Wasserstein(io.github.ot4j.critic.enforce.WeightClipping.of(Double.parseDouble(System.getProperty("clip", "0.01"))), WganConfig.wgan().critic().updater(), Integer.getInteger("nc", 5)));
            case "gp" -> WganConfig.wganGp(Double.parseDouble(System.getProperty("lambda", "0.1")));
            default -> WganConfig.wganTs();
        };
        config = config.withBatchSize(batch).withLearningRates(lr, lr * Double.parseDouble(System.getProperty("clr", "1")));
        var data = ToyDistributions.eightGaussians();
        Generator g = Generator.mlp(new GeneratorSpec(2, new int[] {width, width, width}, 2, Activation.RELU,
                Activation.IDENTITY, DataType.FLOAT, 1));
        Critic c = Critic.mlp(new CriticSpec(2, new int[] {width, width, width}, Activation.RELU, DataType.FLOAT, 2));
        WganTrainer t = WganTrainer.create(config, g, c, data, 3);
        ExactDistanceMonitor m = ExactDistanceMonitor.of(data.sample(Integer.getInteger("mon", 200), 99));
        long t0 = System.nanoTime();
        System.err.printf("start W1 %.4f (%.2fs)%n", m.distance(g.sample(200, 5)), (System.nanoTime() - t0) / 1e9);
        t.train(TrainingPlan.until(steps).reportingEvery(steps / 10, m), (TrainingReport r) ->
                System.err.printf("%d est %.4f exact %.4f gl %.4f %.1f it/s%n", r.iteration(), r.criticEstimate(),
                        r.exactDistance(), r.generatorLoss(), r.stepsPerSecond()));
        System.err.printf("total %.1fs%n", (System.nanoTime() - t0) / 1e9);
    }
}
