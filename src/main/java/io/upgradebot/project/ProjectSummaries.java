package io.upgradebot.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the adapters show of a project, read in its own transaction and handed over as data (never the entity), so
 * that a Slack handler or view never touches the store.
 */
@ApplicationScoped
public class ProjectSummaries {

    /** A project as the commands and views show it. */
    public record ProjectSummary(long id, String slug, String name, ProjectState state, String channelId,
            String statusChannelId, String statusMessageTs, Integer staleAfterDays, LocalDate completionDate,
            String completionReason, String releaseName, String roadmapIssueUrl) {

        /** Posted as a preview only: nothing written to GitHub yet. */
        public boolean preview() {
            return state == ProjectState.PREVIEW;
        }

        public boolean hasStatusMessage() {
            return statusMessageTs != null;
        }

        static ProjectSummary of(UpgradeProjectEntity p) {
            return new ProjectSummary(p.id, p.slug, p.name, p.state, p.channelId,
                    p.statusChannelId, p.statusMessageTs, p.staleAfterDays, p.completionDate, p.completionReason,
                    p.releaseName, p.roadmapIssueUrl);
        }
    }

    /** A line of {@code /upgrade list}: the project and its repositories in scope, how many still TBD. */
    public record Listed(ProjectSummary project, int repositories, int tbd) {
    }

    public Optional<ProjectSummary> byId(long projectId) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional
                .ofNullable(UpgradeProjectEntity.<UpgradeProjectEntity>findById(projectId)).map(ProjectSummary::of));
    }

    /**
     * Newest first, at most {@code max}, of the Slack workspace {@code teamId} (projects without a team show
     * everywhere), with their repository counts from one grouped query.
     */
    public List<Listed> newestFirst(String teamId, int max) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<UpgradeProjectEntity> projects = UpgradeProjectEntity.newestFirst().stream()
                    .filter(p -> p.teamId == null || teamId == null || p.teamId.equals(teamId))
                    .limit(max)
                    .toList();
            if (projects.isEmpty()) {
                return List.of();
            }
            Map<Long, long[]> counts = new HashMap<>();
            List<Object[]> rows = ProjectRepoEntity.getEntityManager().createQuery(
                    "select r.projectId, count(r), sum(case when upper(r.ownerDoes) = 'TBD' then 1 else 0 end) "
                            + "from ProjectRepoEntity r where r.inScope = true and r.projectId in :ids "
                            + "group by r.projectId",
                    Object[].class)
                    .setParameter("ids", projects.stream().map(p -> p.id).toList())
                    .getResultList();
            for (Object[] row : rows) {
                counts.put((Long) row[0], new long[]{((Number) row[1]).longValue(),
                        row[2] == null ? 0 : ((Number) row[2]).longValue()});
            }
            return projects.stream().map(p -> {
                long[] c = counts.getOrDefault(p.id, new long[2]);
                return new Listed(ProjectSummary.of(p), (int) c[0], (int) c[1]);
            }).toList();
        });
    }
}
