package io.github.ot4j.core.io;

import io.github.ot4j.core.DiscreteMeasure;

/**
 * A source and a target measure read from or written to one file.
 *
 * @param x the source measure (rows with {@code set = x})
 * @param y the target measure (rows with {@code set = y})
 */
public record MeasurePair(DiscreteMeasure x, DiscreteMeasure y) {

    /**
     * Checks the pair.
     *
     * @param x the source measure
     * @param y the target measure, of the same dimension
     */
    public MeasurePair {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.dimension() != y.dimension()) {
            throw new IllegalArgumentException("x has dimension " + x.dimension() + " but y has dimension "
                    + y.dimension());
        }
    }
}
