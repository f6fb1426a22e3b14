package io.spool.web;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;

/**
 * A server's TLS: its certificate chain and key, from PEM files or a PKCS#12 keystore, for
 * {@link WebApp#start(int, Tls)}. ALPN offers {@code h2} then {@code http/1.1}, so clients that speak HTTP/2 get it
 * and the rest get HTTP/1.1 on the same port; {@link #http1Only()} offers HTTP/1.1 alone.
 */
public final class Tls {
    private final SslContextBuilder builder;
    private final boolean http2;

    private Tls(SslContextBuilder builder, boolean http2) {
        this.builder = builder;
        this.http2 = http2;
    }

    /** A PEM certificate chain and a PEM PKCS#8 private key (unencrypted). */
    public static Tls pem(Path certificateChain, Path privateKey) {
        return new Tls(SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile()), true);
    }

    /** A PKCS#12 keystore holding the key and its certificate chain. */
    public static Tls pkcs12(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return new Tls(SslContextBuilder.forServer(kmf), true);
    }

    /** Offers only HTTP/1.1 through ALPN. */
    public Tls http1Only() {
        return new Tls(builder, false);
    }

    boolean http2() {
        return http2;
    }

    /** The server context: the JDK's TLS (1.2 and 1.3), ALPN as configured. */
    SslContext context() {
        ApplicationProtocolConfig alpn = new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                http2 ? new String[] {ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1}
                        : new String[] {ApplicationProtocolNames.HTTP_1_1});
        try {
            return builder.sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2")
                    .applicationProtocolConfig(alpn).build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
