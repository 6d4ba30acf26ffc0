package io.github.ot4j.critic.internal;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Parameters, updater state and counters of a network at one moment, in buffers reused between snapshots. */
final class Snapshot {

    private INDArray params;
    private INDArray state;
    private int iterationCount;
    private int epochCount;

    void take(MultiLayerNetwork net) {
        params = copyInto(params, net.params());
        INDArray view = net.getUpdater(true).getStateViewArray();
        state = view == null ? null : copyInto(state, view);
        iterationCount = net.getIterationCount();
        epochCount = net.getEpochCount();
    }

    void restore(MultiLayerNetwork net) {
        net.params().assign(params);
        INDArray view = net.getUpdater(true).getStateViewArray();
        if (view != null && state != null) {
            view.assign(state);
        }
        net.setIterationCount(iterationCount);
        net.setEpochCount(epochCount);
    }

    private static INDArray copyInto(INDArray target, INDArray source) {
        if (target == null || target.length() != source.length() || target.dataType() != source.dataType()) {
            return source.dup();
        }
        return target.assign(source);
    }
}
