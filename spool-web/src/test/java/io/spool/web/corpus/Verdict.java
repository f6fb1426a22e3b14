package io.spool.web.corpus;

import io.spool.web.corpus.CorpusCase.Outcome;
import io.spool.web.corpus.Responses.Reply;
import java.util.List;
import java.util.Optional;

/**
 * Judges one transcript against a case's expected outcome. A failure is a short symptom first (the part the
 * summary groups by), then the details: {@code "symptom: details"}.
 */
final class Verdict {
    private Verdict() {}

    /** Empty when the server did what the case asks; otherwise why not. */
    static Optional<String> check(CorpusCase c, Transcript t) {
        List<Reply> replies = Responses.parse(t.received(), "HEAD".equals(c.method()));
        String seen = describe(replies, t);
        if (replies.stream().anyMatch(r -> r.status() < 0)) {
            return Optional.of("unparseable response bytes: " + seen);
        }
        return switch (c.outcome()) {
            case ACCEPT -> accepted(c, replies, t).map(why -> why + ": " + seen);
            case REJECT -> rejected(c, replies, t).map(why -> why + ": " + seen);
            case EITHER -> accepted(c, replies, t).isEmpty() || rejected(c, replies, t).isEmpty()
                    ? Optional.empty()
                    : Optional.of("neither served nor rejected: " + seen);
        };
    }

    private static Optional<String> accepted(CorpusCase c, List<Reply> replies, Transcript t) {
        List<Reply> answers = replies;
        if (c.leftover() && replies.size() == c.requests() + 1 && isError(replies.getLast()) && t.closed()) {
            answers = replies.subList(0, c.requests()); // the leftover bytes refused as a bad next request
        }
        if (answers.size() > c.requests()) {
            return Optional.of("more responses than requests");
        }
        if (answers.stream().anyMatch(Verdict::isError)) {
            return Optional.of(answers.size() == 1 && !c.leftover() ? "valid request rejected" : "a request rejected");
        }
        if (answers.size() < c.requests()) {
            return Optional.of("fewer responses than requests");
        }
        if (c.bodyLength() >= 0 && !answers.getFirst().body().endsWith(" " + c.bodyLength())) {
            return Optional.of("body framed with the wrong length (expected " + c.bodyLength() + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> rejected(CorpusCase c, List<Reply> replies, Transcript t) {
        int served = (int) replies.stream().filter(r -> r.status() < 400).count();
        long errors = replies.size() - served;
        if (served > c.requests()) {
            return Optional.of(errors == 0 ? "served instead of rejected" : "served, then rejected");
        }
        if (errors == 0) {
            return Optional.of(t.closed() ? "closed without a 4xx/5xx" : "no answer, connection left open");
        }
        if (errors > 1) {
            return Optional.of("more than one error response");
        }
        if (!isError(replies.getLast())) {
            return Optional.of("served after the error response");
        }
        if (!t.closed() && !c.mayStayOpen()) {
            return Optional.of("rejected but connection left open");
        }
        return Optional.empty();
    }

    private static boolean isError(Reply r) {
        return r.status() >= 400;
    }

    private static String describe(List<Reply> replies, Transcript t) {
        StringBuilder sb = new StringBuilder("got ").append(replies.size()).append(" response(s) [");
        for (Reply r : replies) {
            String body = r.body().length() > 60 ? r.body().substring(0, 60) + "..." : r.body();
            sb.append(r.status()).append(' ').append(body.replace("\n", "\\n")).append("; ");
        }
        return sb.append("], connection ").append(t.closed() ? "closed" : "open").toString();
    }
}
