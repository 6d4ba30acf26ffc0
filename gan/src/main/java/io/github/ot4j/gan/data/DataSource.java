package io.github.ot4j.gan.data;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Where a WGAN trainer draws its real samples from: points of R<sup>d</sup>, one row per sample.
 *
 * <p>Contract: {@link #sample(int, long)} returns {@code n} finite rows of length {@link #dimension()}. A source
 * whose samples are a pure function of {@code (n, seed)} is <em>reproducible</em>: training with it resumes
 * from a checkpoint bit-identically. Every source of this package is reproducible except
 * {@link #streaming(DataSetIterator)}.
 *
 * <p>Plug your own data in with {@link #ofRows(double[][])} (an in-memory array),
 * {@link #collect(DataSetIterator)} (a DL4J iterator drained once into memory) or
 * {@link #streaming(DataSetIterator)} (a DL4J iterator read batch by batch), or implement this interface.
 */
public interface DataSource {

    /** @return the dimension d of a sample */
    int dimension();

    /**
     * Draws a batch of samples.
     *
     * @param n    the number of samples, n ≥ 1
     * @param seed the seed of this draw
     * @return n × d finite coordinates, a fresh array owned by the caller
     */
    double[][] sample(int n, long seed);

    /**
     * Whether {@link #sample(int, long)} is a pure function of its arguments (needed for bit-identical resume).
     *
     * @return {@code true} for reproducible sources
     */
    default boolean reproducible() {
        return true;
    }

    /**
     * Samples drawn uniformly with replacement from the rows of an array.
     *
     * @param rows n × d finite coordinates, n ≥ 1, copied
     * @return the reproducible source
     */
    static DataSource ofRows(double[][] rows) {
        return ArrayDataSource.of(rows);
    }

    /**
     * Reads every batch of a DL4J iterator once (its features, flattened to rows) and samples from them in
     * memory, reproducibly. Use it when the data fit in memory.
     *
     * @param iterator the iterator; it is reset before and after reading
     * @return the reproducible in-memory source
     */
    static DataSource collect(DataSetIterator iterator) {
        return IteratorDataSource.collect(iterator);
    }

    /**
     * Reads a DL4J iterator batch by batch, starting over when it is exhausted; the seed is ignored, so
     * training with this source cannot resume bit-identically.
     *
     * @param iterator the iterator, which must support {@code reset()}
     * @return the streaming source
     */
    static DataSource streaming(DataSetIterator iterator) {
        return new IteratorDataSource(iterator);
    }
}
