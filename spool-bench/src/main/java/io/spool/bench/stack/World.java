package io.spool.bench.stack;

/** A row of TechEmpower's {@code world} table, serialized as {@code {"id":…,"randomNumber":…}}. */
public record World(int id, int randomNumber) {}
