package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    private static AtomicFile.Body text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteReplacesTheFileAndLeavesNothingElse() throws IOException {
        Path file = folder.resolve("run.ckpt");
        AtomicFile.write(file, text("one"));
        AtomicFile.write(file, text("two"));
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(names()).containsExactly("run.ckpt");
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path file = folder.resolve("run.ckpt");
        AtomicFile.write(file, text("good"));
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("good");
        assertThat(names()).containsExactly("run.ckpt");
    }

    /** A killed write (the JVM died mid-write) leaves its temporary file; the next write removes it. */
    @Test
    void theNextWriteRemovesTheTemporaryFileOfAKilledWriter() throws Exception {
        Path file = folder.resolve("run.ckpt");
        Process writer = startBlockedWriter(file);
        Path leftover = temporaryOf(file);
        writer.destroyForcibly().waitFor();
        assertThat(leftover).exists();
        AtomicFile.write(file, text("whole"));
        assertThat(names()).containsExactly("run.ckpt");
        assertThat(Files.readString(file)).isEqualTo("whole");
    }

    /** Reading a checkpoint calls {@link AtomicFile#removeStale}; a process id that is gone marks a leftover. */
    @Test
    void removeStaleRemovesLeftoversOfGoneProcessesAndNothingElse() throws Exception {
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        long dead = gone.pid();
        long self = ProcessHandle.current().pid();
        Files.writeString(folder.resolve("run.ckpt." + dead + "-123.tmp"), "half");
        Files.writeString(folder.resolve("run.ckpt." + self + "-7.tmp"), "an earlier process with our id");
        Path legacyOld = Files.writeString(folder.resolve("run.ckpt.4242424242.tmp"), "old format, old");
        Files.setLastModifiedTime(legacyOld, FileTime.from(Instant.now().minusSeconds(2 * 3600)));
        Files.writeString(folder.resolve("run.ckpt.17.tmp"), "old format, recent: maybe a live writer");
        Files.writeString(folder.resolve("other.ckpt." + dead + "-1.tmp"), "someone else's");
        Files.writeString(folder.resolve("run.ckpt.tmp.notes"), "not a temporary file");
        Files.writeString(folder.resolve("run.ckpt"), "the checkpoint");
        assertThat(AtomicFile.removeStale(folder.resolve("run.ckpt"))).isEqualTo(3);
        assertThat(names()).containsExactly("other.ckpt." + dead + "-1.tmp", "run.ckpt", "run.ckpt.17.tmp",
                "run.ckpt.tmp.notes");
        assertThat(AtomicFile.removeStale(folder.resolve("missing-folder").resolve("x.ckpt"))).isZero();
    }

    /** A writer in another JVM that is alive and holds its lock keeps its file, however old the file is. */
    @Test
    void aLiveWriterInAnotherProcessKeepsItsTemporaryFile() throws Exception {
        Path file = folder.resolve("run.ckpt");
        Process writer = startBlockedWriter(file);
        try {
            Path live = temporaryOf(file);
            Files.setLastModifiedTime(live, FileTime.from(Instant.now().minusSeconds(3600)));
            AtomicFile.write(file, text("mine"));
            assertThat(live).exists();
            assertThat(Files.readString(file)).isEqualTo("mine");
            assertThat(AtomicFile.removeStale(file)).isZero();
        } finally {
            writer.destroyForcibly().waitFor();
        }
        assertThat(AtomicFile.removeStale(file)).isEqualTo(1); // once killed, its file is stale
        assertThat(names()).containsExactly("run.ckpt");
    }

    /** Two threads of one JVM: the second write leaves the first one's temporary file alone. */
    @Test
    void aLiveWriterInThisJvmKeepsItsTemporaryFile() throws Exception {
        Path file = folder.resolve("run.ckpt");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> {
                AtomicFile.write(file, out -> {
                    out.write("first".getBytes(StandardCharsets.UTF_8));
                    writing.countDown();
                    try {
                        proceed.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                });
                return null;
            });
            writing.await();
            Path live = temporaryOf(file);
            AtomicFile.write(file, text("second"));
            assertThat(live).exists();
            proceed.countDown();
            first.get();
        } finally {
            proceed.countDown();
            pool.shutdownNow();
        }
        assertThat(Files.readString(file)).isEqualTo("first");
        assertThat(names()).containsExactly("run.ckpt");
    }

    private static Process startBlockedWriter(Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BlockedWriterMain.class.getName(), file.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"writing".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the writer printed '" + line + "' instead of 'writing'");
        }
        return p;
    }

    /** @return the one temporary file of the target now in its folder */
    private Path temporaryOf(Path file) throws IOException {
        String prefix = file.getFileName() + ".";
        List<String> temporaries = names().stream().filter(n -> n.startsWith(prefix) && n.endsWith(".tmp"))
                .toList();
        assertThat(temporaries).hasSize(1);
        assertThat(temporaries.get(0)).matches(java.util.regex.Pattern.quote(prefix) + "[0-9]+-[0-9]+\\.tmp");
        return folder.resolve(temporaries.get(0));
    }

    @Test
    void theFolderIsForcedAfterTheRename() throws IOException {
        Path file = folder.resolve("sub").resolve("run.ckpt");
        List<String> seen = new ArrayList<>();
        AtomicFile.write(file, text("content"), dir -> {
            seen.add(dir + " holds " + Files.readString(file));
        });
        assertThat(seen).containsExactly(file.getParent() + " holds content");
        AtomicFile.write(file, text("again")); // the real sync works on this platform's folders
        assertThat(Files.readString(file)).isEqualTo("again");
    }

    @Test
    void aFolderAsTargetIsAnIoExceptionNamingIt() {
        assertThatThrownBy(() -> AtomicFile.write(folder, text("x"))).isInstanceOf(IOException.class)
                .hasMessageContaining(folder.toString()).hasMessageContaining("folder");
    }
}
