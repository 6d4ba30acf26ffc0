package io.github.ot4j.gan.data;

import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSourceTest {

    private static double[][] rows(int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {i, -i, 0.5 * i};
        }
        return rows;
    }

    @Test
    void arraySourceSamplesItsRowsReproducibly() {
        DataSource source = DataSource.ofRows(rows(10));
        double[][] batch = source.sample(50, 3);
        assertThat(batch).isDeepEqualTo(source.sample(50, 3));
        for (double[] row : batch) {
            assertThat(row[1]).isEqualTo(-row[0]);
            assertThat(row[0]).isBetween(0.0, 9.0);
        }
    }

    @Test
    void splitIsADisjointCover() {
        ArrayDataSource.Split split = ArrayDataSource.of(rows(20)).split(5, 11);
        Set<Double> seen = new HashSet<>();
        for (double[] row : split.heldOut()) {
            seen.add(row[0]);
        }
        for (double[] row : split.train().rows()) {
            assertThat(seen.add(row[0])).isTrue();
        }
        assertThat(seen).hasSize(20);
        assertThat(split.heldOut()).hasDimensions(5, 3);
        assertThatThrownBy(() -> ArrayDataSource.of(rows(20)).split(20, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heldOut must be in [1, 19]");
    }

    @Test
    void rejectsBadArrays() {
        assertThatThrownBy(() -> DataSource.ofRows(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> DataSource.ofRows(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows[1] has length 1");
        assertThatThrownBy(() -> DataSource.ofRows(new double[][] {{1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows[0][1] must be finite but is NaN");
    }

    @Test
    void iteratorSourcesReadDl4jBatches() {
        List<DataSet> examples = new ArrayList<>();
        double[][] rows = rows(7);
        for (double[] row : rows) {
            examples.add(new DataSet(Nd4j.create(new double[][] {row}), Nd4j.zeros(1, 1)));
        }
        DataSource collected = DataSource.collect(new ListDataSetIterator<>(examples, 3));
        assertThat(collected.dimension()).isEqualTo(3);
        assertThat(collected.reproducible()).isTrue();
        assertThat(((ArrayDataSource) collected).rows()).isDeepEqualTo(rows);

        DataSource streaming = DataSource.streaming(new ListDataSetIterator<>(examples, 3));
        assertThat(streaming.reproducible()).isFalse();
        double[][] first = streaming.sample(5, 0);
        double[][] second = streaming.sample(5, 0);
        // reads in order and starts over after the 7th row
        assertThat(first[0][0]).isEqualTo(0.0);
        assertThat(first[4][0]).isEqualTo(4.0);
        assertThat(second[0][0]).isEqualTo(5.0);
        assertThat(second[2][0]).isEqualTo(0.0);
    }

    @Test
    void iteratorSourcesRejectAnEmptyFirstBatchAndCollectWithoutReset() {
        DataSet empty = new DataSet(Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 0, 3),
                Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 0, 1));
        assertThatThrownBy(() -> DataSource.streaming(new ExistingDataSetIterator(List.of(empty))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first batch")
                .hasMessageContaining("empty");

        List<DataSet> examples = new ArrayList<>();
        double[][] rows = rows(4);
        for (double[] row : rows) {
            examples.add(new DataSet(Nd4j.create(new double[][] {row}), Nd4j.zeros(1, 1)));
        }
        // a one-pass iterator: reset() is unsupported and would throw
        ExistingDataSetIterator onePass = new ExistingDataSetIterator(examples.iterator());
        assertThat(onePass.resetSupported()).isFalse();
        assertThat(((ArrayDataSource) DataSource.collect(onePass)).rows()).isDeepEqualTo(rows);
    }
}
