package io.github.ot4j.gan.internal;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;

/** Validation of DL4J updater configurations, and installing one on a network. */
public final class Updaters {

    private Updaters() {
    }

    /**
     * Checks an updater's hyper-parameters.
     *
     * @param name    the argument's name, for messages
     * @param updater the updater
     * @throws IllegalArgumentException naming the argument, the hyper-parameter and its value
     */
    public static void check(String name, IUpdater updater) {
        if (updater == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (updater instanceof NoOp) {
            throw new IllegalArgumentException(name + " must be a learning updater but is NoOp");
        }
        if (updater.hasLearningRate()) {
            double lr = updater.getLearningRate(0, 0);
            if (!(lr > 0) || !Double.isFinite(lr)) {
                throw new IllegalArgumentException(name + " learning rate must be positive and finite but is " + lr);
            }
        }
        if (updater instanceof Adam adam) {
            unitInterval(name + " beta1", adam.getBeta1());
            unitInterval(name + " beta2", adam.getBeta2());
            positive(name + " epsilon", adam.getEpsilon());
        } else if (updater instanceof RmsProp rms) {
            unitInterval(name + " rmsDecay", rms.getRmsDecay());
            positive(name + " epsilon", rms.getEpsilon());
        } else if (updater instanceof AdaGrad ada) {
            positive(name + " epsilon", ada.getEpsilon());
        }
    }

    private static void unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1) but is " + value);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite but is " + value);
        }
    }

    /**
     * Installs an updater on every layer of a network, unless every layer already uses an equal one (a network
     * restored from a checkpoint, whose updater state is then kept). Installing discards the old updater state.
     *
     * @param network the network
     * @param updater the updater configuration
     */
    public static void install(MultiLayerNetwork network, IUpdater updater) {
        boolean same = true;
        for (int k = 0; k < network.getnLayers(); k++) {
            Layer layer = network.getLayer(k).conf().getLayer();
            if (layer instanceof BaseLayer base) {
                same &= updater.equals(base.getIUpdater())
                        && (base.getBiasUpdater() == null || updater.equals(base.getBiasUpdater()));
            }
        }
        if (same) {
            network.getUpdater(true);
            return;
        }
        for (int k = 0; k < network.getnLayers(); k++) {
            // the layer's own configuration and the one the network serialises may be distinct objects
            for (Layer layer : new Layer[] {network.getLayer(k).conf().getLayer(),
                    network.getLayerWiseConfigurations().getConf(k).getLayer()}) {
                if (layer instanceof BaseLayer base) {
                    base.setIUpdater(updater.clone());
                    base.setBiasUpdater(null);
                }
            }
        }
        network.setUpdater(new MultiLayerUpdater(network));
    }
}
