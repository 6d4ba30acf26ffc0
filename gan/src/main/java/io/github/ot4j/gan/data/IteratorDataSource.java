package io.github.ot4j.gan.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.List;

/**
 * A DL4J {@link DataSetIterator} read batch by batch: each batch's features, flattened to one row per example.
 * Not reproducible: the seed is ignored and the iterator's own order decides.
 */
final class IteratorDataSource implements DataSource {

    private final DataSetIterator iterator;
    private final int dimension;
    private final List<double[]> buffer = new ArrayList<>();

    IteratorDataSource(DataSetIterator iterator) {
        if (iterator == null) {
            throw new IllegalArgumentException("iterator must not be null");
        }
        if (!iterator.resetSupported()) {
            throw new IllegalArgumentException("iterator must support reset() but " + iterator.getClass().getName()
                    + " does not");
        }
        iterator.reset();
        if (!iterator.hasNext()) {
            throw new IllegalArgumentException("iterator must hold at least one example");
        }
        double[][] first = rows(iterator.next());
        if (first.length == 0) {
            throw new IllegalArgumentException("iterator's first batch must hold at least one example but is empty");
        }
        this.iterator = iterator;
        this.dimension = first[0].length;
        add(first);
    }

    static DataSource collect(DataSetIterator iterator) {
        if (iterator == null) {
            throw new IllegalArgumentException("iterator must not be null");
        }
        if (iterator.resetSupported()) {
            iterator.reset();
        }
        List<double[]> all = new ArrayList<>();
        while (iterator.hasNext()) {
            for (double[] row : rows(iterator.next())) {
                all.add(row);
            }
        }
        if (iterator.resetSupported()) {
            iterator.reset();
        }
        return ArrayDataSource.of(all.toArray(new double[0][]));
    }

    private static double[][] rows(DataSet batch) {
        INDArray features = batch.getFeatures();
        long n = features.size(0);
        if (n == 0) {
            return new double[0][];
        }
        INDArray flat = features.reshape('c', n, features.length() / n);
        return flat.toDoubleMatrix();
    }

    private void add(double[][] rows) {
        for (double[] row : rows) {
            if (row.length != dimension) {
                throw new IllegalStateException("iterator returned a row of length " + row.length
                        + " but the first had length " + dimension);
            }
            buffer.add(row);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double[][] sample(int n, long seed) {
        DataChecks.positive("n", n);
        while (buffer.size() < n) {
            if (!iterator.hasNext()) {
                iterator.reset();
            }
            add(rows(iterator.next()));
        }
        double[][] batch = new double[n][];
        for (int i = 0; i < n; i++) {
            batch[i] = buffer.get(i);
        }
        buffer.subList(0, n).clear();
        return DataChecks.finiteRows("iterator batch", batch);
    }

    @Override
    public boolean reproducible() {
        return false;
    }
}
