package io.github.ot4j.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ot4j-core as a JPMS module: a tiny consumer module that {@code requires io.github.ot4j.core} is compiled
 * and launched with {@code java --module-path ... -m}, nothing else on the command line. Without a real
 * module descriptor (an automatic module) ojAlgo is not resolved and {@code ExactSolvers.ojAlgo()} fails
 * with a {@code NoClassDefFoundError}.
 */
class ModularConsumerTest {

    private static final String MODULE_INFO = """
            module consumer {
                requires io.github.ot4j.core;
            }
            """;

    private static final String MAIN = """
            package consumer;

            import io.github.ot4j.core.DiscreteMeasure;
            import io.github.ot4j.core.ExactSolvers;
            import io.github.ot4j.core.GroundCost;
            import io.github.ot4j.core.TransportProblem;

            public final class Main {
                public static void main(String[] args) {
                    DiscreteMeasure mu = DiscreteMeasure.uniform(new double[][] {{0}, {1}});
                    DiscreteMeasure nu = DiscreteMeasure.uniform(new double[][] {{2}, {3}});
                    double value = ExactSolvers.ojAlgo().solve(TransportProblem.of(mu, nu, GroundCost.euclidean()))
                            .value();
                    System.out.println(ExactSolvers.class.getModule().getDescriptor().isAutomatic());
                    System.out.println(value);
                }
            }
            """;

    private static final String INTERNAL_USER = """
            package consumer;

            public final class Internal {
                static Object checks = io.github.ot4j.core.internal.Checks.class;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theOjAlgoSolverRunsOnTheModulePath() throws Exception {
        Path out = compile(MAIN);
        Result run = run(List.of(java("java"), "--module-path", out + File.pathSeparator + modulePath(),
                "-m", "consumer/consumer.Main"));
        assertThat(run.exit).as("exit code; stderr:%n%s", run.stderr).isZero();
        String[] lines = run.stdout.strip().split("\\R");
        assertThat(lines).as("stdout; stderr:%n%s", run.stderr).hasSize(2);
        assertThat(lines[0]).as("the module is automatic").isEqualTo("false");
        // W1 between uniform {0, 1} and {2, 3} on the line: each unit of mass moves by 2
        assertThat(Double.parseDouble(lines[1])).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void theInternalPackageIsNotExported() throws Exception {
        Path src = sources(INTERNAL_USER);
        Result javac = javac(src, dir.resolve("internal-out"));
        assertThat(javac.exit).as("javac accepted a use of core.internal").isNotZero();
        assertThat(javac.stdout + javac.stderr).contains("io.github.ot4j.core.internal")
                .contains("does not export");
    }

    /** A package added later is exported too, unless it is internal: the descriptor is checked against the classes. */
    @Test
    void everyPackageButInternalIsExported() throws IOException {
        Path classes = Path.of(System.getProperty("ot4j.core.classes", "target/classes")).toAbsolutePath();
        ModuleDescriptor descriptor;
        try (var in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        Set<String> packages = new TreeSet<>();
        try (var files = Files.walk(classes)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class"))
                    .forEach(p -> packages.add(classes.relativize(p.getParent()).toString()
                            .replace(File.separatorChar, '.')));
        }
        Set<String> exported = new TreeSet<>();
        descriptor.exports().forEach(e -> {
            assertThat(e.isQualified()).as("export of %s", e.source()).isFalse();
            exported.add(e.source());
        });
        packages.removeIf(p -> p.endsWith(".internal"));
        assertThat(descriptor.name()).isEqualTo("io.github.ot4j.core");
        assertThat(exported).isEqualTo(packages);
        assertThat(descriptor.requires()).anyMatch(r -> r.name().equals("ojalgo"));
    }

    private Path compile(String main) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Result javac = javac(sources(main), out);
        assertThat(javac.exit).as("javac: %s%s", javac.stdout, javac.stderr).isZero();
        return out;
    }

    private Path sources(String main) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("consumer"));
        Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("consumer").resolve(main.contains("class Main") ? "Main.java" : "Internal.java"),
                main);
        return src;
    }

    private Result javac(Path src, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java("javac"), "-d", out.toString(), "--module-path",
                modulePath()));
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> command.add(p.toString()));
        }
        return run(command);
    }

    /** @return ot4j-core's compiled classes (with their module descriptor) and the ojAlgo jar */
    private static String modulePath() {
        Path classes = Path.of(System.getProperty("ot4j.core.classes", "target/classes")).toAbsolutePath();
        assertThat(classes.resolve("module-info.class")).exists();
        try {
            Path ojalgo = Path.of(org.ojalgo.OjAlgoUtils.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return classes + File.pathSeparator + ojalgo;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String java(String tool) {
        Path bin = Path.of(System.getProperty("java.home"), "bin", tool);
        assertThat(bin).as("the JDK running the tests has %s", tool).exists();
        return bin.toString();
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        int exit = builder.start().waitFor();
        return new Result(exit, Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String stdout, String stderr) {
    }
}
