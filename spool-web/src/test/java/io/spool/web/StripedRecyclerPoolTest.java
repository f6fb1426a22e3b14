package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Jackson's buffers shared by handlers on fresh virtual threads: reused, bounded, never handed out twice. */
class StripedRecyclerPoolTest {
    @Test
    void aThreadGetsBackTheBuffersItReturned() {
        StripedRecyclerPool pool = new StripedRecyclerPool(2);
        BufferRecycler first = pool.acquirePooled();
        pool.releasePooled(first);
        assertThat(pool.pooledCount()).isEqualTo(1);
        assertThat(pool.acquirePooled()).isSameAs(first);
        assertThat(pool.pooledCount()).isZero();
    }

    @Test
    void anotherThreadGetsThemToo() throws InterruptedException {
        StripedRecyclerPool pool = new StripedRecyclerPool(2);
        BufferRecycler first = pool.acquirePooled();
        pool.releasePooled(first);
        BufferRecycler[] second = new BufferRecycler[1];
        Thread.ofVirtual().start(() -> second[0] = pool.acquirePooled()).join();
        assertThat(second[0]).isSameAs(first);
    }

    @Test
    void aBufferInUseIsNeverHandedOutAgainAndTheSlotsBoundWhatIsKept() {
        StripedRecyclerPool pool = new StripedRecyclerPool(1);   // 4 slots
        Set<BufferRecycler> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 10; i++) {
            assertThat(taken.add(pool.acquirePooled())).isTrue();
        }
        taken.forEach(pool::releasePooled);
        assertThat(pool.pooledCount()).isEqualTo(4);   // six were dropped
        Set<BufferRecycler> again = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 5; i++) {
            assertThat(again.add(pool.acquirePooled())).isTrue();
        }
        assertThat(again.stream().filter(taken::contains).count()).isEqualTo(4);
        assertThat(pool.pooledCount()).isZero();
    }

    @Test
    void manyVirtualThreadsWriteAndReadJsonCorrectlyThroughOnePool() throws Exception {
        StripedRecyclerPool pool = new StripedRecyclerPool(2);
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder().recyclerPool(pool).build());
        List<Future<Boolean>> results = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5000; i++) {
                String text = "message " + i + " " + "x".repeat(i % 300);
                results.add(threads.submit(() -> {
                    byte[] json = mapper.writeValueAsBytes(Map.of("text", text));
                    return mapper.readValue(json, Map.class).get("text").equals(text);
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        }
        assertThat(pool.pooledCount()).isBetween(1, 8);
    }
}
