package io.github.ot4j.gan;

import io.github.ot4j.critic.Critic;
import io.github.ot4j.critic.CriticSpec;
import io.github.ot4j.critic.enforce.WeightClipping;
import io.github.ot4j.critic.train.CriticTrainer;
import io.github.ot4j.gan.data.ToyDistributions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class ScratchTiming {
    @Test
    void run() {
        int w = Integer.getInteger("width", 32);
        if (Boolean.getBoolean("nogc")) {
            Nd4j.getMemoryManager().togglePeriodicGc(false);
        }
        System.err.println("periodic gc " + Nd4j.getMemoryManager().isPeriodicGcActive() + " window " + Nd4j.getMemoryManager().getAutoGcWindow());
        Critic c = Critic.mlp(new CriticSpec(2, new int[] {w, w, w}, Activation.RELU, DataType.FLOAT, 2));
        INDArray x = c.batch(ToyDistributions.eightGaussians().sample(64, 1));
        INDArray y = c.batch(ToyDistributions.eightGaussians().sample(64, 2));
        INDArray eps = Nd4j.valueArrayOf(new long[] {64, 1}, -1.0 / 64, DataType.FLOAT);
        CriticTrainer tr = CriticTrainer.of(c, WeightClipping.wgan(), new Adam(1e-4));
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) c.values(x);
            long t1 = System.nanoTime();
            for (int i = 0; i < 200; i++) c.inputGradient(x, eps);
            long t2 = System.nanoTime();
            for (int i = 0; i < 200; i++) tr.step(y, x, i);
            long t3 = System.nanoTime();
            for (int i = 0; i < 200; i++) x.mmul(Nd4j.ones(DataType.FLOAT, 2, w));
            long t4 = System.nanoTime();
            System.err.printf("values %.3f ms, inputGradient %.3f ms, critic step %.3f ms, mmul %.3f ms%n",
                    (t1 - t0) / 2e8, (t2 - t1) / 2e8, (t3 - t2) / 2e8, (t4 - t3) / 2e8);
        }
        System.err.println("OMP " + System.getenv("OMP_NUM_THREADS"));
    }
}
