package io.upgradebot.project;

import java.util.List;
import java.util.Optional;

/**
 * Who an owning team is in Slack: a user group, or a list of users, or nobody known.
 *
 * @param team        the team as the repository names it ({@code openedx/arch-bom})
 * @param userGroupId a Slack user group (S…) when configured
 * @param userIds     Slack users (U…) when configured or found through GitHub e-mails
 * @param source      {@code config}, {@code github} or {@code unknown}
 */
public record TeamAudience(String team, Optional<String> userGroupId, List<String> userIds, String source) {

    public TeamAudience {
        userIds = List.copyOf(userIds);
    }

    public static TeamAudience unknown(String team) {
        return new TeamAudience(team, Optional.empty(), List.of(), "unknown");
    }

    public boolean known() {
        return userGroupId.isPresent() || !userIds.isEmpty();
    }
}
