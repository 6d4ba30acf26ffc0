package io.github.ot4j.critic.internal;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What {@link TrainableNetwork} accepts: an initialised stack of DL4J {@code DenseLayer}s without dropout or weight
 * noise (both draw from nd4j's global random generator, which would break seeded determinism) and without an
 * output or loss layer (those ignore an external epsilon in backpropagation).
 */
final class TrainableLayers {

    private TrainableLayers() {
    }

    /**
     * @param name the argument's name, for the messages
     * @param net  the network
     * @throws IllegalArgumentException naming the argument, the layer and the reason
     */
    static void require(String name, MultiLayerNetwork net) {
        if (net == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (net.params() == null || net.getLayers() == null) {
            throw new IllegalArgumentException(name + " must be initialised (call init())");
        }
        int n = net.getnLayers();
        if (n < 1) {
            throw new IllegalArgumentException(name + " must have at least one layer but has " + n);
        }
        for (int k = 0; k < n; k++) {
            Object layer = net.getLayer(k).conf().getLayer();
            String where = name + " layer " + k;
            if (layer instanceof BaseOutputLayer || layer instanceof LossLayer) {
                throw new IllegalArgumentException(where + " must be a DenseLayer but is the output/loss layer "
                        + layer.getClass().getSimpleName() + ", which ignores an external epsilon in "
                        + "backpropagation");
            }
            if (!(layer instanceof DenseLayer dense)) {
                throw new IllegalArgumentException(where + " must be a DenseLayer but is "
                        + layer.getClass().getSimpleName());
            }
            if (dense.getIDropout() != null) {
                throw new IllegalArgumentException(where + " (DenseLayer) must not use dropout (it draws from "
                        + "nd4j's global random generator) but uses " + dense.getIDropout());
            }
            if (dense.getWeightNoise() != null) {
                throw new IllegalArgumentException(where + " (DenseLayer) must not use weight noise (it draws from "
                        + "nd4j's global random generator) but uses " + dense.getWeightNoise());
            }
        }
    }
}
