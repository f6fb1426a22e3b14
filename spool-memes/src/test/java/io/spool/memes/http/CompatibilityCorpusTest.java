package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.ReadableUrl;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the peers' own cases against the running service: rofld's request tests and rules
 * ({@code corpus/rofld/requests.json}) and memegen's documented URLs, escapes and parameters
 * ({@code corpus/memegen/urls.json}). Each case must get the peer's outcome class: an image of the expected
 * format, or the same 4xx status; a case marked {@code difference} must get the documented {@code spool}
 * outcome instead. memegen cases with {@code lines} also check the decoded text of each path segment.
 */
@ExtendWith(SharedServer.class)
class CompatibilityCorpusTest {

    @Test
    void rofldCases(Http http) throws IOException {
        runAll(http, "rofld/requests.json");
    }

    @Test
    void memegenCases(Http http) throws IOException {
        runAll(http, "memegen/urls.json");
    }

    private static void runAll(Http http, String file) throws IOException {
        JsonNode cases = load(file).path("cases");
        List<String> failures = new ArrayList<>();
        int same = 0;
        int differences = 0;
        for (JsonNode c : cases) {
            Optional<String> failure = run(http, c);
            if (failure.isPresent()) {
                failures.add(c.path("name").asText() + ": " + failure.get());
            } else if (c.has("difference")) {
                differences++;
            } else {
                same++;
            }
        }
        System.out.printf("corpus %s: %d cases, %d with the peer's outcome, %d deliberate differences, %d failed%n",
                file, cases.size(), same, differences, failures.size());
        assertThat(failures).as(file).isEmpty();
        assertThat(same + differences).isEqualTo(cases.size()).isGreaterThan(50);
    }

    private static Optional<String> run(Http http, JsonNode c) {
        HttpResponse<byte[]> response = c.path("method").asText().equals("POST")
                ? http.post(c.path("path").asText(), c.path("contentType").asText("application/json"), body(c))
                : http.get(uriSafe(c.path("path").asText()));
        JsonNode expected = c.has("spool") ? c.get("spool") : c.get("expect");
        String got = response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("")
                + (response.statusCode() == 200 ? "" : " " + Http.text(response));
        if (expected.isInt()) {
            return response.statusCode() == expected.asInt() ? Optional.empty()
                    : Optional.of("expected " + expected.asInt() + ", got " + got);
        }
        ImageFormat format = ImageFormat.parse(c.path("format").asText());
        if (response.statusCode() != 200 || ImageFormat.detect(response.body()).orElse(null) != format
                || !response.headers().firstValue("Content-Type").orElse("").equals(format.mediaType())) {
            return Optional.of("expected an image/" + c.path("format").asText() + ", got " + got);
        }
        if (c.has("lines")) {
            List<String> lines = new ArrayList<>();
            c.get("lines").forEach(l -> lines.add(l.asText()));
            String path = c.path("path").asText().split("\\?")[0];
            String slug = path.substring(path.indexOf('/', "/images/".length()) + 1, path.lastIndexOf('.'));
            List<String> decoded = new ArrayList<>();
            for (String segment : slug.split("/")) {
                decoded.add(ReadableUrl.decode(URI.create("/" + segment).getPath().substring(1)));
            }
            if (!decoded.equals(lines)) {
                return Optional.of("decoded " + decoded + ", memegen " + lines);
            }
        }
        return Optional.empty();
    }

    private static String body(JsonNode c) {
        return c.has("rawBody") ? c.get("rawBody").asText() : c.get("body").toString();
    }

    /** The JDK's URI parser refuses '[' and ']' in a query; the server decodes them from %5B and %5D. */
    private static String uriSafe(String pathAndQuery) {
        return pathAndQuery.replace("[", "%5B").replace("]", "%5D");
    }

    private static JsonNode load(String file) throws IOException {
        try (InputStream in = CompatibilityCorpusTest.class.getResourceAsStream("/corpus/" + file)) {
            assertThat(in).as(file).isNotNull();
            return Http.JSON.readTree(in);
        }
    }
}
