package io.spool.pg;

import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.ErrorFields;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PgException#from}, the one place an engine failure becomes the client's error: callers see what the
 * engine recorded (message, SQLSTATE, fields, kind, cause, stack) exactly as a {@code PgException} built
 * directly would show it.
 */
class PgExceptionFromEngineTest {

    private static Map<Character, String> serverFields() {
        Map<Character, String> byCode = new LinkedHashMap<>();
        byCode.put('S', "FATAL");
        byCode.put('V', "FATAL");
        byCode.put('C', "57P01");
        byCode.put('M', "terminating connection due to administrator command");
        byCode.put('D', "the detail");
        byCode.put('H', "the hint");
        byCode.put('P', "7");
        byCode.put('t', "accounts");
        byCode.put('X', "a field this client does not know");
        return byCode;
    }

    @Test
    void aServerErrorKeepsItsMessageAndEveryNamedField() {
        EngineException engine = new EngineException(ErrorFields.of(serverFields()));
        PgException pg = PgException.from(engine);

        Map<PgException.Field, String> named = new LinkedHashMap<>();
        serverFields().forEach((code, value) -> {
            if (PgException.Field.of(code) != null) {
                named.put(PgException.Field.of(code), value);
            }
        });
        PgException direct = new PgException(named);
        assertThat(pg.getMessage()).isEqualTo(direct.getMessage()).isEqualTo(engine.getMessage())
                .isEqualTo("FATAL: terminating connection due to administrator command (SQLSTATE 57P01)"
                        + "\n  Detail: the detail\n  Hint: the hint\n  Position: 7");
        assertThat(pg.fields()).isEqualTo(direct.fields()).hasSize(8).doesNotContainValue("a field this client does not know");
        assertThat(pg.sqlState()).isEqualTo("57P01");
        assertThat(pg.table()).isEqualTo("accounts");
        assertThat(pg.position()).isEqualTo(7);
        assertThat(pg.isClientSide()).isFalse();
        assertThat(pg.isConnectionError()).isTrue().isEqualTo(engine.isConnectionError());
        assertThat(pg.getCause()).isNull();
        assertThat(pg.getStackTrace()).isEqualTo(engine.getStackTrace());
    }

    @Test
    void aClientFailureKeepsItsSqlStateKindAndCause() {
        IOException reset = new IOException("connection reset");
        EngineException engine = new EngineException(PgException.CONNECTION_FAILURE, "connection to the server failed", reset);
        PgException pg = PgException.from(engine);
        PgException direct = new PgException(PgException.CONNECTION_FAILURE, "connection to the server failed", reset);

        assertThat(pg.getMessage()).isEqualTo(direct.getMessage())
                .isEqualTo("connection to the server failed (SQLSTATE 08006)");
        assertThat(pg.fields()).isEqualTo(direct.fields());
        assertThat(pg.isClientSide()).isTrue();
        assertThat(pg.isConnectionError()).isTrue();
        assertThat(pg.getCause()).isSameAs(reset);
        assertThat(new EngineException("22023", "bad value").isConnectionError()).isFalse();
    }

    @Test
    void engineFailuresAmongTheCausesAreTranslatedToo() {
        EngineException first = new EngineException(ErrorFields.of(Map.of('S', "ERROR", 'C', "22012", 'M', "division by zero")));
        EngineException skipped = new EngineException("22012", "not executed: an earlier command failed", first);
        // what Command.result() throws: a copy with the caller's stack whose cause is the recorded failure
        PgException thrown = PgException.from(skipped.forCaller());

        assertThat(thrown.getMessage()).isEqualTo("not executed: an earlier command failed (SQLSTATE 22012)");
        assertThat(thrown.getCause()).isExactlyInstanceOf(PgException.class).hasMessage(thrown.getMessage());
        assertThat(thrown.getCause().getCause()).isExactlyInstanceOf(PgException.class)
                .hasMessage("ERROR: division by zero (SQLSTATE 22012)");
        assertThat(((PgException) thrown.getCause().getCause()).isClientSide()).isFalse();
        assertThat(thrown.getCause().getCause().getCause()).isNull();
    }
}
