package io.spool.pg;

/**
 * libpq's {@code target_session_attrs}: which of several hosts a connection settles on. {@code ANY} takes the
 * first that answers; {@code READ_WRITE}/{@code READ_ONLY} ask {@code SHOW transaction_read_only};
 * {@code PRIMARY}/{@code STANDBY} ask {@code pg_is_in_recovery()}; {@code PREFER_STANDBY} tries for a standby
 * and takes any server when there is none.
 */
public enum TargetSessionAttrs {
    ANY, READ_WRITE, READ_ONLY, PRIMARY, STANDBY, PREFER_STANDBY;

    public static TargetSessionAttrs parse(String value) {
        return LibpqNames.parse(TargetSessionAttrs.class, value, "target_session_attrs");
    }

    /** The query that tells, and the answer that suits (null: any server suits). */
    public String question() {
        return switch (this) {
            case READ_WRITE, READ_ONLY -> "SHOW transaction_read_only";
            case PRIMARY, STANDBY, PREFER_STANDBY -> "SELECT pg_is_in_recovery()";
            case ANY -> null;
        };
    }

    /** Whether a server whose answer to {@link #question()} is {@code answer} suits. */
    public boolean suits(String answer) {
        return switch (this) {
            case READ_WRITE -> answer.equals("off");
            case READ_ONLY -> answer.equals("on");
            case PRIMARY -> answer.equals("f");
            case STANDBY, PREFER_STANDBY -> answer.equals("t");
            case ANY -> true;
        };
    }

    @Override
    public String toString() {
        return LibpqNames.of(this);
    }
}
