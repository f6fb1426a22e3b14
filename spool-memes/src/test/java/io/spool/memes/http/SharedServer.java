package io.spool.memes.http;

import io.spool.embedded.junit.PostgresExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the one {@link MemesServer} the HTTP tests share: any free port, two render threads, jobs with two
 * workers on the run's embedded PostgreSQL, the admin token of the READMEs' examples, and the {@link SlowHook} (also injectable) around its renders. It stops
 * when the test run ends.
 */
final class SharedServer implements ParameterResolver {
    /** The admin token the READMEs' upload examples use. */
    static final String README_TOKEN = "s3cret";

    private record Holder(MemesServer server, SlowHook hook) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop(Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MemesServer.class || type == SlowHook.class || type == Http.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String url = PostgresExtension.shared(context).url();
        Holder h = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedServer.class))
                .getOrComputeIfAbsent("server", key -> {
                    SlowHook hook = new SlowHook();
                    MemesServer server = MemesServer.start(MemesConfig.defaults().withAddress("127.0.0.1", 0)
                            .withRenderPool(2, 64).withJobs(url, 2)
                            .withAdminToken(README_TOKEN), hook);
                    return new Holder(server, hook);
                }, Holder.class);
        Class<?> type = parameter.getParameter().getType();
        return type == MemesServer.class ? h.server() : type == SlowHook.class ? h.hook() : new Http(h.server());
    }
}
