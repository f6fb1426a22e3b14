package io.spool.memes.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests the service answered, in total and by status code, for {@code GET /stats}. Fed by an
 * after-filter, so it sees every answer a handler or an error mapper gave (not those the event loop gives on its
 * own, such as a malformed request line).
 */
final class RequestStats {
    private final LongAdder total = new LongAdder();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    void count(int status) {
        total.increment();
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    long total() {
        return total.sum();
    }

    Map<String, Long> byStatus() {
        Map<String, Long> out = new TreeMap<>();
        byStatus.forEach((status, n) -> out.put(Integer.toString(status), n.sum()));
        return out;
    }
}
