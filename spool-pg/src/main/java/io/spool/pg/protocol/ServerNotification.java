package io.spool.pg.protocol;

/**
 * A NotificationResponse as the engine queues it: the notifying backend's pid, the channel and the payload.
 * The client API shows it as a {@code Notification}.
 */
public record ServerNotification(int processId, String channel, String payload) {}
