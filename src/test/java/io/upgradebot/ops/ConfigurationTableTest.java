package io.upgradebot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.upgradebot.config.GitHubSecrets;
import io.upgradebot.config.SlackSecrets;
import io.upgradebot.config.UpgradeBotConfig;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README promises one table with every setting. This reads the {@code @ConfigMapping} interfaces the bot
 * really uses and checks each setting has a row naming its property, its env var and its default, so a new
 * setting cannot ship undocumented. Plain JUnit: no Quarkus boot.
 */
class ConfigurationTableTest {

    /** Mappings that must be found; any other @ConfigMapping in config/ is found by scanning the compiled package. */
    private static final List<Class<?>> KNOWN_MAPPINGS = List.of(UpgradeBotConfig.class, SlackSecrets.class,
            GitHubSecrets.class);

    record Setting(String property, String env, String defaultValue) {
    }

    @Test
    void readmeTableHasARowForEverySettingWithItsEnvVarAndDefault() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("|"))
                .toList();
        List<String> problems = new ArrayList<>();

        for (Setting s : settings()) {
            List<String> matching = rows.stream().filter(r -> r.contains("`" + s.env() + "`")).toList();
            if (matching.size() != 1) {
                problems.add(s.env() + ": expected one README table row, found " + matching.size());
                continue;
            }
            String row = matching.get(0);
            if (!row.contains("`" + s.property() + "`")) {
                problems.add(s.env() + ": row does not name the property `" + s.property() + "`");
            }
            if (s.defaultValue() != null && !row.contains("`" + s.defaultValue() + "`")) {
                problems.add(s.env() + ": row does not show the default `" + s.defaultValue() + "`");
            }
        }

        assertTrue(problems.isEmpty(), () -> "README configuration table is out of step with config/:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void settingsAreReadFromTheMappings() {
        List<Setting> settings = settings();

        // the reflection above must see nested groups and defaults, or the README check proves nothing
        assertTrue(settings
                .contains(new Setting("upgrade-bot.github.write-interval", "UPGRADE_BOT_GITHUB_WRITE_INTERVAL", "1s")));
        assertTrue(settings.contains(new Setting("slack.signing-secret", "SLACK_SIGNING_SECRET", null)));
        assertTrue(settings.contains(new Setting("github.api-url", "GITHUB_API_URL", "https://api.github.com")));
        assertEquals(settings.size(), settings.stream().map(Setting::env).distinct().count(), "env vars are unique");
    }

    @Test
    void everyMappingInTheConfigPackageIsChecked() {
        assertTrue(mappings().containsAll(KNOWN_MAPPINGS), () -> "scan found " + mappings());
    }

    /** Every @ConfigMapping interface in io.upgradebot.config, read from the compiled classes (features add their own). */
    static List<Class<?>> mappings() {
        Path dir = Path.of("target", "classes", "io", "upgradebot", "config");
        try (Stream<Path> files = Files.list(dir)) {
            List<Class<?>> found = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName("io.upgradebot.config." + simple);
                if (c.isAnnotationPresent(ConfigMapping.class)) {
                    found.add(c);
                }
            }
            return found;
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("cannot scan " + dir, e);
        }
    }

    static List<Setting> settings() {
        List<Setting> out = new ArrayList<>();
        for (Class<?> mapping : mappings()) {
            collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), out);
        }
        out.sort(Comparator.comparing(Setting::property));
        return out;
    }

    private static void collect(Class<?> type, String prefix, List<Setting> out) {
        for (Method m : type.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0) {
                continue;
            }
            String name = prefix;
            if (!m.isAnnotationPresent(WithParentName.class)) {
                String key = m.isAnnotationPresent(WithName.class)
                        ? m.getAnnotation(WithName.class).value()
                        : kebab(m.getName());
                name = prefix.isEmpty() ? key : prefix + "." + key;
            }
            Class<?> group = group(m.getGenericReturnType());
            if (group != null) {
                collect(group, name, out);
            } else {
                WithDefault def = m.getAnnotation(WithDefault.class);
                out.add(new Setting(name, env(name), def == null ? null : def.value()));
            }
        }
    }

    /** A nested config group (one of our interfaces, possibly in an Optional), or null for a value. */
    private static Class<?> group(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return group(p.getActualTypeArguments()[0]);
        }
        if (type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("io.upgradebot.")) {
            return c;
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** MicroProfile Config's env var form: upper case, anything not alphanumeric becomes '_'. */
    private static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
