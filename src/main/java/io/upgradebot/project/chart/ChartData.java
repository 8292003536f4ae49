package io.upgradebot.project.chart;

import io.upgradebot.domain.Burndown;
import java.time.LocalDate;
import java.util.List;

/**
 * What a project's charts show: its burndown (from the recorded issue states) and how many in-scope repositories
 * are at each Owner Does level.
 *
 * @param levels TBD first, then the configured levels in order, each with its count (zero counts included)
 */
public record ChartData(String slug, String projectName, LocalDate completionDate, Burndown burndown,
        List<LevelCount> levels) {

    public record LevelCount(String label, int count) {
    }

    public ChartData {
        levels = List.copyOf(levels);
    }

    /** True when no repository is counted at any level (a project without repositories). */
    public boolean noLevels() {
        return levels.stream().allMatch(l -> l.count() == 0);
    }
}
