package io.spool.memes.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.memes.model.TemplateInfo;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two catalogues on one database, polling only once an hour: a change made through one reaches the other within
 * two seconds, which only {@code LISTEN/NOTIFY} can do; every write takes a new version; create does not
 * replace; a deleted template is gone on both.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseTemplatesTest {
    private static final Duration NO_POLL = Duration.ofHours(1);

    @Test
    void changesReachTheOtherInstanceByNotification(TestDatabase db) throws Exception {
        try (DatabaseTemplates a = DatabaseTemplates.start(db.url(), NO_POLL);
             DatabaseTemplates b = DatabaseTemplates.start(db.url(), NO_POLL)) {
            Thread.sleep(300);   // b's listener connects and LISTENs
            TemplateInfo info = new TemplateInfo("Notified", "test", List.of("k"), List.of(), List.of(), Set.of(), List.of());
            byte[] picture = {1, 2, 3};
            assertThat(a.put(new DatabaseTemplates.Stored("notified", "image/png", 3, 1, 1, 0, info), picture, true)).isTrue();
            assertThat(a.put(new DatabaseTemplates.Stored("notified", "image/png", 3, 1, 1, 0, info), picture, true))
                    .as("create does not replace").isFalse();
            long first = waitFor(b, "notified", true).version();
            assertThat(b.find("notified").orElseThrow().image().bytes()).containsExactly(1, 2, 3);
            assertThat(b.find("notified").orElseThrow().info().title()).isEqualTo("Notified");
            a.put(new DatabaseTemplates.Stored("notified", "image/png", 4, 1, 1, 0, info), new byte[] {4, 5, 6, 7}, false);
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (b.stored("notified").orElseThrow().version() == first) {
                assertThat(System.nanoTime()).as("the replacement reached b").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(b.find("notified").orElseThrow().image().bytes()).hasSize(4);
            assertThat(a.delete("notified")).isTrue();
            waitFor(b, "notified", false);
            assertThat(a.delete("notified")).isFalse();
        }
    }

    private static DatabaseTemplates.Stored waitFor(DatabaseTemplates db, String name, boolean present)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (db.stored(name).isPresent() != present) {
            assertThat(System.nanoTime()).as("the change reached the other instance within 2 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        return db.stored(name).orElse(null);
    }
}
