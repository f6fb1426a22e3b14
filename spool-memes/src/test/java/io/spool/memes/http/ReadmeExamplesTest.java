package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@code curl} line in the repository's README.md and in spool-memes/README.md, run against the service with
 * curl's semantics ({@code -d} posts as {@code application/x-www-form-urlencoded} unless {@code -H} says
 * otherwise; {@code -o} names the file, hence the image type expected). A comment after the command (or on the
 * line below) that starts with a status says the status expected, and JSON in it says the body ("…" or "..." in
 * a string stands for any text); otherwise a 200. Images are decoded, and a {@code width} in the request must be
 * the decoded width.
 */
@ExtendWith(SharedServer.class)
class ReadmeExamplesTest {
    private static final List<Path> READMES = List.of(Path.of("../README.md"), Path.of("README.md"));
    private static final Map<String, String> IMAGE_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "gif", "image/gif", "webp", "image/webp");
    private static final Pattern WIDTH = Pattern.compile("[?&\"]width\"?[=:](\\d+)");

    /** One {@code curl} command of a README and what its comment says. */
    record Example(Path readme, String command, List<String> words, String comment) {}

    @Test
    void everyCurlLineOfTheReadmesWorks(Http http) throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Path readme : READMES) {
            examples.addAll(curlLines(readme));
        }
        assertThat(examples).as("curl lines found in the READMEs").hasSizeGreaterThanOrEqualTo(10);
        List<String> failures = new ArrayList<>();
        for (Example example : examples) {
            try {
                run(http, example);
            } catch (AssertionError e) {
                failures.add(example.readme() + ": " + example.command() + "\n  " + e.getMessage());
            }
        }
        System.out.printf("README curl examples: %d run, %d failed%n", examples.size(), failures.size());
        assertThat(failures).isEmpty();
    }

    private static void run(Http http, Example example) {
        String output = null;
        String data = null;
        String method = null;
        List<String> headers = new ArrayList<>();
        TemplateUploadTest.Multipart form = null;
        byte[] binary = null;
        String url = null;
        List<String> w = example.words();
        for (int i = 1; i < w.size(); i++) {
            switch (w.get(i)) {
                case "-o" -> output = w.get(++i);
                case "-d", "--data" -> data = w.get(++i);
                case "-H" -> headers.add(w.get(++i));
                case "-X" -> method = w.get(++i);
                case "-F" -> {   // a form field, or a file with name=@path (paths from the repository's root)
                    String[] field = w.get(++i).split("=", 2);
                    form = form == null ? new TemplateUploadTest.Multipart() : form;
                    if (field[1].startsWith("@")) {
                        Path file = Path.of("..").resolve(field[1].substring(1));
                        form.file(field[0], file.getFileName().toString(), "application/octet-stream", read(file));
                    } else {
                        form.field(field[0], field[1]);
                    }
                }
                case "--data-binary" -> binary = read(Path.of("..").resolve(w.get(++i).substring(1)));
                case "-i", "-s", "-sS", "-f" -> { }
                default -> {
                    assertThat(w.get(i)).as("an option this test does not know").doesNotStartWith("-");
                    url = w.get(i);
                }
            }
        }
        assertThat(url).as("the URL").isNotNull().startsWith("localhost:1337/");
        String path = url.substring("localhost:1337".length());
        String contentType = headers.stream().filter(h -> h.toLowerCase().startsWith("content-type:"))
                .map(h -> h.substring(h.indexOf(':') + 1).trim()).findFirst()
                .orElse("application/x-www-form-urlencoded");
        List<String> authorization = headers.stream().filter(h -> h.toLowerCase().startsWith("authorization:"))
                .map(h -> h.substring(h.indexOf(':') + 1).trim()).toList();
        HttpResponse<byte[]> r;
        if (form != null || binary != null || method != null && !method.equals("POST")) {
            byte[] body = form != null ? form.bytes() : binary;
            r = http.send(method != null ? method : "POST", path, form != null ? form.contentType() : contentType, body,
                    authorization.isEmpty() ? null : authorization.getFirst());
        } else {
            r = data != null || "POST".equals(method) ? http.post(path, contentType, data == null ? "" : data)
                    : http.get(path.replace("[", "%5B").replace("]", "%5D"));
        }
        String comment = example.comment().trim();
        Matcher status = Pattern.compile("^(\\d{3})\\b").matcher(comment);
        int expected = status.find() ? Integer.parseInt(status.group(1)) : 200;
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertThat(r.statusCode()).as("status (%s)", Http.text(r).length() < 300 ? Http.text(r) : type).isEqualTo(expected);
        if (expected == 204) {
            assertThat(r.body()).as("no content").isEmpty();
        } else if (output != null && expected == 200) {
            String extension = output.substring(output.lastIndexOf('.') + 1);
            assertThat(type).as("content type of " + output).isEqualTo(IMAGE_TYPES.get(extension));
            BufferedImage image = Http.image(r.body());
            assertThat(image.getWidth()).isPositive();
            assertThat(image.getHeight()).isPositive();
            Matcher width = WIDTH.matcher(path + " " + (data == null ? "" : data));
            if (width.find()) {
                assertThat(image.getWidth()).as("decoded width").isEqualTo(Integer.parseInt(width.group(1)));
            }
        } else {
            assertThat(type).as("content type").startsWith("application/json");
            JsonNode body = Http.json(r);
            String json = status.find(0) ? comment.substring(3).trim() : comment;
            JsonNode documented = json.startsWith("[") || json.startsWith("{\"") ? parseOrNull(json) : null;
            if (documented != null) {
                assertThat(matchesShown(documented, body)).as("the body %s is what the README shows, %s", body, json)
                        .isTrue();
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError("the README names a file that is not there: " + file, e);
        }
    }

    /** Whether {@code body} is what a README shows, where "…" or "..." in a string stands for any text. */
    static boolean matchesShown(JsonNode shown, JsonNode body) {
        if (shown.isTextual() && (shown.asText().contains("…") || shown.asText().contains("..."))) {
            String[] parts = shown.asText().split("…|\\.\\.\\.", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
            }
            return body.isTextual() && Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(body.asText()).matches();
        }
        if (shown.isObject() || shown.isArray()) {
            if (body.getNodeType() != shown.getNodeType() || body.size() != shown.size()) {
                return false;
            }
            if (shown.isArray()) {
                for (int i = 0; i < shown.size(); i++) {
                    if (!matchesShown(shown.get(i), body.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (var e : shown.properties()) {
                if (!body.has(e.getKey()) || !matchesShown(e.getValue(), body.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return shown.equals(body);
    }

    private static JsonNode parseOrNull(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /** The curl commands of a README's sh code blocks, continuation lines joined, with their comments. */
    static List<Example> curlLines(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Example> examples = new ArrayList<>();
        boolean inShell = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inShell = !inShell && line.trim().equals("```sh");
                continue;
            }
            if (!inShell || !line.trim().startsWith("curl ")) {
                continue;
            }
            StringBuilder command = new StringBuilder();
            while (line.endsWith("\\")) {
                command.append(line, 0, line.length() - 1).append(' ');
                line = lines.get(++i);
            }
            command.append(line);
            List<String> words = new ArrayList<>();
            String comment = ShellWords.split(command.toString(), words);
            if (comment.isBlank() && i + 1 < lines.size() && lines.get(i + 1).trim().startsWith("#")) {
                comment = lines.get(i + 1).trim().substring(1);   // a comment of its own on the next line
            }
            examples.add(new Example(readme, command.toString().trim(), words, comment));
        }
        return examples;
    }
}
