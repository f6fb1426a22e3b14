package io.spool.pg;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgConfigTest {

    @Test
    void parsesAFullUrlWithPercentEncodingAndParameters() {
        PgConfig c = PgConfig.parse("postgresql://al%40ice:p%3Ass%20w@db.example:6543/my%2Fdb?connect_timeout=3&application_name=x&socket_timeout=7");
        assertThat(c.user()).isEqualTo("al@ice");
        assertThat(c.password()).isEqualTo("p:ss w");
        assertThat(c.host()).isEqualTo("db.example");
        assertThat(c.port()).isEqualTo(6543);
        assertThat(c.database()).isEqualTo("my/db");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.socketTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.applicationName()).isEqualTo("x");
    }

    @Test
    void urlDefaultsTheDatabaseToTheUserAndKeepsPlusSigns() {
        PgConfig c = PgConfig.parse("postgres://bob:a+b@localhost");
        assertThat(c.database()).isEqualTo("bob");
        assertThat(c.password()).isEqualTo("a+b");
        assertThat(c.port()).isEqualTo(5432);
    }

    @Test
    void parsesIpv6Hosts() {
        PgConfig c = PgConfig.parse("postgresql://u@[::1]:5433/d");
        assertThat(c.host()).isEqualTo("::1");
        assertThat(c.port()).isEqualTo(5433);
    }

    @Test
    void parsesLibpqKeyValueWithQuotesAndEscapes() {
        PgConfig c = PgConfig.parse("host=127.0.0.1 port = 5544 dbname=app user=me password='it\\'s a secret' options='-c search_path=x'");
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(5544);
        assertThat(c.database()).isEqualTo("app");
        assertThat(c.password()).isEqualTo("it's a secret");
        assertThat(c.startupParameters()).containsEntry("options", "-c search_path=x").containsEntry("database", "app");
    }

    @Test
    void rejectsUnknownKeysBadNumbersAndBrokenQuotes() {
        assertThatThrownBy(() -> PgConfig.parse("postgresql://u@h/d?conect_timeout=3"))
                .hasMessageContaining("unknown connection parameter 'conect_timeout'");
        assertThatThrownBy(() -> PgConfig.parse("host=h port=abc")).hasMessageContaining("port must be an integer");
        assertThatThrownBy(() -> PgConfig.parse("host=h password='open")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> PgConfig.parse("postgresql://u@h:70000/d")).hasMessageContaining("port must be 1..65535");
        assertThatThrownBy(() -> PgConfig.parse("host")).hasMessageContaining("expected key=value");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(PgConfig.parse("postgresql://u:hunter2@h/d").toString()).doesNotContain("hunter2").contains("password set");
    }
}
