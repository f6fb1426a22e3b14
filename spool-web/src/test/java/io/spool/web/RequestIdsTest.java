package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Request ids: a sane one given by the client is kept, anything else is replaced by 96 fresh random bits. */
class RequestIdsTest {
    private final RequestIds ids = new RequestIds();

    @Test
    void aSaneIdIsKeptAndAnInsaneOneReplaced() {
        assertThat(ids.idFor("trace-7:a.b_c")).isEqualTo("trace-7:a.b_c");
        assertThat(ids.idFor("x".repeat(129))).matches("[0-9a-f]{24}");
        assertThat(ids.idFor("new\r\nline")).matches("[0-9a-f]{24}");
        assertThat(ids.idFor("")).matches("[0-9a-f]{24}");
    }

    @Test
    void freshIdsAreDistinctAndEveryDigitVaries() {
        List<String> made = IntStream.range(0, 10_000).mapToObj(i -> ids.idFor(null)).toList();
        assertThat(new HashSet<>(made)).hasSize(made.size());
        // 24 random digits with fewer than 4 distinct ones: about one id in 10^15
        assertThat(made).allSatisfy(id -> assertThat(id.chars().distinct().count()).isGreaterThanOrEqualTo(4));
        for (int position = 0; position < 24; position++) {
            Set<Character> seen = new HashSet<>();
            for (String id : made) {
                seen.add(id.charAt(position));
            }
            assertThat(seen).as("digits seen at position %d", position).hasSize(16);
        }
    }
}
