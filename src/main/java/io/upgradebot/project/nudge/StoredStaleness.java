package io.upgradebot.project.nudge;

import io.upgradebot.config.NudgeConfig;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.domain.StaleRule;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Staleness judged from what the bot last stored (issue state, last human activity, choices), without asking
 * GitHub: for views that are drawn often, such as the Home tab. The nudge run ({@link StaleIssueNudges}) refreshes
 * those stored figures from GitHub; the rule is the same. Call inside a transaction.
 */
@ApplicationScoped
public class StoredStaleness {

    private final NudgeConfig config;

    public StoredStaleness(NudgeConfig config) {
        this.config = config;
    }

    /**
     * Days without activity of each stale repository issue among {@code repos} (open, with an issue, in a project
     * whose nudges are on), as of {@code now}; repositories that are not stale are absent.
     */
    public Map<Long, Long> idleDays(Map<Long, UpgradeProjectEntity> projects, Collection<ProjectRepoEntity> repos,
            Instant now) {
        List<ProjectRepoEntity> open = repos.stream()
                .filter(r -> r.issueUrl != null && r.issueState != RepoIssueState.CLOSED).toList();
        Map<Long, Instant> choices = latestChoices(open);
        Map<Long, Long> out = new HashMap<>();
        for (ProjectRepoEntity r : open) {
            UpgradeProjectEntity p = projects.get(r.projectId);
            OptionalLong days = p == null ? OptionalLong.empty() : threshold(p);
            if (days.isEmpty()) {
                continue;
            }
            Instant last = StaleRule.lastActivity(r.createdAt, r.lastHumanActivityAt, choices.get(r.id));
            if (new StaleRule((int) days.getAsLong()).isStale(true, last, now)) {
                out.put(r.id, StaleRule.idleDays(last, now));
            }
        }
        return out;
    }

    private OptionalLong threshold(UpgradeProjectEntity p) {
        if (p.staleAfterDays != null && p.staleAfterDays == 0) {
            return OptionalLong.empty(); // nudges switched off for this project
        }
        return OptionalLong.of(p.staleAfterDays != null && p.staleAfterDays > 0
                ? p.staleAfterDays
                : config.staleAfterDays());
    }

    private static Map<Long, Instant> latestChoices(List<ProjectRepoEntity> repos) {
        Map<Long, Instant> out = new HashMap<>();
        if (repos.isEmpty()) {
            return out;
        }
        OwnerDoesChoiceEntity.getEntityManager().createQuery(
                "select c.projectRepoId, max(c.chosenAt) from OwnerDoesChoiceEntity c where c.projectRepoId in :ids "
                        + "group by c.projectRepoId",
                Object[].class).setParameter("ids", repos.stream().map(r -> r.id).toList()).getResultList()
                .forEach(row -> out.put((Long) row[0], (Instant) row[1]));
        return out;
    }
}
