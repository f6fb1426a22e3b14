package io.spool.tasks.dashboard;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Task params, a result or a step's value as the dashboard and the CLI show it: the text when the bytes are UTF-8
 * (JSON, mostly), else base64, with the size either way. {@code null} stays absent.
 */
public record Payload(int bytes, String text, String base64) {

    public static Payload of(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            return new Payload(value.length, text, null);
        } catch (CharacterCodingException e) {
            return new Payload(value.length, null, Base64.getEncoder().encodeToString(value));
        }
    }

    /** The text, or {@code base64:...}. */
    @Override
    public String toString() {
        return text != null ? text : "base64:" + base64;
    }
}
