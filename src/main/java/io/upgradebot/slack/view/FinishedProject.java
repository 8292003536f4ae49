package io.upgradebot.slack.view;

/** Why a finished project does not change, in the same words wherever a command or button meets one. */
public final class FinishedProject {

    private FinishedProject() {
    }

    /** "*Django 5.2* is finished, so it no longer changes. An orchestrator can reopen it: `/upgrade reopen …`." */
    public static String mrkdwn(String projectName, String slug) {
        return "*" + Mrkdwn.escape(projectName) + "* is finished, so it no longer changes. An orchestrator can reopen "
                + "it: `/upgrade reopen " + (slug == null ? "<project>" : slug) + "`.";
    }
}
