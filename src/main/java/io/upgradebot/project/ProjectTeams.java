package io.upgradebot.project;

import io.upgradebot.config.UpgradeBotConfig;
import io.upgradebot.store.UpgradeProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The Slack side of a project's teams: the owning team of a repository and the project's orchestration team. */
@ApplicationScoped
public class ProjectTeams {

    private final TeamContacts contacts;
    private final UpgradeBotConfig config;

    public ProjectTeams(TeamContacts contacts, UpgradeBotConfig config) {
        this.contacts = contacts;
        this.config = config;
    }

    /** The owning team of {@code repo} ({@code org/name}). */
    public TeamContacts.Contact owner(String ownerTeam, String repo) {
        return contacts.of(ownerTeam, org(repo));
    }

    /**
     * The orchestration team as mapped, else the configured orchestrators (they run the project, so an escalation
     * reaches somebody even before the team mapping exists).
     */
    public TeamContacts.Contact orchestration(UpgradeProjectEntity p) {
        String team = p.orchestrationTeam == null || p.orchestrationTeam.isBlank()
                ? "orchestration team"
                : p.orchestrationTeam;
        TeamContacts.Contact mapped = p.orchestrationTeam == null
                ? null
                : contacts.of(p.orchestrationTeam, org(p.roadmapRepo));
        if (mapped != null && mapped.reachable()) {
            return mapped;
        }
        return new TeamContacts.Contact(team, config.orchestratorGroup().orElse(null),
                config.orchestrators().orElse(List.of()));
    }

    static String org(String repo) {
        return repo == null || repo.indexOf('/') < 0 ? null : repo.substring(0, repo.indexOf('/'));
    }
}
