-- The template catalogue shared by every spool-memes process on this database.
CREATE TABLE spool_memes_templates.templates (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    image       bytea NOT NULL,
    media_type  text NOT NULL,
    width       int NOT NULL,
    height      int NOT NULL,
    frames      int NOT NULL,
    config      jsonb NOT NULL,
    version     bigint NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE spool_memes_templates.versions;

-- Any change tells every listening process which template changed (payload: its name).
CREATE FUNCTION spool_memes_templates.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('spool_memes_templates', COALESCE(NEW.name, OLD.name));
    RETURN NULL;
END $$;
CREATE TRIGGER templates_changed AFTER INSERT OR UPDATE OR DELETE ON spool_memes_templates.templates
    FOR EACH ROW EXECUTE FUNCTION spool_memes_templates.notify_change();
