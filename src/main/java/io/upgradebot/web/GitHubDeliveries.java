package io.upgradebot.web;

import io.upgradebot.project.sync.GitHubWebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Hands verified deliveries to their observers after GitHub has its answer, and counts the ones still being
 * handled (exposed for tests and shutdown logs: a delivery in flight when the process stops is not redelivered).
 */
@ApplicationScoped
public class GitHubDeliveries {

    private static final Logger LOG = Logger.getLogger(GitHubDeliveries.class);

    private final Event<GitHubWebhookEvent> events;
    private final AtomicInteger inFlight = new AtomicInteger();

    public GitHubDeliveries(Event<GitHubWebhookEvent> events) {
        this.events = events;
    }

    public void dispatch(GitHubWebhookEvent event) {
        inFlight.incrementAndGet();
        try {
            events.fireAsync(event).whenComplete((done, failure) -> {
                inFlight.decrementAndGet();
                if (failure != null) {
                    LOG.warnf("GitHub delivery %s (%s) failed: %s", event.deliveryId(), event.name(),
                            failure.toString());
                }
            });
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    /** Deliveries whose observers have not all finished. */
    public int inFlight() {
        return inFlight.get();
    }
}
