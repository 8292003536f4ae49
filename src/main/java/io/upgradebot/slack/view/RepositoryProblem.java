package io.upgradebot.slack.view;

import io.upgradebot.project.creation.ResolveRepositories;

/** Why the repositories of a new project or a scope change could not be resolved, in Slack mrkdwn. */
public final class RepositoryProblem {

    private RepositoryProblem() {
    }

    public static String mrkdwn(ResolveRepositories.Problem p) {
        return switch (p.kind()) {
            case SEARCH_FOUND_NOTHING -> "The search `" + p.searchQuery() + "` found no repository.";
            case SEARCH_FINDS_TOO_MANY -> "The search `" + p.searchQuery() + "` finds more than " + p.max()
                    + " repositories, more than one project may hold: narrow it.";
            case TOO_MANY -> "That is " + p.count() + " repositories; one project holds at most " + p.max() + ".";
            case SEARCH_RATE_LIMITED -> "GitHub's search is rate limited right now"
                    + p.retryAt().map(t -> " (until " + t + ")").orElse("") + "; try again in a minute.";
            case SEARCH_REFUSED -> "GitHub refused the search: " + p.detail();
            case CHECKS_RATE_LIMITED -> "GitHub rate-limited the repository checks"
                    + p.retryAt().map(t -> " until " + t).orElse("") + "; try again then.";
            case INTERRUPTED -> "Interrupted while checking repositories.";
        };
    }
}
