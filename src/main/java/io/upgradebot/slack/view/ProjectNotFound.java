package io.upgradebot.slack.view;

import io.upgradebot.project.FindProject;
import java.util.stream.Collectors;

/** Why a command's project was not found, in Slack mrkdwn: what was looked for, a close slug or the known ones. */
public final class ProjectNotFound {

    private ProjectNotFound() {
    }

    /** "There is no project `x`. Did you mean `y`?", or "Name the project: known projects: `a`, `b` (…)". */
    public static String mrkdwn(FindProject.Found found) {
        if (found.reason() == FindProject.Reason.FINISHED) {
            return FinishedProject.mrkdwn(found.slug(), found.slug());
        }
        if (found.reason() == FindProject.Reason.NOT_NAMED) {
            return "Name the project: " + known(found);
        }
        return "There is no project `" + found.slug() + "`."
                + found.didYouMean().map(s -> " Did you mean `" + s + "`?").orElse(" " + sentence(known(found)));
    }

    /** The same words starting a sentence (after "There is no project `x`."). */
    private static String sentence(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String known(FindProject.Found found) {
        if (found.knownSlugs().isEmpty()) {
            return "there are no projects yet (`/upgrade new`).";
        }
        return "known projects: "
                + found.knownSlugs().stream().map(s -> "`" + s + "`").collect(Collectors.joining(", "))
                + " (`/upgrade list` for all).";
    }
}
