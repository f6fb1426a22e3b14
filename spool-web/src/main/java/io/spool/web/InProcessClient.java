package io.spool.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link WebApp#test}'s client: each request goes straight to the app's dispatcher on a virtual thread of its own,
 * as a server would run it: the same target parsing, routing, filters, handlers, exception mapping and rendering,
 * with no socket, codec, compression or timeout in between.
 */
final class InProcessClient implements TestClient, AutoCloseable {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);

    private final Dispatcher dispatcher;
    private final ObjectMapper mapper;
    private final RequestIds ids = new RequestIds();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    InProcessClient(Dispatcher dispatcher, ObjectMapper mapper) {
        this.dispatcher = dispatcher;
        this.mapper = mapper;
    }

    @Override
    public TestResponse request(String method, String pathAndQuery, byte[] body, String... headers) throws Exception {
        HttpHeaders h = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        h.set("Host", "localhost");
        TestClient.pairs(headers).forEach(h::set);
        if (body != null) {
            h.set("Content-Length", body.length);
        }
        RequestTarget target;
        try {
            target = RequestTarget.parse(HttpMethod.valueOf(method), pathAndQuery, "localhost");
        } catch (HttpError e) {   // as the server refuses it, before any filter
            Rejected r = Rejected.whileReading(e.status(), e.getMessage());
            Response refused = Response.error(r.status(), r.message());
            return new TestResponse(e.status(), Map.of("Content-Type", "application/json"),
                    mapper.writeValueAsBytes(refused.body()), mapper);
        }
        Context ctx = new Context(method, target, h, body == null ? new byte[0] : body, null, CLIENT, mapper,
                ids.idFor(h.get(RequestIds.HEADER)));
        try {
            return threads.submit(() -> respond(method, ctx)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private TestResponse respond(String method, Context ctx) throws Exception {
        try {
            return render(method, ctx, dispatcher.handle(ctx));
        } finally {
            ctx.releaseBody();
        }
    }

    private TestResponse render(String method, Context ctx, Response res) throws Exception {
        res.header(RequestIds.HEADER, ctx.requestId());
        byte[] bytes;
        if (res.body() instanceof InputStream in) {
            try (in) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = res.body() == null ? new byte[0] : (byte[]) res.body();
        }
        Map<String, String> headers = new LinkedHashMap<>(res.headers());
        if (!res.cookies().isEmpty()) {
            headers.put("Set-Cookie", String.join("\n", res.cookies()));   // one per line: values may hold commas
        }
        if (method.equals("HEAD") || res.status() == 204 || res.status() == 304) {
            bytes = new byte[0];
        } else {
            headers.putIfAbsent("Content-Length", Integer.toString(bytes.length));
        }
        return new TestResponse(res.status(), headers, bytes, mapper);
    }

    @Override
    public void close() {
        threads.close();
    }
}
