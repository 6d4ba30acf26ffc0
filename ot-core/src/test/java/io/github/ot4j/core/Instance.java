package io.github.ot4j.core;

import java.util.SplittableRandom;

/**
 * A random transport problem for {@link ScaleInvariancePropertyTest}, which it can rebuild at cost scale
 * 2<sup>k·power</sup> and mass scale 2<sup>l</sup> exactly: point costs by scaling the coordinates by 2<sup>k</sup>
 * (a cost of power p scales by 2<sup>p·k</sup>), dense costs by scaling the entries.
 */
final class Instance {

    final String kind;
    final TransportProblem problem;
    /** How a coordinate scaling of 2^k scales the costs: 2^(power·k) (1 for dense costs). */
    final int power;
    private final double[][] x;
    private final double[][] y;
    private final GroundCost cost;
    private final double[][] matrix;
    private final double[] a;
    private final double[] b;

    private Instance(String kind, double[][] x, double[][] y, GroundCost cost, int power, double[][] matrix,
                     double[] a, double[] b) {
        this.kind = kind;
        this.x = x;
        this.y = y;
        this.cost = cost;
        this.power = power;
        this.matrix = matrix;
        this.a = a;
        this.b = b;
        this.problem = matrix == null
                ? TransportProblem.of(DiscreteMeasure.of(x, a), DiscreteMeasure.of(y, b), cost)
                : TransportProblem.of(a, b, CostMatrix.of(matrix));
    }

    /** The same instance with coordinates (or dense costs) times 2^k and weights times 2^l. */
    Instance scaled(int k, int l) {
        double s = Math.scalb(1.0, k);
        return new Instance(kind, times(x, s), times(y, s), cost, power, times(matrix, s), times(a, Math.scalb(1.0, l)),
                times(b, Math.scalb(1.0, l)));
    }

    static Instance random(SplittableRandom random) {
        int n = 1 + random.nextInt(40);
        int m = 1 + random.nextInt(40);
        double[] a = weights(random, n);
        double[] b = weights(random, m);
        // equal totals: b rescaled by a power of two does not make them equal, so b is normalised to a's sum
        double sa = sum(a);
        double sb = sum(b);
        for (int j = 0; j < m; j++) {
            b[j] *= sa / sb;
        }
        int kind = random.nextInt(8);
        return switch (kind) {
            case 0, 1, 2 -> {
                GroundCost[] costs = {GroundCost.euclidean(), GroundCost.squaredEuclidean(), GroundCost.cityblock()};
                int c = random.nextInt(3);
                int d = random.nextBoolean() ? 1 : 1 + random.nextInt(5);
                double[][] x = points(random, n, d, kind == 1, kind == 2);
                double[][] y = points(random, m, d, kind == 1, kind == 2);
                yield new Instance(new String[] {"points", "grid", "duplicates"}[kind] + "/" + costs[c] + "/d" + d,
                        x, y, costs[c], c == 1 ? 2 : 1, null, a, b);
            }
            case 3 -> new Instance("dense uniform", null, null, null, 1, dense(random, n, m, 0), a, b);
            case 4 -> new Instance("integer ties", null, null, null, 1, dense(random, n, m, 1), a, b);
            case 5 -> new Instance("1e-6..1e6", null, null, null, 1, dense(random, n, m, 2), a, b);
            case 6 -> new Instance("zero costs", null, null, null, 1, new double[n][m], a, b);
            default -> new Instance("1-D", points(random, n, 1, false, false), points(random, m, 1, false, false),
                    GroundCost.euclidean(), 1, null, a, b);
        };
    }

    private static double[] weights(SplittableRandom random, int n) {
        double[] w = new double[n];
        int kind = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            w[i] = switch (kind) {
                case 0 -> 1.0 / n;
                case 1 -> random.nextDouble();
                case 2 -> random.nextInt(3) == 0 ? 0 : random.nextDouble();
                default -> Math.pow(10, -8 * random.nextDouble());
            };
        }
        if (sum(w) == 0) {
            w[random.nextInt(n)] = 1;
        }
        return w;
    }

    private static double[][] points(SplittableRandom random, int n, int d, boolean grid, boolean duplicates) {
        double[][] p = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                p[i][k] = grid ? random.nextInt(3) : random.nextGaussian();
            }
            if (duplicates && i > 0 && random.nextBoolean()) {
                p[i] = p[random.nextInt(i)].clone();
            }
        }
        return p;
    }

    private static double[][] dense(SplittableRandom random, int n, int m, int kind) {
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i][j] = switch (kind) {
                    case 0 -> random.nextDouble();
                    case 1 -> random.nextInt(4);
                    default -> Math.pow(10, -6 + 12 * random.nextDouble());
                };
            }
        }
        return c;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static double[] times(double[] v, double s) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s;
        }
        return out;
    }

    private static double[][] times(double[][] v, double s) {
        if (v == null) {
            return null;
        }
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = times(v[i], s);
        }
        return out;
    }

    @Override
    public String toString() {
        return kind + " " + problem;
    }
}
