INSERT INTO account (email) VALUES ('a@example.org'), ('b@example.org');
INSERT INTO orders (account_id, total, note)
SELECT id, 10.50, $$it's $dollar-quoted; with a ; inside$$ FROM account;
CREATE FUNCTION order_count(acc bigint) RETURNS bigint LANGUAGE sql AS $$
    SELECT count(*) FROM ${flyway:defaultSchema}.orders WHERE account_id = acc;
$$;
