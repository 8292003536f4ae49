package io.upgradebot.project.outside;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.OutsideIssueSettings;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.WriteOutcome;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.project.checklist.ChecklistTicks;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OutsideIssueEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The outside issues' side of the write queue: an issue's number and link recorded when it is created, and a call
 * for help that waited for the issues posted once none is still being created.
 */
@ApplicationScoped
public class OutsideIssueOutcomes {

    private static final Logger LOG = Logger.getLogger(OutsideIssueOutcomes.class);

    /** Checklist items of the runbook's outside issues (ids in runbook/roadmap-checklist.md). */
    static final String CREATE_DEPENDENCY_ISSUES = "create-external-dependency-issues";
    static final String LABEL_DEPENDENCY_ISSUES = "label-external-dependency-issues";
    static final String ADD_TO_BOARD = "add-external-issues-to-board";
    static final String SET_FIELDS = "set-external-issue-fields";
    static final String ASK_COMMUNITY = "ask-community-for-help";
    static final String OPS_TICKETS = "create-btr-sre-tickets";

    private final CommunityCallForHelp callForHelp;
    private final OutsideIssueSettings settings;
    private final ChecklistTicks ticks;
    private final io.upgradebot.config.UpgradeBotConfig config;

    public OutsideIssueOutcomes(CommunityCallForHelp callForHelp, OutsideIssueSettings settings, ChecklistTicks ticks,
            io.upgradebot.config.UpgradeBotConfig config) {
        this.callForHelp = callForHelp;
        this.settings = settings;
        this.ticks = ticks;
        this.config = config;
    }

    void recorded(@Observes WriteOutcome outcome) {
        if (outcome.succeeded() && outcome.projectId() != null && isOutsideWrite(outcome.key())) {
            tickWhenAllDone(outcome.projectId(), outcome.writeId());
        }
        if (!outcome.succeeded() || !isOutsideIssue(outcome.key())) {
            return;
        }
        OutsideIssueEntity.<OutsideIssueEntity>find("writeKey", outcome.key()).firstResultOptional().ifPresent(o -> {
            o.issueNumber = outcome.result() != null && outcome.result().hasNonNull("number")
                    ? outcome.result().get("number").asInt()
                    : null;
            o.issueUrl = outcome.result() != null && outcome.result().hasNonNull("url")
                    ? outcome.result().get("url").asText()
                    : null;
        });
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) WriteOutcome outcome) {
        if (outcome.projectId() != null && isOutsideIssue(outcome.key())) {
            callForHelpIfReady(outcome.projectId());
        }
    }

    /**
     * Posts the call for help when one is pending and no outside issue of the project is still being created. The
     * pending flag is cleared by a conditional update first: whoever clears it posts, so the call goes out once.
     */
    public void callForHelpIfReady(long projectId) {
        Optional<String> channel = settings.communityChannel();
        if (channel.isEmpty()) {
            return;
        }
        record Call(String name, String roadmapUrl, List<CommunityCallForHelp.OpenDependency> open) {
        }
        Call call = QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
            if (p == null || !p.helpCallPending) {
                return null;
            }
            long creating = GitHubWriteEntity.count("idempotencyKey like ?1 and state in ?2",
                    ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.OUTSIDE_ISSUE) + "%",
                    List.of(GitHubWriteEntity.State.PENDING, GitHubWriteEntity.State.RUNNING));
            if (creating > 0) {
                return null;
            }
            int claimed = UpgradeProjectEntity.update(
                    "helpCallPending = false where id = ?1 and helpCallPending = true",
                    projectId);
            if (claimed != 1) {
                return null;
            }
            List<CommunityCallForHelp.OpenDependency> open = OutsideIssueEntity.of(projectId).stream()
                    .filter(o -> OutsideIssueEntity.DEPENDENCY.equals(o.kind) && o.issueState != RepoIssueState.CLOSED
                            && o.issueUrl != null)
                    .map(o -> new CommunityCallForHelp.OpenDependency(o.name, o.needed, o.issueUrl)).toList();
            return new Call(p.name, p.roadmapIssueUrl, open);
        });
        if (call == null || call.open().isEmpty()) {
            return;
        }
        try {
            callForHelp.post(channel.get(), call.name(), call.roadmapUrl(), call.open());
            QuarkusTransaction.requiringNew().run(() -> ticks.botTick(projectId, java.util.Set.of(ASK_COMMUNITY)));
        } catch (RuntimeException e) {
            // at most once: a second post after a half-failed one would be worse than none; the orchestrator can ask again
            LOG.warnf("call for help on %s not posted: %s", call.name(), e.getMessage());
        }
    }

    /**
     * Once every outside-issue write of the project is done (none pending, none failed), the runbook's matching
     * checklist items are ticked: dependency issues created, labelled, on the board with their fields; operations
     * tickets created. Ticking what is ticked already writes nothing.
     */
    private void tickWhenAllDone(long projectId, long justDone) {
        UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
        if (p == null) {
            return;
        }
        List<String> prefixes = List.of(ProjectWriteKeys.OUTSIDE_ISSUE, ProjectWriteKeys.OUTSIDE_BOARD_ITEM,
                ProjectWriteKeys.OUTSIDE_BOARD_FIELD);
        for (String what : prefixes) {
            if (GitHubWriteEntity.count("idempotencyKey like ?1 and state <> ?2 and id <> ?3",
                    ProjectWriteKeys.prefix(p.slug, what) + "%", GitHubWriteEntity.State.DONE, justDone) > 0) {
                return;
            }
        }
        List<OutsideIssueEntity> all = OutsideIssueEntity.of(projectId);
        java.util.Set<String> done = new java.util.LinkedHashSet<>();
        if (all.stream().anyMatch(o -> OutsideIssueEntity.DEPENDENCY.equals(o.kind))) {
            done.add(CREATE_DEPENDENCY_ISSUES);
            List<String> labels = settings.dependencyLabels().stream().map(l -> l.toLowerCase(java.util.Locale.ROOT))
                    .toList();
            if (labels.contains("help wanted") && labels.contains("maintenance")) {
                done.add(LABEL_DEPENDENCY_ISSUES);
            }
            if (config.board().org().isPresent() && config.board().number().isPresent()) {
                done.add(ADD_TO_BOARD);
                done.add(SET_FIELDS);
            }
        }
        if (all.stream().anyMatch(o -> OutsideIssueEntity.OPS.equals(o.kind))) {
            done.add(OPS_TICKETS);
        }
        ticks.botTick(projectId, done);
    }

    private static boolean isOutsideWrite(String key) {
        return ProjectWriteKeys.parse(key).map(k -> List.of(ProjectWriteKeys.OUTSIDE_ISSUE,
                ProjectWriteKeys.OUTSIDE_BOARD_ITEM, ProjectWriteKeys.OUTSIDE_BOARD_FIELD).contains(k.what()))
                .orElse(false);
    }

    private static boolean isOutsideIssue(String key) {
        return ProjectWriteKeys.parse(key).map(k -> ProjectWriteKeys.OUTSIDE_ISSUE.equals(k.what())).orElse(false);
    }
}
