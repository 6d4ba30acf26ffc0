package io.github.ot4j.examples;

import java.nio.file.Path;

/** Where the examples write their plots: the system property {@code ot4j.output}, else {@code ot4j-output}. */
public final class OutputFolder {

    private OutputFolder() {
    }

    /** @return the folder for plots and CSV files (not created here) */
    public static Path get() {
        return Path.of(System.getProperty("ot4j.output", "ot4j-output"));
    }
}
