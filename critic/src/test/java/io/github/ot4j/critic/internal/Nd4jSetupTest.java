package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

class Nd4jSetupTest {

    @Test
    void oneThreadUnlessTheUserSaidOtherwise() {
        assertThat(Nd4jSetup.threads(null, null)).isEqualTo(1);
        assertThat(Nd4jSetup.threads("4", null)).isZero(); // OMP_NUM_THREADS set: nd4j's own reading stands
        assertThat(Nd4jSetup.threads("4", "2")).isEqualTo(2);
        assertThat(Nd4jSetup.threads(null, " 3 ")).isEqualTo(3);
        assertThatThrownBy(() -> Nd4jSetup.threads(null, "0")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Nd4jSetup.THREADS_PROPERTY).hasMessageContaining("'0'");
        assertThatThrownBy(() -> Nd4jSetup.threads(null, "many")).hasMessageContaining("'many'");
    }

    @Test
    void missingBackendNamesTheArtifacts() {
        String m = Nd4jSetup.missingBackendMessage("linux-x86_64", new NoClassDefFoundError("org/bytedeco/x"));
        assertThat(m).contains("org.nd4j:nd4j-native:1.0.0-M2.1", "classifier linux-x86_64",
                "org.nd4j:nd4j-cuda-11.6", "org/bytedeco/x");
    }

    @Test
    void platformIsJavacppsName() {
        assertThat(Nd4jSetup.platform()).matches("(linux|macosx|windows)-[a-z0-9_]+");
        if ("amd64".equals(System.getProperty("os.arch")) && "Linux".equals(System.getProperty("os.name"))) {
            assertThat(Nd4jSetup.platform()).isEqualTo("linux-x86_64");
        }
    }

    @Test
    void ensureSetsTheAllocatorPropertyAndOneThread() {
        Nd4jSetup.ensure();
        assertThat(System.getProperty(Nd4jSetup.MAX_PHYSICAL_BYTES)).isNotNull();
        if (System.getProperty(Nd4jSetup.THREADS_PROPERTY) == null) { // the build also sets OMP_NUM_THREADS=1
            assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()).isEqualTo(1);
            assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(1);
        }
        assertThat(Nd4jSetup.describe()).contains("OpenMP threads", "OpenBLAS 0.3.", "core ");
        Nd4jSetup.ensure(); // idempotent
    }
}
