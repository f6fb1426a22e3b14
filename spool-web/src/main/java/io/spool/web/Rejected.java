package io.spool.web;

/**
 * A request the pipeline refused before any handler saw it (too large, too slow, malformed); it queues behind
 * earlier pipelined requests so that its error answer keeps the order, and the connection closes after it.
 */
record Rejected(int status, String message) {}
