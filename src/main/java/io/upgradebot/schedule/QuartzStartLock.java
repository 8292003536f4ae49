package io.upgradebot.schedule;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Lets one replica at a time create the Quartz scheduler on PostgreSQL. Quarkus registers the {@code @Scheduled}
 * jobs while it creates the scheduler, checking whether each job exists before storing it; two replicas starting
 * together on a new database both found no job, both stored it, and the loser failed to start ("Unable to store Job
 * … because one already exists"). A session-level advisory lock, taken just before Quarkus creates the scheduler (its
 * start-up observer has priority 0) and released right after, serialises that step: the second replica finds the
 * jobs stored and keeps them. A replica that dies holding the lock releases it with its connection.
 */
@ApplicationScoped
public class QuartzStartLock {

    private static final Logger LOG = Logger.getLogger(QuartzStartLock.class);
    /** Any constant shared by the replicas; "upgrade-bot quartz start". */
    static final long LOCK_KEY = 0x75622d7174737274L;

    private final DataSource dataSource;
    private final boolean postgres;
    private Connection held;

    public QuartzStartLock(DataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.postgres = dbKind.startsWith("postgres") || dbKind.equals("pgsql") || dbKind.equals("pg");
    }

    void acquire(@Observes @Priority(-1000) StartupEvent event) throws SQLException {
        if (!postgres) {
            return;
        }
        Connection c = dataSource.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            held = c;
            LOG.debug("Quartz start lock taken");
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    void release(@Observes @Priority(1) StartupEvent event) {
        Connection c = held;
        if (c == null) {
            return;
        }
        held = null;
        try (c; Statement st = c.createStatement()) {
            st.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            LOG.debug("Quartz start lock released");
        } catch (SQLException e) {
            // closing the connection would release it too, but pooled connections stay open: say so
            LOG.warnf("Could not release the Quartz start lock (%s); other replicas wait until this one stops",
                    e.toString());
        }
    }
}
