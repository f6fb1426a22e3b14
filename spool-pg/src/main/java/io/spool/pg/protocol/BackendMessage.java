package io.spool.pg.protocol;

/**
 * The type bytes of the backend messages of protocol 3.0, named as the PostgreSQL documentation names them, and
 * the two one-byte answers to SSLRequest (which are not messages).
 */
final class BackendMessage {
    private BackendMessage() {}

    static final byte PARSE_COMPLETE = '1';
    static final byte BIND_COMPLETE = '2';
    static final byte CLOSE_COMPLETE = '3';
    static final byte NOTIFICATION_RESPONSE = 'A';
    static final byte COMMAND_COMPLETE = 'C';
    static final byte COPY_DONE = 'c';
    static final byte DATA_ROW = 'D';
    static final byte COPY_DATA = 'd';
    static final byte ERROR_RESPONSE = 'E';
    static final byte COPY_IN_RESPONSE = 'G';
    static final byte COPY_OUT_RESPONSE = 'H';
    static final byte EMPTY_QUERY_RESPONSE = 'I';
    static final byte BACKEND_KEY_DATA = 'K';
    static final byte NOTICE_RESPONSE = 'N';
    static final byte NO_DATA = 'n';
    static final byte AUTHENTICATION = 'R';
    static final byte PARAMETER_STATUS = 'S';
    static final byte PORTAL_SUSPENDED = 's';
    static final byte ROW_DESCRIPTION = 'T';
    static final byte PARAMETER_DESCRIPTION = 't';
    static final byte NEGOTIATE_PROTOCOL_VERSION = 'v';
    static final byte READY_FOR_QUERY = 'Z';

    /** SSLRequest's answers. */
    static final byte TLS_ACCEPTED = 'S';
    static final byte TLS_REFUSED = 'N';
}
