package io.upgradebot.project.statuspage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.GitHubSecrets;
import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.ProjectState;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.project.chart.ChartData;
import io.upgradebot.project.chart.ChartRenderer;
import io.upgradebot.project.chart.ProjectCharts;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status page's use case: a project's progress, its repositories and its charts, for a signed link only. Every
 * refusal (unknown slug, no link, expired, tampered, page off, a project still in preview) is the same empty answer,
 * so the page tells a stranger nothing.
 */
@ApplicationScoped
public class ProjectStatusPage {

    private final StatusPageLinks links;
    private final ProjectCharts charts;
    private final ChartRenderer renderer;
    private final Instance<OwnerDoesLevels> configuredLevels;
    private final GitHubSecrets github;
    private final UpgradeBotConfig config;

    public ProjectStatusPage(StatusPageLinks links, ProjectCharts charts, ChartRenderer renderer,
            Instance<OwnerDoesLevels> configuredLevels, GitHubSecrets github, UpgradeBotConfig config) {
        this.links = links;
        this.charts = charts;
        this.renderer = renderer;
        this.configuredLevels = configuredLevels;
        this.github = github;
        this.config = config;
    }

    /** The page, when {@code exp} / {@code sig} are a valid link to {@code slug}. */
    public Optional<StatusPage> page(String slug, String exp, String sig) {
        if (!links.valid(slug, exp, sig)) {
            return Optional.empty();
        }
        String query = "exp=" + Long.parseLong(exp) + "&sig=" + sig.toLowerCase();
        return QuarkusTransaction.requiringNew().call(() -> build(slug, query));
    }

    /** The burndown PNG, for the same link. */
    public Optional<byte[]> burndownPng(String slug, String exp, String sig) {
        return chart(slug, exp, sig).map(renderer::burndownPng);
    }

    /** The Owner Does levels PNG, for the same link. */
    public Optional<byte[]> levelsPng(String slug, String exp, String sig) {
        return chart(slug, exp, sig).map(renderer::levelsPng);
    }

    private Optional<ChartData> chart(String slug, String exp, String sig) {
        if (!links.valid(slug, exp, sig)) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> visible(slug).flatMap(p -> charts.data(p.id)));
    }

    private static Optional<UpgradeProjectEntity> visible(String slug) {
        return UpgradeProjectEntity.findBySlug(slug).filter(p -> p.state != ProjectState.PREVIEW);
    }

    private Optional<StatusPage> build(String slug, String chartQuery) {
        Optional<UpgradeProjectEntity> found = visible(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UpgradeProjectEntity p = found.get();
        OwnerDoesLevels levels = configuredLevels.isResolvable()
                ? configuredLevels.get()
                : OwnerDoesLevels.defaults();
        List<ProjectRepoEntity> repos = ProjectRepoEntity.inScopeOf(p.id);
        String web = github.webUrl();
        int open = 0;
        int closed = 0;
        List<StatusPage.Repository> rows = new ArrayList<>(repos.size());
        for (ProjectRepoEntity r : repos) {
            String status;
            if (r.issueNumber == null) {
                status = "no issue yet";
            } else if (r.issueState == RepoIssueState.CLOSED) {
                status = "closed";
                closed++;
            } else {
                status = "open";
                open++;
            }
            String level = levels.byKey(r.ownerDoes).map(OwnerDoesLevel::label).orElse(levels.tbd().label());
            rows.add(new StatusPage.Repository(r.repo, web + "/" + r.repo, r.ownerTeam, level, status, r.issueUrl,
                    r.lastHumanActivityAt));
        }
        ChartData data = charts.data(p.id).orElseThrow();
        List<StatusPage.Level> levelRows = data.levels().stream()
                .map(l -> new StatusPage.Level(l.label(), l.count())).toList();
        int percent = repos.isEmpty() ? 0 : (int) Math.floor(100.0 * closed / repos.size());
        return Optional.of(new StatusPage(p.slug, p.name, p.state.name().toLowerCase(), p.completionDate,
                p.releaseName, p.orchestrationTeam, p.roadmapIssueUrl, boardUrl(), repos.size(), open, closed, percent,
                levelRows, rows, data.burndown().empty(), data.burndown().empty() ? ChartRenderer.NO_HISTORY : null,
                chartQuery));
    }

    private String boardUrl() {
        var board = config.board();
        if (board.org().isEmpty() || board.number().isEmpty()) {
            return null;
        }
        return github.webUrl() + "/orgs/" + board.org().get() + "/projects/" + board.number().getAsInt();
    }
}
