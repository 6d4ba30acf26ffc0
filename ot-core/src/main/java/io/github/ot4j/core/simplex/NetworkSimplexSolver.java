package io.github.ot4j.core.simplex;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.ExactSolver;
import io.github.ot4j.core.PointCostMatrix;
import io.github.ot4j.core.Potentials;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportPlan;
import io.github.ot4j.core.TransportProblem;
import io.github.ot4j.core.TransportResult;
import io.github.ot4j.core.TransportSolverException;

import java.util.Arrays;

/**
 * An exact solver for the transportation problem by the primal network simplex method, the algorithm of
 * LEMON and of POT's {@code ot.emd}: a spanning-tree basis updated in place, block-search pricing and
 * Cunningham's anti-cycling rule. It returns an optimal basic plan (at most n + m − 1 nonzero entries) and
 * the optimal potentials of its basis, u<sub>i</sub> + v<sub>j</sub> ≤ C<sub>ij</sub> everywhere with equality
 * on the plan.
 *
 * <p>Memory is O(n + m) plus n·m bits, plus the cost cache of {@link Options}: costs are cached as doubles up
 * to {@link Options#cacheLimit()} entries, as floats for pricing up to {@link Options#priceCacheLimit()}
 * entries, and otherwise read on demand, from the points for a {@link CostMatrix#between point-based}
 * Euclidean, squared Euclidean or L1 cost. A warm start from potentials of a nearby problem grows the starting basis
 * from the arcs of smallest reduced cost C<sub>ij</sub> − u<sub>i</sub> − v<sub>j</sub>.
 *
 * <p>Scale invariance: the masses are multiplied by the power of two that brings their total into [1, 2), and
 * cached costs by the one that brings max |C<sub>ij</sub>| into [1, 2); the solve runs on these normalised data and
 * its plan and potentials are scaled back. Costs read on demand are normalised the same way (found by one extra
 * pass over them): a generic matrix by a factor applied to each entry read, point costs by scaling the coordinates
 * (by √s for a squared Euclidean cost), which gives the same costs bit for bit. Both scalings are exact, so
 * 2<sup>k</sup>·C (or 2<sup>k</sup>·a and 2<sup>k</sup>·b) gives exactly 2<sup>k</sup> times the same value, plan
 * and potentials for any k that does not overflow or underflow, whatever the cache.
 *
 * <p>Immutable and thread-safe: every solve works on its own state.
 */
public final class NetworkSimplexSolver implements ExactSolver {

    /**
     * Settings of the network simplex, checked on construction.
     *
     * @param maxIterations   the most pivots a solve may take before it throws a
     *                        {@link TransportSolverException} with {@link SolverStatus#ITERATION_LIMIT}, ≥ 1
     * @param blockSize       the number of arcs priced per block, ≥ 1, or 0 for the default ⌈√(n·m)⌉ (at least 10)
     * @param cacheLimit      the largest n·m for which all costs are computed once and stored as doubles
     *                        (8·n·m bytes), ≥ 0
     * @param priceCacheLimit the largest n·m for which, above {@code cacheLimit}, the costs are stored rounded to
     *                        floats (4·n·m bytes) to look for entering arcs, every candidate and the final
     *                        optimality check being priced exactly from the points; above it every cost is
     *                        computed when read (O(n + m) memory); ≥ 0
     */
    public record Options(long maxIterations, int blockSize, long cacheLimit, long priceCacheLimit) {

        /**
         * The defaults: 10<sup>9</sup> pivots, block size ⌈√(n·m)⌉, costs cached as doubles up to 2<sup>24</sup>
         * entries (128 MiB, n = m = 4096) and as floats up to 2<sup>27</sup> entries (512 MiB, n = m = 11 585).
         */
        public static final Options DEFAULT = new Options(1_000_000_000L, 0, 1L << 24, 1L << 27);

        /**
         * Checks the settings.
         *
         * @param maxIterations   the pivot cap, ≥ 1
         * @param blockSize       the pricing block, ≥ 1, or 0 for automatic
         * @param cacheLimit      the largest n·m whose costs are cached as doubles, ≥ 0
         * @param priceCacheLimit the largest n·m whose costs are cached as floats for pricing, ≥ 0
         */
        public Options {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1 but is " + maxIterations);
            }
            if (blockSize < 0) {
                throw new IllegalArgumentException("blockSize must be >= 0 (0 = automatic) but is " + blockSize);
            }
            if (cacheLimit < 0) {
                throw new IllegalArgumentException("cacheLimit must be >= 0 but is " + cacheLimit);
            }
            if (priceCacheLimit < 0) {
                throw new IllegalArgumentException("priceCacheLimit must be >= 0 but is " + priceCacheLimit);
            }
        }

