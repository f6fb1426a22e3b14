package io.spool.pg;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** libpq's spelling of enum settings: lower case with dashes ({@code verify-full}, {@code prefer-standby}). */
final class LibpqNames {
    private LibpqNames() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant spelled {@code value} (any case), or an error listing the spellings {@code setting} takes. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String setting) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException(setting + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(LibpqNames::of).collect(Collectors.joining(", ")) + "; got '" + value + "'");
    }
}
