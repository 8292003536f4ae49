package io.upgradebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The H2 database: its URL is built from UPGRADE_BOT_DATA_DIR with the flags the bot's SQL needs, and an H2 URL of
 * one's own without PostgreSQL mode stops the start with a message naming the setting. Plain JUnit: no Quarkus boot.
 */
class DatabaseSettingsTest {

    @Test
    void anH2UrlWithoutPostgreSqlModeIsRefusedWithTheSettingNamed() {
        String problem = DatabaseSettingsCheck.problem("jdbc:h2:file:/var/lib/bot/db").orElseThrow();
        assertTrue(problem.contains("QUARKUS_DATASOURCE_JDBC_URL"), problem);
        assertTrue(problem.contains("MODE=PostgreSQL"), problem);
        assertTrue(problem.contains("UPGRADE_BOT_DATA_DIR"), problem);
        assertTrue(DatabaseSettingsCheck.problem("jdbc:h2:file:/db;MODE=PostgreSQL").orElseThrow()
                .contains("DATABASE_TO_LOWER=TRUE"));
        assertEquals(Optional.empty(), DatabaseSettingsCheck.problem(
                "jdbc:h2:mem:x;mode=postgresql;DEFAULT_NULL_ORDERING=HIGH;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
        assertEquals(Optional.empty(), DatabaseSettingsCheck.problem("jdbc:postgresql://db:5432/upgradebot"));
    }

    @Test
    void theDefaultUrlsLiveUnderTheDataDirAndPassTheCheck() throws IOException {
        assertEquals(
                "jdbc:h2:file:./data/upgrade-bot;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                jdbcUrl(null, Map.of()));
        assertEquals("jdbc:h2:file:./data/upgrade-bot-dev;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", jdbcUrl("dev", Map.of()), "quarkus:dev keeps using ./data/");
        String chosen = jdbcUrl(null, Map.of("upgrade-bot.data-dir", "/var/lib/upgrade-bot"));
        assertEquals("jdbc:h2:file:/var/lib/upgrade-bot/upgrade-bot;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", chosen);
        assertEquals(Optional.empty(), DatabaseSettingsCheck.problem(chosen));
    }

    private static String jdbcUrl(String profile, Map<String, String> overrides) throws IOException {
        URL properties = Path.of("src/main/resources/application.properties").toUri().toURL();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 100))
                .withSources(new PropertiesConfigSource(overrides, "test", 400));
        if (profile != null) {
            builder.withProfile(profile);
        }
        SmallRyeConfig config = builder.build();
        return config.getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
