package io.upgradebot.domain;

/**
 * A repository issue of a project, as listed in the roadmap issue.
 *
 * @param repo   the repository
 * @param number the issue number in that repository
 * @param closed true once closed (any reason)
 */
public record ChildIssue(RepoRef repo, int number, boolean closed) {

    /** {@code openedx/edx-platform#12}: GitHub links it and shows the issue title and state. */
    public String reference() {
        return repo.fullName() + "#" + number;
    }
}
