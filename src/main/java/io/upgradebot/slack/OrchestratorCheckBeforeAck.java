package io.upgradebot.slack;

import io.quarkus.runtime.ShutdownEvent;
import io.upgradebot.project.Orchestrators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Is this person an orchestrator?" for handlers that must answer before Slack's 3-second ack. Configured users are
 * known at once; membership of the orchestrator user group may need a Slack call (usergroups.users.list, cached for
 * minutes), which must not run on the request thread nor hold the ack. So the question is asked on a side thread
 * and waited for briefly: a late answer means "unknown", the handler goes on and asks again after the ack (by then
 * the answer is cached).
 */
@ApplicationScoped
public class OrchestratorCheckBeforeAck {

    /** Leaves most of the 3 s to the rest of the handler (views.open alone may take a second). */
    static final Duration BUDGET = Duration.ofMillis(800);

    private final Orchestrators orchestrators;
    private final ExecutorService lookups = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "orchestrator-lookup");
        t.setDaemon(true);
        return t;
    });

    public OrchestratorCheckBeforeAck(Orchestrators orchestrators) {
        this.orchestrators = orchestrators;
    }

    void onStop(@Observes ShutdownEvent ev) {
        lookups.shutdownNow();
    }

    /** TRUE or FALSE when known within the budget; empty when it is not known yet (check after the ack). */
    public Optional<Boolean> quickly(String userId) {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> orchestrators.isOrchestrator(userId),
                lookups);
        try {
            return Optional.of(answer.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(false); // Orchestrators fails closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public boolean isOrchestrator(String userId) {
        return orchestrators.isOrchestrator(userId);
    }

    public String whoCan() {
        return orchestrators.whoCan();
    }
}
