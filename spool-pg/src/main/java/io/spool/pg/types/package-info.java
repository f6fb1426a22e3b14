/**
 * PostgreSQL's type system on the Java side: the OIDs of built-in types ({@link io.spool.pg.types.PgTypes}), the
 * binary wire forms of those types and their conversion to and from Java values
 * ({@link io.spool.pg.types.Codecs}, with one package-private class per family of types), PostgreSQL's text
 * syntax for the same values, and {@link io.spool.pg.types.PgInterval} for the one type {@code java.time} has no
 * match for. Nothing here does I/O or keeps state; the protocol engine calls in with byte ranges of messages.
 */
package io.spool.pg.types;
