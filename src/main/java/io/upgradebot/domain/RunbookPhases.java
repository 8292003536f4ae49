package io.upgradebot.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runbook's phases and which checklist item belongs to which: the checklist resource has a single "Tasks"
 * heading, while people think of the work in the runbook's steps. An item a deployment's own checklist adds falls
 * under {@link Phase#OTHER}.
 */
public final class RunbookPhases {

    public enum Phase {
        IDENTIFY("Identify the need"), PLAN("Plan"), COMMUNICATE("Communicate"), UPDATE_CODE("Update the code"), DEPLOY(
                "Deploy"), CLEAN_UP("Clean up"), OTHER("Other");

        public final String title;

        Phase(String title) {
            this.title = title;
        }
    }

    private static final Map<String, Phase> BY_ITEM = new LinkedHashMap<>();

    static {
        put(Phase.IDENTIFY, "create-roadmap-issue", "add-checklist", "add-maintenance-label", "add-to-roadmap-board",
                "set-roadmap-fields", "set-milestone", "explicit-completion-date", "select-orchestration-team",
                "name-orchestration-team");
        put(Phase.PLAN, "create-repo-health-check", "create-project-field-value", "create-board-view",
                "create-repo-issues", "task-list-of-children", "create-docs-page", "link-docs-from-roadmap",
                "link-roadmap-from-docs", "document-problematic-changes", "ticket-automation-scope",
                "write-upgrade-instructions", "link-upgrade-instructions");
        put(Phase.COMMUNICATE, "send-announcement", "create-external-dependency-issues",
                "label-external-dependency-issues", "add-external-issues-to-board", "set-external-issue-fields",
                "ask-community-for-help", "create-btr-sre-tickets");
        put(Phase.UPDATE_CODE, "complete-implementation-tickets");
        put(Phase.DEPLOY, "deploy-services", "update-support-windows-spreadsheet", "announce-completion",
                "release-notes");
        put(Phase.CLEAN_UP, "remove-ci-matrix-entries", "remove-board-view", "stop-health-checks", "run-retrospective",
                "update-runbook", "mark-roadmap-complete", "move-docs-page", "replace-unmaintained-dependencies");
    }

    private RunbookPhases() {
    }

    private static void put(Phase phase, String... ids) {
        for (String id : ids) {
            BY_ITEM.put(id, phase);
        }
    }

    public static Phase of(String itemId) {
        return BY_ITEM.getOrDefault(itemId, Phase.OTHER);
    }

    /** The items of the checklist grouped by phase, in runbook order; phases without items are left out. */
    public static Map<Phase, List<RunbookChecklist.Item>> group(RunbookChecklist checklist) {
        Map<Phase, List<RunbookChecklist.Item>> groups = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            List<RunbookChecklist.Item> items = checklist.items().stream().filter(i -> of(i.id()) == phase).toList();
            if (!items.isEmpty()) {
                groups.put(phase, items);
            }
        }
        return groups;
    }
}
