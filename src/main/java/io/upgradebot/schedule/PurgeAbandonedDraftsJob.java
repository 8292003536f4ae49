package io.upgradebot.schedule;

import io.quarkus.scheduler.Scheduled;
import io.upgradebot.project.announce.ScheduledMessages;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes announcement drafts older than a day: a draft is written when the announcement modal is previewed, and
 * one whose author closed the modal is never confirmed. A day leaves anyone still composing ample time.
 */
@ApplicationScoped
public class PurgeAbandonedDraftsJob {

    private static final Logger LOG = Logger.getLogger(PurgeAbandonedDraftsJob.class);
    static final Duration KEEP = Duration.ofDays(1);

    private final ScheduledMessages messages;
    private final Clock clock;

    public PurgeAbandonedDraftsJob(ScheduledMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(identity = "purge-abandoned-drafts", every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        long purged = messages.purgeAbandonedDrafts(clock.instant().minus(KEEP));
        if (purged > 0) {
            LOG.debugf("Purged %d abandoned announcement drafts", purged);
        }
    }
}
