package io.github.ot4j.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The distances main on instances solved by POT 0.8.2 (ot-core's {@code reference/breadth}, copied here with
 * its values.json as {@code breadth-values.json}).
 */
class DistancesExampleTest extends ExampleOutput {

    private String stdout;
    private String stderr;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = ExampleMain.run("DistancesExample", () -> DistancesExample.run(args, o),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    private Path file(String name) throws IOException {
        Path f = dir.resolve(name + ".csv");
        try (InputStream in = getClass().getResourceAsStream(name + ".csv")) {
            Files.copy(in, f);
        }
        return f;
    }

    private double first(String key) {
        String line = stdout.lines().findFirst().orElseThrow();
        assertThat(line).startsWith(key + ": ");
        return Double.parseDouble(line.substring(key.length() + 2));
    }

    private double line(String key) {
        return Double.parseDouble(stdout.lines().filter(l -> l.startsWith(key + ": ")).findFirst().orElseThrow()
                .substring(key.length() + 2));
    }

    private static double pot(String... path) {
        String json;
        try (InputStream in = DistancesExampleTest.class.getResourceAsStream("breadth-values.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = 0;
        for (int k = 0; k < path.length - 1; k++) {
            at = json.indexOf("\"" + path[k] + "\"", at);
            assertThat(at).isNotNegative();
        }
        Matcher m = Pattern.compile("\"" + Pattern.quote(path[path.length - 1]) + "\"\\s*:\\s*([-0-9.eE+]+)")
                .matcher(json);
        assertThat(m.find(at)).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyMethodPrintsItsValueFirstAndAgreesWithPot() throws IOException {
        Path ent = file("ent5d");
        String eps = "1.5833338142482842";
        assertThat(run(ent.toString(), "euclidean", "--method", "sinkhorn", "--eps", eps)).isZero();
        assertThat(first("value")).isCloseTo(pot("ent5d", eps, "sinkhorn"), within(1e-5));
        assertThat(line("entropic")).isCloseTo(pot("ent5d", eps, "entropic"), within(1e-5));
        assertThat(run(ent.toString(), "euclidean", "--method", "divergence", "--eps", eps)).isZero();
        assertThat(first("value")).isCloseTo(pot("ent5d", eps, "divergence"), within(1e-5));
        assertThat(run(ent.toString(), "euclidean", "--method", "exact")).isZero();
        assertThat(first("value")).isCloseTo(pot("ent5d", "exact"), within(1e-9));

        Path oned = file("oned");
        assertThat(run(oned.toString(), "euclidean", "--method", "oned", "--p", "2")).isZero();
        assertThat(first("value")).isCloseTo(pot("oned", "w2"), within(1e-9));
        assertThat(run(oned.toString(), "euclidean", "--method", "sliced", "--p", "3", "--projections", "3")).isZero();
        assertThat(first("value")).isCloseTo(pot("oned", "w3"), within(1e-9));

        Path unb = file("unbalanced2d");
        assertThat(run(unb.toString(), "sqeuclidean", "--method", "unbalanced", "--eps", "0.1", "--rho", "1.0"))
                .isZero();
        assertThat(first("value")).isCloseTo(pot("unbalanced2d", "0.1,1.0", "cost"), within(1e-5));
        assertThat(line("mass")).isCloseTo(pot("unbalanced2d", "0.1,1.0", "mass"), within(1e-5));
        assertThat(stderr).isEmpty();
    }

    @Test
    void slicedIsDeterministicBySeed() throws IOException {
        Path ent = file("ent5d");
        run(ent.toString(), "euclidean", "--method", "sliced", "--projections", "50", "--seed", "4");
        String once = stdout;
        run(ent.toString(), "euclidean", "--method", "sliced", "--projections", "50", "--seed", "4");
        assertThat(stdout).isEqualTo(once);
        run(ent.toString(), "euclidean", "--method", "sliced", "--projections", "50", "--seed", "5");
        assertThat(stdout).isNotEqualTo(once);
    }

    @Test
    void badArgumentsExitNonZeroWithOneLine() throws IOException {
        String ent = file("ent5d").toString();
        String[][] bad = {
            {ent, "euclidean", "--method", "magic"},
            {ent, "euclidean", "--method", "sinkhorn", "--eps", "0"},
            {ent, "euclidean", "--method", "sinkhorn", "--eps", "-1"},
            {ent, "euclidean", "--method", "sinkhorn"},
            {ent, "euclidean", "--method", "sliced", "--p", "0.5"},
            {ent, "euclidean", "--method", "oned"},
            {ent, "euclidean", "--method", "unbalanced", "--eps", "0.1", "--rho", "0"},
            {ent, "euclidean", "--method", "sliced", "--projections", "0"},
            {ent, "euclidean", "--method", "sinkhorn", "--eps", "abc"},
            {ent, "euclidean", "--frobnicate", "1"},
            {ent, "nocost", "--method", "exact"},
            {dir.resolve("missing.csv").toString(), "euclidean", "--method", "exact"},
            {ent},
        };
        String[] expected = {"--method must be one of", "--eps must be", "--eps must be", "--eps is required",
            "--p must be", "dimension 5", "--rho must be", "--projections must be", "--eps must be a number",
            "unknown option", "name must be one of", "missing.csv", "usage"};
        for (int k = 0; k < bad.length; k++) {
            assertThat(run(bad[k])).as(String.join(" ", bad[k])).isEqualTo(ExampleMain.BAD_INPUT);
            assertThat(stderr.lines().count()).isEqualTo(1);
            assertThat(stderr).startsWith("DistancesExample: ").contains(expected[k]).doesNotContain("\tat ");
            assertThat(stdout).isEmpty();
        }
    }
}
