package io.spool.pg.protocol;

import io.spool.pg.PgConnection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol engine sits below the client API: no class of {@code io.spool.pg.protocol} may use a type of
 * {@code io.spool.pg} ({@code PgException}, {@code RowSet}, {@code Notice}, ...). Checked on the compiled
 * classes, whose constant pools name every type a class uses, however the source spelt it (an import, a fully
 * qualified name, a generic signature).
 */
class ProtocolLayeringTest {
    /** A class of the API package itself (a subpackage such as io.spool.pg.types starts lower-case). */
    private static final Pattern API_TYPE = Pattern.compile("io/spool/pg/[A-Z][A-Za-z0-9_$]*");

    private static Path classFile(Class<?> type) throws URISyntaxException {
        Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        return root.resolve(type.getName().replace('.', '/') + ".class");
    }

    /** The API types a class file names (class names in the constant pool are plain ASCII). */
    private static Set<String> apiTypesUsedBy(Path classFile) throws IOException {
        Matcher m = API_TYPE.matcher(new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1));
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void theEngineUsesNothingOfTheClientApi() throws Exception {
        Path protocol = classFile(PgEngine.class).getParent();
        Map<String, Set<String>> offenders = new TreeMap<>();
        int classes = 0;
        try (Stream<Path> files = Files.list(protocol)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes++;
                Set<String> used = apiTypesUsedBy(file);
                if (!used.isEmpty()) {
                    offenders.put(file.getFileName().toString(), used);
                }
            }
        }
        assertThat(classes).as("class files of the engine found").isGreaterThan(30);
        assertThat(offenders).as("engine classes that use the client API").isEmpty();
    }

    @Test
    void theCheckSeesApiTypesWhereTheyAreUsed() throws Exception {
        // the same scan on a class of the API finds its uses, so the empty answer above means something
        assertThat(apiTypesUsedBy(classFile(PgConnection.class)))
                .contains("io/spool/pg/PgException", "io/spool/pg/RowSet", "io/spool/pg/Notice")
                .doesNotContain("io/spool/pg/protocol");
    }
}
