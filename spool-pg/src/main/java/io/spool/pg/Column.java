package io.spool.pg;

import io.spool.pg.types.PgTypes;

/**
 * One column of a result: its name, type OID, and whether its values arrive in binary format. The table OID
 * and attribute number say where the column came from when it is a plain table column (else 0).
 */
public record Column(String name, int typeOid, boolean binary, int tableOid, int columnNumber, int typeModifier) {
    public String typeName() {
        return PgTypes.name(typeOid);
    }
}
