package io.spool.bench.stack;

/** A row of TechEmpower's {@code fortune} table. */
public record Fortune(int id, String message) {}
