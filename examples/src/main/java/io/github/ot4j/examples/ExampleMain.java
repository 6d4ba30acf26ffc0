package io.github.ot4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * How every example's {@code main} ends: normally, or with one line on standard error and a non-zero exit
 * status — never a stack trace. Bad arguments and unreadable files ({@link IllegalArgumentException},
 * {@link IOException}, {@link UncheckedIOException}) exit with {@value #BAD_INPUT}; anything else with
 * {@value #FAILED}, its type named in the line.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     ExampleMain.exit("ExactDistanceExample", () -> run(args));
 * }
 * }</pre>
 * Tests call {@link #run} instead, which returns the status rather than exiting the JVM.
 */
public final class ExampleMain {

    /** The exit status for bad input: an invalid argument or a file that cannot be read, 2. */
    public static final int BAD_INPUT = 2;
    /** The exit status for any other failure, 1. */
    public static final int FAILED = 1;

    /** An example's body. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the example.
         *
         * @throws Exception on failure; its message becomes the one line printed
         */
        void run() throws Exception;
    }

    private ExampleMain() {
    }

    /**
     * Runs the body and exits the JVM with a non-zero status if it fails (returns normally otherwise, so that
     * non-daemon threads such as a plot window keep running).
     *
     * @param program the example's name, the start of the error line
     * @param body    the example
     */
    public static void exit(String program, Body body) {
        int status = run(program, body, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the body; on failure prints {@code program: message} to {@code err}.
     *
     * @param program the example's name
     * @param body    the example
     * @param err     where the error line goes
     * @return 0, {@link #BAD_INPUT} or {@link #FAILED}
     */
    public static int run(String program, Body body, PrintStream err) {
        try {
            body.run();
            return 0;
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println(program + ": " + message(e));
            return BAD_INPUT;
        } catch (Exception e) {
            err.println(program + ": " + e.getClass().getSimpleName() + ": " + message(e));
            return FAILED;
        }
    }

    private static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }
        return m.replace('\n', ' ');
    }
}
