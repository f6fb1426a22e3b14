package io.spool.pg;

/** A NOTIFY received on a channel this connection LISTENs on: the sending backend's pid, channel and payload. */
public record Notification(int processId, String channel, String payload) {}
