package io.spool.memes.templates;

import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.TemplateInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The templates shipped in the jar (four photographs and the generated animated {@code spool}), without boxes. */
public final class BundledTemplates implements TemplateSource {
    private final Map<String, TemplateEntry> entries;

    public BundledTemplates() {
        AssetStore store = AssetStore.templates(null);
        this.entries = store.names().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(n -> n,
                n -> new TemplateEntry(n, store.get(n), Map.of(), TemplateInfo.NONE, "bundled")));
    }

    @Override
    public Optional<TemplateEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    @Override
    public List<TemplateEntry> all() {
        return List.copyOf(entries.values());
    }
}
