package io.spool.bench.web;

import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

/** Helidon SE 4's web server (a virtual thread per request, by design); JSON serialized with Jackson directly. */
final class HelidonContender implements WebContender {
    @Override
    public String name() {
        return Contenders.HELIDON;
    }

    @Override
    public String about() {
        return "Helidon SE " + WebContender.version(WebServer.class) + ", virtual threads";
    }

    /**
     * Its HTTP/2 module (on the class path) serves h2c with prior knowledge on the same listener; with Nagle's
     * algorithm off, as spool-web has it (else its HTTP/2 answers wait out 40 ms delayed ACKs).
     */
    @Override
    public boolean http2() {
        return true;
    }

    @Override
    public AutoCloseable startHttp2(int port) {
        return start(port, true);
    }

    @Override
    public AutoCloseable start(int port) {
        return start(port, false);
    }

    private AutoCloseable start(int port, boolean noDelay) {
        var builder = WebServer.builder();
        if (noDelay) {
            builder.connectionOptions(SocketOptions.builder().tcpNoDelay(true).build());
        }
        WebServer server = builder
                .port(port)
                .routing(r -> r
                        .get("/plaintext", (req, res) -> {
                            res.header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN);
                            res.send(Hello.PLAINTEXT_BYTES);
                        })
                        .get("/json", (req, res) -> {
                            res.header(HeaderValues.CONTENT_TYPE_JSON);
                            res.send(Hello.MAPPER.writeValueAsBytes(Hello.message()));
                        }))
                .build()
                .start();
        return server::stop;
    }
}
