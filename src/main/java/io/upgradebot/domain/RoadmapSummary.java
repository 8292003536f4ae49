package io.upgradebot.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the roadmap issue says about the project (runbook: the completion date with its reason, the milestone,
 * the orchestration team, the docs link).
 *
 * @param projectName       "Django 5.2"
 * @param projectSlug       "django-5-2"
 * @param dependency        "Django"
 * @param currentVersion    "4.2"
 * @param targetVersion     "5.2"
 * @param completionDate    null while not decided
 * @param completionReason  why this date ({@link CompletionSuggestion#reason()} or the person's own)
 * @param release           the milestone, "Ulmo"; null when none
 * @param orchestrationTeam the team orchestrating, as people name it ("@openedx/axim-engineering")
 * @param docsUrl           upgrade documentation; null when not written yet
 * @param warnings          shown prominently, e.g. the stagger warning; may be empty
 * @param boardViewUrl      the maintenance board filtered to this project; null without a board
 */
public record RoadmapSummary(String projectName, String projectSlug, String dependency, String currentVersion,
        String targetVersion, LocalDate completionDate, String completionReason, String release,
        String orchestrationTeam, String docsUrl, List<String> warnings, String boardViewUrl) {

    public RoadmapSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Without a board view link. */
    public RoadmapSummary(String projectName, String projectSlug, String dependency, String currentVersion,
            String targetVersion, LocalDate completionDate, String completionReason, String release,
            String orchestrationTeam, String docsUrl, List<String> warnings) {
        this(projectName, projectSlug, dependency, currentVersion, targetVersion, completionDate, completionReason,
                release, orchestrationTeam, docsUrl, warnings, null);
    }
}
