package io.spool.web.corpus;

/**
 * What the Autobahn client records from the server: a whole message (payload as a Latin-1 string of its bytes,
 * and whether it was binary), a {@code pong} or {@code ping} with its payload, or a {@code timeout} with the tag
 * of a pause the connection outlived.
 */
record WsEvent(String kind, String data, Boolean binary) {
    static WsEvent message(String data, boolean binary) {
        return new WsEvent("message", data, binary);
    }

    @Override
    public String toString() {
        String shown = data.length() > 40 ? data.substring(0, 40) + "...(" + data.length() + " bytes)" : data;
        return kind + "(" + shown.replaceAll("[^\\x20-\\x7e]", "?") + (binary == null ? "" : binary ? ", binary" : "")
                + ")";
    }
}
