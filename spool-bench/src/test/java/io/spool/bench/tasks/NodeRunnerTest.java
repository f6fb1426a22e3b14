package io.spool.bench.tasks;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Node runner script ships with the bench and parses ({@code node --check}, no packages needed); the Node
 * peers' names are the ones the report's goals name.
 */
class NodeRunnerTest {
    @Test
    void runnerScriptShipsAndParses(@TempDir Path dir) throws Exception {
        Path script = dir.resolve(NodeContender.RUNNER);
        try (InputStream in = NodeContender.class.getResourceAsStream(NodeContender.RUNNER)) {
            assertThat(in).as("the runner is a resource of the bench").isNotNull();
            Files.copy(in, script);
        }
        assertThat(Files.readString(script)).contains("graphile-batched", "pg-boss", "localQueue");
        Process node;
        try {
            node = new ProcessBuilder("node", "--check", script.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("node is not installed: " + e.getMessage());
            return;
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(out).isZero();
    }

    @Test
    void goalsNameTheContenders() {
        assertThat(TasksReport.GOALS).extracting(TasksReport.Goal::peer)
                .contains(NodeContender.Peer.GRAPHILE_BATCHED.contenderName, NodeContender.Peer.PG_BOSS.contenderName);
        assertThat(NodeContender.PACKAGES.versions()).containsKeys("graphile-worker", "pg-boss");
    }
}
