package io.upgradebot.slack.view;

import io.upgradebot.project.PostContent;
import io.upgradebot.project.TeamContacts;
import java.util.stream.Collectors;

/** How a team, a person and a repository link read in mrkdwn. */
public final class Mentions {

    private Mentions() {
    }

    /** {@code <!subteam^S1>}, else the members' mentions, else the team's name in bold. */
    public static String of(TeamContacts.Contact contact) {
        if (contact.userGroupId() != null) {
            return "<!subteam^" + contact.userGroupId() + ">";
        }
        if (!contact.userIds().isEmpty()) {
            return contact.userIds().stream().map(Mentions::user).collect(Collectors.joining(" "));
        }
        return "*" + (contact.team() == null ? "unknown team" : contact.team()) + "*";
    }

    public static String user(String userId) {
        return "<@" + userId + ">";
    }

    /** The repository's name, linked to its issue when the issue is known. */
    public static String link(PostContent.RepoLink repo) {
        return repo.url() == null ? repo.repo() : "<" + repo.url() + "|" + repo.repo() + ">";
    }
}
