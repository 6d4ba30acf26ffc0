package io.github.ot4j.examples.gan;

import io.github.ot4j.examples.ExampleOutput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The methods benchmark at its smallest: every method on 8 Gaussians for 4 steps writes its table and plot. */
@Tag("slow")
class GanMethodsBenchmarkTest extends ExampleOutput {

    @Test
    void writesOneRowPerMethodAndThePlot() throws Exception {
        Path md = dir.resolve("m.md");
        Path png = dir.resolve("m.png");
        GanMethodsBenchmark.main(new String[] {"1", "4", "0.01", "50", String.join(",", GanMethodsBenchmark.METHODS),
            "8g", md.toString(), png.toString()});
        String table = Files.readString(md);
        for (String method : GanMethodsBenchmark.METHODS) {
            assertThat(table).containsPattern("(?m)^\\| 8g \\| " + method + " \\| ");
        }
        assertThat(Files.size(png)).isPositive();
    }
}
