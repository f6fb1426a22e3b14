package io.spool.web.corpus;

import io.spool.web.corpus.AutobahnRun.Transcript;
import java.util.List;
import java.util.Map;

/**
 * Judges a played case as the suite's {@code Case.onConnectionLost} does. The behaviour is the first expected
 * outcome the events equal ({@code OK}, {@code NON-STRICT}), else {@code FAILED}. The closing behaviour is
 * {@code FAILED} when the wrong side closed first, {@code UNCLEAN} when the case needs a clean close and did not
 * get one, {@code WRONG CODE} for a close code outside the case's list, {@code FAILED BY CLIENT} when the client
 * had to drop the TCP connection, else {@code OK}; a case's own rules then apply (a UTF-8 case closed by the wrong
 * side, or a section 7 case with the wrong code, fails; 7.1.6 and 7.13.x only inform). The suite's report shows
 * both; here a case fails if either is red there (FAILED, UNCLEAN), is non-strict if either is amber
 * (NON-STRICT, WRONG CODE, FAILED BY CLIENT), and is OK otherwise.
 */
record AutobahnVerdict(Outcome outcome, String behavior, String closeBehavior, String details) {

    enum Outcome { OK, NON_STRICT, INFORMATIONAL, FAILED }

    static AutobahnVerdict judge(AutobahnCase c, Transcript t) {
        String behavior = "FAILED";
        for (Map.Entry<String, List<WsEvent>> e : c.expected().entrySet()) {
            if (e.getValue().equals(t.events())) {
                behavior = e.getKey();
                break;
            }
        }
        AutobahnCase.ExpectedClose expected = c.expectedClose();
        String close;
        if (expected.closedByMe() != t.closedByMe()) {
            close = "FAILED";
        } else if (expected.requireClean() && !t.wasClean()) {
            close = "UNCLEAN";
        } else if (t.remoteCloseCode() != null && !expected.closeCodes().contains(t.remoteCloseCode())) {
            close = "WRONG CODE";
        } else if (t.droppedByMe()) {
            close = "FAILED BY CLIENT";
        } else {
            close = "OK";
        }
        if (expected.closedByWrongEndpointIsFatal() && expected.closedByMe() != t.closedByMe()) {
            behavior = "FAILED";
        }
        if (c.wrongCodeIsFatal() && close.equals("WRONG CODE")) {
            behavior = "FAILED";
        }
        String details = "events " + t.events() + ", expected " + c.expected() + "; "
                + (t.closedByMe() ? "client" : "server") + " closed first (expected "
                + (expected.closedByMe() ? "client" : "server") + "), server's close code "
                + (t.remoteCloseCode() == null ? "none" : t.remoteCloseCode()) + " (expected one of "
                + expected.closeCodes() + "), " + (t.wasClean() ? "clean" : "not clean")
                + (t.droppedByMe() ? ", TCP dropped by the client" : ", TCP closed by the server");
        if (c.informational()) {
            return new AutobahnVerdict(Outcome.INFORMATIONAL, behavior, close, details);
        }
        Outcome outcome = behavior.equals("FAILED") || close.equals("FAILED") || close.equals("UNCLEAN")
                ? Outcome.FAILED
                : behavior.equals("NON-STRICT") || !close.equals("OK") ? Outcome.NON_STRICT : Outcome.OK;
        return new AutobahnVerdict(outcome, behavior, close, details);
    }

    boolean passed() {
        return outcome != Outcome.FAILED;
    }

    @Override
    public String toString() {
        return outcome + " (behaviour " + behavior + ", closing " + closeBehavior + "): " + details;
    }
}
