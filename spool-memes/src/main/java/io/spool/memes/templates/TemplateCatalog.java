package io.spool.memes.templates;

import io.spool.memes.model.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every template the service knows, from layered {@link TemplateSource}s: the first source that has a name wins
 * (the database over {@code --templates-dir} over the bundled set), so an operator can replace a bundled template
 * and an upload can replace a file's. Sources may be added after start (the database once it is connected).
 */
public final class TemplateCatalog {
    private final List<TemplateSource> sources = new CopyOnWriteArrayList<>();

    public TemplateCatalog(List<TemplateSource> sources) {
        this.sources.addAll(sources);
    }

    /** Puts {@code source} in front of the others. */
    public void addFirst(TemplateSource source) {
        sources.addFirst(source);
    }

    /** The template called {@code name}; a 404 {@link NotFoundException} when no source has it. */
    public TemplateEntry get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("no template called \"" + name + "\""));
    }

    public Optional<TemplateEntry> find(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (TemplateSource source : sources) {
            Optional<TemplateEntry> entry = source.find(key);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    /** Every template, one per name (the winning source's), sorted by name. */
    public List<TemplateEntry> all() {
        Map<String, TemplateEntry> byName = new TreeMap<>();
        for (TemplateSource source : sources) {
            for (TemplateEntry e : source.all()) {
                byName.putIfAbsent(e.name(), e);
            }
        }
        return new ArrayList<>(byName.values());
    }

    public List<String> names() {
        return all().stream().map(TemplateEntry::name).toList();
    }
}
