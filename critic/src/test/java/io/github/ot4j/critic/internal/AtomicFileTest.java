package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void theNextWriteRemovesTheTemporaryFilesOfKilledWrites() throws IOException {
        Files.writeString(folder.resolve("run.ckpt.4242424242.tmp"), "half a checkpoint");
        Files.writeString(folder.resolve("run.ckpt.17.tmp"), "another half");
        Files.writeString(folder.resolve("other.ckpt.17.tmp"), "someone else's");
        Files.writeString(folder.resolve("run.ckpt.tmp.notes"), "not a temporary file");
        AtomicFile.write(folder.resolve("run.ckpt"), text("whole"));
        assertThat(names()).containsExactly("other.ckpt.17.tmp", "run.ckpt", "run.ckpt.tmp.notes");
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
