package io.spool.pg.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The startup exchange: StartupMessage, then whichever authentication the server asks for (trust, cleartext
 * password, MD5, SCRAM-SHA-256[-PLUS]), then BackendKeyData and parameters up to the first ReadyForQuery.
 * A barrier, since nothing may be sent before authentication ends.
 */
public final class Startup extends Command<Void> {
    private final String user;
    private final String password;
    private final Map<String, String> parameters;
    private byte[] channelBinding;
    private ScramSha256 scram;
    private boolean serverVerified;   // the SCRAM server signature checked out
    private String method = "trust";

    /**
     * @param parameters     startup parameters beyond {@code user} (database, application_name, options...)
     * @param channelBinding the tls-server-end-point hash of the server certificate, or null without TLS
     */
    Startup(String user, String password, Map<String, String> parameters, byte[] channelBinding) {
        this.user = user;
        this.password = password;
        this.parameters = new LinkedHashMap<>();
        this.parameters.put("user", user);
        this.parameters.putAll(parameters);
        this.channelBinding = channelBinding;
    }

    /** The TLS session's binding, known only once the host has finished the handshake the engine asked for. */
    void channelBinding(byte[] binding) {
        this.channelBinding = binding;
    }

    @Override
    protected boolean write(PgEngine engine, WriteBuffer out) {
        Frontend.startup(out, parameters);
        return true;
    }

    @Override
    protected boolean isBarrier() {
        return true;
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        try {
            switch (m.type()) {
                case BackendMessage.AUTHENTICATION -> authenticate(m, engine.output());
                case BackendMessage.BACKEND_KEY_DATA -> {
                    int pid = m.readInt32();
                    int key = m.remaining() >= 4 ? m.readInt32() : 0;
                    engine.backendKey(pid, key);
                }
                case BackendMessage.NEGOTIATE_PROTOCOL_VERSION -> { }  // NegotiateProtocolVersion: the server lacks some minor feature we did not need
                case BackendMessage.READY_FOR_QUERY -> {
                    engine.authenticatedWith(method);
                    return true;
                }
                default -> throw new ProtocolException("unexpected message '" + (char) m.type() + "' during startup");
            }
        } catch (AuthenticationException e) {
            engine.poison(new EngineException(SqlState.INVALID_AUTHORIZATION, e.getMessage()));
        }
        return false;
    }

    private void authenticate(MessageReader m, WriteBuffer out) {
        int code = m.readInt32();
        switch (code) {
            case 0 -> {
                // SCRAM authenticates both ways: a server (or a man in the middle) that says "ok" without proving
                // it knows the password, and with channel binding the TLS session, is not the server we asked for
                if (scram != null && !serverVerified) {
                    throw new AuthenticationException("the server ended SCRAM authentication without its proof");
                }
            }
            case 3 -> {
                method = "password";
                Frontend.password(out, requirePassword("cleartext password"));
            }
            case 5 -> {
                method = "md5";
                byte[] salt = m.readBytes(4);
                Frontend.password(out, md5(requirePassword("MD5"), user, salt));
            }
            case 10 -> {
                List<String> mechanisms = new ArrayList<>();
                for (String s = m.readCString(); !s.isEmpty(); s = m.readCString()) {
                    mechanisms.add(s);
                }
                boolean plus = mechanisms.contains("SCRAM-SHA-256-PLUS");
                if (!mechanisms.contains("SCRAM-SHA-256") && !(plus && channelBinding != null)) {
                    throw new AuthenticationException("the server offers SASL mechanisms " + mechanisms
                            + "; this client supports SCRAM-SHA-256 and SCRAM-SHA-256-PLUS");
                }
                scram = new ScramSha256(requirePassword("SCRAM-SHA-256"), plus ? channelBinding : null, plus);
                method = scram.mechanism();
                Frontend.saslInitialResponse(out, scram.mechanism(), scram.clientFirstMessage());
            }
            case 11 -> {
                if (scram == null) {
                    throw new ProtocolException("SASLContinue before SASL");
                }
                String serverFirst = m.readRemainingString();
                Frontend.saslResponse(out, scram.clientFinalMessage(serverFirst));
            }
            case 12 -> {
                if (scram == null) {
                    throw new ProtocolException("SASLFinal before SASL");
                }
                scram.verifyServerFinal(new String(m.readBytes(m.remaining()), StandardCharsets.UTF_8));
                serverVerified = true;
            }
            default -> throw new AuthenticationException("the server asks for authentication method "
                    + methodName(code) + ", which this client does not support");
        }
    }

    /** How the server authenticated us: trust, password, md5, SCRAM-SHA-256 or SCRAM-SHA-256-PLUS. */
    public String authenticationMethod() {
        return method;
    }

    private String requirePassword(String method) {
        if (password == null) {
            throw new AuthenticationException("the server asks for " + method
                    + " authentication for user \"" + user + "\" but no password was given");
        }
        return password;
    }

    static String methodName(int code) {
        return switch (code) {
            case 2 -> "KerberosV5";
            case 6 -> "SCM credentials";
            case 7 -> "GSSAPI";
            case 8 -> "GSSAPI (continue)";
            case 9 -> "SSPI";
            default -> "code " + code;
        };
    }

    /** {@code "md5" + md5hex(md5hex(password + user) + salt)}, as PostgreSQL's md5 method expects. */
    static String md5(String password, String user, byte[] salt) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            String inner = HexFormat.of().formatHex(md.digest((password + user).getBytes(StandardCharsets.UTF_8)));
            md.update(inner.getBytes(StandardCharsets.US_ASCII));
            md.update(salt);
            return "md5" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
