package io.spool.pg.net;

import io.spool.pg.PgConfig;
import io.spool.pg.SslMode;
import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.SqlState;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * TLS set-up shared by the transports: the SSL context for an {@link SslMode} (trusting everything for
 * require, a PEM root file or the JDK trust store for verify-ca/verify-full), host-name checking for
 * verify-full, and the {@code tls-server-end-point} channel binding that SCRAM-SHA-256-PLUS signs. A set-up
 * that fails (an unreadable root certificate, say) is an {@link EngineException}: the transport fails the
 * engine's session with it.
 */
public final class Tls {
    private Tls() {}

    /** A client SSLEngine configured for the connection's mode and host. */
    public static SSLEngine engine(PgConfig config) {
        SSLEngine engine = context(config).createSSLEngine(config.host(), config.port());
        engine.setUseClientMode(true);
        engine.setSSLParameters(parameters(config, engine.getSSLParameters()));
        return engine;
    }

    /** Adds host-name verification for verify-full. */
    static SSLParameters parameters(PgConfig config, SSLParameters params) {
        if (config.sslMode() == SslMode.VERIFY_FULL) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return params;
    }

    static SSLContext context(PgConfig config) {
        try {
            TrustManager[] trust;
            if (!config.sslMode().verifiesChain()) {
                trust = new TrustManager[] {new TrustAll()};
            } else {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(config.sslRootCert() == null ? null : rootStore(Path.of(config.sslRootCert())));
                trust = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new EngineException(SqlState.UNABLE_TO_CONNECT, "TLS set-up failed: " + e.getMessage(), e);
        }
    }

    private static KeyStore rootStore(Path pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("root-" + i++, cert);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in " + pem);
            }
        }
        return store;
    }

    /**
     * The tls-server-end-point channel binding (RFC 5929): the hash of the server's certificate, with SHA-256
     * where the certificate is signed with MD5 or SHA-1, else the certificate's own hash.
     */
    public static byte[] channelBinding(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            X509Certificate cert = (X509Certificate) chain[0];
            String alg = cert.getSigAlgName().toUpperCase(java.util.Locale.ROOT);
            String hash = alg.startsWith("SHA384") ? "SHA-384" : alg.startsWith("SHA512") ? "SHA-512" : "SHA-256";
            return MessageDigest.getInstance(hash).digest(cert.getEncoded());
        } catch (SSLPeerUnverifiedException | GeneralSecurityException | ClassCastException e) {
            return null;  // no usable certificate: SCRAM runs without channel binding
        }
    }

    /** sslmode=require: encryption without authentication of the server, as libpq does. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
