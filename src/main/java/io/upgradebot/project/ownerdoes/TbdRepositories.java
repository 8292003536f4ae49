package io.upgradebot.project.ownerdoes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.store.ProjectRepoEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The repositories of a project whose Owner Does is still TBD, grouped by owning team (unknown owners last). */
@ApplicationScoped
public class TbdRepositories {

    /** {@code team} is null for repositories whose owner is unknown. */
    public record Group(String team, List<Repository> repositories) {
    }

    /** A repository still TBD, and its issue (null until created). */
    public record Repository(String repo, String issueUrl) {
    }

    public List<Group> of(long projectId) {
        List<ProjectRepoEntity> repos = QuarkusTransaction.requiringNew()
                .call(() -> ProjectRepoEntity.inScopeOf(projectId));
        Map<String, List<Repository>> byTeam = new LinkedHashMap<>();
        for (ProjectRepoEntity r : repos) {
            if (r.ownerDoes == null || OwnerDoesLevel.TBD_KEY.equalsIgnoreCase(r.ownerDoes)) {
                byTeam.computeIfAbsent(r.ownerTeam, t -> new ArrayList<>()).add(new Repository(r.repo, r.issueUrl));
            }
        }
        List<Group> groups = new ArrayList<>();
        byTeam.forEach((team, list) -> groups.add(new Group(team, list)));
        groups.sort(Comparator.comparing((Group g) -> g.team() == null)
                .thenComparing(g -> -g.repositories().size())
                .thenComparing(g -> g.team() == null ? "" : g.team()));
        return groups;
    }
}
