package io.github.ot4j.gan.data;

/** Argument checks shared by the data sources. */
final class DataChecks {

    private DataChecks() {
    }

    static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 but is " + value);
        }
    }

    /** Checks a non-empty, rectangular, finite array and returns a deep copy. */
    static double[][] finiteRows(String name, double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one row");
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException(name + "[0] must hold at least one coordinate");
        }
        int d = rows[0].length;
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] has length "
                        + (rows[i] == null ? "null" : rows[i].length) + " but row 0 has length " + d);
            }
            for (int k = 0; k < d; k++) {
                if (!Double.isFinite(rows[i][k])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + k + "] must be finite but is "
                            + rows[i][k]);
                }
            }
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