        /**
         * @param maxIterations the pivot cap, ≥ 1
         * @return these options with another pivot cap
         */
        public Options withMaxIterations(long maxIterations) {
            return new Options(maxIterations, blockSize, cacheLimit, priceCacheLimit);
        }

        /**
         * @param blockSize the pricing block, ≥ 1, or 0 for automatic
         * @return these options with another block size
         */
        public Options withBlockSize(int blockSize) {
            return new Options(maxIterations, blockSize, cacheLimit, priceCacheLimit);
        }

        /**
         * @param cacheLimit      the largest n·m whose costs are cached as doubles, ≥ 0 (0 never)
         * @param priceCacheLimit the largest n·m whose costs are cached as floats for pricing, ≥ 0 (0 never)
         * @return these options with other cache limits
         */
        public Options withCacheLimits(long cacheLimit, long priceCacheLimit) {
            return new Options(maxIterations, blockSize, cacheLimit, priceCacheLimit);
        }
    }

    /** The largest array the caches may allocate. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final Options options;

    /** A solver with {@link Options#DEFAULT}. */
    public NetworkSimplexSolver() {
        this(Options.DEFAULT);
    }

    /**
     * @param options the settings
     */
    public NetworkSimplexSolver(Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /** @return the settings */
    public Options options() {
        return options;
    }

    @Override
    public TransportResult solve(TransportProblem problem) {
        return solve(problem, null);
    }

    @Override
    public TransportResult solve(TransportProblem problem, Potentials warmStart) {
        if (problem == null) {
            throw new IllegalArgumentException("problem must not be null");
        }
        int n = problem.n();
        int m = problem.m();
        if (warmStart != null && (warmStart.u().length != n || warmStart.v().length != m)) {
            throw new IllegalArgumentException("warmStart has lengths " + warmStart.u().length + " and "
                    + warmStart.v().length + " but the problem is " + n + " x " + m);
        }
        if ((long) n * m > Integer.MAX_VALUE * 64L) {
            throw new IllegalArgumentException("problem is " + n + " x " + m + ", more than the "
                    + Integer.MAX_VALUE * 64L + " arcs this solver can index");
        }
        ArcCosts costs = ArcCosts.of(problem.cost());
        ArcCosts pricing = costs;
        Cache cache = cache(n, m, options);
        double costScale = 1;
        if (cache == Cache.DOUBLES) {
            ArcCosts.Dense dense = problem.cost() instanceof PointCostMatrix points ? new ArcCosts.Dense(points)
                    : new ArcCosts.Dense(costs, n, m);
            costScale = dense.normalise();
            costs = dense;
            pricing = costs;
        } else {
            ArcCosts.Normalised normalised = ArcCosts.normalise(costs, n, m);
            costScale = normalised.scale();
            costs = normalised.costs();
            pricing = cache == Cache.FLOATS ? new ArcCosts.FloatDense(costs, n, m) : costs;
        }
        // masses scaled by a power of two to a total in [1, 2): exact, and the same for 2^k·a and 2^k·b
        double mass = problem.mass();
        double massScale = mass > 0 && Double.isFinite(mass) ? Math.scalb(1.0, -Math.getExponent(mass)) : 1;
        double[] a = scaled(problem.a(), massScale);
        double[] b = scaled(problem.b(), massScale);
        double scaledMass = mass * massScale;
        NetworkSimplex simplex = new NetworkSimplex(a, b, pricing, options.maxIterations(), options.blockSize());
        Potentials start = warmStart == null ? null : scaledStart(
                recentred(warmStart, problem.a(), problem.b(), mass), costScale);
        simplex.run(start == null ? null : start.u(), start == null ? null : start.v(), true);

        double leftover = simplex.artificialFlow();
        if (leftover > 2 * TransportProblem.MASS_TOLERANCE * scaledMass) {
            throw new TransportSolverException(SolverStatus.FAILED, "network simplex ended with mass "
                    + leftover / massScale + " on an artificial arc (total mass " + mass + ")");
        }
        int[] rows = new int[n + m];
        int[] cols = new int[n + m];
        double[] masses = new double[n + m];
        int k = simplex.plan(rows, cols, masses);
        double massBack = 1 / massScale;
        for (int e = 0; e < k; e++) {
            masses[e] *= massBack;
        }
        TransportPlan plan = TransportPlan.of(n, m, Arrays.copyOf(rows, k), Arrays.copyOf(cols, k),
                Arrays.copyOf(masses, k));
        Potentials p = simplex.maxCost() == 0 ? new Potentials(new double[n], new double[m])
                : potentials(simplex.potentials(), a, b, costs, scaledMass);
        double costBack = 1 / costScale;
        return new TransportResult(problem, plan, new Potentials(scaled(p.u(), costBack), scaled(p.v(), costBack)));
    }

    /** The warm start in the normalised cost units, refused when it does not fit them. */
    private static Potentials scaledStart(Potentials start, double costScale) {
        double[] u = scaled(start.u(), costScale);
        double[] v = scaled(start.v(), costScale);
        for (int i = 0; i < u.length; i++) {
            if (!Double.isFinite(u[i])) {
                throw new IllegalArgumentException("warmStart.u[" + i + "] = " + start.u(i) + " overflows when the "
                        + "costs are normalised (multiplied by " + costScale + ")");
            }
        }
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException("warmStart.v[" + j + "] = " + start.v(j) + " overflows when the "
                        + "costs are normalised (multiplied by " + costScale + ")");
            }
        }
        return new Potentials(u, v);
    }

    /** @return x·s in a new array (exact when s is a power of two and nothing overflows or underflows) */
    private static double[] scaled(double[] x, double s) {
        double[] y = x.clone();
        if (s != 1) {
            for (int i = 0; i < y.length; i++) {
                y[i] *= s;
            }
        }
        return y;
    }

    /** How the costs of a solve are stored. */
    enum Cache { DOUBLES, FLOATS, NONE }

    /**
     * The cache a solve of n × m uses: none when n·m does not fit one array, whatever the limits say.
     *
     * @param n       the number of sources
     * @param m       the number of targets
     * @param options the cache limits
     * @return the cache
     */
    static Cache cache(int n, int m, Options options) {
        long arcs = (long) n * m;
        boolean fits = arcs <= MAX_ARRAY;
        if (fits && arcs <= options.cacheLimit()) {
            return Cache.DOUBLES;
        }
        if (fits && arcs <= options.priceCacheLimit()) {
            return Cache.FLOATS;
        }
        return Cache.NONE;
    }

    /**
     * The warm start shifted to (u − s, v + s) with s = (Σ a<sub>i</sub>u<sub>i</sub> − Σ b<sub>j</sub>v<sub>j</sub>)
     * / (2·mass): an equally valid dual whose two halves are balanced, so that a constant offset t in (u + t,
     * v − t) cannot swamp the reduced costs' precision.
     *
     * @throws IllegalArgumentException when the shifted potentials are not finite
     */
    private static Potentials recentred(Potentials warmStart, double[] a, double[] b, double mass) {
        double[] u = warmStart.u();
        double[] v = warmStart.v();
        double su = 0;
        double sv = 0;
        for (int i = 0; i < u.length; i++) {
            su += a[i] * u[i];
        }
        for (int j = 0; j < v.length; j++) {
            sv += b[j] * v[j];
        }
        double shift = (su - sv) / (2 * mass);
        for (int i = 0; i < u.length; i++) {
            u[i] -= shift;
            if (!Double.isFinite(u[i])) {
                throw new IllegalArgumentException("warmStart.u[" + i + "] is too large: not finite after shifting by "
                        + shift);
            }
        }
        for (int j = 0; j < v.length; j++) {
            v[j] += shift;
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException("warmStart.v[" + j + "] is too large: not finite after shifting by "
                        + shift);
            }
        }
        return new Potentials(u, v);
    }

    /**
     * u = −π on the sources and v = π on the targets; a point of zero weight, whose potential the basis may
     * leave at a big-M offset, gets its c-transform instead (tight and feasible, and it does not enter the
     * objective); finally both sides are shifted so that Σ a<sub>i</sub>u<sub>i</sub> = Σ b<sub>j</sub>v<sub>j</sub>.
     */
    private static Potentials potentials(double[] pi, double[] a, double[] b, ArcCosts costs, double mass) {
        int n = a.length;
        int m = b.length;
        double[] u = new double[n];
        double[] v = new double[m];
        for (int i = 0; i < n; i++) {
            u[i] = -pi[i];
        }
        for (int j = 0; j < m; j++) {
            v[j] = pi[n + j];
        }
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    if (b[j] > 0) {
                        best = Math.min(best, costs.cost(i, j) - v[j]);
                    }
                }
                u[i] = best;
            }
        }
        for (int j = 0; j < m; j++) {
            if (b[j] == 0) {
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    best = Math.min(best, costs.cost(i, j) - u[i]);
                }
                v[j] = best;
            }
        }
        double su = 0;
        double sv = 0;
        for (int i = 0; i < n; i++) {
            su += a[i] * u[i];
        }
        for (int j = 0; j < m; j++) {
            sv += b[j] * v[j];
        }
        double shift = (su - sv) / (2 * mass);
        for (int i = 0; i < n; i++) {
            u[i] -= shift;
        }
        for (int j = 0; j < m; j++) {
            v[j] += shift;
        }
        return new Potentials(u, v);
    }

    @Override
    public String toString() {
        return "NetworkSimplexSolver" + options;
    }
}
