CREATE TABLE account (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created timestamptz NOT NULL DEFAULT now()
);
