package io.upgradebot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the runbook's "Clarify Distribution of Work" step: who owns a repository, how a team is
 * reached in Slack, and who may choose a repository's Owner Does level. Same {@code upgrade-bot} prefix as
 * {@link UpgradeBotConfig} (so {@code upgrade-bot.owners.mapping} is {@code UPGRADE_BOT_OWNERS_MAPPING}), kept in
 * its own interface so features add settings without editing one shared file.
 */
@ConfigMapping(prefix = "upgrade-bot")
public interface OwnerDoesConfig {

    /** Who may choose a repository's level: {@code owners} (default) or {@code channel}. */
    @WithDefault("owners")
    ChoicePolicy choicePolicy();

    Owners owners();

    /**
     * The Owner Does levels, TBD first (domain-facts.md): {@code key|Label|owner steps[|orchestration steps[|note]]}
     * entries separated by {@code ;} or newlines, steps from plan, create-prs, review, merge, deploy, monitor.
     * Empty: the six Open edX levels. Labels must match the board's Owner Does options.
     */
    Optional<String> serviceLevels();

    enum ChoicePolicy {
        /** Members of the repository's owning team, plus orchestrators. */
        OWNERS,
        /** Anyone in the project's channel, plus orchestrators. */
        CHANNEL
    }

    interface Owners {
        /**
         * Owners the repositories' own files do not name: entries {@code org/repo = team} or
         * {@code org/pattern* = team} (glob), separated by newlines or {@code ;}; the first matching entry wins.
         */
        Optional<String> mapping();

        /** A file with more entries in the same format (read at each resolution, so it can be edited live). */
        Optional<String> mappingFile();

        /**
         * How a team is reached in Slack: entries {@code team = S0123ABC} (a user group) or
         * {@code team = U01 U02} (users), separated by newlines or {@code ;}. Teams not listed are looked up
         * through GitHub (team members' public emails, then Slack's users.lookupByEmail) when
         * {@link #githubLookup()} is on.
         */
        Optional<String> slack();

        /** Find a team's Slack users through its GitHub members' emails when the slack setting does not list it. */
        @WithDefault("true")
        boolean githubLookup();

        /** How long a team's Slack members are remembered (user-group members, GitHub lookups). */
        @WithDefault("10m")
        Duration cacheTtl();
    }
}
