package io.upgradebot.project.creation;

import java.time.LocalDate;

/**
 * Everything a person asked for in the new-project form, as typed (trimmed; blank fields are null).
 *
 * @param repositories a pasted list ({@code org/repo}, GitHub URLs, one per line or comma-separated) or a GitHub
 *                     search ({@code org:openedx topic:django})
 * @param suggestion   the date suggestion the form showed when it was submitted, or null when none was asked for
 */
public record NewProjectRequest(String teamId, String requestedBy, String name, String product, String currentVersion,
        String targetVersion, String roadmapRepo, String repositories, String release, LocalDate completionDate,
        String dateReason, String orchestrationTeam, String channelId, String docsUrl, boolean previewOnly,
        DateSuggestion suggestion) {

    /** The form's fields, for error messages that land next to the field they are about. */
    public enum Field {
        NAME, PRODUCT, CURRENT_VERSION, TARGET_VERSION, ROADMAP_REPO, REPOSITORIES, RELEASE, COMPLETION_DATE, DATE_REASON, ORCHESTRATION_TEAM, CHANNEL, DOCS_URL
    }
}
