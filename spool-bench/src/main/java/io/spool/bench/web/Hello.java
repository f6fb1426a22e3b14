package io.spool.bench.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The TechEmpower payloads every contender serves: the plaintext body, and the JSON message object that each
 * contender serializes per request with the one shared Jackson {@link ObjectMapper}.
 */
public final class Hello {
    public static final String PLAINTEXT = "Hello, World!";
    public static final byte[] PLAINTEXT_BYTES = PLAINTEXT.getBytes(StandardCharsets.US_ASCII);
    public static final String JSON = "{\"message\":\"Hello, World!\"}";
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Hello() {}

    /** A new message object for one request, as a handler would build it. */
    public static Map<String, String> message() {
        return Map.of("message", PLAINTEXT);
    }
}
