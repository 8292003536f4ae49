package io.upgradebot.project;

import io.upgradebot.config.UpgradeBotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who may run upgrade projects: the Slack users in {@code upgrade-bot.orchestrators} and the members of the
 * {@code upgrade-bot.orchestrator-group} user group. With neither configured nobody is an orchestrator (fail
 * closed), and the refusal says how to configure it.
 */
@ApplicationScoped
public class Orchestrators {

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

    /** Who the orchestrators are, for refusals: the configured users and group (neither: nobody yet). */
    public OrchestratorGate.OrchestrationTeam whoCan() {
        return new OrchestratorGate.OrchestrationTeam(config.orchestrators().orElse(List.of()),
                config.orchestratorGroup());
    }
}
