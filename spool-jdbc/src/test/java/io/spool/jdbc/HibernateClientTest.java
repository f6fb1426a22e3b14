package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.SessionFactory;
import org.hibernate.StaleObjectStateException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hibernate maps entities with a relation, a sequence and a version column, and runs JPQL, with each driver. */
@ExtendWith(PostgresExtension.class)
class HibernateClientTest {
    private final TestDatabase db;

    HibernateClientTest(TestDatabase db) {
        this.db = db;
    }

    @Entity(name = "Author")
    @Table(name = "author")
    public static class Author {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
        @SequenceGenerator(name = "author_seq", sequenceName = "author_seq", allocationSize = 10)
        Long id;
        String name;
        @OneToMany(mappedBy = "author", cascade = CascadeType.ALL)
        List<Book> books = new ArrayList<>();

        public Author() {}

        Author(String name) {
            this.name = name;
        }

        void add(Book b) {
            b.author = this;
            books.add(b);
        }
    }

    @Entity(name = "Book")
    @Table(name = "book")
    public static class Book {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_seq")
        @SequenceGenerator(name = "book_seq", sequenceName = "book_seq", allocationSize = 10)
        Long id;
        String title;
        BigDecimal price;
        LocalDate published;
        @Version
        int version;
        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        Author author;

        public Book() {}

        Book(String title, BigDecimal price, LocalDate published) {
            this.title = title;
            this.price = price;
            this.published = published;
        }
    }

    @ParameterizedTest
    @EnumSource(Drivers.class)
    void entitiesRelationsSequencesVersionsAndJpql(Drivers driver) throws Exception {
        String schema = driver.createSchema(db, "hibernate");
        Configuration cfg = new Configuration().addAnnotatedClass(Author.class).addAnnotatedClass(Book.class);
        cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, driver.dataSource(db));
        cfg.setProperty(AvailableSettings.DEFAULT_SCHEMA, schema);
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "create");
        cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "20");
        cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        try (SessionFactory sf = cfg.buildSessionFactory()) {
            long authorId = sf.fromTransaction(s -> {
                Author a = new Author("Le Guin");
                a.add(new Book("The Dispossessed", new BigDecimal("11.00"), LocalDate.of(1974, 5, 1)));
                a.add(new Book("Earthsea", new BigDecimal("8.50"), LocalDate.of(1968, 1, 1)));
                Author b = new Author("Lem");
                for (int i = 0; i < 25; i++) {
                    b.add(new Book("Lem " + i, BigDecimal.valueOf(i), LocalDate.of(1961, 1, 1).plusDays(i)));
                }
                s.persist(a);
                s.persist(b);
                return a.id;
            });

            List<String> titles = sf.fromSession(s -> s.createSelectionQuery(
                    "select b.title from Book b where b.author.name = :name and b.price > :min order by b.title", String.class)
                    .setParameter("name", "Le Guin").setParameter("min", new BigDecimal("5")).getResultList());
            assertThat(titles).containsExactly("Earthsea", "The Dispossessed");
            Long lemBooks = sf.fromSession(s -> s.createSelectionQuery(
                    "select count(b) from Book b join b.author a where a.name = 'Lem'", Long.class).getSingleResult());
            assertThat(lemBooks).isEqualTo(25);
            int books = sf.fromSession(s -> s.find(Author.class, authorId).books.size());
            assertThat(books).isEqualTo(2);

            // optimistic locking: a stale copy cannot overwrite a newer version
            Book stale = sf.fromSession(s -> s.createSelectionQuery("from Book where title = 'Earthsea'", Book.class)
                    .getSingleResult());
            sf.inTransaction(s -> s.find(Book.class, stale.id).price = new BigDecimal("9.00"));
            stale.price = new BigDecimal("1.00");
            assertThatThrownBy(() -> sf.inTransaction(s -> s.merge(stale)))
                    .isInstanceOfAny(OptimisticLockException.class, StaleObjectStateException.class);
            assertThat(sf.fromSession(s -> s.find(Book.class, stale.id)).price).isEqualByComparingTo("9.00");
            int version = sf.fromSession(s -> s.find(Book.class, stale.id)).version;
            assertThat(version).isEqualTo(1);
        }
    }
}
