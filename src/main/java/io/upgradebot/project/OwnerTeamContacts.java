package io.upgradebot.project;

import jakarta.enterprise.context.ApplicationScoped;

/** Teams reached as the Owner Does feature reaches them ({@code upgrade-bot.owners.slack}, or GitHub e-mails). */
@ApplicationScoped
public class OwnerTeamContacts implements TeamContacts {

    private final OwnerTeams teams;

    public OwnerTeamContacts(OwnerTeams teams) {
        this.teams = teams;
    }

    @Override
    public Contact of(String team, String repoOrg) {
        TeamAudience a = teams.audience(team, repoOrg);
        return new Contact(team, a.userGroupId().orElse(null), a.userIds());
    }
}
