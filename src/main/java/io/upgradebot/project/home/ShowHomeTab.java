package io.upgradebot.project.home;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.project.Orchestrators;
import io.upgradebot.project.OwnerTeams;
import io.upgradebot.project.nudge.StoredStaleness;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One person's Home tab as data: the repositories their teams own (the owning team's members, as
 * {@link OwnerTeams} knows them: the same membership the choosing policy checks) that still need an Owner Does level,
 * their teams' stale issues, and for orchestrators the projects under way with progress and completion date. Reads
 * the database only, plus Slack for team membership (cached): after the ack.
 *
 * <p>Sized for Block Kit's 100 blocks whatever the numbers: {@value #PAGE_SIZE} pending repositories a page (one
 * block each, paged with previous / next), at most {@value #STALE_MAX} stale issues (the stalest, with the total)
 * and {@value #PROJECTS_MAX} projects (newest, with the total).
 */
@ApplicationScoped
public class ShowHomeTab {

    public static final int PAGE_SIZE = 30;
    public static final int STALE_MAX = 15;
    public static final int PROJECTS_MAX = 10;

    private static final Set<ProjectState> UNDER_WAY = Set.of(ProjectState.CREATING, ProjectState.ACTIVE);

    private final OwnerTeams teams;
    private final Orchestrators orchestrators;
    private final OwnerDoesLevels levels;
    private final StoredStaleness staleness;
    private final Clock clock;

    public ShowHomeTab(OwnerTeams teams, Orchestrators orchestrators, OwnerDoesLevels levels,
            StoredStaleness staleness, Clock clock) {
        this.teams = teams;
        this.orchestrators = orchestrators;
        this.levels = levels;
        this.staleness = staleness;
        this.clock = clock;
    }

    private record Loaded(List<UpgradeProjectEntity> projects, List<ProjectRepoEntity> repos) {
    }

    /** Page {@code page} (0-based, clamped) of {@code userId}'s Home tab. */
    public HomeTab forUser(String userId, int page) {
        Instant now = clock.instant();
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            List<UpgradeProjectEntity> projects = UpgradeProjectEntity.<UpgradeProjectEntity>newestFirst().stream()
                    .filter(p -> UNDER_WAY.contains(p.state)).toList();
            List<ProjectRepoEntity> repos = projects.isEmpty()
                    ? List.of()
                    : ProjectRepoEntity.list("projectId in ?1 and inScope = true order by repo",
                            projects.stream().map(p -> p.id).toList());
            return new Loaded(projects, repos);
        });
        Map<Long, UpgradeProjectEntity> byId = loaded.projects().stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));

        // membership asks Slack (cached per team), so it is worked out once per team, outside any transaction
        Map<String, Boolean> member = new HashMap<>();
        List<ProjectRepoEntity> mine = loaded.repos().stream()
                .filter(r -> r.ownerTeam != null && member.computeIfAbsent(r.ownerTeam + "@" + org(r.repo),
                        k -> teams.isMember(userId, r.ownerTeam, org(r.repo))))
                .toList();

        List<HomeTab.Pending> pending = mine.stream()
                .filter(r -> isTbd(r.ownerDoes)) // choices are open while a project is created, as in the modal
                .sorted(Comparator.comparing((ProjectRepoEntity r) -> -r.projectId).thenComparing(r -> r.repo))
                .map(r -> new HomeTab.Pending(r.id, r.projectId, byId.get(r.projectId).name, r.repo, r.issueUrl,
                        r.ownerTeam))
                .toList();
        int pages = Math.max(1, (pending.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.max(0, Math.min(page, pages - 1));
        List<HomeTab.Pending> slice = pending.subList(p * PAGE_SIZE, Math.min((p + 1) * PAGE_SIZE, pending.size()));

        Map<Long, Long> idle = QuarkusTransaction.requiringNew().call(() -> staleness.idleDays(byId,
                mine.stream().filter(r -> byId.get(r.projectId).state == ProjectState.ACTIVE).toList(), now));
        List<HomeTab.StaleIssue> stale = mine.stream().filter(r -> idle.containsKey(r.id))
                .map(r -> new HomeTab.StaleIssue(r.id, byId.get(r.projectId).name, r.repo, r.issueUrl,
                        idle.get(r.id), isTbd(r.ownerDoes)))
                .sorted(Comparator.comparing((HomeTab.StaleIssue s) -> -s.idleDays()).thenComparing(s -> s.repo()))
                .toList();

        boolean orchestrator = orchestrators.isOrchestrator(userId);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<HomeTab.RunningProject> projects = new ArrayList<>();
        if (orchestrator) {
            Map<Long, List<ProjectRepoEntity>> reposOf = loaded.repos().stream()
                    .collect(Collectors.groupingBy(r -> r.projectId));
            for (UpgradeProjectEntity pr : loaded.projects().subList(0,
                    Math.min(PROJECTS_MAX, loaded.projects().size()))) {
                List<ProjectRepoEntity> rs = reposOf.getOrDefault(pr.id, List.of());
                int closed = (int) rs.stream().filter(r -> r.issueState == RepoIssueState.CLOSED).count();
                int chosen = (int) rs.stream().filter(r -> !isTbd(r.ownerDoes)).count();
                Long daysLeft = pr.completionDate == null ? null : ChronoUnit.DAYS.between(today, pr.completionDate);
                projects.add(new HomeTab.RunningProject(pr.id, pr.slug, pr.name, pr.state, pr.channelId, rs.size(),
                        closed, chosen, pr.completionDate, daysLeft, pr.roadmapIssueUrl));
            }
        }
        List<OwnerDoesLevel> choosable = levels.choosable();
        return new HomeTab(userId, orchestrator, choosable, slice, pending.size(), p, pages,
                stale.subList(0, Math.min(STALE_MAX, stale.size())), stale.size(), projects,
                orchestrator ? loaded.projects().size() : 0, today);
    }

    private static boolean isTbd(String level) {
        return level == null || OwnerDoesLevel.TBD_KEY.equalsIgnoreCase(level);
    }

    private static String org(String repo) {
        int slash = repo == null ? -1 : repo.indexOf('/');
        return slash < 0 ? null : repo.substring(0, slash);
    }
}
