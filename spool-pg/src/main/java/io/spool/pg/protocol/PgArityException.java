package io.spool.pg.protocol;

/** A query was given a different number of parameter values than its placeholders ($1, $2, ...). */
final class PgArityException extends IllegalArgumentException {
    PgArityException(int expected, int given) {
        super("the query has " + expected + " parameter" + (expected == 1 ? "" : "s") + " but " + given
                + " value" + (given == 1 ? " was" : "s were") + " given");
    }
}
