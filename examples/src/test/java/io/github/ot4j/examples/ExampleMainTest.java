package io.github.ot4j.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every example's main ends bad input with one line on standard error and exit status 2, never a stack trace:
 * in-process through {@link ExampleMain#run} (no {@code System.exit}), and end to end by launching each main in
 * a JVM of its own.
 */
class ExampleMainTest {

    @TempDir
    Path dir;

    @Test
    void badInputIsOneLineAndStatus2() {
        Path missing = dir.resolve("missing.csv");
        Run run = inProcess(() -> ExactDistanceExample.run(new String[] {missing.toString()}));
        assertThat(run.status).isEqualTo(ExampleMain.BAD_INPUT);
        assertThat(run.err).isEqualTo("ExactDistanceExample: cannot read " + missing + ": no such file\n");
    }

    @Test
    void aMalformedFileOrAnUnknownCostNamesTheProblem() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "set,i,w,p0\nx,0,1,0\nx,0.5,1,1\n");
        Run run = inProcess(() -> ExactDistanceExample.run(new String[] {bad.toString()}));
        assertThat(run.status).isEqualTo(ExampleMain.BAD_INPUT);
        assertThat(run.err).isEqualTo("ExactDistanceExample: " + bad + ":3: index '0.5' is not an integer\n");
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "set,i,w,p0\nx,0,1,0\ny,0,1,1\n");
        Run cost = inProcess(() -> ExactDistanceExample.run(new String[] {good.toString(), "cosine"}));
        assertThat(cost.status).isEqualTo(ExampleMain.BAD_INPUT);
        assertThat(cost.err).startsWith("ExactDistanceExample: name must be one of").contains("'cosine'")
                .hasLineCount(1);
    }

    @Test
    void anyOtherFailureIsOneLineNamingItsTypeAndStatus1() {
        Run run = inProcess(() -> {
            throw new IllegalStateException("first line\nsecond line");
        });
        assertThat(run.status).isEqualTo(ExampleMain.FAILED);
        assertThat(run.err).isEqualTo("ExactDistanceExample: IllegalStateException: first line second line\n");
        assertThat(inProcess(() -> { }).status).isZero();
    }

    @Test
    void fileSystemErrorsNameTheFileAndTheReason() {
        assertThat(ExampleMain.message(new NoSuchFileException("a.csv"))).isEqualTo("a.csv: no such file");
        assertThat(ExampleMain.message(new UncheckedIOException(new NoSuchFileException("a.csv"))))
                .isEqualTo("a.csv: no such file");
        assertThat(ExampleMain.message(new UncheckedIOException("cannot write b.png",
                new java.nio.file.AccessDeniedException("b.png")))).isEqualTo("cannot write b.png: permission denied");
        assertThat(ExampleMain.message(new IOException())).isEqualTo("ioexception");
    }

    @Test
    void argumentsAreCheckedWithTheirNames() {
        assertThat(ExampleMain.intArgument(new String[0], 0, "iterations", 600, 1)).isEqualTo(600);
        assertThat(ExampleMain.intArgument(new String[] {" 7 "}, 0, "iterations", 600, 1)).isEqualTo(7);
        assertThat(ExampleMain.doubleArgument(new String[] {"2.5"}, 0, "seconds", 60, 0)).isEqualTo(2.5);
        for (String bad : new String[] {"abc", "0", "-3", "1.5", ""}) {
            assertThatThrownBy(() -> ExampleMain.intArgument(new String[] {bad}, 0, "iterations", 600, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("iterations must be an integer >= 1 but is '" + bad + "'");
        }
        for (String bad : new String[] {"abc", "-1", "NaN", "Infinity", ""}) {
            assertThatThrownBy(() -> ExampleMain.doubleArgument(new String[] {bad}, 0, "seconds", 60, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("seconds must be a finite number >= 0.0 but is '" + bad + "'");
        }
        assertThatThrownBy(() -> ExampleMain.noMoreThan(new String[] {"1", "2"}, 1, "X [seconds]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected at most 1 argument but got 2; usage: X [seconds]");
    }

    /** Each main, launched as a user would: exit status 2 and exactly one line on standard error. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ExactDistanceExample|no-such-file.csv|ExactDistanceExample: cannot read no-such-file.csv: no such file",
        "TwoStepTargetsExample|extra|TwoStepTargetsExample: expected at most 0 arguments but got 1",
        "critic.EstimateWassersteinExample|abc|EstimateWassersteinExample: budget must be an integer >= 1 but "
            + "is 'abc'",
        "gan.WganDigitsExample|-1|WganDigitsExample: seconds must be a finite number >= 0.0 but is '-1'",
        "gan.WganTsEightGaussiansDemo|NaN|WganTsEightGaussiansDemo: steps must be an integer >= 1 but is 'NaN'"})
    void everyMainExitsWithStatus2AndOneLine(String main, String argument, String line) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.github.ot4j.examples." + main,
                argument));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        int status = builder.start().waitFor();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(status).as("exit status; stderr:%n%s", stderr).isEqualTo(ExampleMain.BAD_INPUT);
        assertThat(stderr.lines()).as("stderr").hasSize(1).first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith(line);
        assertThat(Files.readString(out)).as("stdout").isEmpty();
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("out.txt", "err.txt");
    }

    private static Run inProcess(ExampleMain.Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ExampleMain.run("ExactDistanceExample", body, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String err) {
    }
}
