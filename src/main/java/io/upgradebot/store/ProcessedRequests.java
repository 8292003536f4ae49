package io.upgradebot.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Ids of requests already handled (Slack trigger_id / event_id / action timestamp, GitHub delivery id), kept in the
 * database so a Slack retry or a replay is recognised after a restart and by every replica.
 *
 * <p>Each call runs in its own transaction and commits at once: a concurrent duplicate must see the row.
 */
@ApplicationScoped
public class ProcessedRequests {

    /**
     * Records {@code key} unless it is already there. Answers true for the first caller only, also when two
     * replicas race: the primary key decides, and ON CONFLICT keeps the loser's transaction clean.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean markFirstSeen(String key, String kind) {
        int inserted = ProcessedRequestEntity.getEntityManager()
                .createNativeQuery("insert into processed_request (request_key, kind, received_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, key)
                .setParameter(2, kind)
                .setParameter(3, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }

    public boolean seen(String key) {
        return ProcessedRequestEntity.count("requestKey", key) > 0;
    }

    /** Lets a request be handled again: used when its first handling failed before doing anything. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String key) {
        ProcessedRequestEntity.deleteById(key);
    }

    /** Deletes rows received before {@code cutoff}; answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long purgeOlderThan(Instant cutoff) {
        return ProcessedRequestEntity.delete("receivedAt < ?1", cutoff);
    }
}
