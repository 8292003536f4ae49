package io.upgradebot.project;

import io.upgradebot.config.UpgradeBotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may run upgrade projects: the Slack users in {@code upgrade-bot.orchestrators} and the members of the
 * {@code upgrade-bot.orchestrator-group} user group. With neither configured nobody is an orchestrator (fail
 * closed), and the refusal says how to configure it.
 */
@ApplicationScoped
public class Orchestrators {

    /** Who can, when nobody is configured: how an operator names the orchestrators. */
    static final String NOBODY_YET = "nobody yet: an operator sets UPGRADE_BOT_ORCHESTRATORS (Slack user ids) or "
            + "UPGRADE_BOT_ORCHESTRATOR_GROUP (a user group id)";

    private final UpgradeBotConfig config;
    private final SlackDirectory directory;

    public Orchestrators(UpgradeBotConfig config, SlackDirectory directory) {
        this.config = config;
        this.directory = directory;
    }

    public boolean isOrchestrator(String slackUserId) {
        if (slackUserId == null) {
            return false;
        }
        if (config.orchestrators().orElse(List.of()).contains(slackUserId)) {
            return true;
        }
        return config.orchestratorGroup()
                .map(group -> directory.userGroupMembers(group).contains(slackUserId))
                .orElse(false);
    }

    /** Slack mrkdwn naming who can, for refusals: "<@U1>, <@U2> or members of <!subteam^S1>". */
    public String whoCan() {
        List<String> parts = new ArrayList<>();
        config.orchestrators().orElse(List.of()).forEach(u -> parts.add("<@" + u + ">"));
        config.orchestratorGroup().ifPresent(g -> parts.add("members of <!subteam^" + g + ">"));
        if (parts.isEmpty()) {
            return NOBODY_YET;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
