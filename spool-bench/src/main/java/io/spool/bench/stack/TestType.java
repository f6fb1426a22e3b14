package io.spool.bench.stack;

import java.util.Arrays;
import java.util.List;

/**
 * TechEmpower's database test types as {@code ./spool bench stack} requests them: the multiple-query and update
 * tests at 20 rows a request, as TechEmpower's own runs most often report them.
 */
public enum TestType {
    DB("/db"), QUERIES("/queries?queries=20"), FORTUNES("/fortunes"), UPDATES("/updates?queries=20");

    /** The request target wrk sends. */
    public final String target;

    TestType(String target) {
        this.target = target;
    }

    /** The lower-case name used by {@code --tests} and in the tables. */
    public String id() {
        return name().toLowerCase();
    }

    /** A comma-separated list of ids such as {@code db,fortunes}; an unknown id is a clear error. */
    static List<TestType> parse(String ids) {
        return Arrays.stream(ids.split(",")).map(String::strip).map(id -> Arrays.stream(values())
                .filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "--tests takes db, queries, fortunes and updates, not '" + id + "'"))).toList();
    }
}
