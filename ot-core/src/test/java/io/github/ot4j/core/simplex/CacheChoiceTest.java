package io.github.ot4j.core.simplex;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost cache follows the limits, and is never chosen for more arcs than one array holds. */
class CacheChoiceTest {

    private static final NetworkSimplexSolver.Options DEFAULT = NetworkSimplexSolver.Options.DEFAULT;

    @Test
    void defaultLimitsPickDoublesThenFloatsThenNothing() {
        assertThat(NetworkSimplexSolver.cache(4096, 4096, DEFAULT)).isEqualTo(NetworkSimplexSolver.Cache.DOUBLES);
        assertThat(NetworkSimplexSolver.cache(4097, 4096, DEFAULT)).isEqualTo(NetworkSimplexSolver.Cache.FLOATS);
        assertThat(NetworkSimplexSolver.cache(20_000, 20_000, DEFAULT)).isEqualTo(NetworkSimplexSolver.Cache.NONE);
        assertThat(NetworkSimplexSolver.cache(10, 10, DEFAULT.withCacheLimits(0, 0)))
                .isEqualTo(NetworkSimplexSolver.Cache.NONE);
    }

    @Test
    void unlimitedCachesAreNotChosenBeyondOneArray() {
        NetworkSimplexSolver.Options unlimited = DEFAULT.withCacheLimits(Long.MAX_VALUE, Long.MAX_VALUE);
        assertThat(NetworkSimplexSolver.cache(50_000, 50_000, unlimited)).isEqualTo(NetworkSimplexSolver.Cache.NONE);
        NetworkSimplexSolver.Options floatsOnly = DEFAULT.withCacheLimits(0, Long.MAX_VALUE);
        assertThat(NetworkSimplexSolver.cache(50_000, 50_000, floatsOnly)).isEqualTo(NetworkSimplexSolver.Cache.NONE);
        assertThat(NetworkSimplexSolver.cache(1000, 1000, floatsOnly)).isEqualTo(NetworkSimplexSolver.Cache.FLOATS);
    }
}
