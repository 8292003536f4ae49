package io.upgradebot.project.nudge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.NudgeConfig;
import io.upgradebot.domain.HumanActivity;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.StaleRule;
import io.upgradebot.github.IssueActivityReader;
import io.upgradebot.github.IssueActivityReader.PullRequests;
import io.upgradebot.store.IssueStateChangeEntity;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What is going on in each repository issue: open or closed, when a person last did something, how far its pull
 * requests got. Read from GitHub in batches (one request per 100 issues, whatever the number of projects) and
 * remembered on {@code project_repo} so the digest still has figures when GitHub is unreachable.
 */
@ApplicationScoped
public class RepoActivity {

    private static final Logger LOG = Logger.getLogger(RepoActivity.class);

    /** One repository issue as last seen. {@code fresh}: read from GitHub just now (not from the stored state). */
    public record Snapshot(long repoId, long projectId, String repo, String url, boolean open, Instant closedAt,
            Instant lastActivity, PullRequests pullRequests, boolean fresh) {
    }

    /** The snapshots, and whether GitHub could be read ({@code error} says why not). */
    public record Result(Map<Long, Snapshot> byRepoId, int requests, String error) {
        public boolean fromGitHub() {
            return error == null;
        }
    }

    private final IssueActivityReader reader;
    private final NudgeConfig nudges;

    public RepoActivity(IssueActivityReader reader, NudgeConfig nudges) {
        this.reader = reader;
        this.nudges = nudges;
    }

    /**
     * Reads GitHub for these repositories' issues and stores what it found. When GitHub cannot be read the stored
     * state answers, with the reason in {@link Result#error()}.
     */
    public Result refresh(Collection<ProjectRepoEntity> repos) {
        List<ProjectRepoEntity> withIssue = repos.stream().filter(r -> r.issueNodeId != null).toList();
        Map<Long, Instant> choices = latestChoices(withIssue);
        IssueActivityReader.Batch batch;
        try {
            batch = reader.read(withIssue.stream().map(r -> r.issueNodeId).toList());
        } catch (RuntimeException e) {
            LOG.warnf("reading issue activity from GitHub failed, using the last known state: %s", e.getMessage());
            Map<Long, Snapshot> stored = new HashMap<>();
            for (ProjectRepoEntity r : withIssue) {
                stored.put(r.id,
                        new Snapshot(r.id, r.projectId, r.repo, r.issueUrl, r.issueState != RepoIssueState.CLOSED, null,
                                StaleRule.lastActivity(r.createdAt, r.lastHumanActivityAt, choices.get(r.id)),
                                PullRequests.NONE,
                                false));
            }
            return new Result(stored, 0, String.valueOf(e.getMessage()));
        }
        HumanActivity human = new HumanActivity(batch.viewerLogin(), nudges.ignoredLogins().orElse(List.of()));
        Map<Long, Snapshot> out = new HashMap<>();
        Map<Long, Instant> humanSeen = new HashMap<>();
        Map<Long, Boolean> openSeen = new HashMap<>();
        for (ProjectRepoEntity r : withIssue) {
            IssueActivityReader.IssueActivity a = batch.issues().get(r.issueNodeId);
            if (a == null) {
                continue; // deleted or no longer visible: leave it out rather than guess
            }
            Instant lastHuman = human.latest(a.events()).orElse(null);
            Instant stored = r.lastHumanActivityAt;
            Instant latestHuman = stored == null || (lastHuman != null && lastHuman.isAfter(stored))
                    ? lastHuman
                    : stored;
            humanSeen.put(r.id, latestHuman);
            openSeen.put(r.id, a.open());
            out.put(r.id, new Snapshot(r.id, r.projectId, r.repo, a.url() != null ? a.url() : r.issueUrl, a.open(),
                    a.closedAt(),
                    StaleRule.lastActivity(a.createdAt() != null ? a.createdAt() : r.createdAt, latestHuman,
                            choices.get(r.id)),
                    a.pullRequests(), true));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Map.Entry<Long, Boolean> e : openSeen.entrySet()) {
                ProjectRepoEntity r = ProjectRepoEntity.findById(e.getKey());
                if (r == null) {
                    continue;
                }
                RepoIssueState state = e.getValue()
                        ? RepoIssueState.OPEN
                        : RepoIssueState.CLOSED;
                Instant h = humanSeen.get(e.getKey());
                if (state != r.issueState || (h != null && !h.equals(r.lastHumanActivityAt))) {
                    IssueStateChangeEntity.change(r, state);
                    r.lastHumanActivityAt = h;
                }
            }
        });
        return new Result(out, batch.requests(), null);
    }

    /** A level chosen by a person (in Slack or on the board) is activity on that repository too. */
    private static Map<Long, Instant> latestChoices(List<ProjectRepoEntity> repos) {
        if (repos.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = repos.stream().map(r -> r.id).toList();
        Map<Long, Instant> out = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Object[]> rows = OwnerDoesChoiceEntity.getEntityManager().createQuery(
                    "select c.projectRepoId, max(c.chosenAt) from OwnerDoesChoiceEntity c where c.projectRepoId in :ids "
                            + "group by c.projectRepoId",
                    Object[].class).setParameter("ids", ids).getResultList();
            for (Object[] row : rows) {
                out.put((Long) row[0], (Instant) row[1]);
            }
        });
        return out;
    }
}
