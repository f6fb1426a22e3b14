package io.spool.bench.stack;

import io.helidon.common.socket.SocketOptions;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.spool.bench.web.WebContender;

/**
 * Helidon SE 4's web server (a virtual thread per request, by design) over pgjdbc and HikariCP
 * ({@link JdbcWorlds}), with Nagle's algorithm off and a {@code Server} header as its TechEmpower entry sets them.
 * Updates send one JDBC batch in autocommit: the entry's JDBC repository also runs in autocommit (it sends one
 * update per row; the batch is the faster way and the one the other JDBC stack uses). JSON through Jackson.
 */
public final class HelidonStack implements StackContender {
    private static final Header SERVER = HeaderValues.createCached(HeaderNames.SERVER, "Helidon");
    private static final Header HTML = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");

    @Override
    public String name() {
        return "helidon";
    }

    @Override
    public String about() {
        return "Helidon SE " + WebContender.version(WebServer.class) + ", virtual threads, pgjdbc + HikariCP";
    }

    @Override
    public AutoCloseable start(int port, StackDatabase database) {
        JdbcWorlds worlds = new JdbcWorlds(database, false);
        try {
            WorldCache cache = worlds.cache();
            WebServer server = WebServer.builder()
                    .host("127.0.0.1")
                    .port(port)
                    .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                    .routing(r -> r
                            .get("/db", (req, res) -> send(res, HeaderValues.CONTENT_TYPE_JSON,
                                    StackJson.bytes(worlds.world())))
                            .get("/queries", (req, res) -> send(res, HeaderValues.CONTENT_TYPE_JSON,
                                    StackJson.bytes(worlds.worlds(queries(req)))))
                            .get("/fortunes", (req, res) -> send(res, HTML,
                                    FortunesPage.render(TechEmpower.withAdditional(worlds.fortunes()))))
                            .get("/updates", (req, res) -> send(res, HeaderValues.CONTENT_TYPE_JSON,
                                    StackJson.bytes(worlds.update(queries(req)))))
                            .get("/cached-queries", (req, res) -> send(res, HeaderValues.CONTENT_TYPE_JSON,
                                    StackJson.bytes(cache.random(TechEmpower.queries(
                                            req.query().first("count").orElse(null)))))))
                    .build()
                    .start();
            return () -> {
                server.stop();
                worlds.close();
            };
        } catch (RuntimeException e) {
            worlds.close();
            throw e;
        }
    }

    private static int queries(ServerRequest req) {
        return TechEmpower.queries(req.query().first("queries").orElse(null));
    }

    private static void send(ServerResponse res, Header contentType, byte[] body) {
        res.header(SERVER);
        res.header(contentType);
        res.send(body);
    }
}
