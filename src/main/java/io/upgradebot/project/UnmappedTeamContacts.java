package io.upgradebot.project;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Until a team mapping is configured, teams are named, not mentioned. */
@ApplicationScoped
@DefaultBean
public class UnmappedTeamContacts implements TeamContacts {
    @Override
    public Contact of(String team) {
        return new Contact(team, null, null);
    }
}
