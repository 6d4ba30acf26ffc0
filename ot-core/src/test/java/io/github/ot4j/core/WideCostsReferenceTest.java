package io.github.ot4j.core;

import io.github.ot4j.core.lp.OjAlgoSolver;
import io.github.ot4j.core.simplex.NetworkSimplexSolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dense costs spanning 1e-6 … 1e6, whose optimum lies far below max|C|·mass, solved by POT
 * (src/test/python/make_wide_reference.py): both exact solvers agree with POT to 1e-12 relative and their
 * certificates prove their values to 1e-9 relative.
 */
class WideCostsReferenceTest {

    /** POT's value is a double sum of its own plan, good to a few ulps of the terms; ours is proven tighter. */
    private static final double AGREEMENT = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"wide_30x25_seed1", "wide_40x40_seed2", "wide_12x35_seed3"})
    void bothExactSolversMatchPotAndProveIt(String name) throws IOException {
        double pot;
        TransportProblem problem;
        try (InputStream in = WideCostsReferenceTest.class.getResourceAsStream("/reference/ot4j/" + name + ".txt")) {
            assertThat(in).as(name).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int[] size = Arrays.stream(r.readLine().trim().split(" ")).mapToInt(Integer::parseInt).toArray();
            double[] a = numbers(r.readLine());
            double[] b = numbers(r.readLine());
            double[][] c = new double[size[0]][];
            for (int i = 0; i < size[0]; i++) {
                c[i] = numbers(r.readLine());
            }
            pot = Double.parseDouble(r.readLine().trim());
            problem = TransportProblem.of(a, b, CostMatrix.of(c));
        }
        for (ExactSolver solver : new ExactSolver[] {new NetworkSimplexSolver(), new OjAlgoSolver()}) {
            TransportResult result = solver.solve(problem);
            Certificate certificate = result.certificate();
            assertThat(certificate.costScale() * certificate.mass()).isGreaterThan(1e6 * result.value());
            assertThat(certificate.holds()).as("%s %s %s", name, solver, certificate).isTrue();
            assertThat(Math.abs(result.value() - pot)).as("%s %s: %s vs POT %s", name, solver, result.value(), pot)
                    .isLessThanOrEqualTo(AGREEMENT * pot);
        }
    }

    private static double[] numbers(String line) {
        return Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
