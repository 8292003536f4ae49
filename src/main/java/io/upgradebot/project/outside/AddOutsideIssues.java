package io.upgradebot.project.outside;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.OutsideIssueSettings;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.github.PayloadRefs;
import io.upgradebot.github.PlannedWrite;
import io.upgradebot.github.WritePayload;
import io.upgradebot.github.WritePayload.Num;
import io.upgradebot.github.WriteQueue;
import io.upgradebot.project.ProjectWriteKeys;
import io.upgradebot.store.GitHubWriteEntity;
import io.upgradebot.store.OutsideIssueEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /upgrade deps}: the runbook's external dependency issues and operations tickets. Each entry becomes an issue
 * in its configured repository (labels, links to the roadmap issue and the docs page), an item on the maintenance
 * board with Project and Source set, and a line in the roadmap issue's own "dependencies" section. Everything goes
 * through the write queue; an entry's key is its repository and name, so a repeated submission adds nothing twice.
 */
@ApplicationScoped
public class AddOutsideIssues {

    private final OutsideIssueSettings settings;
    private final UpgradeBotConfig config;
    private final WriteQueue writes;
    private final OutsideIssueOutcomes outcomes;

    public AddOutsideIssues(OutsideIssueSettings settings, UpgradeBotConfig config, WriteQueue writes,
            OutsideIssueOutcomes outcomes) {
        this.settings = settings;
        this.config = config;
        this.writes = writes;
        this.outcomes = outcomes;
    }

    /** What the form offers: the dependency repository (if any), the operations groups, the community channel. */
    public record Targets(Optional<String> dependencyRepo, List<String> opsGroups, boolean communityChannel) {

        public boolean none() {
            return dependencyRepo.isEmpty() && opsGroups.isEmpty();
        }
    }

    public Targets targets() {
        return new Targets(settings.dependencyRepo(), List.copyOf(settings.opsRepos().keySet()),
                settings.communityChannel().isPresent());
    }

    /**
     * One outside issue to open. {@code target}: null for an external dependency, else the operations group's name
     * as configured.
     */
    public record Entry(String target, String name, String upstreamUrl, String needed) {

        public boolean dependency() {
            return target == null;
        }
    }

    public enum Outcome {
        ADDED, NO_SUCH_PROJECT, NOT_ACTIVE, FINISHED, NOT_CONFIGURED
    }

    /** What adding did: issues planned, entries already there, whether a call for help waits for them. */
    public record Result(Outcome outcome, String projectName, String slug, int added, int alreadyThere,
            boolean helpCallPlanned, String problem) {
    }

    /**
     * Plans the entries' issues; with {@code askForHelp}, the community channel is asked once they exist (at once
     * when they all existed already).
     */
    public Result add(long projectId, String user, List<Entry> entries, boolean askForHelp) {
        Result r = plan(projectId, user, entries, askForHelp);
        if (r.helpCallPlanned()) {
            outcomes.callForHelpIfReady(projectId);
        }
        return r;
    }

