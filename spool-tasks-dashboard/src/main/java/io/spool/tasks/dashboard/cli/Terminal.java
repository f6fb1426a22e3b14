package io.spool.tasks.dashboard.cli;

/**
 * Makes text stored by tasks (names, params, errors) safe to print to a terminal: control characters other than
 * newline and tab, which could move the cursor or retitle the window, become U+FFFD.
 */
final class Terminal {
    private Terminal() {}

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0);
            if (control && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(control ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }
}
