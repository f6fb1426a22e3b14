package io.spool.pg.protocol;

/** Reads the row count out of a CommandComplete tag such as {@code "INSERT 0 3"} or {@code "UPDATE 2"}. */
public final class CommandTag {
    private CommandTag() {}

    /** The trailing number of the tag, or 0 for tags that carry none ({@code "CREATE TABLE"}). */
    public static long rowsAffected(String tag) {
        int i = tag.length();
        while (i > 0 && Character.isDigit(tag.charAt(i - 1))) {
            i--;
        }
        if (i == tag.length() || (i > 0 && tag.charAt(i - 1) != ' ')) {
            return 0;
        }
        try {
            return Long.parseLong(tag, i, tag.length(), 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
