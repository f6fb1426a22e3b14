/**
 * The PostgreSQL client. Exported: the client API ({@code io.spool.pg}: connections, pool, rows, config,
 * errors), the value codecs ({@code io.spool.pg.types}) and the Netty connection ({@code io.spool.pg.netty},
 * usable when Netty is present). Not exported: the sans-I/O protocol engine ({@code io.spool.pg.protocol}) and
 * the socket plumbing ({@code io.spool.pg.net}: the blocking transport, TLS, cancel requests, host
 * selection); they change without notice.
 */
module spool.pg {
    requires transitive spool.io;
    requires static io.netty.buffer;
    requires static io.netty.common;
    requires static io.netty.handler;
    requires static io.netty.transport;

    exports io.spool.pg;
    exports io.spool.pg.types;
    exports io.spool.pg.netty;
}