    private Result plan(long projectId, String user, List<Entry> entries, boolean askForHelp) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UpgradeProjectEntity p = UpgradeProjectEntity.find("id", projectId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (p == null) {
                return new Result(Outcome.NO_SUCH_PROJECT, null, null, 0, 0, false, null);
            }
            if (p.state == ProjectState.FINISHED) {
                return new Result(Outcome.FINISHED, p.name, p.slug, 0, 0, false, null);
            }
            if (p.state != ProjectState.ACTIVE) {
                return new Result(Outcome.NOT_ACTIVE, p.name, p.slug, 0, 0, false, null);
            }
            for (Entry e : entries) {
                if (repoOf(e).isEmpty()) {
                    return new Result(Outcome.NOT_CONFIGURED, p.name, p.slug, 0, 0, false,
                            e.dependency() ? "no dependency repository" : "no repository for " + e.target());
                }
            }
            int added = 0;
            int already = 0;
            for (Entry e : entries) {
                String repo = repoOf(e).orElseThrow();
                String key = ProjectWriteKeys.outsideIssue(p.slug, repo, e.name());
                if (OutsideIssueEntity.count("writeKey", key) > 0) {
                    already++;
                    continue;
                }
                OutsideIssueEntity o = new OutsideIssueEntity();
                o.projectId = p.id;
                o.kind = e.dependency() ? OutsideIssueEntity.DEPENDENCY : OutsideIssueEntity.OPS;
                o.target = e.target();
                o.repo = repo;
                o.name = e.name().strip();
                o.upstreamUrl = e.upstreamUrl();
                o.needed = e.needed();
                o.writeKey = key;
                o.issueState = RepoIssueState.OPEN;
                o.createdBy = user;
                o.persist();
                plan(p, o, e);
                added++;
            }
            if (added > 0) {
                planSection(p);
            }
            // asked with new issues only: submitting the same entries again must not call the community again
            boolean help = askForHelp && added > 0 && settings.communityChannel().isPresent();
            if (help) {
                p.helpCallPending = true;
            }
            return new Result(Outcome.ADDED, p.name, p.slug, added, already, help, null);
        });
    }

    private Optional<String> repoOf(Entry e) {
        if (e.dependency()) {
            return settings.dependencyRepo();
        }
        return settings.opsRepos().entrySet().stream().filter(x -> x.getKey().equalsIgnoreCase(e.target()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The issue, then its board item and its Project and Source fields (options ensured as at creation). */
    private void plan(UpgradeProjectEntity p, OutsideIssueEntity o, Entry e) {
        String roadmapUrl = p.roadmapIssueUrl != null
                ? p.roadmapIssueUrl
                : PayloadRefs.ref(ProjectWriteKeys.roadmap(p.slug), "url");
        List<String> labels = e.dependency() ? settings.dependencyLabels() : List.of();
        writes.enqueue(PlannedWrite.of(o.writeKey, p.id, new WritePayload.CreateIssue(o.repo,
                OutsideIssueTexts.title(p, e), OutsideIssueTexts.body(p, e, roadmapUrl), null,
                labels.isEmpty() ? null : labels, null)));
        var board = config.board();
        if (board.org().isEmpty() || board.number().isEmpty()) {
            return;
        }
        String org = board.org().get();
        Num number = Num.of(board.number().getAsInt());
        String itemKey = ProjectWriteKeys.outsideBoardItem(p.slug, o.repo, o.name);
        writes.enqueue(PlannedWrite.of(itemKey, p.id,
                new WritePayload.AddBoardItem(org, number, PayloadRefs.ref(o.writeKey, "node_id"))));
        Map<String, String> values = new LinkedHashMap<>();
        values.put(board.projectField(), p.name);
        if (p.orchestrationTeam != null) {
            values.put(board.sourceField(), p.orchestrationTeam);
        }
        values.forEach((field, value) -> {
            // the same option key as the project's creation used: already done there, so nothing is written twice
            String optionKey = ProjectWriteKeys.boardOption(p.slug, field);
            writes.enqueue(PlannedWrite.of(optionKey, p.id,
                    new WritePayload.EnsureBoardOption(org, number, field, value)));
            writes.enqueue(PlannedWrite.of(ProjectWriteKeys.outsideBoardField(p.slug, o.repo, o.name, field), p.id,
                    new WritePayload.SetBoardField(org, number, PayloadRefs.ref(itemKey, "item_id"), field, value,
                            PayloadRefs.ref(optionKey, "option_id"))));
        });
    }

    /** The roadmap issue's "dependencies" section rewritten with every outside issue (links filled in by the queue). */
    private void planSection(UpgradeProjectEntity p) {
        List<OutsideIssueEntity> all = OutsideIssueEntity.of(p.id);
        String content = OutsideIssueTexts.section(all,
                o -> o.issueUrl != null ? o.issueUrl : PayloadRefs.ref(o.writeKey, "url"));
        int n = (int) GitHubWriteEntity.count("idempotencyKey like ?1",
                ProjectWriteKeys.prefix(p.slug, ProjectWriteKeys.OUTSIDE_SECTION) + "%") + 1;
        Num roadmap = p.roadmapIssueNumber != null
                ? Num.of(p.roadmapIssueNumber)
                : Num.ref(ProjectWriteKeys.roadmap(p.slug), "number");
        writes.enqueue(PlannedWrite.of(ProjectWriteKeys.outsideSection(p.slug, n), p.id,
                new WritePayload.ReplaceBodySection(p.roadmapRepo, roadmap, OutsideIssueTexts.SECTION, content)));
    }
}
