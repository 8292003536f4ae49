package io.upgradebot.project;

import java.time.LocalDate;
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

    // --- runbook moments (scheduled messages composed when they fire); note: the author's own words, or null ------

    /** Repositories still without an Owner Does level, by owning team. */
    record TbdReminder(String note, String projectName, int tbd, int total, LocalDate completionDate,
            List<TeamRepos> teams) implements PostContent {
        public TbdReminder {
            teams = List.copyOf(teams);
        }
    }

    /** A team's repositories; {@code contact} null when the owning team is unknown. */
    record TeamRepos(String team, TeamContacts.Contact contact, List<RepoLink> repos) {
        public TeamRepos {
            repos = List.copyOf(repos);
        }
    }

    /** {@code daysLeft}: days from today to the completion date (negative when overdue). */
    record DeadlineReminder(String note, String projectName, LocalDate completionDate, long daysLeft, long done,
            long total, long open, long tbd) implements PostContent {
    }

    /**
     * The weekly digest. {@code stale}: issues with no activity for {@code staleAfterDays}+ days; {@code daysLeft} is
     * null without a completion date; {@code byLevel}: the levels that have repositories; {@code closed},
     * {@code chosen}, {@code added}: this week's changes; {@code fromGitHub}: false when the figures are from the last
     * time GitHub could be read.
     */
    record WeeklyDigest(String note, String projectName, String projectSlug, long done, long total, long open,
            long stale, int staleAfterDays, LocalDate completionDate, Long daysLeft, long openDependencies,
            List<LevelCount> byLevel, List<RepoLink> closed, List<LevelChoice> chosen, List<RepoLink> added,
            boolean fromGitHub) implements PostContent {
        public WeeklyDigest {
            byLevel = List.copyOf(byLevel);
            closed = List.copyOf(closed);
            chosen = List.copyOf(chosen);
            added = List.copyOf(added);
        }
    }

    record LevelCount(String levelLabel, long done, long all) {
    }

    /** {@code chosenBy}: a Slack user id, another name (a GitHub login), or null. */
    record LevelChoice(String repo, String levelLabel, String chosenBy) {
    }

    /** Open repositories close to the completion date, for the orchestration team. */
    record AtRisk(String note, String projectName, LocalDate completionDate, long daysLeft,
            TeamContacts.Contact orchestration, List<RiskRepo> repos) implements PostContent {
        public AtRisk {
            repos = List.copyOf(repos);
        }
    }

    /** {@code idleDays} counts for {@link Risk#IDLE}; {@code levelLabel} is null while TBD. */
    record RiskRepo(RepoLink repo, Risk risk, long idleDays, String ownerTeam, String levelLabel) {
    }

    enum Risk {
        TBD, IDLE, OPEN
    }
}
