package io.spool.pg.protocol;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The per-connection LRU cache of prepared statements, keyed by SQL and parameter type hints. When it is full
 * the least recently used ready statement is evicted and handed to a closer, which deallocates it on the server.
 */
final class StatementCache {
    static final int DEFAULT_CAPACITY = 256;

    private record Key(String sql, int[] hints) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.sql.equals(sql) && Arrays.equals(k.hints, hints);
        }

        @Override
        public int hashCode() {
            return sql.hashCode() * 31 + Arrays.hashCode(hints);
        }
    }

    private final int capacity;
    private final LinkedHashMap<Key, PreparedStatement> map = new LinkedHashMap<>(64, 0.75f, true);
    private long counter;

    StatementCache(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    PreparedStatement get(String sql, int[] hints) {
        return map.get(new Key(sql, hints));
    }

    PreparedStatement create(String sql, int[] hints, Consumer<PreparedStatement> closer) {
        PreparedStatement statement = new PreparedStatement("s" + (++counter), sql, hints);
        map.put(new Key(sql, hints), statement);
        if (map.size() > capacity) {
            Iterator<Map.Entry<Key, PreparedStatement>> it = map.entrySet().iterator();
            while (it.hasNext() && map.size() > capacity) {
                PreparedStatement eldest = it.next().getValue();
                if (eldest != statement && eldest.state == PreparedStatement.State.READY) {
                    it.remove();
                    closer.accept(eldest);
                }
            }
        }
        return statement;
    }

    boolean remove(PreparedStatement statement) {
        return map.remove(new Key(statement.sql, statement.hintOids), statement);
    }

    int size() {
        return map.size();
    }
}
