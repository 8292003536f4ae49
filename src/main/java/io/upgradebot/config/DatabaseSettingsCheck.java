package io.upgradebot.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start on an H2 JDBC URL without PostgreSQL mode: the bot's SQL (upserts, the Quartz tables) is written
 * for PostgreSQL, and without the mode every command would fail at its first insert with "Internal error".
 */
@ApplicationScoped
public class DatabaseSettingsCheck {

    /** The flags an H2 URL needs; the default URL (built from upgrade-bot.data-dir) has them. */
    static final List<String> H2_FLAGS = List.of("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE",
            "DEFAULT_NULL_ORDERING=HIGH");

    void onStart(@Observes @Priority(1) StartupEvent event) {
        problem(ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(null))
                .ifPresent(p -> {
                    throw new IllegalStateException(p);
                });
    }

    /** What is wrong with {@code jdbcUrl}, if anything (only H2 URLs are checked). */
    public static Optional<String> problem(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String settings = ";" + jdbcUrl.toUpperCase(Locale.ROOT).replace(" ", "") + ";";
        List<String> missing = H2_FLAGS.stream()
                .filter(f -> !settings.contains(";" + f.toUpperCase(Locale.ROOT) + ";")).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) is an H2 URL without "
                + String.join(";", missing) + ": the bot needs H2 in PostgreSQL mode. Append ;"
                + String.join(";", H2_FLAGS) + " to the URL, or unset it and set UPGRADE_BOT_DATA_DIR to the "
                + "directory for the database file");
    }
}
