package io.upgradebot.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.upgradebot.support.Fakes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What an operator and the Helm chart's probes rely on: /q/health/live, /q/health/ready with the database check,
 * /q/metrics in Prometheus format, and the database the build was made for with every migration applied. .ci/run
 * runs this on H2 and again with -Ppostgres, where it proves the suite really ran on PostgreSQL.
 */
@QuarkusTest
@WithTestResource(value = Fakes.class, scope = TestResourceScope.GLOBAL)
class HealthAndMetricsTest {

    @Inject
    DataSource dataSource;

    @Test
    void livenessAndReadinessAreUpAndReadinessChecksTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("# TYPE http_server_active_connections gauge"))
                .body(containsString("upgradebot_slack_repeats_ignored_total{where=\"after_ack\"}"))
                .body(containsString("upgradebot_slack_repeats_ignored_total{where=\"before_ack\"}"));
    }

    @Test
    void runsOnTheDatabaseItWasBuiltForWithEveryMigrationApplied() throws Exception {
        // the pom passes the build's db-kind to the tests: h2 by default, postgresql with -Ppostgres
        String dbKind = System.getProperty("quarkus.datasource.db-kind", "h2");
        String expectedProduct = dbKind.startsWith("postgres") ? "PostgreSQL" : "H2";

        List<String> failed = new ArrayList<>();
        int applied = 0;
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st
                        .executeQuery("select version, success from flyway_schema_history where version is not null")) {
            assertEquals(expectedProduct, c.getMetaData().getDatabaseProductName());
            while (rs.next()) {
                applied++;
                if (!rs.getBoolean("success")) {
                    failed.add(rs.getString("version"));
                }
            }
        }

        assertEquals(List.of(), failed, "failed migrations");
        // V1 schema and V2 Quartz at least; later migrations only add to this
        assertTrue(applied >= 2, "migrations applied: " + applied);
    }
}
