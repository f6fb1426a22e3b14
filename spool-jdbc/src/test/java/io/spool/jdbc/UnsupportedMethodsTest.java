package io.spool.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What this driver leaves out is what its classes inherit from the generated {@code Unsupported*} bases: each
 * such method must throw {@link SQLFeatureNotSupportedException} naming itself, and the module README must list
 * it, so the list there cannot go stale.
 */
class UnsupportedMethodsTest {
    static final Map<String, Class<?>> CLASSES = Map.of(
            "Connection", SpoolConnection.class,
            "Statement", SpoolStatement.class,
            "PreparedStatement", SpoolPreparedStatement.class,
            "CallableStatement", SpoolCallableStatement.class,
            "ResultSet", SpoolResultSet.class,
            "DatabaseMetaData", SpoolDatabaseMetaData.class);

    /** "Interface: method, method, ..." for each interface, as the README lists them. */
    static List<String> unsupportedByInterface() {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("Connection", "Statement", "PreparedStatement", "CallableStatement", "ResultSet",
                "DatabaseMetaData")) {
            TreeSet<String> methods = new TreeSet<>();
            Class<?> iface;
            try {
                iface = Class.forName("java.sql." + name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            for (Method m : iface.getDeclaredMethods()) {
                if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Class<?> by = implementer(CLASSES.get(name), m);
                if (by != null && by.getSimpleName().startsWith("Unsupported")) {
                    methods.add(m.getName() + "(" + String.join(", ", java.util.Arrays.stream(m.getParameterTypes())
                            .map(Class::getSimpleName).toList()) + ")");
                }
            }
            lines.add("`" + name + "`: " + String.join(", ", methods));
        }
        return lines;
    }

    /** The class whose own (not bridge) method implements {@code m} for {@code c}. */
    private static Class<?> implementer(Class<?> c, Method m) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                Method own = k.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (!own.isBridge() && !own.isSynthetic()) {
                    return k;
                }
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return null;
    }

    @Test
    void theReadmeListsEveryUnsupportedMethod() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String line : unsupportedByInterface()) {
            assertThat(readme).as("README.md lists the unsupported methods").contains(line);
        }
    }

    @Test
    void anUnsupportedMethodThrowsNamingItself() throws Exception {
        Connection c = new SpoolConnection(null, null, null);
        try {
            c.createNClob();
        } catch (SQLFeatureNotSupportedException e) {
            assertThat(e.getMessage()).isEqualTo("spool-jdbc does not support Connection.createNClob()");
            assertThat(e.getSQLState()).isEqualTo("0A000");
            return;
        }
        throw new AssertionError("createNClob did not throw");
    }

    public static void main(String[] args) {
        unsupportedByInterface().forEach(l -> System.out.println("- " + l));
    }
}
