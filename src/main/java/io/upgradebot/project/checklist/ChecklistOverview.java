package io.upgradebot.project.checklist;

import io.upgradebot.domain.ProjectState;
import java.time.Instant;
import java.util.List;

/**
 * A project's runbook checklist as {@code /upgrade checklist} shows it: grouped by runbook phase, each item with its
 * state and who changed it when.
 *
 * @param roadmapIssueUrl null until the roadmap issue exists
 * @param boardViewUrl    the board filtered to this project; null without a board
 * @param editable        whether the person looking may tick and untick (an orchestrator, on a project under way)
 */
public record ChecklistOverview(long projectId, String slug, String name, ProjectState state, String roadmapIssueUrl,
        String boardViewUrl, boolean editable, List<Phase> phases) {

    public ChecklistOverview {
        phases = List.copyOf(phases);
    }

    public record Phase(String title, List<Entry> entries) {
        public Phase {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One item. {@code actor} and {@code changedAt} are null while nobody changed it.
     *
     * @param text   the item as the checklist words it (Markdown)
     * @param byBot  whether the bot ticks this step itself when it happens
     * @param source BOT, SLACK (actor: a Slack user id) or GITHUB (actor: a GitHub login); null when never changed
     */
    public record Entry(String id, String text, boolean ticked, boolean byBot, String actor, String source,
            Instant changedAt) {
    }

    public int ticked() {
        return (int) phases.stream().flatMap(p -> p.entries().stream()).filter(Entry::ticked).count();
    }

    public int total() {
        return phases.stream().mapToInt(p -> p.entries().size()).sum();
    }
}
