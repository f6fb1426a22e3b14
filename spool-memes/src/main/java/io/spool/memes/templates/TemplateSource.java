package io.spool.memes.templates;

import java.util.List;
import java.util.Optional;

/** Where templates come from: the bundled set, a watched directory, the database. Thread-safe. */
public interface TemplateSource {
    /** The template called {@code name} (lower case), if this source has one. */
    Optional<TemplateEntry> find(String name);

    /** Every template of this source. */
    List<TemplateEntry> all();
}
