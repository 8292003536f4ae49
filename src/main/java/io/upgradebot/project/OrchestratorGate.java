package io.upgradebot.project;

import io.quarkus.runtime.ShutdownEvent;
import io.upgradebot.config.UpgradeBotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides whether a person may do what only orchestrators do, and what they are told when they
 * may not. Every handler follows the same path: ask {@link #beforeAck} (answers within a budget that leaves most of
 * Slack's 3 seconds to the handler); on {@link Answer#REFUSED} refuse at once; on {@link Answer#UNKNOWN_YET} (the
 * orchestrator user group needs a Slack call that has not answered yet) ack and ask {@link #allows} again after the
 * ack (by then the answer is cached) and refuse then. The refusal is data ({@link Refusal}): what only orchestrators
 * do, and who they are; the Slack adapter renders it.
 */
@ApplicationScoped
public class OrchestratorGate {

    /** Leaves most of the 3 s to the rest of the handler (views.open alone may take a second). */
    static final Duration BUDGET = Duration.ofMillis(800);

    public enum Answer {
        ALLOWED, REFUSED, UNKNOWN_YET
    }

    /** What only orchestrators do, each with the one sentence a refusal gives. */
    public enum Action {
        NEW("create upgrade projects", null), CHANGE_REPOS("change a project's repositories", null), ANNOUNCE(
                "schedule announcements", null), ASK("ask the owners to choose",
                        "Anyone can see what is still open with /upgrade tbd <project>."), CHANGE_SCHEDULE(
                                "change what is scheduled", null), RETRY_FAILED("retry a project's writes",
                                        null), CHANGE_NUDGES("change a project's nudges", null), SYNC(
                                                "compare a project with GitHub now",
                                                "The bot compares every project with GitHub by itself, hourly."), TICK_CHECKLIST(
                                                        "tick and untick the runbook checklist",
                                                        "Anyone can tick it in the roadmap issue on GitHub."), FINISH(
                                                                "finish or reopen projects",
                                                                "Anyone can see what is still open with /upgrade status <project>."), OUTSIDE_ISSUES(
                                                                        "open dependency and operations issues", null);

        /** Completes "Only orchestrators …". */
        public final String onlyOrchestrators;
        /** What the person can do instead, or null. */
        public final String instead;

        Action(String onlyOrchestrators, String instead) {
            this.onlyOrchestrators = onlyOrchestrators;
            this.instead = instead;
        }
    }

    /** Who the orchestrators are: Slack user ids and a user group id; neither means nobody is configured yet. */
    public record OrchestrationTeam(List<String> userIds, Optional<String> userGroupId) {

        public boolean nobody() {
            return userIds.isEmpty() && userGroupId.isEmpty();
        }
    }

    /** "Only orchestrators {action}: {team}." and, for some actions, what to do instead. */
    public record Refusal(Action action, OrchestrationTeam team) {
    }

    private final Orchestrators orchestrators;
    private final UpgradeBotConfig config;
    private final ExecutorService lookups = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "orchestrator-lookup");
        t.setDaemon(true);
        return t;
    });

    public OrchestratorGate(Orchestrators orchestrators, UpgradeBotConfig config) {
        this.orchestrators = orchestrators;
        this.config = config;
    }

    void onStop(@Observes ShutdownEvent ev) {
        lookups.shutdownNow();
    }

    /**
     * The answer if known within the budget. The user-group lookup runs on a side thread so it never holds the
     * request thread past the budget; a late answer is {@link Answer#UNKNOWN_YET}.
     */
    public Answer beforeAck(String userId) {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> orchestrators.isOrchestrator(userId),
                lookups);
        try {
            return answer.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS) ? Answer.ALLOWED : Answer.REFUSED;
        } catch (TimeoutException e) {
            return Answer.UNKNOWN_YET;
        } catch (ExecutionException e) {
            return Answer.REFUSED; // Orchestrators fails closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.UNKNOWN_YET;
        }
    }

    /** The answer, waiting for Slack if it must: after the ack only. */
    public boolean allows(String userId) {
        return orchestrators.isOrchestrator(userId);
    }

    /** After the ack: allowed when known so before the ack, else asked again now. */
    public boolean allowsAfterAck(Answer beforeAck, String userId) {
        return switch (beforeAck) {
            case ALLOWED -> true;
            case REFUSED -> false;
            case UNKNOWN_YET -> allows(userId);
        };
    }

    public Refusal refusal(Action action) {
        return new Refusal(action, new OrchestrationTeam(config.orchestrators().orElse(List.of()),
                config.orchestratorGroup()));
    }
}
