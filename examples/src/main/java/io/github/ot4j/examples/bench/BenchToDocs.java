package io.github.ot4j.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.ot4j.examples.ExampleMain;

/**
 * Puts benchmark output into docs/benchmarks.md, between the markers {@code <!-- generated:NAME -->} and
 * {@code <!-- /generated:NAME -->}, so that no figure there is typed by hand, and keeps the output it used: each
 * section is rendered from the raw file {@code docs/bench/NAME.txt} (the folder {@code bench} beside the document),
 * which this class writes from the benchmark's output and which is committed with the document. A test
 * ({@code DocTablesTest}) renders every section again from its raw file and fails if the document differs, so a
 * figure edited by hand, or output regenerated without its raw file, is caught by the build.
 *
 * <pre>
 * java ... CriticStepBenchmark &gt; critic.txt; java ... WganBenchmark &gt; wgan.txt
 * java ... BenchToDocs docs/benchmarks.md critic-bench=critic.txt wgan-bench=wgan.txt   # saves and renders
 * java ... BenchToDocs docs/benchmarks.md                                              # renders all again
 * </pre>
 *
 * <p>{@code NAME=a.txt,b.txt} joins several outputs (one per thread count or JVM setting) in order. The raw file
 * starts with {@code Run of <UTC time>} (the time it was saved) and holds the outputs unchanged, except that a
 * {@code Machine:} line equal to the previous output's is dropped. Rendering keeps the machine line, settings
 * lines ({@code Threads ...}, {@code N generator steps ...}, {@code <run> run, ...}) and the markdown tables;
 * progress lines such as {@code gp seed 1: ...} are dropped.
 */
public final class BenchToDocs {

    private static final Pattern SECTION = Pattern.compile(
            "<!-- generated:([A-Za-z0-9_-]+) -->\\n.*?<!-- /generated:\\1 -->", Pattern.DOTALL);
    private static final Pattern SETTINGS = Pattern.compile("^(\\d+ generator steps|\\w+ run, ).*");
    private static final String RUN_OF = "Run of ";

    private BenchToDocs() {
    }

    /**
     * Saves the named outputs and renders every generated section of the document.
     *
     * @param args the document, then {@code NAME=output[,output...]} for each section to refresh
     */
    public static void main(String[] args) {
        ExampleMain.exit("BenchToDocs", () -> run(args));
    }

    static void run(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: BenchToDocs DOC [NAME=output[,output...]]...");
        }
        Path doc = Path.of(args[0]);
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
                Locale.ROOT)) + " UTC";
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected NAME=output[,output...] but got '" + args[i] + "'");
            }
            List<Path> outputs = new ArrayList<>();
            for (String p : args[i].substring(eq + 1).split(",")) {
                outputs.add(Path.of(p));
            }
            Path raw = rawFile(doc, args[i].substring(0, eq));
            Files.createDirectories(raw.getParent());
            Files.writeString(raw, join(stamp, outputs), StandardCharsets.UTF_8);
        }
        Files.writeString(doc, rendered(doc), StandardCharsets.UTF_8);
    }

    /**
     * @param doc  the document
     * @param name a section's name
     * @return the raw output file of the section: {@code bench/NAME.txt} beside the document
     */
    public static Path rawFile(Path doc, String name) {
        Path folder = doc.toAbsolutePath().getParent();
        return folder.resolve("bench").resolve(name + ".txt");
    }

    /**
     * The document with every generated section rendered from its raw file.
     *
     * @param doc the document
     * @return its text as it should be
     * @throws IOException naming the section whose raw file is missing
     */
    public static String rendered(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(text);
        while (m.find()) {
            Path raw = rawFile(doc, m.group(1));
            if (!Files.isRegularFile(raw)) {
                throw new IOException(doc + ": section " + m.group(1) + " has no raw benchmark output " + raw);
            }
            blocks.put(m.group(1), block(m.group(1), Files.readString(raw, StandardCharsets.UTF_8)));
        }
        return SECTION.matcher(text).replaceAll(r -> Matcher.quoteReplacement(blocks.get(r.group(1))));
    }

    /**
     * @param doc the document
     * @return the names of its generated sections, in order
     * @throws IOException if it cannot be read
     */
    public static List<String> sections(Path doc) throws IOException {
        List<String> names = new ArrayList<>();
        Matcher m = SECTION.matcher(Files.readString(doc, StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The raw file's text: the stamp line, then the outputs. */
    static String join(String stamp, List<Path> outputs) throws IOException {
        StringBuilder raw = new StringBuilder(RUN_OF).append(stamp).append('\n');
        String machine = null;
        for (Path output : outputs) {
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                if (line.startsWith("Machine:")) {
                    if (line.equals(machine)) {
                        continue;
                    }
                    machine = line;
                }
                raw.append(line).append('\n');
            }
            raw.append('\n');
        }
        return raw.toString();
    }

    /**
     * A section rendered from its raw file.
     *
     * @param name the section's name
     * @param raw  the raw file's text
     * @return the block from its begin marker to its end marker
     */
    static String block(String name, String raw) {
        List<String> lines = new ArrayList<>(List.of(raw.split("\n", -1)));
        String stamp = !lines.isEmpty() && lines.get(0).startsWith(RUN_OF)
                ? lines.remove(0).substring(RUN_OF.length()) : "an unknown date";
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String s = line.stripTrailing();
            if (s.startsWith("Machine:") || s.startsWith("Threads ") || s.startsWith("|")
                    || SETTINGS.matcher(s).matches()) {
                kept.add(s);
            } else if (s.isEmpty() && !kept.isEmpty() && !kept.get(kept.size() - 1).isEmpty()) {
                kept.add("");
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        return "<!-- generated:" + name + " -->\n" + RUN_OF + stamp + " (generated by BenchToDocs from docs/bench/"
                + name + ".txt, the benchmark's output):\n\n" + String.join("\n", kept) + "\n<!-- /generated:" + name
                + " -->";
    }
}
