package io.spool.memes.jobs;

import io.spool.tasks.PermanentFailureException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A render error carried through the task queue: the handler fails the task at once with a message that starts
 * with the HTTP status ({@code "413 the image would be ..."}), and the reader of a dead task gets the status and
 * message back from the stored error text (whose first line is the exception's class and message).
 */
final class JobFailure {
    private static final Pattern STORED = Pattern.compile("^(?:[\\w.$]+: )?(\\d{3}) (.*)$");

    private JobFailure() {
    }

    static PermanentFailureException of(int status, String message) {
        return new PermanentFailureException(status + " " + message.replace('\n', ' '));
    }

    /** The status and message of a stored error; an error of another kind is a 500 "the render failed". */
    static JobStatus.Failed read(String id, String storedError) {
        String first = storedError == null ? "" : storedError.lines().findFirst().orElse("");
        Matcher m = STORED.matcher(first);
        if (m.matches() && first.contains(PermanentFailureException.class.getSimpleName())) {
            int status = Integer.parseInt(m.group(1));
            if (status >= 400 && status <= 599) {
                return new JobStatus.Failed(id, status, m.group(2));
            }
        }
        return new JobStatus.Failed(id, 500, "the render failed");
    }
}
