package io.spool.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one running contender against TechEmpower's validation rules (its toolset's {@code verifications.py} and
 * the fortunes parser, BSD-3, see NOTICE), made strict where the validator only warns: every answer has status
 * 200, {@code Server}, a current {@code Date}, a {@code Content-Type} of the test's kind and a
 * {@code Content-Length} or {@code Transfer-Encoding}; {@code /db} gives one {@code {"id","randomNumber"}} object,
 * {@code /queries}, {@code /updates} and {@code /cached-queries} an array of them sized by the clamped
 * {@code queries} (or {@code count}) parameter (for {@code 0}, {@code foo}, empty, {@code 501}, {@code 20}), every
 * number from 1 to 10,000; the rows read match the table ({@code cachedworld} for the cached ones); {@code /fortunes} equals the validator's page once normalized; and {@code /updates} left the numbers it
 * returns in the table, read back through pgjdbc. A broken rule throws {@link Failure} naming contender, URL and rule.
 */
public final class StackCheck {
    /** The {@code queries} values the validator sends, with the row count each must give. */
    private static final Map<String, Integer> QUERY_CASES = orderedCases();
    private static final Pattern JSON_TYPE = Pattern.compile("^application/json(; ?charset=(UTF|utf)-8)?$");
    private static final Pattern HTML_TYPE = Pattern.compile("^text/html; ?charset=(UTF|utf)-8$");
    /** How far a Date header may be from this clock (servers cache it for a second; the validator waits 3 s). */
    private static final Duration DATE_SKEW = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One client for all checks: a client holds a selector thread until it is collected. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String contender;
    private final URI base;
    private final StackDatabase database;

    /** A check of {@code contender} serving at {@code base} (e.g. {@code http://127.0.0.1:8080}) from {@code database}. */
    public StackCheck(String contender, URI base, StackDatabase database) {
        this.contender = contender;
        this.base = base;
        this.database = database;
    }

    /** A broken rule: which contender, which URL, which rule and what was seen. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** All five tests; the first broken rule throws. */
    public void all() {
        db();
        queries();
        fortunes();
        cachedQueries();
        updates();
    }

    /** {@code GET /db}: one object, a row of the table as it is. */
    public void db() {
        int[] table = TechEmpowerData.worlds(database);
        String url = "/db";
        JsonNode body = json(url);
        if (!body.isObject()) {
            throw fail(url, "the body is a JSON object", body.toString());
        }
        World world = world(url, body);
        matchesTable(url, world, table);
    }

    /** {@code GET /queries?queries=…} for each of the validator's values: arrays of rows of the table as it is. */
    public void queries() {
        rowsOfTable("/queries?queries=", TechEmpowerData.worlds(database));
    }

    /**
     * {@code GET /cached-queries?count=…} for each of the validator's values (as for {@code queries}): arrays of rows
     * of {@code cachedworld}, the table the cache is filled from.
     */
    public void cachedQueries() {
        rowsOfTable("/cached-queries?count=", TechEmpowerData.cachedWorlds(database));
    }

    private void rowsOfTable(String prefix, int[] table) {
        QUERY_CASES.forEach((parameter, expected) -> {
            String url = prefix + parameter;
            for (World world : worlds(url, expected)) {
                matchesTable(url, world, table);
            }
        });
    }

    /** {@code GET /fortunes}: the validator's page once normalized, as {@code text/html; charset=utf-8}. */
    public void fortunes() {
        String url = "/fortunes";
        HttpResponse<byte[]> response = get(url, HTML_TYPE);
        String page = new String(response.body(), StandardCharsets.UTF_8);
        String difference = FortunesHtml.firstDifference(page);
        if (difference != null) {
            throw fail(url, "the page equals TechEmpower's once normalized (escaped, sorted, 13 rows)", difference);
        }
    }

