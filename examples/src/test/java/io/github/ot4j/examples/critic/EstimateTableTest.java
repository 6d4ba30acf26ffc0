package io.github.ot4j.examples.critic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.ot4j.critic.train.CriticMethod;
import org.junit.jupiter.api.Test;

/**
 * docs/critic.md's estimate table is what {@code EstimateWassersteinExample --write docs/critic.md} wrote: the
 * cheap part is computed again (the rows' methods and pairs, the exact W and the oracle's column, from ot-core's
 * exact solver, which is deterministic), and each row's error column must be its estimate's error against that
 * exact W. The trained columns themselves take minutes to recompute and depend on the CPU's BLAS kernels; the
 * consistency check catches an edited estimate or error.
 */
class EstimateTableTest {

    static final Path DOC = Path.of("../docs/critic.md");

    @Test
    void theDocsTableMatchesWhatTheExampleComputes() throws IOException {
        assertThat(problems(Files.readAllLines(DOC, StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void anEditedFigureIsCaught() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int first = lines.indexOf(EstimateWassersteinExample.BEGIN) + 3;
        for (int column : new int[] {3, 4, 7}) { // exact W, estimate, oracle
            List<String> edited = new ArrayList<>(lines);
            String[] cells = edited.get(first).split("\\|", -1);
            String cell = cells[column].trim();
            boolean percent = cell.endsWith("%");
            double value = Double.parseDouble(cell.replace("%", "").trim()) + (percent ? 0.01 : 0.001);
            cells[column] = " " + String.format(Locale.ROOT, percent ? "%+.2f %%" : "%.4f", value) + " ";
            edited.set(first, String.join("|", cells));
            assertThat(edited.get(first)).isNotEqualTo(lines.get(first));
            assertThat(problems(edited)).as(edited.get(first)).isNotEmpty();
        }
    }

    /** @return what in the table differs from what the example computes, one line per difference */
    static List<String> problems(List<String> lines) {
        List<String[]> rows = rows(lines);
        List<CriticMethod> methods = EstimateWassersteinExample.methods();
        List<EstimateWassersteinExample.Clouds> clouds = EstimateWassersteinExample.clouds();
        List<String> problems = new ArrayList<>();
        if (rows.size() != methods.size() * clouds.size()) {
            problems.add("the table has " + rows.size() + " rows, the example makes " + methods.size() * clouds.size());
            return problems;
        }
        int r = 0;
        for (EstimateWassersteinExample.Clouds c : clouds) {
            EstimateWassersteinExample.Exact exact = EstimateWassersteinExample.exact(c);
            for (CriticMethod method : methods) {
                String[] row = rows.get(r++);
                String line = String.join(" | ", row);
                expect(problems, line, "method", row[0], method.name());
                expect(problems, line, "pair", row[1], c.name());
                expect(problems, line, "exact W", row[2], String.format(Locale.ROOT, "%.4f", exact.exact()));
                expect(problems, line, "oracle", row[6], String.format(Locale.ROOT, "%+.2f %%",
                        exact.oraclePercent()));
                double estimate = Double.parseDouble(row[3]);
                double error = Double.parseDouble(row[4].replace("%", "").trim());
                // the estimate is printed to 4 decimals: its error is known to 100 * 0.00005 / W percent
                double recomputed = 100 * (estimate - exact.exact()) / exact.exact();
                if (Math.abs(error - recomputed) > 0.005 + 0.005 / exact.exact()) {
                    problems.add(line + ": error " + error + " % but the estimate's is " + recomputed + " %");
                }
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, String line, String column, String found, String expected) {
        if (!found.equals(expected)) {
            problems.add(line + ": " + column + " is '" + found + "' but the example computes '" + expected + "'");
        }
    }

    /** @return the cells of the table's data rows, trimmed, without the outer bars */
    static List<String[]> rows(List<String> lines) {
        int begin = lines.indexOf(EstimateWassersteinExample.BEGIN);
        int end = lines.indexOf(EstimateWassersteinExample.END);
        assertThat(begin).as("begin marker").isNotNegative();
        assertThat(end).as("end marker").isGreaterThan(begin);
        assertThat(lines.get(begin + 1)).isEqualTo(EstimateWassersteinExample.HEADER);
        assertThat(lines.get(begin + 2)).isEqualTo(EstimateWassersteinExample.RULE);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(begin + 3, end)) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            for (int k = 0; k < cells.length; k++) {
                cells[k] = cells[k].trim();
            }
            assertThat(cells).as(line).hasSize(11);
            rows.add(cells);
        }
        return rows;
    }
}
