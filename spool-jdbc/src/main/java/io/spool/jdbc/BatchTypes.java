package io.spool.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a batch's parameter sets agree on each parameter's Java type, since the batch is prepared once with
 * the types of its values: a column whose sets mix number classes ({@code 3} and {@code 2.25}) is sent as
 * {@link BigDecimal} (numeric), any other mix as text for the server to convert. Nulls take any type.
 */
final class BatchTypes {
    private BatchTypes() {}

    static List<Object[]> unify(List<Object[]> sets) throws java.sql.SQLException {
        if (sets.size() < 2) {
            return sets;
        }
        int width = sets.get(0).length;
        List<Object[]> out = null;
        for (int column = 0; column < width; column++) {
            Class<?> seen = null;
            boolean mixed = false;
            boolean allNumbers = true;
            for (Object[] set : sets) {
                Object v = set[column];
                if (v != null) {
                    allNumbers &= v instanceof Number;
                    mixed |= seen != null && seen != v.getClass();
                    seen = v.getClass();
                }
            }
            if (!mixed) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(sets.size());
                for (Object[] set : sets) {
                    out.add(set.clone());
                }
            }
            for (Object[] set : out) {
                Object v = set[column];
                if (v != null) {
                    set[column] = allNumbers ? Values.bigDecimal(v) : v.toString();
                }
            }
        }
        return out == null ? sets : out;
    }
}
