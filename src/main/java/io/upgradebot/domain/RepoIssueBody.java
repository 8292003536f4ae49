package io.upgradebot.domain;

/**
 * The body of a per-repository issue. Runbook: "Keep the description minimal, mainly link to the upgrade issue in
 * the roadmap. Dates, instructions, etc. are likely to be fleshed out and/or changed later and we don't want to
 * have to update them in dozens of issues." Ends with the hidden marker that lets the bot find it again.
 */
public final class RepoIssueBody {

    private RepoIssueBody() {
    }

    /**
     * @param roadmapIssue the roadmap issue as a reference GitHub links ({@code openedx/platform-roadmap#412}) or
     *                     its URL
     */
    public static String render(String projectSlug, String projectName, RepoRef repo, String roadmapIssue) {
        return "This repository is impacted by the **" + projectName + "** upgrade project. The target date, the"
                + " upgrade instructions and the choice of who does what here (the \"Owner Does\" field on the board)"
                + " are all tracked on the roadmap issue " + roadmapIssue + ", so they only ever change in one place;"
                + " use this issue to discuss anything specific to " + repo.fullName() + ".\n\n"
                + Markers.repoIssue(projectSlug, repo) + "\n";
    }
}
