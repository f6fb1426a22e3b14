package io.spool.bench.stack;

import java.util.Arrays;
import java.util.List;

/**
 * TechEmpower's database test types as {@code ./spool bench stack} requests them: the multiple-query, update and
 * cached-query tests at 20 rows a request, as TechEmpower's own runs most often report them.
 */
public enum TestType {
    DB("db", "/db"), QUERIES("queries", "/queries?queries=20"), FORTUNES("fortunes", "/fortunes"),
    UPDATES("updates", "/updates?queries=20"), CACHED("cached", "/cached-queries?count=20");

    /** The request target wrk sends. */
    public final String target;
    private final String id;

    TestType(String id, String target) {
        this.id = id;
        this.target = target;
    }

    /** The lower-case name used by {@code --tests} and in the tables. */
    public String id() {
        return id;
    }

    /** A comma-separated list of ids such as {@code db,fortunes}; an unknown id is a clear error. */
    static List<TestType> parse(String ids) {
        return Arrays.stream(ids.split(",")).map(String::strip).map(id -> Arrays.stream(values())
                .filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "--tests takes " + Arrays.stream(values()).map(TestType::id).toList() + ", not '" + id + "'")))
                .toList();
    }
}
