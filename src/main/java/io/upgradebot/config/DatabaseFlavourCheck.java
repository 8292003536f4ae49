package io.upgradebot.config;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Locale;

/**
 * Refuses to start a build on a database of the other kind. The database kind (and with it the JDBC driver, the
 * Hibernate dialect and Quartz clustering) is fixed when the jar is built: the default build is the embedded H2
 * one, {@code ./mvnw package -Ppostgres} the PostgreSQL one. Given a URL of the other kind, Quarkus would fail later
 * with "Driver does not support the provided URL"; this names the build to use instead.
 *
 * <p>A config interceptor rather than a startup bean: the datasource and Flyway open the database before any bean
 * observes start-up. Registered in META-INF/services; it checks at run time only, since the build reads the
 * default (H2) URL whatever its own kind.
 */
@Priority(Priorities.APPLICATION)
public class DatabaseFlavourCheck implements ConfigSourceInterceptor {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String KIND = "quarkus.datasource.db-kind";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null && URL.equals(name) && ExecutionMode.current() != ExecutionMode.UNSET) {
            ConfigValue kind = context.proceed(KIND);
            String problem = mismatch(kind == null ? null : kind.getValue(), value.getValue());
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
        }
        return value;
    }

    /** Why this build cannot use that URL, or null when it can (or when the URL is of a kind we do not know). */
    static String mismatch(String buildKind, String url) {
        if (buildKind == null || url == null) {
            return null;
        }
        String u = url.trim().toLowerCase(Locale.ROOT);
        boolean h2Url = u.startsWith("jdbc:h2:");
        boolean postgresUrl = u.startsWith("jdbc:postgresql:");
        boolean postgresBuild = buildKind.equals("postgresql") || buildKind.equals("pgsql") || buildKind.equals("pg");
        if (postgresBuild && h2Url) {
            return "This is the PostgreSQL build of upgrade-bot (db-kind fixed to postgresql at build time), but the"
                    + " datasource URL is an H2 one (" + redact(url) + "). Set QUARKUS_DATASOURCE_JDBC_URL to"
                    + " jdbc:postgresql://HOST:5432/DATABASE, or run the default build (./mvnw package, without"
                    + " -Ppostgres) for the embedded H2 database.";
        }
        if (buildKind.equals("h2") && postgresUrl) {
            return "This is the embedded H2 build of upgrade-bot (db-kind fixed to h2 at build time), but the"
                    + " datasource URL is a PostgreSQL one (" + redact(url) + "). Build the PostgreSQL flavour with"
                    + " ./mvnw -B -DskipTests package -Ppostgres (or use the image built from it), or unset"
                    + " QUARKUS_DATASOURCE_JDBC_URL for the embedded H2 database.";
        }
        return null;
    }

    /** A JDBC URL may carry a password as a parameter: show only what comes before the parameters. */
    private static String redact(String url) {
        String s = url.trim();
        int cut = s.length();
        for (char c : new char[]{'?', ';'}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return cut < s.length() ? s.substring(0, cut) + "…" : s;
    }
}
