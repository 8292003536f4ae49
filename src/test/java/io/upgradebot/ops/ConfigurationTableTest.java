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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The other direction, column by column: a row for one of the bot's own prefixes names a setting the code reads
     * (no row survives a renamed or removed setting), its env var column is exactly that setting's env var, and its
     * default column shows exactly the code's default (blank when the code has none). The check above only finds the
     * default somewhere in the row, so a wrong default column with the right value quoted in the meaning passed.
     */
    @Test
    void everyReadmeRowOfTheBotsPrefixesIsARealSettingWithItsExactEnvVarAndDefault() throws IOException {
        Map<String, Setting> byProperty = new HashMap<>();
        settings().forEach(s -> byProperty.put(s.property(), s));
        List<String> problems = new ArrayList<>();
        int checked = 0;

        for (String[] row : readmeRows()) {
            String property = unquote(row[0]);
            if (!(property.startsWith("upgrade-bot.") || property.startsWith("slack.")
                    || property.startsWith("github."))) {
                continue; // Quarkus' own settings: documented, not ours to map
            }
            checked++;
            Setting s = byProperty.get(property);
            if (s == null) {
                problems.add(property + ": README row for a setting no @ConfigMapping in config/ reads");
                continue;
            }
            if (!row[1].equals("`" + s.env() + "`")) {
                problems.add(property + ": env var column is " + row[1] + ", expected `" + s.env() + "`");
            }
            String expected = s.defaultValue() == null ? "" : "`" + s.defaultValue() + "`";
            if (!row[2].equals(expected)) {
                problems.add(property + ": default column is '" + row[2] + "', the code's default is '" + expected
                        + "'");
            }
        }

        assertTrue(problems.isEmpty(), () -> "README configuration table is out of step with config/:\n  "
                + String.join("\n  ", problems));
        assertEquals(byProperty.size(), checked, "one README row per setting of the bot's own prefixes");
    }

    /**
     * Quarkus' own settings in the table take their default from application.properties (the unprofiled line), not
     * from a mapping: the default column must be that value, or its start when the README shortens it with "…".
     */
    @Test
    void quarkusRowsShowTheDefaultApplicationPropertiesSets() throws IOException {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src", "main", "resources", "application.properties"),
                StandardCharsets.UTF_8)) {
            props.load(in);
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String[] row : readmeRows()) {
            String property = unquote(row[0]);
            String set = props.getProperty(property);
            if (!property.startsWith("quarkus.") || set == null) {
                continue; // not ours, or left at Quarkus' own default
            }
            checked++;
            // ${PORT:8080}, ${upgrade-bot.data-dir:./data}: an expression counts as its default
            String value = set.replaceAll("\\$\\{[^:}]+:([^}]*)}", "$1");
            String shown = unquote(row[2]);
            boolean same = shown.endsWith("…")
                    ? value.startsWith(shown.substring(0, shown.length() - 1))
                    : value.equals(shown);
            if (!same) {
                problems.add(property + ": README default '" + shown + "', application.properties sets '" + set + "'");
            }
        }

        assertTrue(checked >= 5,
                "the README documents the datasource, HTTP and log settings application.properties sets");
        assertTrue(problems.isEmpty(),
                () -> "README defaults of Quarkus settings:\n  " + String.join("\n  ", problems));
    }

    /**
     * helm/upgrade-bot/values.yaml offers settings under {@code config:} (set or as commented examples) and the chart's
     * Secret carries the secret ones: each must be an env var the bot reads, or an operator copies a name that does
     * nothing.
     */
    @Test
    void helmValuesAndSecretKeysNameOnlyRealSettings() throws IOException {
        Set<String> known = new HashSet<>();
        settings().forEach(s -> known.add(s.env()));
        readmeRows().forEach(r -> known.add(unquote(r[1])));
        List<String> named = new ArrayList<>();
        Matcher env = Pattern.compile("(?m)^ {2}(?:# )?([A-Z][A-Z0-9_]+):")
                .matcher(Files.readString(Path.of("helm", "upgrade-bot", "values.yaml"), StandardCharsets.UTF_8));
        while (env.find()) {
            named.add(env.group(1));
        }
        Matcher secret = Pattern.compile("(?m)^([A-Z][A-Z0-9_]+): [a-zA-Z]+$")
                .matcher(Files.readString(Path.of("helm", "upgrade-bot", "templates", "_helpers.tpl"),
                        StandardCharsets.UTF_8));
        while (secret.find()) {
            named.add(secret.group(1));
        }

        assertTrue(named.contains("UPGRADE_BOT_DRY_RUN") && named.contains("SLACK_SIGNING_SECRET"),
                () -> "the scan must see values.yaml's config and the chart's secret keys: " + named);
        List<String> unknown = named.stream().filter(n -> !known.contains(n)).toList();
        assertTrue(unknown.isEmpty(), () -> "helm/ names env vars the bot does not read: " + unknown);
    }

    /** The configuration table's rows as [property, env var, default] cells, trimmed (a meaning may hold {@code \|}). */
    private static List<String[]> readmeRows() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1).split("(?<!\\\\)\\|", -1);
            if (cells.length >= 4 && cells[1].strip().startsWith("`")) {
                out.add(new String[]{cells[0].strip(), cells[1].strip(), cells[2].strip()});
            }
        }
        return out;
    }

    private static String unquote(String cell) {
        return cell.replace("`", "");
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
