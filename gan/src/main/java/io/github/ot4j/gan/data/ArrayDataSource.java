package io.github.ot4j.gan.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Real samples held in memory: a batch is drawn uniformly with replacement from the rows. Reproducible.
 */
public final class ArrayDataSource implements DataSource {

    private final double[][] rows;

    private ArrayDataSource(double[][] rows) {
        this.rows = rows;
    }

    /**
     * @param rows n × d finite coordinates, n ≥ 1, d ≥ 1; copied
     * @return the source
     * @throws IllegalArgumentException if the array is empty, ragged or holds a non-finite value
     */
    public static ArrayDataSource of(double[][] rows) {
        return new ArrayDataSource(DataChecks.finiteRows("rows", rows));
    }

    /** @return the number of rows n */
    public int size() {
        return rows.length;
    }

    /** @return a copy of the rows */
    public double[][] rows() {
        return DataChecks.copy(rows);
    }

    @Override
    public int dimension() {
        return rows[0].length;
    }

    @Override
    public double[][] sample(int n, long seed) {
        DataChecks.positive("n", n);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] batch = new double[n][];
        for (int i = 0; i < n; i++) {
            batch[i] = rows[random.nextInt(rows.length)].clone();
        }
        return batch;
    }

    /**
     * Splits the rows at random into a training part and a held-out part (for example the real data the exact
     * W<sub>1</sub> monitor compares generated samples with).
     *
     * @param heldOut the number of held-out rows, 1 ≤ heldOut &lt; n
     * @param seed    the seed of the permutation
     * @return the two disjoint parts
     */
    public Split split(int heldOut, long seed) {
        if (heldOut < 1 || heldOut >= rows.length) {
            throw new IllegalArgumentException("heldOut must be in [1, " + (rows.length - 1) + "] but is " + heldOut);
        }
        int[] order = new int[rows.length];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[][] held = new double[heldOut][];
        double[][] train = new double[rows.length - heldOut][];
        for (int i = 0; i < order.length; i++) {
            if (i < heldOut) {
                held[i] = rows[order[i]];
            } else {
                train[i - heldOut] = rows[order[i]];
            }
        }
        return new Split(ArrayDataSource.of(train), held);
    }

    /**
     * A random split of an array source.
     *
     * @param train   the source to train on
     * @param heldOut the held-out rows, never seen in training
     */
    public record Split(ArrayDataSource train, double[][] heldOut) {

        /**
         * @param train   the source to train on
         * @param heldOut the held-out rows; copied
         */
        public Split {
            heldOut = DataChecks.copy(heldOut);
        }

        /** @return a copy of the held-out rows */
        @Override
        public double[][] heldOut() {
            return DataChecks.copy(heldOut);
        }
    }

    @Override
    public String toString() {
        return "ArrayDataSource[n=" + rows.length + ", d=" + dimension() + "]";
    }
}
