package io.github.ot4j.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/benchmarks.md's generated sections are what {@link BenchToDocs} renders from the committed raw benchmark
 * outputs in docs/bench/: a figure typed or edited by hand, or a section regenerated without committing its raw
 * output, fails the build.
 */
class BenchToDocsTest {

    static final Path DOC = Path.of("../docs/benchmarks.md");

    @TempDir
    Path dir;

    @Test
    void everyGeneratedSectionIsTheRenderingOfItsRawOutput() throws IOException {
        List<String> sections = BenchToDocs.sections(DOC);
        assertThat(sections).contains("critic-bench", "wgan-bench", "footprint");
        for (String name : sections) {
            assertThat(BenchToDocs.rawFile(DOC, name)).as(name).isRegularFile();
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(BenchToDocs.rendered(DOC));
    }

    @Test
    void ganQualitySectionIsTheRenderingOfItsRawOutput() throws IOException {
        Path gan = Path.of("../docs/gan.md");
        assertThat(BenchToDocs.sections(gan)).contains("gan-quality");
        assertThat(Files.readString(gan, StandardCharsets.UTF_8)).isEqualTo(BenchToDocs.rendered(gan));
    }

    @Test
    void aHandEditedNumberIsCaught() throws IOException {
        Path doc = copy();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int table = text.indexOf("\n| ", text.indexOf("<!-- generated:critic-bench -->"));
        int digit = table;
        while (!Character.isDigit(text.charAt(digit))) {
            digit++;
        }
        char changed = text.charAt(digit) == '9' ? '8' : (char) (text.charAt(digit) + 1);
        Files.writeString(doc, text.substring(0, digit) + changed + text.substring(digit + 1), StandardCharsets.UTF_8);
        assertThat(Files.readString(doc, StandardCharsets.UTF_8)).isNotEqualTo(BenchToDocs.rendered(doc));
    }

    @Test
    void savingNewOutputWritesTheRawFileAndTheSection() throws Exception {
        Path doc = copy();
        Path output = Files.writeString(dir.resolve("out.txt"), "Machine: test machine\nprogress line\n\n"
                + "| step | VmRSS MiB |\n| ---: | ---: |\n| 1 | 2 |\n", StandardCharsets.UTF_8);
        BenchToDocs.run(new String[] {doc.toString(), "footprint=" + output + "," + output});
        String raw = Files.readString(BenchToDocs.rawFile(doc, "footprint"), StandardCharsets.UTF_8);
        assertThat(raw).startsWith("Run of ").contains("progress line");
        assertThat(raw.split("Machine:", -1)).hasSize(2); // the repeated machine line is dropped
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(BenchToDocs.rendered(doc)).contains("| 1 | 2 |\n\n| step")
                .doesNotContain("progress line");
    }

    @Test
    void aSectionWithoutItsRawOutputIsAnErrorNamingIt() throws IOException {
        Path doc = copy();
        Files.delete(BenchToDocs.rawFile(doc, "wgan-bench"));
        assertThatThrownBy(() -> BenchToDocs.rendered(doc)).isInstanceOf(IOException.class)
                .hasMessageContaining("wgan-bench");
    }

    /** @return a copy of the document with its raw outputs, in the temporary folder */
    private Path copy() throws IOException {
        Path doc = Files.copy(DOC, dir.resolve("benchmarks.md"));
        Files.createDirectories(dir.resolve("bench"));
        for (String name : BenchToDocs.sections(DOC)) {
            Files.copy(BenchToDocs.rawFile(DOC, name), BenchToDocs.rawFile(doc, name));
        }
        return doc;
    }
}
