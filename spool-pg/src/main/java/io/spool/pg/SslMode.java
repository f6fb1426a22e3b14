package io.spool.pg;

/**
 * libpq's {@code sslmode}: whether TLS is tried, required, and how much of the server's certificate is
 * checked. {@code PREFER} (the default, as in libpq) uses TLS when the server offers it, without verifying;
 * {@code VERIFY_FULL} checks the chain against the trust store and the host name against the certificate.
 */
public enum SslMode {
    DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

    public static SslMode parse(String value) {
        return LibpqNames.parse(SslMode.class, value, "sslmode");
    }

    /** Whether TLS is asked for at all (ALLOW starts without it, as libpq does). */
    public boolean tries() {
        return this != DISABLE && this != ALLOW;
    }

    /** Whether a server without TLS must be refused. */
    public boolean requires() {
        return ordinal() >= REQUIRE.ordinal();
    }

    /** Whether the certificate chain is verified. */
    public boolean verifiesChain() {
        return ordinal() >= VERIFY_CA.ordinal();
    }
}
