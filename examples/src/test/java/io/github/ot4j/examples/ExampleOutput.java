package io.github.ot4j.examples;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Base of the examples' tests: what an example prints is captured (tests print nothing) and its files go to a
 * temporary folder (the {@code ot4j.output} property).
 */
public abstract class ExampleOutput {

    /** The folder the example writes its files to. */
    @TempDir
    protected Path dir;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty("ot4j.output", dir.toString());
    }

    @AfterEach
    void restore() {
        System.setOut(original);
        System.clearProperty("ot4j.output");
    }

    /** @return what the example printed so far */
    protected String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
