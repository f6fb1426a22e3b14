package io.spool.pg;

import io.spool.io.Pollable;
import org.junit.jupiter.api.Test;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * spool-pg as a named module, loaded from its build output in a module layer of its own (the tests themselves
 * run on the class path): it resolves with nothing but spool-io (Netty is optional), exports the API packages
 * only, and code outside cannot reach the protocol engine or the transports.
 */
class ModuleEncapsulationTest {

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Module loadSpoolPg() throws Exception {
        ModuleFinder finder = ModuleFinder.of(locationOf(PgConfig.class), locationOf(Pollable.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("spool.pg"));
        ModuleLayer layer = ModuleLayer.boot()
                .defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        return layer.findModule("spool.pg").orElseThrow();
    }

    @Test
    void exportsTheApiPackagesOnly() throws Exception {
        Module pg = loadSpoolPg();
        ModuleDescriptor descriptor = pg.getDescriptor();
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("io.spool.pg", "io.spool.pg.types", "io.spool.pg.netty");
        assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
        assertThat(descriptor.packages()).contains("io.spool.pg.protocol", "io.spool.pg.net");
        assertThat(pg.isExported("io.spool.pg.protocol")).isFalse();
        assertThat(pg.isExported("io.spool.pg.net")).isFalse();
        assertThat(descriptor.requires().stream().filter(r -> r.name().startsWith("io.netty"))
                .map(ModuleDescriptor.Requires::modifiers))
                .allSatisfy(m -> assertThat(m).contains(ModuleDescriptor.Requires.Modifier.STATIC));
    }

    @Test
    void theApiIsReachableAndTheInternalsAreNot() throws Exception {
        Module pg = loadSpoolPg();
        ClassLoader loader = pg.getClassLoader();
        // an exported class works from outside the module
        Class<?> config = Class.forName("io.spool.pg.PgConfig", true, loader);
        Object parsed = config.getMethod("parse", String.class).invoke(null, "postgresql://u@127.0.0.1:5/d");
        assertThat(config.getMethod("port").invoke(parsed)).isEqualTo(5);
        // public classes of packages not exported cannot be used, even reflectively
        Class<?> engine = Class.forName("io.spool.pg.protocol.PgEngine", true, loader);
        assertThat(engine.getModule()).isSameAs(pg);
        assertThatThrownBy(() -> engine.getConstructor().newInstance()).isInstanceOf(IllegalAccessException.class)
                .hasMessageContaining("does not export io.spool.pg.protocol");
        Class<?> transport = Class.forName("io.spool.pg.net.BlockingTransport", true, loader);
        assertThatThrownBy(() -> transport.getMethod("connect", config,
                        Class.forName("io.spool.pg.protocol.PgEngine", false, loader)).invoke(null, parsed, null))
                .isInstanceOf(IllegalAccessException.class).hasMessageContaining("does not export io.spool.pg.net");
    }
}
