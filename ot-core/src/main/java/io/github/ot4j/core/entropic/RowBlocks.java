package io.github.ot4j.core.entropic;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A fixed partition of the n rows of a dense n × m array into row blocks, the unit of work the dense kernels run in
 * parallel. The partition depends on n and m only, never on the number of threads, and every sum over rows is
 * taken per block and then added in block order, so a solve gives bit-identical results on one thread or many.
 *
 * <p>Blocks: one per 2<sup>16</sup> entries, at most {@value #MAX_BLOCKS}; block b holds rows
 * [b·n/B, (b+1)·n/B). Small problems (under 2<sup>17</sup> entries) are a single block and run on the calling
 * thread. Parallel runs use the common fork-join pool and the calling thread; set the system property
 * {@value #PARALLEL_PROPERTY} to {@code false} to run everything on the calling thread.
 */
final class RowBlocks {

    /** System property: {@code false} runs the dense kernels on the calling thread only (default true). */
    static final String PARALLEL_PROPERTY = "ot4j.entropic.parallel";

    /** The most blocks: enough to keep a few cores busy, few enough that per-block column sums stay cheap. */
    static final int MAX_BLOCKS = 8;

    private static final int ENTRIES_PER_BLOCK = 1 << 16;

    private final int n;
    private final int count;
    private final boolean parallel;

    private RowBlocks(int n, int count, boolean parallel) {
        this.n = n;
        this.count = count;
        this.parallel = parallel;
    }

    /**
     * The partition of an n × m array.
     *
     * @param n        the rows
     * @param m        the columns
     * @param parallel whether blocks may run on several threads (the results are the same either way)
     * @return the partition
     */
    static RowBlocks of(int n, int m, boolean parallel) {
        long entries = (long) n * m;
        int count = (int) Math.max(1, Math.min(MAX_BLOCKS, Math.min(n, entries / ENTRIES_PER_BLOCK)));
        return new RowBlocks(n, count, parallel && count > 1 && Runtime.getRuntime().availableProcessors() > 1);
    }

    /** @return whether the dense kernels may use several threads by default (the system property) */
    static boolean parallelByDefault() {
        return !"false".equalsIgnoreCase(System.getProperty(PARALLEL_PROPERTY, "true"));
    }

    /** @return the number of blocks B */
    int count() {
        return count;
    }

    /** @return the first row of block b */
    int start(int b) {
        return (int) ((long) b * n / count);
    }

    /** @return one past the last row of block b */
    int end(int b) {
        return (int) ((long) (b + 1) * n / count);
    }

    /** Runs {@code body} once per block index, in parallel when allowed; returns when all are done. */
    void forEach(IntConsumer body) {
        if (parallel) {
            IntStream.range(0, count).parallel().forEach(body);
        } else {
            for (int b = 0; b < count; b++) {
                body.accept(b);
            }
        }
    }

    /** out<sub>j</sub> = Σ<sub>b</sub> partial[b][j], the blocks added in order (deterministic). */
    static void reduce(double[][] partial, double[] out) {
        System.arraycopy(partial[0], 0, out, 0, out.length);
        for (int b = 1; b < partial.length; b++) {
            double[] p = partial[b];
            for (int j = 0; j < out.length; j++) {
                out[j] += p[j];
            }
        }
    }
}
