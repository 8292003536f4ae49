package io.upgradebot.project.ownerdoes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.store.OwnerDoesChoiceEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The repositories one person may choose for, a page at a time, for the "Choose for my repositories" modal.
 *
 * <p>A page holds {@value #PAGE_SIZE} repositories: each takes two blocks (the select, the who-does-what line), so a
 * page is 60 blocks plus at most 6 of header, search and paging, inside Slack's 100 per modal, for any number of
 * repositories (500 is 17 pages, and the search narrows them).
 */
@ApplicationScoped
public class ChoosableRepositories {

    public static final int PAGE_SIZE = 30;

    /** One repository row. {@code version} changes whenever its level does (a new history row). */
    public record Row(long projectRepoId, String repo, String issueUrl, String ownerTeam, OwnerDoesLevel level,
            long version) {
    }

    /**
     * @param everyRepository the person may choose for all the project's repositories (orchestrator, or the
     *                        channel policy)
     * @param refusal         why the person may choose for none, shown instead of rows
     */
    public record Page(long projectId, String projectName, List<Row> rows, int page, int pages, int total,
            int matching, String query, boolean everyRepository, Optional<ChoiceRefusal> refusal,
            List<OwnerDoesLevel> levels) {

        public boolean searchable() {
            return everyRepository || total > PAGE_SIZE;
        }

        public int firstIndex() {
            return page * PAGE_SIZE;
        }
    }

    private final ChoicePermissions permissions;
    private final OwnerDoesLevels levels;

    public ChoosableRepositories(ChoicePermissions permissions, OwnerDoesLevels levels) {
        this.permissions = permissions;
        this.levels = levels;
    }

    /** Page {@code page} (0-based, clamped) of what {@code userId} may choose, filtered by {@code query}. */
    public Optional<Page> page(long projectId, String userId, String query, int page) {
        Optional<UpgradeProjectEntity> project = QuarkusTransaction.requiringNew()
                .call(() -> UpgradeProjectEntity.<UpgradeProjectEntity>findByIdOptional(projectId));
        if (project.isEmpty()) {
            return Optional.empty();
        }
        Optional<ChoiceRefusal> closed = ChoicePermissions.notOpenForChoices(project.get());
        if (closed.isPresent()) {
            return Optional.of(new Page(projectId, project.get().name, List.of(), 0, 1, 0, 0, "", false, closed,
                    levels.choosable()));
        }
        List<ProjectRepoEntity> repos = QuarkusTransaction.requiringNew()
                .call(() -> ProjectRepoEntity.inScopeOf(projectId));
        boolean all = permissions.mayChooseAll(userId, project.get());
        List<ProjectRepoEntity> mine = all
                ? repos
                : repos.stream().filter(r -> permissions.mayChoose(userId, project.get(), r)).toList();
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<ProjectRepoEntity> matching = q.isEmpty()
                ? mine
                : mine.stream()
                        .filter(r -> r.repo.toLowerCase(Locale.ROOT).contains(q)
                                || r.ownerTeam != null && r.ownerTeam.toLowerCase(Locale.ROOT).contains(q))
                        .toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.max(0, Math.min(page, pages - 1));
        List<ProjectRepoEntity> slice = matching.subList(Math.min(p * PAGE_SIZE, matching.size()),
                Math.min((p + 1) * PAGE_SIZE, matching.size()));
        Map<Long, Long> versions = versions(slice);
        List<Row> rows = slice.stream().map(r -> new Row(r.id, r.repo, r.issueUrl, r.ownerTeam,
                levels.byKey(r.ownerDoes).orElse(levels.tbd()), versions.getOrDefault(r.id, 0L))).toList();
        Optional<ChoiceRefusal> refusal = mine.isEmpty() && !repos.isEmpty()
                ? Optional.of(permissions.nothingToChoose(project.get()))
                : Optional.empty();
        return Optional.of(new Page(projectId, project.get().name, rows, p, pages, mine.size(), matching.size(),
                query == null ? "" : query.strip(), all, refusal, levels.choosable()));
    }

    private static Map<Long, Long> versions(List<ProjectRepoEntity> slice) {
        Map<Long, Long> out = new HashMap<>();
        if (slice.isEmpty()) {
            return out;
        }
        List<Long> ids = slice.stream().map(r -> r.id).toList();
        QuarkusTransaction.requiringNew().run(() -> OwnerDoesChoiceEntity.getEntityManager()
                .createQuery("select c.projectRepoId, max(c.id) from OwnerDoesChoiceEntity c"
                        + " where c.projectRepoId in ?1 group by c.projectRepoId", Object[].class)
                .setParameter(1, ids).getResultList()
                .forEach(row -> out.put((Long) row[0], (Long) row[1])));
        return out;
    }
}
