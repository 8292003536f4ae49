package io.upgradebot.slack.view;

import io.upgradebot.project.TeamAudience;
import java.util.stream.Collectors;

/** How a team is mentioned in Slack mrkdwn (refusals and announcements name the people who can act). */
public final class SlackMentions {

    private SlackMentions() {
    }

    /** {@code <!subteam^S1>}, or {@code <@U1> <@U2>}, or the team's name in code format when nobody is known. */
    public static String of(TeamAudience audience) {
        if (audience.userGroupId().isPresent()) {
            return "<!subteam^" + audience.userGroupId().get() + ">";
        }
        if (!audience.userIds().isEmpty()) {
            return audience.userIds().stream().map(u -> "<@" + u + ">").collect(Collectors.joining(" "));
        }
        return "`" + audience.team() + "`";
    }
}
