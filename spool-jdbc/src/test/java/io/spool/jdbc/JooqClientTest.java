package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** jOOQ's DSL (no code generation) runs CRUD and a batch with each driver. */
@ExtendWith(PostgresExtension.class)
class JooqClientTest {
    private final TestDatabase db;

    JooqClientTest(TestDatabase db) {
        this.db = db;
    }

    @ParameterizedTest
    @EnumSource(Drivers.class)
    void typedCrudAndABatch(Drivers driver) throws Exception {
        String schema = driver.createSchema(db, "jooq");
        try (Connection c = driver.connect(db)) {
            DSLContext ctx = DSL.using(c, SQLDialect.POSTGRES);
            Table<Record> book = DSL.table(DSL.name(schema, "book"));
            Field<Long> id = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
            Field<String> title = DSL.field(DSL.name("title"), SQLDataType.VARCHAR(200));
            Field<BigDecimal> price = DSL.field(DSL.name("price"), SQLDataType.NUMERIC(8, 2));
            Field<LocalDateTime> added = DSL.field(DSL.name("added"), SQLDataType.LOCALDATETIME);
            ctx.createTable(book).column(id, SQLDataType.BIGINT.generatedByDefaultAsIdentity()).column(title).column(price).column(added)
                    .primaryKey(id).execute();

            Record inserted = ctx.insertInto(book, title, price, added)
                    .values("Dune", new BigDecimal("9.99"), LocalDateTime.of(2024, 2, 3, 4, 5, 6)).returning(id).fetchOne();
            assertThat(inserted.get(id)).isPositive();

            int[] batch = ctx.batch(ctx.insertInto(book, title, price).values((String) null, (BigDecimal) null))
                    .bind("Emma", new BigDecimal("5.00")).bind("Ulysses", new BigDecimal("12.50")).execute();
            assertThat(batch).hasSize(2);

            Result<Record3<String, BigDecimal, LocalDateTime>> cheap = ctx.select(title, price, added).from(book).where(price.lt(new BigDecimal("10")))
                    .orderBy(title).fetch();
            assertThat(cheap.getValues(title)).containsExactly("Dune", "Emma");
            assertThat(cheap.get(0).get(added)).isEqualTo(LocalDateTime.of(2024, 2, 3, 4, 5, 6));

            assertThat(ctx.update(book).set(price, price.mul(2)).where(title.eq("Emma")).execute()).isEqualTo(1);
            assertThat(ctx.select(price).from(book).where(title.eq("Emma")).fetchOne(price)).isEqualByComparingTo("10.00");
            assertThat(ctx.deleteFrom(book).where(title.like("U%")).execute()).isEqualTo(1);
            int count = ctx.fetchCount(book);
            assertThat(count).isEqualTo(2);
            int inTx = ctx.transactionResult(cfg -> DSL.using(cfg).fetchCount(book));
            assertThat(inTx).isEqualTo(2);
        }
    }
}
