package io.upgradebot.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Ids of requests already handled (Slack trigger_id / event_id / action timestamp, GitHub delivery id), kept in the
 * database so a Slack retry or a replay is recognised after a restart and by every replica.
 *
 * <p>Each call commits at once: a concurrent duplicate must see the row. The claim is on the path of every Slack
 * ack, so it is one auto-committed JDBC statement rather than an ORM call in a JTA transaction (the ack-latency
 * benchmark found the transaction machinery costing more than the rest of the request together).
 */
@ApplicationScoped
public class ProcessedRequests {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public ProcessedRequests(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records {@code key} unless it is already there. Answers true for the first caller only, also when two
     * replicas race: the primary key decides, and ON CONFLICT keeps the loser's transaction clean.
     */
    public boolean markFirstSeen(String key, String kind) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("insert into processed_request (request_key, kind, received_at)"
                        + " values (?, ?, ?) on conflict do nothing")) {
            st.setString(1, key);
            st.setString(2, kind);
            st.setTimestamp(3, Timestamp.from(clock.instant()));
            int inserted = st.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return inserted == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record request id", e);
        }
    }

    public boolean seen(String key) {
        return ProcessedRequestEntity.count("requestKey", key) > 0;
    }

    /** Lets a request be handled again: used when its first handling failed before doing anything. */
    public void forget(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("delete from processed_request where request_key = ?")) {
            st.setString(1, key);
            st.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget request id", e);
        }
    }

    /** Deletes rows received before {@code cutoff}; answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long purgeOlderThan(Instant cutoff) {
        return ProcessedRequestEntity.delete("receivedAt < ?1", cutoff);
    }
}
