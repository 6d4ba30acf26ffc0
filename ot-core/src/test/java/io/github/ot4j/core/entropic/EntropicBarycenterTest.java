package io.github.ot4j.core.entropic;

import io.github.ot4j.core.CostMatrix;
import io.github.ot4j.core.SolverStatus;
import io.github.ot4j.core.TransportSolverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Against POT's {@code ot.bregman.barycenter} (reference/breadth/barycenter.json, made by make_barycenter.py). */
class EntropicBarycenterTest {

    /** Agreement with POT per entry, relative. */
    private static final double POT_TOLERANCE = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "0.05", "u0.01", "u0.05"})
    void matchesPotsBarycenter(String key) throws IOException {
        // "u…": equal weights, POT's scaling-domain barycenter; else weights (0.2, 0.3, 0.5), POT's log-domain one
        // (make_barycenter.py says why POT 0.8.2's scaling domain is not the reference for unequal weights)
        String json = json();
        double[] x = array(json, "support");
        double[][] hists = nested(json, "histograms");
        boolean uniform = key.startsWith("u");
        double[] weights = uniform ? new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3} : array(json, "weights");
        double[] expected = array(json, key);
        double reg = Double.parseDouble(uniform ? key.substring(1) : key);
        EntropicBarycenter.Result r = EntropicBarycenter.solve(hists, weights, squared(x), reg);
        double[] b = r.barycenter();
        assertThat(b).hasSize(expected.length);
        for (int i = 0; i < b.length; i++) {
            assertThat(b[i]).as("b[%d]", i).isCloseTo(expected[i], within(POT_TOLERANCE * expected[i]));
        }
        assertThat(r.change()).isLessThanOrEqualTo(EntropicBarycenter.Options.DEFAULT.tolerance());
    }

    @Test
    void theBarycenterOfAHistogramAndItsMirrorIsSymmetricWithTheirMass() {
        int d = 41;
        double[] x = new double[d];
        double[] h = new double[d];
        double[] mirror = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = i / (d - 1.0);
            h[i] = 2 * Math.exp(-0.5 * Math.pow((x[i] - 0.25) / 0.08, 2)) + 1e-3;
        }
        for (int i = 0; i < d; i++) {
            mirror[i] = h[d - 1 - i];
        }
        double mass = 0;
        for (double v : h) {
            mass += v;
        }
        double[] b = EntropicBarycenter.solve(new double[][] {h, mirror}, new double[] {0.5, 0.5}, squared(x), 0.02)
                .barycenter();
        double total = 0;
        for (int i = 0; i < d; i++) {
            assertThat(b[i]).isCloseTo(b[d - 1 - i], within(1e-9 * mass)).isPositive();
            total += b[i];
        }
        assertThat(total).isCloseTo(mass, within(1e-9 * mass));
        // the mass sits in the middle, between the two bumps, not at either bump
        assertThat(b[d / 2]).isGreaterThan(b[d / 4]);
    }

    @Test
    void badInputIsRefusedNamingTheArgument() {
        double[] x = {0, 0.5, 1};
        CostMatrix c = squared(x);
        double[] h = {0.2, 0.3, 0.5};
        double[][] two = {h, h};
        double[] w = {0.5, 0.5};
        assertThatThrownBy(() -> EntropicBarycenter.solve(two, w, c, 0)).hasMessageContaining("epsilon must be");
        assertThatThrownBy(() -> EntropicBarycenter.solve(new double[0][], new double[0], c, 1))
                .hasMessageContaining("histograms must not be empty");
        assertThatThrownBy(() -> EntropicBarycenter.solve(two, new double[] {0.5, 0.6}, c, 1))
                .hasMessageContaining("weights must sum to 1");
        assertThatThrownBy(() -> EntropicBarycenter.solve(two, new double[] {1.5, -0.5}, c, 1))
                .hasMessageContaining("weights[1] must be >= 0");
        assertThatThrownBy(() -> EntropicBarycenter.solve(two, new double[] {1}, c, 1))
                .hasMessageContaining("weights has length 1");
        assertThatThrownBy(() -> EntropicBarycenter.solve(new double[][] {h, {0.5, 0.5}}, w, c, 1))
                .hasMessageContaining("histograms[1] must have length 3");
        assertThatThrownBy(() -> EntropicBarycenter.solve(new double[][] {h, {0.2, Double.NaN, 0.5}}, w, c, 1))
                .hasMessageContaining("histograms[1]");
        assertThatThrownBy(() -> EntropicBarycenter.solve(new double[][] {h, {0.2, 0.3, 0.6}}, w, c, 1))
                .hasMessageContaining("same total mass");
        assertThatThrownBy(() -> EntropicBarycenter.solve(new double[][] {h, {0, 0, 0}}, w, c, 1))
                .hasMessageContaining("positive mass");
        CostMatrix far = CostMatrix.of(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
        assertThatThrownBy(() -> EntropicBarycenter.solve(two, w, far, 1e-3))
                .isInstanceOf(TransportSolverException.class).hasMessageContaining("underflows")
                .satisfies(e -> assertThat(((TransportSolverException) e).status()).isEqualTo(SolverStatus.FAILED));
        assertThatThrownBy(() -> EntropicBarycenter.solve(new double[][] {h, {0.5, 0.3, 0.2}}, w, c, 0.01,
                new EntropicBarycenter.Options(1e-15, 2)))
                .isInstanceOf(TransportSolverException.class).hasMessageContaining("did not reach");
    }

    private static CostMatrix squared(double[] x) {
        double[][] m = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                m[i][j] = (x[i] - x[j]) * (x[i] - x[j]);
            }
        }
        return CostMatrix.of(m);
    }

    private static String json() throws IOException {
        try (InputStream in = EntropicBarycenterTest.class.getResourceAsStream("/reference/breadth/barycenter.json")) {
            assertThat(in).as("barycenter.json on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The numbers of the array after {@code "key": [}, up to its closing bracket. */
    private static double[] array(String json, String key) {
        String body = bracketed(json, key);
        List<Double> values = new ArrayList<>();
        Matcher m = Pattern.compile("-?[0-9.]+(?:[eE][-+]?[0-9]+)?").matcher(body);
        while (m.find()) {
            values.add(Double.parseDouble(m.group()));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[][] nested(String json, String key) {
        String body = bracketed(json, key);
        List<double[]> rows = new ArrayList<>();
        Matcher m = Pattern.compile("\\[([^\\[\\]]*)\\]").matcher(body.substring(1));
        while (m.find()) {
            rows.add(array("\"r\": [" + m.group(1) + "]", "r"));
        }
        return rows.toArray(new double[0][]);
    }

    private static String bracketed(String json, String key) {
        int at = json.indexOf("\"" + key + "\": [");
        assertThat(at).as("key %s in barycenter.json", key).isNotNegative();
        int start = json.indexOf('[', at);
        int depth = 0;
        for (int i = start; i < json.length(); i++) {
            char ch = json.charAt(i);
            depth += ch == '[' ? 1 : ch == ']' ? -1 : 0;
            if (depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new AssertionError("unterminated array " + key);
    }
}
