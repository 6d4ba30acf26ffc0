package io.github.ot4j.examples.critic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ot4j.examples.ExampleOutput;
import org.junit.jupiter.api.Test;

/**
 * The critic example runs (a budget of 20 updates) and prints, for each method and pair, an estimate and an
 * est/L that never exceed the exact W (both are feasible dual values on the sample).
 */
class EstimateWassersteinExampleTest extends ExampleOutput {

    @Test
    void printsEveryMethodNextToTheExactValue() throws Exception {
        EstimateWassersteinExample.run(new String[] {"20"});
        String out = output();
        assertThat(out).contains("WGAN-TS", "gradient penalty", "one-sided", "spectral", "weight scaling",
                "weight clipping", "8-D Gaussians", "2-D rings");
        int rows = 0;
        for (String line : out.split("\n")) {
            // | method | pair | exact W | estimate | error | fresh | oracle | est/L | slope | updates | s |
            String[] cells = line.split("\\|");
            if (cells.length == 12 && cells[3].trim().matches("[0-9.]+")) {
                double exact = Double.parseDouble(cells[3].trim());
                assertThat(Double.parseDouble(cells[4].trim())).as(line).isLessThanOrEqualTo(exact + 1e-4);
                assertThat(Double.parseDouble(cells[8].trim())).as(line).isLessThanOrEqualTo(exact + 1e-4);
                rows++;
            }
        }
        // printed twice: as each row is made, then the table
        assertThat(rows).isEqualTo(24);
    }
}
