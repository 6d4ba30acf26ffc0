package io.github.ot4j.critic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryGuardTest {

    private static final long MIB = 1L << 20;

    @Test
    void theSettingIsTheDefaultRuleOffOrASize() {
        assertThat(MemoryGuard.headroomSetting(null)).isEqualTo(-1);
        assertThat(MemoryGuard.headroomSetting("off")).isZero();
        assertThat(MemoryGuard.headroomSetting(" OFF ")).isZero();
        assertThat(MemoryGuard.headroomSetting("0")).isZero();
        assertThat(MemoryGuard.headroomSetting("512m")).isEqualTo(512 * MIB);
        assertThat(MemoryGuard.headroomSetting("2G")).isEqualTo(2048 * MIB);
        assertThat(MemoryGuard.headroomSetting("64k")).isEqualTo(64 * 1024);
        assertThat(MemoryGuard.headroomSetting("1000")).isEqualTo(1000);
        for (String bad : new String[] {"", "lots", "-1m", "1.5g", "1t", "99999999999g"}) {
            assertThatThrownBy(() -> MemoryGuard.headroomSetting(bad)).as(bad)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(MemoryGuard.HEADROOM_PROPERTY).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void theDefaultHeadroomIsTheLargerOf256MibAndHalfOfWhatIsInUse() {
        assertThat(MemoryGuard.threshold(300 * MIB, -1)).isEqualTo(556 * MIB);
        assertThat(MemoryGuard.threshold(512 * MIB, -1)).isEqualTo(768 * MIB);
        assertThat(MemoryGuard.threshold(8192 * MIB, -1)).isEqualTo(12288 * MIB); // a big JVM: rare collections
        assertThat(MemoryGuard.threshold(300 * MIB, 100 * MIB)).isEqualTo(400 * MIB); // the user's fixed headroom
        assertThat(MemoryGuard.threshold(Long.MAX_VALUE - 1, -1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theLibrarysSetUpStartsTheGuard() {
        Nd4jSetup.ensure();
        if (System.getProperty(MemoryGuard.HEADROOM_PROPERTY) == null) {
            assertThat(MemoryGuard.running()).isTrue();
            assertThat(MemoryGuard.describe()).startsWith("memory guard: headroom max(256 MiB, RSS/2), ");
        }
    }
}
