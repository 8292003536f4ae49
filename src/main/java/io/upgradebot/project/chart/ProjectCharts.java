package io.upgradebot.project.chart;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upgradebot.config.ScheduleConfig;
import io.upgradebot.domain.Burndown;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.domain.OwnerDoesLevels;
import io.upgradebot.domain.RepoIssueState;
import io.upgradebot.store.IssueStateChangeEntity;
import io.upgradebot.store.ProjectRepoEntity;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's charts: the series read from the recorded history (issue state changes, current Owner Does levels),
 * drawn by the {@link ChartRenderer}. Reads only; answers empty for a project that does not exist.
 */
@ApplicationScoped
public class ProjectCharts {

    /** A drawn chart: its file name and PNG bytes. */
    public record Png(String fileName, String title, byte[] bytes) {
    }

    private final ChartRenderer renderer;
    private final Instance<OwnerDoesLevels> configuredLevels;
    private final ScheduleConfig schedule;
    private final Clock clock;

    public ProjectCharts(ChartRenderer renderer, Instance<OwnerDoesLevels> configuredLevels, ScheduleConfig schedule,
            Clock clock) {
        this.renderer = renderer;
        this.configuredLevels = configuredLevels;
        this.schedule = schedule;
        this.clock = clock;
    }

    public Optional<ChartData> data(long projectId) {
        return QuarkusTransaction.joiningExisting().call(() -> dataInTx(projectId));
    }

    public Optional<Png> burndown(long projectId) {
        return data(projectId).map(this::burndown);
    }

    public Optional<Png> levels(long projectId) {
        return data(projectId).map(this::levels);
    }

    /** Both charts, burndown first; none for a project that does not exist. */
    public List<Png> all(long projectId) {
        return data(projectId).map(d -> List.of(burndown(d), levels(d))).orElse(List.of());
    }

    private Png burndown(ChartData d) {
        return new Png(d.slug() + "-burndown.png", "Burndown: " + d.projectName(), renderer.burndownPng(d));
    }

    private Png levels(ChartData d) {
        return new Png(d.slug() + "-owner-does.png", "Owner Does levels: " + d.projectName(), renderer.levelsPng(d));
    }

    private Optional<ChartData> dataInTx(long projectId) {
        UpgradeProjectEntity p = UpgradeProjectEntity.findById(projectId);
        if (p == null) {
            return Optional.empty();
        }
        ZoneId zone = zone();
        List<Burndown.Change> changes = new ArrayList<>();
        for (IssueStateChangeEntity.Change c : IssueStateChangeEntity.changesOf(projectId)) {
            changes.add(new Burndown.Change(c.projectRepoId(), c.at(), c.state() != RepoIssueState.CLOSED));
        }
        Burndown burndown = Burndown.of(changes, p.completionDate, LocalDate.ofInstant(clock.instant(), zone), zone);
        return Optional.of(new ChartData(p.slug, p.name, p.completionDate, burndown,
                levelCounts(ProjectRepoEntity.countByOwnerDoes(projectId))));
    }

    private List<ChartData.LevelCount> levelCounts(Map<String, Long> stored) {
        OwnerDoesLevels levels = configuredLevels.isResolvable()
                ? configuredLevels.get()
                : OwnerDoesLevels.defaults();
        Map<String, Integer> counts = new LinkedHashMap<>();
        levels.levels().forEach(l -> counts.put(l.key(), 0));
        stored.forEach((key, n) -> counts.merge(
                levels.byKey(key).map(OwnerDoesLevel::key).orElse(levels.tbd().key()), n.intValue(), Integer::sum));
        List<ChartData.LevelCount> out = new ArrayList<>();
        for (OwnerDoesLevel l : levels.levels()) {
            out.add(new ChartData.LevelCount(l.label(), counts.get(l.key())));
        }
        return out;
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(schedule.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC"); // ScheduleSettingsCheck refuses a bad zone at start; never fail a chart on it
        }
    }
}
