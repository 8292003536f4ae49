package io.upgradebot.github;

import io.quarkus.runtime.StartupEvent;
import io.upgradebot.config.GitHubSecrets;
import io.upgradebot.config.UpgradeBotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Builds the one {@link GitHubGateway} of the process from the settings, and says at startup how the bot reaches
 * GitHub (one line, no secrets) and whether dry-run is on. Missing credentials never stop the bot from starting.
 */
@Singleton
public class GitHubSetup {
    private static final Logger LOG = Logger.getLogger(GitHubSetup.class);

    @Inject
    GitHubSecrets secrets;

    @Inject
    UpgradeBotConfig config;

    @Inject
    Clock clock;

    private volatile GitHubAccess access;
    private volatile HubGitHubGateway gateway;

    void onStart(@Observes StartupEvent event) {
        if (access().mode() == GitHubAccess.Mode.NONE) {
            LOG.warn(access().describe());
        } else {
            LOG.info(access().describe());
        }
        if (config.dryRun()) {
            LOG.info("GitHub: dry-run is on (UPGRADE_BOT_DRY_RUN): writes are logged, not sent; reads still go out");
        }
    }

    public synchronized GitHubAccess access() {
        if (access == null) {
            access = GitHubAccess.from(secrets);
        }
        return access;
    }

    /** The concrete gateway (tests shorten its request timeout to simulate a slow GitHub). */
    public synchronized HubGitHubGateway hubGateway() {
        if (gateway == null) {
            UpgradeBotConfig.GitHubWrites writes = config.github();
            gateway = new HubGitHubGateway(access(), config.dryRun(), clock, writes.connectTimeout(),
                    writes.requestTimeout());
        }
        return gateway;
    }

    @Produces
    @ApplicationScoped
    GitHubGateway gateway() {
        return hubGateway();
    }
}
