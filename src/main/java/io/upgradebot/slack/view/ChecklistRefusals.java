package io.upgradebot.slack.view;

import io.upgradebot.domain.ProjectState;
import io.upgradebot.project.ProjectSummaries;
import io.upgradebot.project.checklist.ToggleChecklistItem;
import java.util.Optional;

/** What a person is told when the checklist cannot be shown or changed. */
public final class ChecklistRefusals {

    private ChecklistRefusals() {
    }

    /** Why a project has no checklist to tick (a preview, a finished project); empty when it is under way. */
    public static Optional<String> notUnderWay(ProjectSummaries.ProjectSummary p) {
        if (p.state() == ProjectState.PREVIEW) {
            return Optional.of("`" + p.slug() + "` is only a preview: it has no roadmap issue, so no checklist yet."
                    + " Nothing was changed.");
        }
        if (p.state() == ProjectState.CLOSED) {
            return Optional.of("`" + p.slug() + "` is finished: its checklist stays as it is"
                    + (p.roadmapIssueUrl() == null
                            ? ""
                            : " in the " + Mrkdwn.link(p.roadmapIssueUrl(),
                                    "roadmap issue"))
                    + ". Nothing was changed.");
        }
        return Optional.empty();
    }

    /** The notice shown in the modal after a click that changed nothing; null after a change. */
    public static String of(ToggleChecklistItem.Result result) {
        return switch (result) {
            case CHANGED -> null;
            case UNKNOWN_PROJECT -> ":warning: That project no longer exists. Nothing was changed.";
            case NOT_UNDER_WAY -> ":warning: This project is not under way (finished, or only a preview): its"
                    + " checklist is not changed.";
            case UNKNOWN_ITEM -> ":warning: That item is no longer in the checklist. Nothing was changed.";
        };
    }
}
