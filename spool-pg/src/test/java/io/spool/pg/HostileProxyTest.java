package io.spool.pg;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.spool.io.Loop;
import io.spool.pg.netty.PgNettyConnection;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Someone between client and server answers the SSLRequest with 'S' and, in the same packet, plaintext that
 * would pass for the server's first messages once TLS is up (AuthenticationOk, ReadyForQuery: the
 * CVE-2021-23222 class of injection). Every transport must refuse before starting TLS or sending anything else.
 */
class HostileProxyTest {
    /** 'S', then AuthenticationOk and ReadyForQuery in plaintext. */
    private static final byte[] INJECTION = {'S', 'R', 0, 0, 0, 8, 0, 0, 0, 0, 'Z', 0, 0, 0, 5, 'I'};

    /** A fake server; completes with how many bytes the client sent after its 8-byte SSLRequest. */
    private static CompletableFuture<Integer> hostile(ServerSocket server) {
        CompletableFuture<Integer> after = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                byte[] request = in.readNBytes(8);
                assertThat(request).containsExactly(0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f);
                s.getOutputStream().write(INJECTION);
                s.getOutputStream().flush();
                s.setSoTimeout(1000);
                int count = 0;
                try {
                    while (in.read() >= 0) {
                        count++;
                    }
                } catch (java.net.SocketTimeoutException quiet) {
                    // the client sent nothing more: it refused
                }
                after.complete(count);
            } catch (Throwable t) {
                after.completeExceptionally(t);
            }
        });
        return after;
    }

    private static void assertRefused(Consumer<PgConfig> connect) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> after = hostile(server);
            PgConfig config = PgConfig.defaults().withHost("127.0.0.1").withPort(server.getLocalPort())
                    .withUser("victim").withSslMode(SslMode.REQUIRE).withConnectTimeout(Duration.ofSeconds(5));
            assertThatThrownBy(() -> connect.accept(config))
                    .isInstanceOfSatisfying(PgException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("08P01");
                        assertThat(e.getMessage()).contains("after its answer to the TLS request").contains("refused");
                    });
            assertThat(after.get(10, TimeUnit.SECONDS)).as("bytes the client sent after its SSLRequest").isZero();
        }
    }

    @Test
    void theBlockingTransportRefusesBytesInjectedAfterTheTlsAnswer() throws Exception {
        assertRefused(PgConnection::connect);
    }

    @Test
    void thePollTransportRefusesBytesInjectedAfterTheTlsAnswer() throws Exception {
        assertRefused(config -> {
            try (Loop loop = Loop.open()) {
                loop.run(PgPollConnection.start(config)::poll);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void theNettyTransportRefusesBytesInjectedAfterTheTlsAnswer() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertRefused(config -> {
                try {
                    PgNettyConnection.connect(config, group).get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw (RuntimeException) e.getCause();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
