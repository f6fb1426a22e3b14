CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES account (id),
    total numeric(12, 2) NOT NULL,
    note text -- a comment with a ? in it
);
CREATE INDEX orders_account ON orders (account_id);
