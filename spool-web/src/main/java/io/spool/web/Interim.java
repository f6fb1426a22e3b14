package io.spool.web;

/**
 * An interim answer a request asked for, queued in line with the requests of its connection: {@code 100 Continue}
 * invites a client that sent {@code Expect: 100-continue} to send its body, and must not overtake the answers to
 * the requests pipelined before it.
 */
enum Interim {
    CONTINUE
}
