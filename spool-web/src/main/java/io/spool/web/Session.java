package io.spool.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client's session: string values by key, kept in the client's session cookie, signed or encrypted by the
 * app's {@link SessionStore} (so the client can read a signed one but change neither). Changes are sent back
 * with the answer; {@link #invalidate()} makes the client drop the cookie. A session is for small state (an
 * id, a flash message, a CSRF token): browsers cap a cookie at about 4 KB.
 */
public final class Session {
    private final Map<String, String> values;
    private boolean changed;
    private boolean invalidated;

    Session(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public String get(String key) {
        return values.get(key);
    }

    public Session put(String key, String value) {
        if (!value.equals(values.put(key, value))) {
            changed = true;
        }
        invalidated = false;
        return this;
    }

    public Session remove(String key) {
        changed |= values.remove(key) != null;
        return this;
    }

    /** Empties the session and deletes its cookie on the client. */
    public void invalidate() {
        values.clear();
        changed = true;
        invalidated = true;
    }

    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    boolean changed() {
        return changed;
    }

    boolean invalidated() {
        return invalidated;
    }
}
