package io.spool.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * libpq's password file ({@code ~/.pgpass}, {@code PGPASSFILE} or {@code passfile}): lines of
 * {@code hostname:port:database:username:password}, {@code *} matching anything, {@code \:} and {@code \\}
 * escaping, {@code #} starting a comment; the first matching line wins. As libpq does, a file that the group
 * or others may read is ignored (a password file must be private).
 */
final class Pgpass {
    private static final System.Logger LOG = System.getLogger(Pgpass.class.getName());

    private Pgpass() {}

    /** The password for that server and role, or null when the file is missing, public, or has no match. */
    static String lookup(String passfile, String host, int port, String database, String user) {
        Path file = passfile != null ? Path.of(passfile) : Path.of(System.getProperty("user.home"), ".pgpass");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                LOG.log(System.Logger.Level.WARNING, "password file {0} has group or world access; permissions "
                        + "should be u=rw (0600) or less: it is ignored", file);
                return null;
            }
        } catch (UnsupportedOperationException | IOException noPosix) {
            // not a POSIX file system: nothing to check
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> f = fields(line);
                if (f.size() == 5 && matches(f.get(0), host) && matches(f.get(1), Integer.toString(port))
                        && matches(f.get(2), database) && matches(f.get(3), user)) {
                    return f.get(4);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not read password file {0}: {1}", file, e.getMessage());
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits at unescaped colons; the password (the last field) keeps any further colons escaped or not. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                sb.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
