package io.spool.web;

/** A request of a streaming route, handed on at its head: its body follows through {@code body} as it arrives. */
record StreamedRequest(RequestHead head, BodyStream body) {}