    /**
     * {@code GET /updates?queries=…} for each of the validator's values: arrays of rows whose numbers are then in
     * the table; with 20 rows or more, at least 90% of the distinct rows changed (a new number may equal the old).
     */
    public void updates() {
        QUERY_CASES.forEach((parameter, expected) -> {
            String url = "/updates?queries=" + parameter;
            int[] before = TechEmpowerData.worlds(database);
            List<World> worlds = worlds(url, expected);
            int[] after = TechEmpowerData.worlds(database);
            Map<Integer, Set<Integer>> returned = new HashMap<>();
            for (World world : worlds) {
                returned.computeIfAbsent(world.id(), id -> new HashSet<>()).add(world.randomNumber());
            }
            int changed = 0;
            for (var entry : returned.entrySet()) {
                int id = entry.getKey();
                if (!entry.getValue().contains(after[id])) {
                    throw fail(url, "the numbers returned are in the table afterwards",
                            "row " + id + " holds " + after[id] + ", the response gave " + entry.getValue());
                }
                changed += before[id] != after[id] ? 1 : 0;
            }
            if (expected >= 20 && changed < 0.9 * returned.size()) {
                throw fail(url, "the rows are updated in the database",
                        "only " + changed + " of " + returned.size() + " rows changed");
            }
        });
    }

    private List<World> worlds(String url, int expected) {
        JsonNode body = json(url);
        if (!body.isArray()) {
            throw fail(url, "the body is a JSON array", abbreviate(body.toString()));
        }
        if (body.size() != expected) {
            throw fail(url, "the array holds " + expected + " objects", body.size() + " objects");
        }
        List<World> worlds = new ArrayList<>(expected);
        for (JsonNode item : body) {
            worlds.add(world(url, item));
        }
        return worlds;
    }

    /** One {@code {"id":…,"randomNumber":…}} object, exactly those keys, both integers from 1 to 10,000. */
    private World world(String url, JsonNode node) {
        if (!node.isObject() || node.size() != 2 || !node.has("id") || !node.has("randomNumber")) {
            throw fail(url, "each row is {\"id\":int,\"randomNumber\":int}", abbreviate(node.toString()));
        }
        int id = number(url, node, "id");
        int randomNumber = number(url, node, "randomNumber");
        return new World(id, randomNumber);
    }

    private int number(String url, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (!value.isInt() || value.intValue() < 1 || value.intValue() > TechEmpower.WORLD_ROWS) {
            throw fail(url, "\"" + key + "\" is an integer from 1 to " + TechEmpower.WORLD_ROWS, node.toString());
        }
        return value.intValue();
    }

    private void matchesTable(String url, World world, int[] table) {
        if (table[world.id()] != world.randomNumber()) {
            throw fail(url, "the row matches the table", world + " but the table holds " + table[world.id()]);
        }
    }

    private JsonNode json(String url) {
        HttpResponse<byte[]> response = get(url, JSON_TYPE);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw fail(url, "the body is JSON", e.getMessage());
        }
    }

    /** A GET whose status and headers follow the validator's rules for {@code contentType}. */
    private HttpResponse<byte[]> get(String url, Pattern contentType) {
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(base.resolve(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw fail(url, "it answers", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(url, "it answers", "interrupted");
        }
        if (response.statusCode() != 200) {
            throw fail(url, "the status is 200", String.valueOf(response.statusCode()));
        }
        var headers = response.headers();
        for (String required : List.of("Server", "Date", "Content-Type")) {
            if (headers.firstValue(required).isEmpty()) {
                throw fail(url, "a " + required + " header is present", "headers " + headers.map().keySet());
            }
        }
        if (headers.firstValue("Content-Length").isEmpty() && headers.firstValue("Transfer-Encoding").isEmpty()) {
            throw fail(url, "a Content-Length or Transfer-Encoding header is present", "headers " + headers.map().keySet());
        }
        String type = headers.firstValue("Content-Type").orElseThrow();
        if (!contentType.matcher(type).matches()) {
            throw fail(url, "the Content-Type matches " + contentType, type);
        }
        current(url, headers.firstValue("Date").orElseThrow());
        if (response.body().length == 0) {
            throw fail(url, "the body is not empty", "an empty body");
        }
        return response;
    }

    private void current(String url, String date) {
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw fail(url, "the Date header is an HTTP date", date);
        }
        if (Duration.between(sent, Instant.now()).abs().compareTo(DATE_SKEW) > 0) {
            throw fail(url, "the Date header is current (within " + DATE_SKEW.toSeconds() + " s)", date);
        }
    }

    private Failure fail(String url, String rule, String seen) {
        return new Failure(contender + " failed TechEmpower's check at " + base.resolve(url) + ": expected " + rule
                + ", got " + seen);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static Map<String, Integer> orderedCases() {
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("2", 2);
        cases.put("0", 1);
        cases.put("foo", 1);
        cases.put("", 1);
        cases.put("501", 500);
        cases.put("20", 20);
        return cases;
    }
}
