package io.github.ot4j.critic.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A JVM that starts an {@link AtomicFile} write and never finishes it, for {@link AtomicFileTest}: writes half of
 * the content, prints {@code writing}, then waits until it is killed, holding its temporary file.
 */
public final class BlockedWriterMain {

    private BlockedWriterMain() {
    }

    /**
     * @param args the target file
     * @throws IOException          if the write fails
     * @throws InterruptedException never in practice: the test kills this JVM
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        AtomicFile.write(Path.of(args[0]), out -> {
            out.write("half a checkpoint".getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
        });
    }
}
