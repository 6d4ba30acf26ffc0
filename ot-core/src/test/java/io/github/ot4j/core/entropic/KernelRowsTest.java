package io.github.ot4j.core.entropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelRowsTest {

    private static double[][] rows(SplittableRandom r, int n, int m) {
        double[][] k = new double[n][m + 2]; // longer rows: only the first m columns count
        for (double[] row : k) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextDouble();
            }
        }
        return k;
    }

    @Test
    void dots4AreTheFourRowSumsInColumnOrder() {
        SplittableRandom r = new SplittableRandom(3);
        int m = 37;
        double[][] k = rows(r, 9, m);
        double[] x = new double[m + 2];
        for (int j = 0; j < x.length; j++) {
            x[j] = r.nextDouble() - 0.5;
        }
        double[] out = new double[4];
        KernelRows.dots4(k, 5, x, m, out);
        for (int q = 0; q < 4; q++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += k[5 + q][j] * x[j];
            }
            assertThat(out[q]).as("row %d", 5 + q).isEqualTo(s);
        }
    }

    @Test
    void addRows4AddsTheWeightedRowsToEveryColumnAndNoFurther() {
        SplittableRandom r = new SplittableRandom(4);
        int m = 21;
        double[][] k = rows(r, 6, m);
        double[] s = {0.5, -2, 3, 0.25};
        double[] w = new double[m + 1];
        w[m] = 7; // beyond m: untouched
        double[] expected = new double[m + 1];
        for (int j = 0; j < m; j++) {
            w[j] = j;
            expected[j] = j + (s[0] * k[2][j] + s[1] * k[3][j] + s[2] * k[4][j] + s[3] * k[5][j]);
        }
        expected[m] = 7;
        KernelRows.addRows4(k, 2, s, w, m);
        assertThat(w).containsExactly(expected);
    }
}
