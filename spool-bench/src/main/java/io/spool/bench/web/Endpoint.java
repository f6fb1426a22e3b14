package io.spool.bench.web;

/** The two TechEmpower tests, each a path and the body and content type a correct contender answers with. */
enum Endpoint {
    PLAINTEXT("/plaintext", "text/plain", Hello.PLAINTEXT),
    JSON("/json", "application/json", Hello.JSON);

    final String path;
    final String contentType;
    final String body;

    Endpoint(String path, String contentType, String body) {
        this.path = path;
        this.contentType = contentType;
        this.body = body;
    }
}
