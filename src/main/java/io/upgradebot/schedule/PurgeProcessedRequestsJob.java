package io.upgradebot.schedule;

import io.quarkus.scheduler.Scheduled;
import io.upgradebot.store.ProcessedRequests;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Drops processed-request ids older than a day. Slack only retries within minutes and a signed request is refused
 * after 5 minutes, so a day is ample; it also keeps the table small.
 */
@ApplicationScoped
public class PurgeProcessedRequestsJob {

    private static final Logger LOG = Logger.getLogger(PurgeProcessedRequestsJob.class);
    static final Duration KEEP = Duration.ofDays(1);

    private final ProcessedRequests processed;
    private final Clock clock;

    public PurgeProcessedRequestsJob(ProcessedRequests processed, Clock clock) {
        this.processed = processed;
        this.clock = clock;
    }

    @Scheduled(identity = "purge-processed-requests", every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        long purged = processed.purgeOlderThan(clock.instant().minus(KEEP));
        if (purged > 0) {
            LOG.debugf("Purged %d processed request ids", purged);
        }
    }
}
