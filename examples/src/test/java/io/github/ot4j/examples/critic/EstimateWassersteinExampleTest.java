package io.github.ot4j.examples.critic;

import io.github.ot4j.examples.ExampleOutput;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The critic example runs (few iterations) and prints, for each method, an est/L that never exceeds W. */
class EstimateWassersteinExampleTest extends ExampleOutput {

    @Test
    void printsEveryMethodNextToTheExactValue() {
        EstimateWassersteinExample.run(new String[] {"6"});
        String out = output();
        Matcher exact = Pattern.compile("exact W1 = ([0-9.]+)").matcher(out);
        assertThat(exact.find()).isTrue();
        double w = Double.parseDouble(exact.group(1));
        assertThat(out).contains("WGAN-TS", "gradient penalty", "one-sided", "spectral", "weight scaling",
                "weight clipping", "8-D Gaussians");
        // the first table's rows: | method | iters | estimate | error | est/L | slope | L |
        String firstTable = out.substring(exact.end(), out.indexOf("8-D Gaussians"));
        int rows = 0;
        for (String line : firstTable.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length == 8 && cells[2].trim().matches("[0-9]+")) {
                assertThat(Double.parseDouble(cells[5].trim())).as(line).isLessThanOrEqualTo(w + 1e-4);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(6);
    }
}
