package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A server turns Netty's leak detector off (its sampled stack traces cost a few per cent of CPU) unless the JVM
 * was started asking for a level, which it then keeps; each case in a JVM of its own, since the level is global.
 */
class LeakDetectionTest {
    @Test
    void aServerTurnsLeakDetectionOffByDefault() throws Exception {
        try (ChildServer child = new ChildServer()) {
            assertThat(child.leakDetection).isEqualTo("DISABLED");
        }
    }

    @Test
    void aLevelAskedForOnTheCommandLineIsKept() throws Exception {
        try (ChildServer child = new ChildServer("-Dio.netty.leakDetection.level=paranoid")) {
            assertThat(child.leakDetection).isEqualTo("PARANOID");
        }
    }
}
