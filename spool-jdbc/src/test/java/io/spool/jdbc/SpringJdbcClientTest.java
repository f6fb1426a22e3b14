package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spring's JdbcTemplate and NamedParameterJdbcTemplate (spring-jdbc alone), with both drivers. */
@ExtendWith(PostgresExtension.class)
class SpringJdbcClientTest {
    private final TestDatabase db;

    SpringJdbcClientTest(TestDatabase db) {
        this.db = db;
    }

    record Item(long id, String name, BigDecimal price, LocalDate added) {}

    @ParameterizedTest
    @EnumSource(Drivers.class)
    void jdbcTemplateCrudBatchKeysAndTransactions(Drivers driver) throws Exception {
        String schema = driver.createSchema(db, "spring");
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(driver.dataSource(db).getConnection(), true)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            jdbc.execute("SET search_path = " + schema);
            jdbc.execute("CREATE TABLE item (id bigserial PRIMARY KEY, name text UNIQUE NOT NULL, price numeric(8,2), added date)");

            assertThat(jdbc.update("INSERT INTO item (name, price, added) VALUES (?, ?, ?)", "pen", new BigDecimal("1.50"),
                    LocalDate.of(2024, 1, 2))).isEqualTo(1);
            int[] counts = jdbc.batchUpdate("INSERT INTO item (name, price) VALUES (?, ?)",
                    List.of(new Object[] {"ink", 3}, new Object[] {"pad", new BigDecimal("2.25")}));
            assertThat(counts).containsExactly(1, 1);

            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement("INSERT INTO item (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS);
                ps.setString(1, "cap");
                return ps;
            }, keys);
            assertThat(keys.getKeys()).containsKey("id");

            List<Item> items = jdbc.query("SELECT id, name, price, added FROM item WHERE price IS NOT NULL ORDER BY name",
                    (rs, i) -> new Item(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)));
            assertThat(items).extracting(Item::name).containsExactly("ink", "pad", "pen");
            assertThat(items.get(2).added()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM item", Long.class)).isEqualTo(4);
            assertThat(jdbc.queryForList("SELECT name FROM item WHERE name LIKE ? ORDER BY 1", String.class, "p%"))
                    .containsExactly("pad", "pen");
            Map<String, Object> row = jdbc.queryForMap("SELECT name, price FROM item WHERE name = 'pen'");
            assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("1.50");

            assertThatThrownBy(() -> jdbc.update("INSERT INTO item (name) VALUES ('pen')"))
                    .isInstanceOf(DuplicateKeyException.class);

            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                jdbc.update("DELETE FROM item");
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM item", Long.class)).as("rolled back").isEqualTo(4);
            tx.executeWithoutResult(status -> jdbc.update("DELETE FROM item WHERE name = 'cap'"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM item", Long.class)).isEqualTo(3);

            jdbc.setQueryTimeout(1);
            assertThatThrownBy(() -> jdbc.execute("SELECT pg_sleep(5)")).isInstanceOf(QueryTimeoutException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Drivers.class)
    void namedParametersWithListsAndBatches(Drivers driver) throws Exception {
        String schema = driver.createSchema(db, "named");
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(driver.dataSource(db).getConnection(), true)) {
            new JdbcTemplate(ds).execute("SET search_path = " + schema + "; CREATE TABLE tag (id int PRIMARY KEY, label text)");
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(ds);
            named.batchUpdate("INSERT INTO tag (id, label) VALUES (:id, :label)", new MapSqlParameterSource[] {
                    new MapSqlParameterSource("id", 1).addValue("label", "one"),
                    new MapSqlParameterSource("id", 2).addValue("label", "two"),
                    new MapSqlParameterSource("id", 3).addValue("label", "three")});
            List<String> labels = named.queryForList("SELECT label FROM tag WHERE id IN (:ids) AND label <> :not ORDER BY id",
                    new MapSqlParameterSource("ids", List.of(1, 3)).addValue("not", "x"), String.class);
            assertThat(labels).containsExactly("one", "three");
            assertThat(named.update("UPDATE tag SET label = :label WHERE id = :id",
                    Map.of("label", "deux", "id", 2))).isEqualTo(1);
            assertThat(named.queryForObject("SELECT label FROM tag WHERE id = :id", Map.of("id", 2), String.class))
                    .isEqualTo("deux");
        }
    }
}
