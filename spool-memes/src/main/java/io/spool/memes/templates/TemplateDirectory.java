package io.spool.memes.templates;

import io.spool.memes.assets.Asset;
import io.spool.memes.model.MemeException;
import io.spool.memes.model.NotFoundException;
import io.spool.memes.model.TemplateInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The templates of {@code --templates-dir}, in either layout: a flat folder of images ({@code cat.jpg} is the
 * template {@code cat}, placed as rofld places captions) and memegen's, one folder per template with a
 * {@code config.yml} (its text boxes, keywords, source…) and {@code default.{png,jpg,gif}}, any other image in the
 * folder being an alternate style ({@code default.gif} beside a still default is the style {@code animated}). The
 * directory is watched ({@link WatchService}, one key per folder): a new, changed or deleted file takes effect
 * about {@link #SETTLE_MILLIS} ms after the last event, without a restart. A folder whose {@code config.yml} is
 * invalid is left out with a warning naming the file and the fault.
 */
public final class TemplateDirectory implements TemplateSource, AutoCloseable {
    /** Events are gathered this long before rescanning, so a file being copied is read once it is whole. */
    static final long SETTLE_MILLIS = 150;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "gif");
    private static final System.Logger LOG = System.getLogger("io.spool.memes.templates");

    private final Path dir;
    private final WatchService watcher;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Thread thread;
    private volatile Map<String, TemplateEntry> entries;
    private volatile long scans;

    private TemplateDirectory(Path dir) throws IOException {
        this.dir = dir;
        this.watcher = FileSystems.getDefault().newWatchService();
        register(dir);
        this.entries = scan();
        this.thread = Thread.ofPlatform().daemon().name("templates-dir-watch").start(this::watch);
    }

    /** Scans {@code dir} and starts watching it. */
    public static TemplateDirectory watch(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--templates-dir " + dir + " is not a directory");
        }
        try {
            return new TemplateDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<TemplateEntry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    @Override
    public List<TemplateEntry> all() {
        return List.copyOf(entries.values());
    }

    /** How many times the directory was read (tests wait on it). */
    public long scans() {
        return scans;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // let a burst of events (a copy, an editor's save) settle, then read the directory once
                do {
                    handle(key);
                } while ((key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null);
                entries = scan();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "watching " + dir + " stopped", e);
        }
    }

    private void handle(WatchKey key) {
        Path folder = keys.get(key);
        for (var event : key.pollEvents()) {
            if (folder != null && event.context() instanceof Path child) {
                Path path = folder.resolve(child);
                if (folder.equals(dir) && Files.isDirectory(path)) {
                    tryRegister(path);
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private void register(Path root) throws IOException {
        keys.put(root.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE), root);
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (root.equals(dir)) {
                    tryRegister(child);
                }
            }
        }
    }

    private void tryRegister(Path folder) {
        try {
            keys.put(folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), folder);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch " + folder + ": " + e.getMessage());
        }
    }

    /** Reads the whole directory into a new snapshot. */
    Map<String, TemplateEntry> scan() {
        Map<String, TemplateEntry> found = new TreeMap<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String fileName = child.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isDirectory(child)) {
                    if (NAME.matcher(fileName).matches()) {
                        folder(fileName, child).ifPresent(e -> found.put(e.name(), e));
                    }
                } else if (imageExtension(fileName) != null && NAME.matcher(stem(fileName)).matches()) {
                    found.putIfAbsent(stem(fileName), new TemplateEntry(stem(fileName), asset(stem(fileName), child),
                            Map.of(), TemplateInfo.NONE, "directory"));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + dir + ": " + e.getMessage());
            return entries == null ? Map.of() : entries;
        }
        scans++;
        return Map.copyOf(found);
    }

    /** A memegen template folder, or empty (with a warning) when it has no default image or a bad config. */
    private Optional<TemplateEntry> folder(String name, Path folder) throws IOException {
        Map<String, Path> images = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (imageExtension(fileName) != null && !fileName.startsWith(".") && !fileName.startsWith("_")) {
                    images.merge(stem(fileName), file, (a, b) -> preferStill(a, b));
                    if (fileName.equals("default.gif")) {
                        images.put("animated", file);
                    }
                }
            }
        }
        Path image = images.remove("default");
        if (image == null) {
            return Optional.empty();   // not (yet) a template: memegen's layout needs default.{png,jpg,gif}
        }
        if (images.get("animated") != null && images.get("animated").equals(image)) {
            images.remove("animated");   // the only default is the GIF: no separate animated style
        }
        TemplateInfo info = TemplateInfo.NONE;
        Path config = folder.resolve("config.yml");
        if (Files.isRegularFile(config)) {
            try {
                info = MemegenConfig.parse(Files.readAllBytes(config), name + "/config.yml");
            } catch (MemeException e) {
                LOG.log(System.Logger.Level.WARNING, "template " + name + " left out: " + e.getMessage());
                return Optional.empty();
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        } else {
            info = MemegenConfig.parse(new byte[0], name + "/config.yml");   // memegen's defaults: top and bottom
        }
        Map<String, Asset> styles = new HashMap<>();
        images.forEach((style, file) -> {
            if (NAME.matcher(style).matches()) {
                styles.put(style, asset(name + "/" + style, file));
            }
        });
        return Optional.of(new TemplateEntry(name, asset(name, image), styles, info, "directory"));
    }

    private static Path preferStill(Path a, Path b) {
        return a.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif") ? b : a;
    }

    /** A file's picture, versioned by size and modification time; a file gone since the scan is a 404. */
    private static Asset asset(String name, Path file) {
        String version;
        try {
            version = "file-" + Files.size(file) + "-" + Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            version = "file-missing";
        }
        return new Asset(name, version, () -> {
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new NotFoundException("no template called \"" + name + "\" (its file was deleted)");
            }
        });
    }

    private static String imageExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1);
        return IMAGE_EXTENSIONS.contains(ext) ? ext : null;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // closing a watch service does not fail in a way worth reporting
        }
        thread.interrupt();
    }

    /** Not part of the API: the snapshot's names, for tests. */
    Set<String> names() {
        return entries.keySet();
    }
}
