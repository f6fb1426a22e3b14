package io.spool.pg.protocol;

/**
 * One field of a RowDescription as the engine keeps it: name, type OID, whether values arrive in binary, and the
 * table OID and attribute number when it is a plain table column (else 0). The client API shows it as a
 * {@code Column}.
 */
public record ColumnDescription(String name, int typeOid, boolean binary, int tableOid, int columnNumber,
                                int typeModifier) {}
