package io.github.ot4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
 * Tests call {@link #run} instead, which returns the status rather than exiting the JVM. The argument helpers
 * ({@link #noMoreThan}, {@link #intArgument}, {@link #doubleArgument}) turn a bad argument into an
 * {@link IllegalArgumentException} whose message names the argument, the value and the usage.
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

    /**
     * Refuses more than {@code max} arguments.
     *
     * @param args  the arguments
     * @param max   the most the example takes
     * @param usage the example's usage line, for the message
     * @throws IllegalArgumentException if there are more
     */
    public static void noMoreThan(String[] args, int max, String usage) {
        if (args.length > max) {
            throw new IllegalArgumentException("expected at most " + max + " argument" + (max == 1 ? "" : "s")
                    + " but got " + args.length + "; usage: " + usage);
        }
    }

    /**
     * An optional integer argument.
     *
     * @param args         the arguments
     * @param index        its position
     * @param name         its name, for the message
     * @param defaultValue the value when it is absent
     * @param min          the smallest value allowed
     * @return the value
     * @throws IllegalArgumentException naming the argument if it is not an integer ≥ {@code min}
     */
    public static int intArgument(String[] args, int index, String name, int defaultValue, int min) {
        if (args.length <= index) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(args[index].trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be an integer >= " + min + " but is '" + args[index] + "'");
    }

    /**
     * An optional number argument.
     *
     * @param args         the arguments
     * @param index        its position
     * @param name         its name, for the message
     * @param defaultValue the value when it is absent
     * @param min          the smallest value allowed
     * @return the value
     * @throws IllegalArgumentException naming the argument if it is not a finite number ≥ {@code min}
     */
    public static double doubleArgument(String[] args, int index, String name, double defaultValue, double min) {
        if (args.length <= index) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(args[index].trim());
            if (value >= min && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a finite number >= " + min + " but is '" + args[index]
                + "'");
    }

    /** The one line for a failure: its message, with the file and the reason for file-system errors. */
    static String message(Throwable e) {
        String m;
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            IOException cause = (IOException) e.getCause();
            String outer = e.getMessage();
            m = outer == null || outer.equals(cause.toString()) ? describe(cause) : outer + ": " + reason(cause);
        } else if (e instanceof IOException io) {
            m = describe(io);
        } else {
            m = e.getMessage();
        }
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return e.getMessage();
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemException || e.getMessage() == null) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage();
    }
}
