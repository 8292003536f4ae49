package io.upgradebot.project;

import java.util.List;

/**
 * What a post says, as data: text a person wrote, or one of the bot's own messages with its figures. The Slack
 * adapter words and formats each kind (mrkdwn, mentions, emoji, links); nothing the use cases put here is Slack text
 * except {@link Text}, which is posted as it is.
 */
public sealed interface PostContent {

    /** Text a person wrote (an announcement, a note) or text the Slack adapter worded already. */
    record Text(String mrkdwn) implements PostContent {
    }

    /** A repository, linked to its upgrade issue when {@code url} is known. */
    record RepoLink(String repo, String url) {
    }

    /**
     * Stale upgrade issues for one recipient: a team (mentioned) where the project talks, or a person by direct
     * message ({@code team} null). Issues of several projects are listed under their project's name.
     */
    record StaleNudge(TeamContacts.Contact team, List<StaleIssue> issues) implements PostContent {
        public StaleNudge {
            issues = List.copyOf(issues);
        }

        public boolean direct() {
            return team == null;
        }
    }

    /** One stale issue: how long nobody touched it and what has to happen next. */
    record StaleIssue(String projectName, RepoLink repo, long idleDays, NextStep next) {
    }

    /**
     * The next step of a stale issue. {@code owningTeam}: the owning team does it at its level (else the orchestration
     * team); {@code levelLabel}: the repository's Owner Does level (null while TBD).
     */
    record NextStep(Step step, boolean owningTeam, String levelLabel) {
    }

    enum Step {
        /** TBD, owner known: choose an Owner Does level. */
        CHOOSE_LEVEL,
        /** TBD, owner unknown: find the owning team, then a level. */
        FIND_OWNER, CREATE_PRS, REVIEW, DEPLOY
    }
}
