package io.upgradebot.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up refusal of a datasource URL of the other kind than the build's (plain JUnit). */
class DatabaseFlavourCheckTest {

    @Test
    void matchingKindsPass() {
        assertNull(DatabaseFlavourCheck.mismatch("h2", "jdbc:h2:file:./data/upgrade-bot;MODE=PostgreSQL"));
        assertNull(DatabaseFlavourCheck.mismatch("postgresql", "jdbc:postgresql://db:5432/upgradebot"));
        // a kind we do not know about is Quarkus' business, not ours
        assertNull(DatabaseFlavourCheck.mismatch("postgresql", "jdbc:otherdb://x"));
    }

    @Test
    void postgresUrlOnTheH2BuildNamesThePostgresBuild() {
        String m = DatabaseFlavourCheck.mismatch("h2", "jdbc:postgresql://db:5432/upgradebot?password=s3cret");

        assertTrue(m.contains("embedded H2 build"), m);
        assertTrue(m.contains("./mvnw -B -DskipTests package -Ppostgres"), m);
        assertFalse(m.contains("s3cret"), "URL parameters may hold a password: " + m);
    }

    @Test
    void h2UrlOnThePostgresBuildAsksForAPostgresUrl() {
        String m = DatabaseFlavourCheck.mismatch("postgresql", "jdbc:h2:file:./data/upgrade-bot;MODE=PostgreSQL");

        assertTrue(m.contains("PostgreSQL build"), m);
        assertTrue(m.contains("QUARKUS_DATASOURCE_JDBC_URL"), m);
        assertFalse(m.contains("MODE=PostgreSQL"), m);
    }
}
